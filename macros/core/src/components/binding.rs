//! `{{ path }}` and `{{ path || 'default' }}`: a value of the page's front matter printed in
//! its text. `$doc.` before the path names the page itself, as Nuxt Content writes it
//! (`{{ $doc.title }}`).

use crate::diagnostic::Code;
use crate::render::Renderer;
use crate::source::Span;
use crate::tree::Component;
use maud::Markup;
use serde_json::Value;

/// The front-matter value at the binding's dotted path, as text, else its default; a path the
/// front matter lacks, with no default, is a content error.
pub(super) fn render(renderer: &mut Renderer<'_>, component: &Component, span: Span) -> Markup {
    let text = |key: &str| {
        component
            .attributes
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
    };
    let written = text("value");
    let path = written.strip_prefix("$doc.").unwrap_or(written);
    let found = path
        .split('.')
        .try_fold(
            &Value::Object(renderer.front_matter.clone()),
            |value, key| value.get(key),
        )
        .cloned();
    let value = match found {
        Some(Value::String(text)) => text,
        Some(Value::Null) | None => {
            let default = text("defaultValue")
                .trim_matches(|c| c == '\'' || c == '"')
                .to_string();
            if default.is_empty() && found.is_none() {
                let message = format!("`{{{{ {written} }}}}` names nothing in the front matter");
                renderer
                    .diagnostics
                    .error(renderer.file, span, Code::UnknownBinding, message)
                    .help = Some(
                    "add the key to the front matter, or give a default: `{{ $doc.key || 'text' }}`"
                        .into(),
                );
            }
            default
        }
        Some(other) => other.to_string(),
    };
    maud::html! { (value) }
}

#[cfg(test)]
mod tests {
    use crate::{Options, compile_page};

    fn body_and_errors(text: &str) -> (String, Vec<String>) {
        let compiled = compile_page("a.md", text, &Options::default());
        let errors = compiled
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        (compiled.value.body, errors)
    }

    #[test]
    fn bindings_print_front_matter_with_and_without_doc() {
        let front = "---\ntitle: LwM2M\nmeta:\n  version: 1.2\n  owner: OMA\n---\n";
        for (binding, printed) in [
            ("{{ title }}", "LwM2M"),
            ("{{ $doc.title }}", "LwM2M"),
            ("{{ $doc.meta.owner }}", "OMA"),
            ("{{ $doc.meta.version }}", "1.2"),
            ("{{ $doc.missing || 'none yet' }}", "none yet"),
        ] {
            let (body, errors) = body_and_errors(&format!("{front}\nIt is {binding}.\n"));
            assert_eq!(body, format!("<p>It is {printed}.</p>"), "{binding}");
            assert!(errors.is_empty(), "{binding}: {errors:?}");
        }
        let (_, errors) = body_and_errors(&format!("{front}\n{{{{ $doc.nothing }}}}\n"));
        assert_eq!(
            errors,
            ["`{{ $doc.nothing }}` names nothing in the front matter"]
        );
    }
}
