//! Content problems as values: collected while compiling, reported together.

use crate::source::{SourceFile, Span};
use std::fmt;

/// Declares [`Code`] from one list: each check's variant, its stable kebab-case name, and
/// what it is about.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// What kind of problem a diagnostic is: one per check, with a stable kebab-case name
        /// ([`Code::as_str`]) that tests and tools can match on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name (`unknown-component`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    /// A file is not valid UTF-8.
    Encoding = "encoding",
    /// Two files map to one route.
    RouteClash = "route-clash",
    /// Invalid YAML in front matter, props or folder metadata.
    Yaml = "yaml",
    /// A component fence that closes nothing.
    UnmatchedFence = "unmatched-fence",
    /// A component fence that is never closed.
    UnclosedComponent = "unclosed-component",
    /// A fence with fewer colons that closes a component and the longer one inside it.
    FenceClosesParent = "fence-closes-parent",
    /// Content nested deeper than the parser follows.
    Nesting = "nesting",
    /// A component name no component has.
    UnknownComponent = "unknown-component",
    /// A prop the component does not declare.
    UnknownProp = "unknown-prop",
    /// A prop value of the wrong type or outside its allowed values.
    PropValue = "prop-value",
    /// A prop written under the name the OMA site has since renamed (a warning: it still works).
    RenamedProp = "renamed-prop",
    /// A `{{ binding }}` naming nothing in the front matter.
    UnknownBinding = "unknown-binding",
    /// An icon the icon set does not have.
    MissingIcon = "missing-icon",
    /// A data file that cannot be read, or data a component cannot use.
    Data = "data",
    /// A legacy `modules:` list or module that cannot be rendered.
    LegacyModule = "legacy-module",
    /// A legacy module name no module has.
    UnknownModule = "unknown-module",
    /// A link to a page or file that does not exist.
    BrokenLink = "broken-link",
    /// A link to an anchor the page does not have.
    MissingAnchor = "missing-anchor",
    /// An image that does not exist.
    MissingImage = "missing-image",
    /// A `javascript:` URL.
    JavascriptUrl = "javascript-url",
    /// A Content-Security-Policy that cannot be sent as a header.
    Csp = "csp",
    /// A redirect table that is not a mapping of paths to routes.
    Redirects = "redirects",
    /// A redirect's old path that cannot be redirected.
    RedirectFrom = "redirect-from",
    /// A redirect's old path that a page or file is served at.
    RedirectShadows = "redirect-shadows",
    /// A redirect to no page's route.
    RedirectTarget = "redirect-target",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Codes compare with their names, so that tests and tools can write `code == "yaml"`.
impl PartialEq<&str> for Code {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

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
    /// What kind of problem it is.
    pub code: Code,
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
        code: Code,
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

impl Diagnostic {
    /// The diagnostic without its severity, `PATH:LINE:COL: MESSAGE` then the snippet: for a
    /// report that states the severity itself, as rustc's `error:` does.
    pub fn located(&self) -> Located<'_> {
        Located(self)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, severity: Option<&str>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path, self.line, self.column)?;
        if let Some(severity) = severity {
            write!(f, "{severity}: ")?;
        }
        writeln!(f, "{}", self.message)?;
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

/// `PATH:LINE:COL: error: MESSAGE`, then the line with a caret under the spot, then the help.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        self.write(f, Some(severity))
    }
}

/// A diagnostic shown without its severity ([`Diagnostic::located`]).
#[derive(Debug)]
pub struct Located<'a>(&'a Diagnostic);

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, None)
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
        code: Code,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let severity = if self.lenient {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(Diagnostic::new(severity, code, file, span, message))
    }

    /// Records `diagnostic` as it is: a warning stays a warning in every mode.
    pub fn push(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
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
        sort(&mut self.list);
        self.list
    }
}

/// Sorts `diagnostics` by file and position, as every report lists them, and drops repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    diagnostics.dedup();
}

/// The candidate nearest to `name`, if it is a plausible misspelling: for "did you mean"
/// help. Compared without regard to ASCII case, `-` and `_` (`sh-alrt` is near `ShAlert`).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = normalise(name);
    candidates
        .into_iter()
        .map(|candidate| {
            let candidate_normalised = normalise(candidate);
            let distance = strsim::damerau_levenshtein(&wanted, &candidate_normalised);
            (distance, candidate_normalised.chars().count(), candidate)
        })
        // A third of the letters may differ: enough for typos, too few to pair unrelated short names.
        .filter(|&(distance, length, _)| distance <= length / 3)
        .min_by_key(|&(distance, _, _)| distance)
        .map(|(_, _, candidate)| candidate)
}

/// `name` without `-` and `_`, in ASCII lower case.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
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
                Code::UnknownComponent,
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
        diagnostics.error(&file, Span::at(0), Code::Yaml, "one");
        diagnostics.error(&file, Span::at(0), Code::Data, "two");
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            Code::Nesting,
            &file,
            Span::at(0),
            "three",
        ));
        assert_eq!(summary(&diagnostics.finish()), "2 errors, 1 warning");
        assert_eq!(summary(&[]), "0 errors, 0 warnings");
    }

    #[test]
    fn lenient_mode_lowers_errors_to_warnings() {
        let file = SourceFile::new("a.md", PathBuf::new(), "x");
        let mut diagnostics = Diagnostics::new(true);
        diagnostics.error(&file, Span::at(0), Code::Yaml, "bad");
        assert_eq!(diagnostics.finish()[0].severity, Severity::Warning);
    }
}
