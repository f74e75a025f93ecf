//! YAML front matter between `---` lines at the top of a file.

use super::yaml::parse_mapping;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostics;
use crate::source::{SourceFile, Span};
use serde_json::{Map, Value};

/// The front matter (if any) and the byte offset where the markdown body starts.
///
/// As in remark-mdc: only a file starting with `---` has front matter, which runs to the next
/// line starting with `---`; with nothing between the two lines there is none at all.
pub(super) fn split(
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> (Option<Map<String, Value>>, usize) {
    let text = file.text.as_str();
    let Some(first_line_end) = text.find('\n').filter(|_| text.starts_with("---")) else {
        return (None, 0);
    };
    if !text[..first_line_end].trim_end().chars().all(|c| c == '-') {
        return (None, 0);
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
        return (None, 0);
    };
    let yaml = &text[yaml_start..yaml_end];
    if yaml.is_empty() {
        return (None, 0);
    }
    match parse_mapping(yaml) {
        Ok(map) => (Some(map), body_start),
        Err(error) => {
            let (line, _) = file.line_col(yaml_start as u32);
            let line_start = file.line_start(line + error.line - 1);
            let at = line_start + column_bytes(file.line_text(line + error.line - 1), error.column);
            diagnostics.error(
                file,
                Span::at(at),
                Code::Yaml,
                format!("invalid YAML in front matter: {}", error.message),
            );
            (Some(Map::new()), body_start)
        }
    }
}

/// Byte offset of 1-based character column `column` in `line`.
pub(super) fn column_bytes(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn front(text: &str) -> (Option<Value>, usize, Vec<String>) {
        let file = SourceFile::new("a.md", PathBuf::new(), text);
        let mut diagnostics = Diagnostics::new(false);
        let (map, start) = split(&file, &mut diagnostics);
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
