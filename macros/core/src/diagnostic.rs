//! Content problems as values: collected while compiling, reported together.

use crate::source::{SourceFile, Span};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build.
    Error,
    /// Reported, but the page still ships.
    Warning,
}

/// One problem in the content, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code (`unknown-component`, `yaml`, …).
    pub code: &'static str,
    /// What is wrong, lower-case, with the offending thing in backticks.
    pub message: String,
    /// Suggested fix, if any.
    pub help: Option<String>,
    /// File as shown to the author.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text of the offending line.
    pub source_line: String,
    /// How many characters of the line to underline (at least one).
    pub width: usize,
}

impl Diagnostic {
    /// A diagnostic at `span` of `file`.
    pub fn new(
        severity: Severity,
        code: &'static str,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = file.line_col(span.start);
        let source_line = file.line_text(line).to_string();
        let (end_line, end_column) = file.line_col(span.end);
        let line_chars = source_line.chars().count();
        let width = if end_line == line && end_column > column {
            end_column - column
        } else {
            (line_chars + 1).saturating_sub(column).max(1)
        };
        Diagnostic {
            severity,
            code,
            message: message.into(),
            help: None,
            path: file.display_path.clone(),
            line,
            column,
            source_line,
            width,
        }
    }

    /// Adds a suggested fix.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

/// `PATH:LINE:COL: error: MESSAGE`, then the line with a caret under the spot, then the help.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.path, self.line, self.column, self.message
        )?;
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        let pad = " ".repeat(self.column.saturating_sub(1));
        write!(f, "{gutter} | {pad}{}", "^".repeat(self.width))?;
        if let Some(help) = &self.help {
            write!(f, " help: {help}")?;
        }
        Ok(())
    }
}

/// Diagnostics collected over a compilation.
#[must_use = "diagnostics must be reported, not dropped"]
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    lenient: bool,
}

impl Diagnostics {
    /// A collector; in lenient mode content errors are lowered to warnings.
    pub fn new(lenient: bool) -> Diagnostics {
        Diagnostics {
            list: Vec::new(),
            lenient,
        }
    }

    /// Records a content error (a warning in lenient mode).
    pub fn error(
        &mut self,
        file: &SourceFile,
        span: Span,
        code: &'static str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let severity = if self.lenient {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(Diagnostic::new(severity, code, file, span, message))
    }

    /// Records a warning.
    pub fn warning(
        &mut self,
        file: &SourceFile,
        span: Span,
        code: &'static str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(
            Severity::Warning,
            code,
            file,
            span,
            message,
        ))
    }

    fn push(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.list.push(diagnostic);
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Takes over what `other` found.
    pub fn absorb(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }

    /// Whether lenient mode is on.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// Everything found, sorted by file and position.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.list.dedup();
        self.list
    }
}

/// `2 errors, 1 warning`: the count closing a report.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    format!("{}, {}", count(errors, "error"), count(warnings, "warning"))
}

/// `1 page`, `2 pages`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn renders_location_snippet_and_help() {
        let file = SourceFile::new("content/a.md", PathBuf::new(), "intro\n::ShAlrt{x}\n::\n");
        let mut diagnostics = Diagnostics::new(false);
        let help = "did you mean `ShAlert`?";
        diagnostics
            .error(
                &file,
                Span::new(6, 14),
                "unknown-component",
                "unknown component `ShAlrt`",
            )
            .help = Some(help.into());
        let list = diagnostics.finish();
        assert_eq!(
            list[0].to_string(),
            "content/a.md:2:1: error: unknown component `ShAlrt`\n  |\n2 | ::ShAlrt{x}\n  | ^^^^^^^^ help: did you mean `ShAlert`?"
        );
    }

    #[test]
    fn summary_counts_errors_and_warnings() {
        let file = SourceFile::new("a.md", PathBuf::new(), "x");
        let mut diagnostics = Diagnostics::new(false);
        diagnostics.error(&file, Span::at(0), "a", "one");
        diagnostics.error(&file, Span::at(0), "b", "two");
        diagnostics.warning(&file, Span::at(0), "c", "three");
        assert_eq!(summary(&diagnostics.finish()), "2 errors, 1 warning");
        assert_eq!(summary(&[]), "0 errors, 0 warnings");
    }

    #[test]
    fn lenient_mode_lowers_errors_to_warnings() {
        let file = SourceFile::new("a.md", PathBuf::new(), "x");
        let mut diagnostics = Diagnostics::new(true);
        diagnostics.error(&file, Span::at(0), "yaml", "bad");
        assert_eq!(diagnostics.finish()[0].severity, Severity::Warning);
    }
}
