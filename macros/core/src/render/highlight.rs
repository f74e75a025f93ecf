//! Code highlighted at compile time, as Nuxt Content highlights it: Shiki's markup, each token
//! carrying its colours in github-light and github-dark as CSS variables, which the stylesheet
//! picks by colour mode (`style/code.css`).
//!
//! The highlighter is [giallo] (the Zola project's): it runs the VS Code TextMate grammars and
//! themes that Shiki runs, so tokens get Shiki's colours, and its grammars include Shiki's
//! `mdc`. syntect (with two-face) has Sublime grammars, no MDC grammar and other colours;
//! tree-sitter highlighters have neither MDC nor the themes. giallo is EUPL-1.2 licensed, a
//! copyleft licence on giallo itself: this crate stays MIT or Apache-2.0, a binary that links
//! it (`site check` and `site dev`) carries giallo's notice and the pointer to its source,
//! and `include_site!` runs it inside the proc-macro only, at build time, so an embedding
//! binary does not contain it.
//!
//! [giallo]: https://docs.rs/giallo

use super::html::{escape_into, open_tag};
use crate::source::write_atomically;
use giallo::{FontStyle, HighlightOptions, Registry, Style, ThemeVariant};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The light and dark themes, as Nuxt Content's defaults name them.
const LIGHT: &str = "github-light";
const DARK: &str = "github-dark";

/// The classes of a highlighted block's `pre` (and of highlighted inline code), as Shiki
/// writes them for the two themes.
pub const SHIKI_CLASSES: &str = "shiki shiki-themes github-light github-dark";

/// Language names Shiki reads as plain text, besides those giallo has a grammar for.
const PLAIN: &[&str] = &["text", "txt", "plain", "plaintext"];

/// The languages suggested for a misspelt one: those Nuxt Content loads, and the others the
/// site's pages are likely to show.
const SUGGESTED: &[&str] = &[
    "mdc",
    "md",
    "markdown",
    "yaml",
    "yml",
    "ts",
    "typescript",
    "js",
    "javascript",
    "jsx",
    "tsx",
    "json",
    "vue",
    "html",
    "css",
    "scss",
    "bash",
    "sh",
    "shell",
    "rust",
    "toml",
    "xml",
    "python",
    "c",
    "text",
];

/// giallo's grammars and themes, loaded once per process, when the first block needs them.
static REGISTRY: LazyLock<Option<Registry>> = LazyLock::new(|| Registry::builtin().ok());

/// What a fence's info string says, read as Nuxt Content reads it (`parseThematicBlock` of
/// @nuxtjs/mdc): ```` ```ts [nuxt.config.ts] {2,4-6} other ````.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fence {
    /// The language: the first word, up to a `{`, `[` or `|`.
    pub language: Option<String>,
    /// `[name]`: the file the code is from.
    pub filename: Option<String>,
    /// `{2,4-6}`: the lines to highlight.
    pub highlights: Vec<RangeInclusive<u32>>,
    /// What is left, which no one reads: kept on the `pre` as `data-meta`.
    pub meta: Option<String>,
}

impl Fence {
    /// The fence of a code block whose info string was split into `lang` and `meta`.
    pub fn parse(lang: Option<&str>, meta: Option<&str>) -> Fence {
        let info = match (lang, meta) {
            (Some(lang), Some(meta)) => format!("{lang} {meta}"),
            (Some(lang), None) => lang.to_string(),
            (None, Some(meta)) => meta.to_string(),
            (None, None) => return Fence::default(),
        };
        let info = info.trim();
        // Up to the first `{`, `[` or `|` that something follows.
        let before_marks = info
            .char_indices()
            .find(|&(at, c)| matches!(c, '{' | '[' | '|') && at + 1 < info.len())
            .map_or(info, |(at, _)| &info[..at]);
        let language = before_marks
            .split([' ', '\t'])
            .next()
            .filter(|word| !word.is_empty());
        let braces = info.find('{').and_then(|open| {
            let close = open + info[open..].find('}')?;
            Some(open..close + 1)
        });
        let brackets = info
            .find('[')
            .and_then(|open| Some(open..info.rfind(']').filter(|close| *close > open)? + 1));
        let mut rest = info.to_string();
        if let Some(language) = language {
            rest = rest.replacen(language, "", 1);
        }
        for range in [&braces, &brackets].into_iter().flatten() {
            rest = rest.replacen(&info[range.clone()], "", 1);
        }
        let rest = rest.trim();
        Fence {
            language: language.map(str::to_string),
            filename: brackets
                .map(|range| unescape(&info[range.start + 1..range.end - 1]))
                .filter(|name| !name.is_empty()),
            highlights: braces
                .map(|range| line_ranges(&info[range.start + 1..range.end - 1]))
                .unwrap_or_default(),
            meta: (!rest.is_empty()).then(|| rest.to_string()),
        }
    }

