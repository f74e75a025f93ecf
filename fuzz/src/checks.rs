//! Invariants more than one target checks.

use site_compiler::Diagnostic;
use site_compiler::source::{SourceFile, Span};
use site_compiler::yaml::{Children, Spans};

/// `span` lies within `text`, on character boundaries: a diagnostic placed there points at
/// the right column, and the text it covers can be sliced.
pub(crate) fn assert_span_in(text: &str, span: Span, what: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "{what} span {start}..{end} outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} splits a character"
    );
}

/// Every span of a YAML value, its keys and its entries lies within `text`.
pub(crate) fn assert_yaml_spans_in(text: &str, spans: &Spans) {
    let mut stack = vec![spans];
    while let Some(spans) = stack.pop() {
        assert_span_in(text, spans.value, "YAML value");
        match &spans.children {
            Children::None => {}
            Children::Map(entries) => {
                for (_, key, value) in entries {
                    assert_span_in(text, *key, "YAML key");
                    stack.push(value);
                }
            }
            Children::List(items) => stack.extend(items),
        }
    }
}

/// Every diagnostic is about `file`, at a line of it, with that line's text, and prints.
pub(crate) fn assert_located(file: &SourceFile, diagnostics: &[Diagnostic]) {
    let lines = file.text.split('\n').count();
    for diagnostic in diagnostics {
        assert_eq!(diagnostic.path, file.display_path, "{diagnostic}");
        assert!(
            (1..=lines).contains(&diagnostic.line),
            "line {} of {lines}: {diagnostic}",
            diagnostic.line
        );
        assert_eq!(
            diagnostic.source_line,
            file.line_text(diagnostic.line),
            "{diagnostic}"
        );
        let columns = diagnostic.source_line.chars().count() + 1;
        assert!(
            (1..=columns).contains(&diagnostic.column),
            "column {} of {columns}: {diagnostic}",
            diagnostic.column
        );
        assert!(diagnostic.width >= 1, "{diagnostic}");
    }
}
