//! Content problems as values: collected while compiling, reported together.

use crate::source::{SourceFile, Span};
use serde::{Deserialize, Serialize};
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Declares [`Code`] from one list: each check's variant, its stable kebab-case name, and
/// what it is about.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// What kind of problem a diagnostic is: one per check, with a stable kebab-case name
        /// ([`Code::as_str`]) that tests and tools can match on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// A file whose name cannot be a URL.
    FileName = "file-name",
    /// A symbolic link leading out of the content folder, to nothing, or around a loop.
    ContentLink = "content-link",
    /// Invalid YAML in front matter, props or folder metadata.
    Yaml = "yaml",
    /// A front matter opened by `---` and never closed.
    UnclosedFrontMatter = "unclosed-front-matter",
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
    /// A code block or inline code in a language the highlighter does not know.
    UnknownLanguage = "unknown-language",
    /// A `{{ binding }}` naming nothing in the front matter.
    UnknownBinding = "unknown-binding",
    /// An icon the icon set does not have.
    MissingIcon = "missing-icon",
    /// A data file that cannot be read, or data a component cannot use.
    Data = "data",
    /// An article (`layout: articles`) whose `date` or file name gives no publication date.
    ArticleDate = "article-date",
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
    /// A URL whose scheme runs a script or makes a document of its own (`javascript:`,
    /// `vbscript:`, `data:` but for images).
    ScriptUrl = "script-url",
    /// A `<script>` element.
    ScriptElement = "script-element",
    /// An event-handler attribute (`onclick`, `onerror`…).
    EventHandler = "event-handler",
    /// An `<iframe srcdoc>`: a document written in an attribute.
    IframeSrcdoc = "iframe-srcdoc",
    /// A `<meta http-equiv="refresh">`, which sends the reader elsewhere.
    MetaRefresh = "meta-refresh",
    /// CSS that could leave its declaration or attribute, or run a script.
    UnsafeStyle = "unsafe-style",
    /// An embed whose host the page's Content-Security-Policy cannot name, or, in untrusted
    /// mode, may not allow.
    Csp = "csp",
    /// A redirect table that is not a mapping of paths to routes.
    Redirects = "redirects",
    /// A redirect's old path that cannot be redirected.
    RedirectFrom = "redirect-from",
    /// A redirect's old path that a page or file is served at.
    RedirectShadows = "redirect-shadows",
    /// A redirect to no page's route.
    RedirectTarget = "redirect-target",
    /// A row of the LwM2M registry's `index.tsv` or `LICENCES.tsv` that cannot be read, or that
    /// names an object file the registry's data does not have.
    RegistryIndex = "registry-index",
    /// An LwM2M object file that is not well-formed XML.
    RegistryXml = "registry-xml",
    /// An LwM2M object file missing an element its pages need, or holding one the schema does
    /// not allow.
    RegistrySchema = "registry-schema",
    /// An object's `ObjectID` that is not the ID its file name gives.
    RegistryObjectId = "registry-object-id",
    /// An `ObjectURN` that does not name the object's ID and version.
    RegistryUrn = "registry-urn",
    /// A resource ID that is not a number, or that another resource of the object has.
    RegistryResourceId = "registry-resource-id",
    /// An `Operations`, `Type`, `MultipleInstances` or `Mandatory` outside its allowed values.
    RegistryValue = "registry-value",
    /// An executable resource (`E`) with a `Type`.
    RegistryExecutableType = "registry-executable-type",
    /// A numeric resource's `RangeEnumeration` written as a range or list that does not parse.
    RegistryRange = "registry-range",
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Fails the build.
    Error,
    /// Reported, but the page still ships.
    Warning,
}

/// One problem in the content, located in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// How many problems it stands for: 1, or for the line summing up what a file had beyond
    /// [`MAX_PER_FILE`], how many of that kind were left out.
    pub count: usize,
}

/// The most problems listed for one file; beyond them, one line per kind says how many more
/// there are (a broken file can hold a million).
pub const MAX_PER_FILE: usize = 100;

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
            count: 1,
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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    lenient: bool,
    /// How many problems each file has had.
    per_file: HashMap<String, usize>,
    /// Beyond [`MAX_PER_FILE`] in a file: the first problem of each kind and severity left
    /// out, counting them.
    left_out: BTreeMap<(String, Code, Severity), Diagnostic>,
    /// What a caller adding help to a left-out problem writes into.
    discarded: Diagnostic,
}

