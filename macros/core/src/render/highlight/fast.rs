//! Tokenizers written for the languages most pages show (`yaml`, `mdc`, `ts`), giving exactly the
//! colours giallo gives, about a hundred times faster: giallo runs the TextMate grammars'
//! regular expressions, which cost about a millisecond a block, more than the rest of a page.
//! No crate tokenizes these languages with Shiki's colours at that speed, hence these.
//!
//! Each knows a part of its language and gives up (`None`) on anything else, which giallo
//! then highlights: a wrong colour is never the price of speed. The tests compare both on
//! every block of the site's content, the benchmark corpus and mixed lines
//! (`fast/tests.rs`), so a construct is only taken here once it is known to match.

mod mdc;
mod ts;
mod yaml;

use std::borrow::Cow;

/// What a token is, as far as the github themes tell kinds apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// The themes' default colour.
    Plain,
    /// `entity.name.tag`: a YAML key, a component's name.
    Tag,
    String,
    /// `constant`: numbers, booleans, null; a Markdown heading's colour.
    Constant,
    Keyword,
    Comment,
    /// `entity.name.function`, `entity.other.attribute-name`: an MDC attribute's name, a YAML
    /// document's `---`.
    Function,
    /// Markdown's `**bold**`: the default colour, bold.
    Bold,
    /// Markdown's `*italic*`: the default colour, italic.
    Italic,
    /// A Markdown heading: `constant`'s colour, bold.
    Heading,
    /// `variable.parameter`, `variable.object.property`: a function's parameter, an
    /// interface's member.
    Parameter,
    /// A Markdown link's text: `string`'s colours but the dark one, underlined.
    LinkText,
    /// A Markdown link's URL: the default colour, underlined.
    LinkUrl,
}

impl Class {
    /// The token's `style` attribute, as `style_attribute` writes giallo's styles.
    fn style(self) -> Option<&'static str> {
        match self {
            Class::Plain => None,
            Class::Tag => Some("--shiki-default:#22863A;--shiki-dark:#85E89D"),
            Class::String => Some("--shiki-default:#032F62;--shiki-dark:#9ECBFF"),
            Class::Constant => Some("--shiki-default:#005CC5;--shiki-dark:#79B8FF"),
            Class::Keyword => Some("--shiki-default:#D73A49;--shiki-dark:#F97583"),
            Class::Comment => Some("--shiki-default:#6A737D;--shiki-dark:#6A737D"),
            Class::Function => Some("--shiki-default:#6F42C1;--shiki-dark:#B392F0"),
            Class::Bold => Some(
                "--shiki-default:#24292E;--shiki-default-font-weight:bold;\
                 --shiki-dark:#E1E4E8;--shiki-dark-font-weight:bold",
            ),
            Class::Italic => Some(
                "--shiki-default:#24292E;--shiki-default-font-style:italic;\
                 --shiki-dark:#E1E4E8;--shiki-dark-font-style:italic",
            ),
            Class::Heading => Some(
                "--shiki-default:#005CC5;--shiki-default-font-weight:bold;\
                 --shiki-dark:#79B8FF;--shiki-dark-font-weight:bold",
            ),
            Class::Parameter => Some("--shiki-default:#E36209;--shiki-dark:#FFAB70"),
            Class::LinkText => Some(
                "--shiki-default:#032F62;--shiki-default-text-decoration:underline;\
                 --shiki-dark:#DBEDFF;--shiki-dark-text-decoration:underline",
            ),
            Class::LinkUrl => Some(
                "--shiki-default:#24292E;--shiki-default-text-decoration:underline;\
                 --shiki-dark:#E1E4E8;--shiki-dark-text-decoration:underline",
            ),
        }
    }

    /// Whether the class underlines: giallo gives no white space to such a token.
    fn decorated(self) -> bool {
        matches!(self, Class::LinkText | Class::LinkUrl)
    }
}

/// The tokens of one line, in order and covering it: where each ends, and its class.
struct Line<'a> {
    text: &'a str,
    tokens: Vec<(usize, Class)>,
}

