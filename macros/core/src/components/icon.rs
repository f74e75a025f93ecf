//! Icons the content names (component props, legacy modules' icons): looked up in the content
//! folder's icon file, then in the compiler's ([`crate::icons::find`]), and a name neither has
//! reported where it is written.

use super::props::Spanned;
use crate::diagnostic::Code;
use crate::icons;
use crate::load::data::SiteData;
use crate::render::{Renderer, script};
use crate::source::Span;
use maud::{Markup, PreEscaped};

/// Renders the icon a prop names, or nothing when the prop is absent, as [`content_icon`] does.
pub(crate) fn prop_icon(
    renderer: &mut Renderer<'_>,
    name: &Option<Spanned<String>>,
    class: &str,
    alt: Option<&str>,
) -> Option<Markup> {
    let name = name.as_ref()?;
    Some(content_icon(renderer, &name.value, name.span, class, alt))
}

/// Renders the icon the content calls `name`, written at `span` ([`icons::svg`] with `class`
/// and `alt`), and records the name for `site icons`. An icon neither icon file has is a
/// content error (`missing-icon`) and renders as nothing, as does one whose markup can run a
/// script (reported as raw HTML's is: a warning in untrusted mode). An animated icon makes the page load
/// the enhancement script, which stills its SMIL animations for readers who prefer reduced
/// motion (the stylesheet stills CSS ones).
pub(crate) fn content_icon(
    renderer: &mut Renderer<'_>,
    name: &str,
    span: Span,
    class: &str,
    alt: Option<&str>,
) -> Markup {
    let site = renderer.site;
    if let Some(site) = site {
        site.name_icon(name);
    }
    let Some(icon) = icons::find(site.map(SiteData::icons), name) else {
        report_missing(renderer, span, name);
        return PreEscaped(String::new());
    };
    // The content's icon file is content: its markup may only draw.
    let findings = script::svg_findings(&icon.body);
    if !findings.is_empty() {
        for mut finding in findings {
            finding.message = format!("icon `{}`: {}", name.trim(), finding.message);
            renderer.report(finding, span);
        }
        return PreEscaped(String::new());
    }
    if icon.is_animated() {
        renderer.enhanced = true;
    }
    icons::svg(icon, class, alt)
}

/// Renders the compiler's icon `name` that a component draws itself ([`icons::icon`]); an
/// animated one makes the page load the enhancement script, as in [`content_icon`].
pub(crate) fn component_icon(
    renderer: &mut Renderer<'_>,
    name: &str,
    class: &str,
    alt: Option<&str>,
) -> Markup {
    if icons::lookup(name).is_some_and(icons::Icon::is_animated) {
        renderer.enhanced = true;
    }
    icons::icon(name, class, alt)
}

/// Reports that icon `name`, written at `span`, is not available.
fn report_missing(renderer: &mut Renderer<'_>, span: Span, name: &str) {
    let name = name.trim();
    renderer
        .diagnostics
        .error(
            renderer.file,
            span,
            Code::MissingIcon,
            format!("icon `{name}` is not available"),
        )
        .help = Some("run `site icons` to add it".into());
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
            Some("run `site icons` to add it")
        );
        assert!(!compiled.value.body.contains("<svg"));

        // A page compiled on its own has the compiler's icons.
        let text = "::ShMicroCard\n---\nicon: heroicons:envelope\ntitle: A\n---\n::\n";
        let compiled = crate::compile_page("a.md", text, &crate::Options::default());
        assert!(
            compiled.diagnostics.is_empty(),
            "{:?}",
            compiled.diagnostics
        );
        assert!(compiled.value.body.contains("<svg"));
    }
}