impl Diagnostics {
    /// A collector; in lenient mode content errors are lowered to warnings.
    pub fn new(lenient: bool) -> Diagnostics {
        let nowhere = SourceFile::new("", std::path::PathBuf::new(), "");
        Diagnostics {
            list: Vec::new(),
            lenient,
            per_file: HashMap::new(),
            left_out: BTreeMap::new(),
            discarded: Diagnostic::new(
                Severity::Warning,
                Code::Encoding,
                &nowhere,
                Span::at(0),
                "",
            ),
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
        // Past the limit, another of a kind already left out is only counted: no need to
        // place it in the file.
        let key = (file.display_path.clone(), code, severity);
        if self.full(&file.display_path) {
            if let Some(first) = self.left_out.get_mut(&key) {
                first.count += 1;
                return &mut self.discarded;
            }
        }
        self.push(Diagnostic::new(severity, code, file, span, message))
    }

    /// Records `diagnostic` as it is: a warning stays a warning in every mode.
    pub fn push(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        let full = self.full(&diagnostic.path);
        *self.per_file.entry(diagnostic.path.clone()).or_default() += diagnostic.count;
        if full {
            let key = (
                diagnostic.path.clone(),
                diagnostic.code,
                diagnostic.severity,
            );
            match self.left_out.entry(key) {
                Entry::Occupied(mut first) => first.get_mut().count += diagnostic.count,
                Entry::Vacant(slot) => {
                    slot.insert(diagnostic);
                }
            }
            return &mut self.discarded;
        }
        self.list.push(diagnostic);
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Whether `path` has had as many problems as are listed for one file.
    fn full(&self, path: &str) -> bool {
        self.per_file.get(path).is_some_and(|&n| n >= MAX_PER_FILE)
    }

    /// Takes over what `other` found.
    pub fn absorb(&mut self, other: Diagnostics) {
        for diagnostic in other.list.into_iter().chain(other.left_out.into_values()) {
            self.push(diagnostic);
        }
    }

    /// Takes over copies of what `other` found, which keeps them.
    pub fn absorb_copies(&mut self, other: &Diagnostics) {
        for diagnostic in other.list.iter().chain(other.left_out.values()) {
            self.push(diagnostic.clone());
        }
    }

    /// Whether lenient mode is on.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// Everything found, sorted by file and position; what a file had beyond
    /// [`MAX_PER_FILE`] as one line per kind, counting them.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        for ((_, code, _), mut first) in self.left_out {
            first.message = format!(
                "and {} more {code} problem{} in this file",
                thousands(first.count),
                if first.count == 1 { "" } else { "s" }
            );
            first.help = Some(format!(
                "only the first {MAX_PER_FILE} problems of a file are listed"
            ));
            self.list.push(first);
        }
        sort(&mut self.list);
        self.list
    }
}

/// `999900` as `999,900`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
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
        .map(|d| d.count)
        .sum();
    let warnings = diagnostics.iter().map(|d| d.count).sum::<usize>() - errors;
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
    fn a_file_lists_its_first_problems_then_counts_the_rest_by_kind() {
        let file = SourceFile::new("a.md", PathBuf::new(), &"::\n".repeat(100_000));
        let mut diagnostics = Diagnostics::new(false);
        for line in 0..100_000 {
            diagnostics.error(&file, Span::at(line * 3), Code::UnmatchedFence, "stray");
        }
        diagnostics
            .error(&file, Span::at(0), Code::Yaml, "bad")
            .help = Some("ignored".into());
        let list = diagnostics.finish();
        assert_eq!(list.len(), MAX_PER_FILE + 2);
        assert_eq!(summary(&list), "100001 errors, 0 warnings");
        let fences = list
            .iter()
            .find(|d| d.message.contains("more unmatched-fence"))
            .map(|d| d.message.clone());
        assert_eq!(
            fences.as_deref(),
            Some("and 99,900 more unmatched-fence problems in this file")
        );
        assert!(
            list.iter()
                .any(|d| d.message == "and 1 more yaml problem in this file")
        );
    }

    #[test]
    fn lenient_mode_lowers_errors_to_warnings() {
        let file = SourceFile::new("a.md", PathBuf::new(), "x");
        let mut diagnostics = Diagnostics::new(true);
        diagnostics.error(&file, Span::at(0), Code::Yaml, "bad");
        assert_eq!(diagnostics.finish()[0].severity, Severity::Warning);
    }
}