/// A line's runs of text, each with its `style` attribute (`None` for the default colours),
/// as [`super::Line`] holds them.
pub(super) type Runs<'a> = Vec<(&'a str, Option<Cow<'static, str>>)>;

/// A line being tokenized: its tokens so far, ending where the next begins.
struct Cursor<'a> {
    line: &'a str,
    at: usize,
    tokens: Vec<(usize, Class)>,
}

impl<'a> Cursor<'a> {
    fn new(line: &'a str) -> Cursor<'a> {
        Cursor {
            line,
            at: 0,
            // Enough for most lines of code at once.
            tokens: Vec::with_capacity(8),
        }
    }

    fn rest(&self) -> &'a str {
        &self.line[self.at..]
    }

    /// The next `len` bytes as a token of `class`.
    fn take(&mut self, len: usize, class: Class) {
        let end = (self.at + len).min(self.line.len());
        if end > self.at {
            self.tokens.push((end, class));
        }
        self.at = end;
    }

    /// The spaces at the cursor, as a token of their own (they join the next token).
    fn spaces(&mut self) -> usize {
        let len = self.rest().len() - self.rest().trim_start_matches(' ').len();
        self.take(len, Class::Plain);
        len
    }

    fn rest_of_line(&mut self, class: Class) {
        self.take(self.rest().len(), class);
    }

    fn done(self) -> Line<'a> {
        Line {
            text: self.line,
            tokens: self.tokens,
        }
    }
}

/// The lines of `code` in `language` as runs of text with their `style` attributes, as
/// giallo's tokens give them after its white-space merging; `None` when the code is not
/// all in the part of the language these tokenizers know.
pub(super) fn lines<'a>(code: &'a str, language: &str) -> Option<Vec<Runs<'a>>> {
    // Tabs, white space ending a line and carriage returns are all ways the grammars' own
    // tokens could split otherwise than these tokenizers split them.
    let bytes = code.as_bytes();
    let trailing_space = memchr::memmem::find(bytes, b" \n").is_some() || code.ends_with(' ');
    if memchr::memchr2(b'\t', b'\r', bytes).is_some() || trailing_space {
        return None;
    }
    if code.is_empty() {
        return Some(Vec::new());
    }
    let lines = match language {
        "yaml" | "yml" => yaml::lines(code)?,
        "mdc" => mdc::lines(code)?,
        "ts" | "typescript" => ts::lines(code)?,
        _ => return None,
    };
    Some(lines.into_iter().map(merge_white_space).collect())
}

/// Each token of only spaces given to the token after it, as giallo does (unless that one
/// is underlined); then each run of tokens styled alike with its `style` attribute.
fn merge_white_space(line: Line<'_>) -> Runs<'_> {
    let mut runs: Runs<'_> = Vec::with_capacity(line.tokens.len());
    // The run being made: where it starts and ends, and its class (each class has a style of
    // its own, so runs are joined by class).
    let mut open: Option<(usize, usize, Class)> = None;
    let mut push = |from: usize, end: usize, class: Class| match &mut open {
        Some((_, open_end, open_class)) if *open_class == class && *open_end == from => {
            *open_end = end;
        }
        _ => {
            if let Some((from, end, class)) = open.replace((from, end, class)) {
                runs.push((&line.text[from..end], class.style().map(Cow::Borrowed)));
            }
        }
    };
    let mut start = 0;
    let mut spaces_from = None;
    for (index, &(end, class)) in line.tokens.iter().enumerate() {
        let text = &line.text[start..end];
        let spaces = text.bytes().all(|byte| byte == b' ') && !class.decorated();
        if spaces && index + 1 < line.tokens.len() {
            spaces_from.get_or_insert(start);
        } else {
            match spaces_from.take() {
                Some(from) if class.decorated() => {
                    push(from, start, Class::Plain);
                    push(start, end, class);
                }
                Some(from) => push(from, end, class),
                None => push(start, end, class),
            }
        }
        start = end;
    }
    if let Some((from, end, class)) = open {
        runs.push((&line.text[from..end], class.style().map(Cow::Borrowed)));
    }
    runs
}

#[cfg(test)]
mod tests;
