//! Icons named by component props: rendered from the site's icon set ([`crate::icons`]), and a
//! name the set lacks reported where it is written.

use super::props::Spanned;
use crate::diagnostic::Code;
use crate::icons::{icon, icon_exists};
use crate::render::Renderer;
use maud::Markup;

/// Renders the icon a prop names, or nothing when the prop is absent. An icon the site does
/// not have is a content error (`missing-icon`), reported at the prop's value, and renders as
/// nothing.
pub(crate) fn prop_icon(
    renderer: &mut Renderer<'_>,
    name: &Option<Spanned<String>>,
    class: &str,
    alt: Option<&str>,
) -> Option<Markup> {
    let name = name.as_ref()?;
    if !icon_exists(&name.value) {
        report_missing(renderer, name.span, &name.value);
    }
    Some(icon(&name.value, class, alt))
}

/// Reports that icon `name`, written at `span`, is not available.
pub(crate) fn report_missing(renderer: &mut Renderer<'_>, span: crate::source::Span, name: &str) {
    let name = name.trim();
    renderer
        .diagnostics
        .error(
            renderer.file,
            span,
            Code::MissingIcon,
            format!("icon `{name}` is not available"),
        )
        .help = Some(format!(
        "run `python3 scripts/extract-icons.py {name}` to add it"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_icon_prop_is_reported() {
        let text = "::ShMicroCard\n---\nicon: tabler:no-such-icon\ntitle: A\n---\n::\n";
        let compiled = crate::compile_page("a.md", text, &crate::Options::default());
        let missing: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.code == "missing-icon")
            .collect();
        assert_eq!(missing.len(), 1, "{:?}", compiled.diagnostics);
        assert_eq!(
            missing[0].message,
            "icon `tabler:no-such-icon` is not available"
        );
        assert_eq!(
            missing[0].help.as_deref(),
            Some("run `python3 scripts/extract-icons.py tabler:no-such-icon` to add it")
        );
        assert!(!compiled.value.body.contains("<svg"));

        let text = "::ShMicroCard\n---\nicon: tabler:network\ntitle: A\n---\n::\n";
        let compiled = crate::compile_page("a.md", text, &crate::Options::default());
        assert!(
            compiled.diagnostics.is_empty(),
            "{:?}",
            compiled.diagnostics
        );
        assert!(compiled.value.body.contains("<svg"));
    }
}
