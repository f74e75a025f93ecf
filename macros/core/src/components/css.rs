//! Inline CSS made of props (a card's background image, a segment's background): written only
//! when it stays in its declaration and runs nothing (`render::script`), else reported at the
//! prop and left out.

use super::props::Spanned;
use crate::render::{Renderer, script};

/// The image URL prop `url`, when CSS's `url(…)` can hold it as it is.
pub(super) fn image_url<'p>(
    renderer: &mut Renderer<'_>,
    url: &'p Spanned<String>,
) -> Option<&'p str> {
    match script::css_url_finding(&url.value) {
        Some(finding) => {
            renderer.report(finding, url.span);
            None
        }
        None => Some(&url.value),
    }
}

/// `background-image:url('…')` of the image URL prop `url`, or nothing.
pub(super) fn background_image(
    renderer: &mut Renderer<'_>,
    url: Option<&Spanned<String>>,
) -> Option<String> {
    let url = image_url(renderer, url?)?;
    Some(format!("background-image:url('{url}')"))
}

/// The CSS declarations prop `css`, when they stay in their `style` attribute and run nothing.
pub(super) fn declarations<'p>(
    renderer: &mut Renderer<'_>,
    css: &'p Spanned<String>,
) -> Option<&'p str> {
    match script::css_declarations_finding(&css.value) {
        Some(finding) => {
            renderer.report(finding, css.span);
            None
        }
        None => Some(&css.value),
    }
}