    fn highlighted(&self, line: u32) -> bool {
        self.highlights.iter().any(|range| range.contains(&line))
    }
}

/// `\[` and the other escaped regular-expression characters of a file name, unescaped.
fn unescape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && "[]{}().*+?^$|".contains(next) => {}
            _ => out.push(c),
        }
    }
    out
}

/// `2,4-6` as line ranges; what is not a number or a range of two is skipped.
fn line_ranges(list: &str) -> Vec<RangeInclusive<u32>> {
    list.split(',')
        .filter_map(|part| {
            let mut ends = part.trim().split('-').map(|end| end.trim().parse::<u32>());
            let start = ends.next()?.ok()?;
            let end = match ends.next() {
                Some(end) => end.ok()?,
                None => start,
            };
            Some(start..=end)
        })
        .collect()
}

/// The language nearest to an unknown `language`, for "did you mean" help.
pub fn suggestion(language: &str) -> Option<&'static str> {
    crate::diagnostic::closest(language, SUGGESTED.iter().copied())
}

/// Highlighted code: whether its language is known, and its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted {
    /// Whether the highlighter knows the language; unknown ones are plain text.
    pub known: bool,
    /// The lines, each a `span.line` (the contents of the `code` element), or for inline code
    /// the tokens.
    pub html: Arc<str>,
}

/// `code` in `language` as the lines of a block, the `highlighted` ones marked: one
/// `span.line` with its number per line, holding the tokens.
pub fn block(code: &str, language: &str, fence: &Fence) -> Highlighted {
    // Shiki's markup is about eight times the code it colours.
    let mut html = String::with_capacity(code.len() * 8);
    // As Nuxt Content: trailing white space dropped, every line ended by its newline inside
    // the line (its renderer drops the newlines between elements).
    let (known, lines) = tokens(code.trim_end(), language);
    for (index, line) in lines.iter().enumerate() {
        let number = index as u32 + 1;
        html.push_str(if fence.highlighted(number) {
            "<span class=\"line highlight\" line=\""
        } else {
            "<span class=\"line\" line=\""
        });
        let _ = write!(html, "{number}\">");
        write_tokens(&mut html, line, true);
        html.push_str("</span>");
    }
    Highlighted {
        known,
        html: html.into(),
    }
}

/// Inline code in `language`: its tokens, without lines.
pub fn inline(code: &str, language: &str) -> Highlighted {
    let (known, lines) = tokens(code, language);
    let mut html = String::with_capacity(code.len() * 4);
    for line in &lines {
        write_tokens(&mut html, line, false);
    }
    Highlighted {
        known,
        html: html.into(),
    }
}

/// A line's runs of text, each with its `style` attribute: `None` for the themes' default,
/// which the block's own colours give.
type Line<'a> = Vec<(&'a str, Option<Cow<'static, str>>)>;

/// The lines of `code` as tokens with their style attributes, and whether the language is
/// known (when not, every token has the default style, as in Shiki's `text`).
fn tokens<'a>(code: &'a str, language: &str) -> (bool, Vec<Line<'a>>) {
    let language = language.to_ascii_lowercase();
    if PLAIN.contains(&language.as_str()) {
        return (true, plain_lines(code));
    }
    let stand_in = ascii_stand_in(code);
    match fast_tokens(code, &stand_in, &language) {
        Some(lines) => (true, lines),
        None => giallo_tokens(code, &stand_in, &language),
    }
}

