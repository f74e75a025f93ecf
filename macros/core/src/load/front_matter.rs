//! YAML front matter between `---` lines at the top of a file.

use crate::diagnostic::{Code, Diagnostics};
use crate::source::{SourceFile, Span};
use crate::yaml::{Spans, parse_mapping};
use serde_json::{Map, Value};

/// A page's front matter and where its body starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// The values; `None` when the file has no front matter (empty when it is invalid).
    pub values: Option<Map<String, Value>>,
    /// Where each key and value is written.
    pub spans: Spans,
    /// The byte offset where the markdown body starts.
    pub body_start: usize,
}

impl FrontMatter {
    /// The front matter of `file`; a YAML error is reported and gives no values.
    ///
    /// As in remark-mdc: only a file starting with `---` has front matter, which runs to the
    /// next line starting with `---`; with nothing between the two lines there is none at all.
    pub fn read(file: &SourceFile, diagnostics: &mut Diagnostics) -> FrontMatter {
        let none = FrontMatter::default();
        let text = file.text.as_str();
        let Some(first_line_end) = text.find('\n').filter(|_| text.starts_with("---")) else {
            return none;
        };
        if !text[..first_line_end].trim_end().chars().all(|c| c == '-') {
            return none;
        }
        let yaml_start = first_line_end + 1;
        let mut offset = yaml_start;
        let mut closing = None;
        for line in text[yaml_start..].split_inclusive('\n') {
            if line.starts_with("---") {
                closing = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let Some((yaml_end, body_start)) = closing else {
            diagnostics
                .error(
                    file,
                    Span::new(0, first_line_end),
                    Code::UnclosedFrontMatter,
                    "the front matter opened here is never closed",
                )
                .help =
                Some("end it with a line `---`; until then the page has no front matter".into());
            return none;
        };
        let yaml = &text[yaml_start..yaml_end];
        if yaml.is_empty() {
            return none;
        }
        match parse_mapping(yaml, &|at| yaml_start + at) {
            Ok((values, spans)) => FrontMatter {
                values: Some(values),
                spans,
                body_start,
            },
            Err(error) => {
                diagnostics.error(
                    file,
                    Span::at(error.at),
                    Code::Yaml,
                    format!("invalid YAML in front matter: {}", error.message),
                );
                FrontMatter {
                    values: Some(Map::new()),
                    spans: Spans::default(),
                    body_start,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn front(text: &str) -> (Option<Value>, usize, Vec<String>) {
        let file = SourceFile::new("a.md", PathBuf::new(), text);
        let mut diagnostics = Diagnostics::new(false);
        let FrontMatter {
            values: map,
            body_start: start,
            ..
        } = FrontMatter::read(&file, &mut diagnostics);
        let messages = diagnostics
            .finish()
            .iter()
            .map(ToString::to_string)
            .collect();
        (map.map(Value::Object), start, messages)
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (map, start, _) =
            front("---\ntitle: About Page #comment\ndescription:\n---\n\n## Body");
        assert_eq!(
            map,
            Some(serde_json::json!({"title": "About Page", "description": null}))
        );
        assert_eq!(start, 48);
    }

    #[test]
    fn no_front_matter_without_leading_fence_or_with_empty_yaml() {
        assert_eq!(front("### Title\n---\n").0, None);
        assert_eq!(front("---\n---\ntext").0, None);
        assert_eq!(front("---\ntitle: x\nno closing").0, None);
    }

    #[test]
    fn front_matter_behind_a_byte_order_mark_or_old_mac_line_ends_is_read() {
        let title = Some(serde_json::json!({"title": "T"}));
        assert_eq!(front("\u{feff}---\ntitle: T\n---\nBody").0, title);
        assert_eq!(front("---\rtitle: T\r---\rBody").0, title);
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error_at_its_opening_line() {
        let (map, start, messages) = front("---\ntitle: T\n\n# Heading\n");
        assert_eq!((map, start), (None, 0));
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0]
                .starts_with("a.md:1:1: error: the front matter opened here is never closed"),
            "{}",
            messages[0]
        );
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let (_, _, messages) = front("---\ntitle: ok\nlist: [a, b\n---\n");
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].starts_with("a.md:4:1: error: invalid YAML in front matter"),
            "{}",
            messages[0]
        );
    }
}
