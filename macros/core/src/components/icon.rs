//! Iconify icons (`tabler:network`, `i-heroicons-information-circle`) as inline SVG.

use maud::{Markup, html};

/// `i-devicon-plain:fastapi` → `devicon-plain:fastapi`.
pub(super) fn icon_name(name: &str) -> &str {
    name.strip_prefix("i-").unwrap_or(name)
}

/// An inline `<svg>` for icon `name` carrying `class`.
///
/// The SVG bodies are not embedded yet: the element keeps the icon's name and classes, so
/// the layout holds and the icon data can be filled in without touching any component.
pub(crate) fn icon(name: &str, class: &str, alt: Option<&str>) -> Markup {
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class=[super::non_empty(class)] data-icon=(icon_name(name))
            width="1em" height="1em" viewBox="0 0 24 24" role="img" aria-hidden="true" aria-label=[alt] {}
    }
}