/// Each line of `code` as one run of text in the default colours.
fn plain_lines(code: &str) -> Vec<Line<'_>> {
    code.split('\n').map(|line| vec![(line, None)]).collect()
}

/// The lines of `code` from the tokenizers written for the commonest languages, when they
/// know all of it.
fn fast_tokens<'a>(code: &'a str, stand_in: &str, language: &str) -> Option<Vec<Line<'a>>> {
    match code.is_ascii() {
        // The runs are the code's own, joined already where styled alike.
        true => fast::lines(code, language),
        false => Some(own_text(code, fast::lines(stand_in, language)?)),
    }
}

/// The lines of `code` as giallo highlights its `stand_in`.
fn giallo_tokens<'a>(code: &'a str, stand_in: &str, language: &str) -> (bool, Vec<Line<'a>>) {
    let plain = |known| (known, plain_lines(code));
    // The grammars are compiled into this crate: only a broken build lacks them, and then
    // every block shows as plain text rather than every language being called unknown.
    let Some(registry) = REGISTRY.as_ref() else {
        return plain(true);
    };
    let options = HighlightOptions::new(
        language,
        ThemeVariant::Dual {
            light: LIGHT,
            dark: DARK,
        },
    );
    let highlighted = match registry.highlight(stand_in, &options) {
        Ok(highlighted) => highlighted,
        Err(giallo::Error::GrammarNotFound(_)) => return plain(false),
        Err(_) => return plain(true),
    };
    let ThemeVariant::Dual { light, dark } = highlighted.theme else {
        return plain(true);
    };
    let defaults = (light.default_style, dark.default_style);
    let lines = highlighted.tokens.into_iter().map(|line| {
        line.into_iter().filter_map(|token| match token.style {
            ThemeVariant::Dual { light, dark } => Some((
                token.text,
                style_attribute((light, dark), defaults).map(Cow::Owned),
            )),
            ThemeVariant::Single(_) => None,
        })
    });
    (true, own_text(code, lines))
}

/// Lines of tokens of the code's ASCII stand-in as the code's own text, neighbours styled
/// alike one run.
fn own_text<'a, T: AsRef<str>>(
    code: &'a str,
    lines: impl IntoIterator<Item = impl IntoIterator<Item = (T, Option<Cow<'static, str>>)>>,
) -> Vec<Line<'a>> {
    let mut code_lines = code.split('\n');
    let stand_in_differs = !code.is_ascii();
    lines
        .into_iter()
        .map(|line| {
            let mut merged: Vec<(usize, Option<Cow<'static, str>>)> = Vec::new();
            let code_line = code_lines.next().unwrap_or_default();
            let mut at = 0;
            for (text, style) in line {
                // A token of the stand-in may end inside a character of the code, which
                // then goes whole to the token it starts in.
                let start = at;
                at = char_boundary_from(code_line, at + text.as_ref().len());
                if at == start && stand_in_differs {
                    continue;
                }
                match merged.last_mut() {
                    Some((end, last)) if *last == style => *end = at,
                    _ => merged.push((at, style)),
                }
            }
            let mut start = 0;
            merged
                .into_iter()
                .map(|(end, style)| {
                    let text = code_line.get(start..end).unwrap_or_default();
                    start = end;
                    (text, style)
                })
                .collect()
        })
        .collect()
}

/// `code` with each non-ASCII character written as as many `x` as it has bytes, for giallo
/// to tokenize: its tokenizer pushes rules forever, its memory growing, on some grammars'
/// patterns when an identifier holds a non-ASCII letter (C's `x_Ц(y)`, found by the
/// `yaml_props` fuzz target). The tokens keep their byte offsets, which give the code's own
/// text back.
fn ascii_stand_in(code: &str) -> Cow<'_, str> {
    if code.is_ascii() {
        return Cow::Borrowed(code);
    }
    let mut stand_in = String::with_capacity(code.len());
    for character in code.chars() {
        match character.is_ascii() {
            true => stand_in.push(character),
            false => stand_in.extend(std::iter::repeat_n('x', character.len_utf8())),
        }
    }
    Cow::Owned(stand_in)
}

/// The first character boundary of `text` at or after byte `at` (its length past the end): a
/// token of the stand-in may end inside a character of the code, which then goes whole to
/// the token it starts in.
fn char_boundary_from(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(text.len())
}

/// The `style` of a token as Shiki writes it with `defaultColor: false`: each theme's colour
/// and font style as CSS variables. `None` when both are the themes' defaults.
fn style_attribute((light, dark): (Style, Style), defaults: (Style, Style)) -> Option<String> {
    if (light, dark) == defaults {
        return None;
    }
    let mut style = String::with_capacity(64);
    for (name, style_of, default) in [("default", light, defaults.0), ("dark", dark, defaults.1)] {
        let _ = write!(style, "--shiki-{name}:{};", style_of.foreground.as_hex());
        if style_of.background != default.background {
            let _ = write!(style, "--shiki-{name}-bg:{};", style_of.background.as_hex());
        }
        let font = style_of.font_style;
        if font.contains(FontStyle::ITALIC) {
            let _ = write!(style, "--shiki-{name}-font-style:italic;");
        }
        if font.contains(FontStyle::BOLD) {
            let _ = write!(style, "--shiki-{name}-font-weight:bold;");
        }
        let decoration = match (
            font.contains(FontStyle::UNDERLINE),
            font.contains(FontStyle::STRIKETHROUGH),
        ) {
            (true, true) => Some("underline line-through"),
            (true, false) => Some("underline"),
            (false, true) => Some("line-through"),
            (false, false) => None,
        };
        if let Some(decoration) = decoration {
            let _ = write!(style, "--shiki-{name}-text-decoration:{decoration};");
        }
    }
    style.pop();
    Some(style)
}

/// Writes a line's tokens: a `span` with its style each, text in the default style as it is;
/// `newline` ends the line with `\n`, inside its last span.
fn write_tokens(out: &mut String, line: &[(&str, Option<Cow<'static, str>>)], newline: bool) {
    let last = line.iter().rposition(|(text, _)| !text.is_empty());
    for (index, (text, style)) in line.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        // Styles are CSS variables and colours, nothing to escape.
        if let Some(style) = style {
            out.push_str("<span style=\"");
            out.push_str(style);
            out.push_str("\">");
        }
        escape_into(out, text);
        if newline && Some(index) == last {
            out.push('\n');
        }
        if style.is_some() {
            out.push_str("</span>");
        }
    }
    if newline && last.is_none() {
        out.push('\n');
    }
}

/// Highlighted code kept between builds (the macro's file, beside its compressed variants)
/// and shared by the pages of one build: a one-page edit highlights the blocks it changed,
/// and a block shown on several pages is highlighted once. Without a file nothing is kept:
/// each block is highlighted where it is met, rather than every block's HTML held to the end
/// of the build.
#[derive(Debug, Default)]
pub struct Cache {
    file: Option<PathBuf>,
    kept: HashMap<u128, Highlighted>,
    /// What this build used, kept or new.
    used: Mutex<HashMap<u128, Highlighted>>,
    /// Whether this build highlighted anything.
    new: AtomicBool,
}

/// The first line of a cache file: its format and what its entries depend on (giallo's
/// grammars and themes, this file's markup and the tokenizers written here).
static HEADER: LazyLock<String> = LazyLock::new(|| {
    let mut sources = xxhash_rust::xxh3::Xxh3::new();
    for source in [
        include_str!("highlight.rs"),
        include_str!("highlight/fast.rs"),
        include_str!("highlight/fast/mdc.rs"),
        include_str!("highlight/fast/ts.rs"),
        include_str!("highlight/fast/yaml.rs"),
    ] {
        sources.update(source.as_bytes());
    }
    format!(
        "site highlight cache 1: giallo {GIALLO_VERSION}, markup {:016x}\n",
        sources.digest()
    )
});

/// The giallo release in Cargo.lock (a test keeps them equal): its grammars and themes make
/// the entries.
const GIALLO_VERSION: &str = "0.5.2";

impl Cache {
    /// The highlighted code kept in `file`: empty when it is missing, unreadable or written
    /// by another version.
    pub fn open(file: &Path) -> Cache {
        let kept = std::fs::read(file)
            .ok()
            .and_then(|data| parse(&data))
            .unwrap_or_default();
        Cache {
            file: Some(file.to_path_buf()),
            kept,
            ..Cache::default()
        }
    }

    /// A block of `code` as its fence says, from the cache when it has it.
    pub fn block(&self, code: &str, language: &str, fence: &Fence) -> Highlighted {
        let mut key = format!("block\0{language}\0");
        for range in &fence.highlights {
            let _ = write!(key, "{}-{},", range.start(), range.end());
        }
        self.get(&key, code, || block(code, language, fence))
    }

    /// Inline code in `language`, from the cache when it has it.
    pub fn inline(&self, code: &str, language: &str) -> Highlighted {
        self.get(&format!("inline\0{language}\0"), code, || {
            inline(code, language)
        })
    }

    fn get(&self, kind: &str, code: &str, make: impl FnOnce() -> Highlighted) -> Highlighted {
        if self.file.is_none() {
            return make();
        }
        let key = key(kind, code);
        if let Some(found) = lock(&self.used).get(&key) {
            return found.clone();
        }
        let found = match self.kept.get(&key) {
            Some(kept) => kept.clone(),
            None => {
                self.new.store(true, Ordering::Relaxed);
                make()
            }
        };
        lock(&self.used).insert(key, found.clone());
        found
    }

    /// Keeps for the next build exactly what this build used, unless the file holds just
    /// that already. A file that cannot be written costs the next build the highlighting.
    pub fn save(&self) {
        let Some(file) = &self.file else { return };
        let used = lock(&self.used);
        if !self.new.load(Ordering::Relaxed) && used.len() == self.kept.len() {
            return;
        }
        let mut data = HEADER.as_bytes().to_vec();
        let mut entries: Vec<_> = used.iter().collect();
        entries.sort_by_key(|(key, _)| **key);
        for (key, highlighted) in entries {
            let Ok(len) = u32::try_from(highlighted.html.len()) else {
                continue;
            };
            data.extend(key.to_le_bytes());
            data.push(u8::from(highlighted.known));
            data.extend(len.to_le_bytes());
            data.extend(highlighted.html.as_bytes());
        }
        let _ = write_atomically(file, &data, None);
    }
}

/// An entry's key: a hash of what the code is (block or inline, its language, its
/// highlighted lines) and of the code.
fn key(kind: &str, code: &str) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(kind.as_bytes());
    hasher.update(code.as_bytes());
    hasher.digest128()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The entries of a cache file of this version. A file cut short keeps the entries before
/// the cut.
fn parse(data: &[u8]) -> Option<HashMap<u128, Highlighted>> {
    let mut rest = data.strip_prefix(HEADER.as_bytes())?;
    let mut entries = HashMap::new();
    while let Some((head, tail)) = rest.split_first_chunk::<21>() {
        let (key, known_and_len) = head.split_at(16);
        let key = u128::from_le_bytes(key.try_into().ok()?);
        let known = known_and_len[0] == 1;
        let len = u32::from_le_bytes(known_and_len[1..].try_into().ok()?) as usize;
        let Some((html, tail)) = tail.split_at_checked(len) else {
            break;
        };
        let Ok(html) = std::str::from_utf8(html) else {
            break;
        };
        entries.insert(
            key,
            Highlighted {
                known,
                html: html.into(),
            },
        );
        rest = tail;
    }
    Some(entries)
}

/// Opens a highlighted block's `pre`: Shiki's classes, the file name as a label, meta no one
/// reads as `data-meta`; then its `code`.
pub fn open_block(out: &mut String, fence: &Fence, language: &str) {
    open_tag(
        out,
        "pre",
        [
            ("class", Some(SHIKI_CLASSES)),
            ("data-filename", fence.filename.as_deref()),
            ("data-meta", fence.meta.as_deref()),
        ],
    );
    if let Some(filename) = &fence.filename {
        out.push_str("<span class=\"code-filename\">");
        escape_into(out, filename);
        out.push_str("</span>");
    }
    let class = format!("language-{language}");
    open_tag(out, "code", [("class", Some(class.as_str()))]);
}

mod fast;

#[cfg(test)]
mod tests;
