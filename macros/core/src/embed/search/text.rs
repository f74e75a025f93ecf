//! The text a reader searches in a page's body, cut into parts at its headings with an id and
//! at its table rows with an id (a row's header cells are its heading: the LwM2M registry's
//! resources, each a row of its object's table).
//!
//! Read as HTML's tokenizer reads it: authors' raw HTML can be anything, so comments, raw-text
//! elements (a script's `</p>`) and character references are taken as a browser takes them.
//! Hand-written rather than through html5ever's tokenizer, which gave the same parts at about a
//! seventh of the compile stage (BENCHMARKS.md): this scan jumps from `<` to `<` over slices of
//! the body. The tests hold it to html5ever's tokenizer on the repository's pages.

use super::Part;
use crate::render::html_scan::written_as_the_compiler_writes;
use std::borrow::Cow;

// The sets of elements below are `matches!` rather than lists: every tag of every page is
// looked up in them, and a match compares constants of known length.

/// Elements whose text is not content a reader searches: code blocks, drawings, controls and
/// what only a script uses or shows.
fn is_left_out(name: &str) -> bool {
    matches!(
        name,
        "pre"
            | "script"
            | "style"
            | "svg"
            | "math"
            | "template"
            | "button"
            | "select"
            | "textarea"
            | "noscript"
            | "iframe"
            | "object"
            | "nav"
    )
}

/// Elements inside a word's run of text (`M<sup>2</sup>M`): no word boundary at their tags.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// Elements without an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// How an element's content is read, when it is text up to its end tag: as written
/// (`Some(false)`: a script, a style…) or with its character references decoded (`Some(true)`:
/// a textarea, a title).
fn raw_text_references(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "textarea" | "title" => Some(true),
        _ => None,
    }
}

/// The parts of `body`: the text before its first heading or table row with an id (empty if
/// there is none), then each such heading or row with the text up to the next. Whitespace is
/// collapsed.
pub(super) fn parts(body: &str) -> Vec<Part> {
    let mut state = State::default();
    scan(body, |token| state.read(token));
    let State {
        mut parts, current, ..
    } = state;
    parts.push(current);
    for part in &mut parts {
        part.heading = collapse(&part.heading);
        part.text = collapse(&part.text);
    }
    parts
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the tokenizer finds in a body.
#[derive(Debug)]
enum Token<'a> {
    /// A start tag.
    Start(Tag<'a>),
    /// An end tag's lower-case name.
    End(Cow<'a, str>),
    /// Text.
    Text(Text<'a>),
}

/// Text as written, decoded only when read: most of what a page's code blocks hold is text
/// left out.
#[derive(Debug)]
struct Text<'a> {
    raw: &'a str,
    /// Whether its character references are decoded (not in a script or a style).
    references: bool,
}

impl<'a> Text<'a> {
    fn decoded(&self) -> Cow<'a, str> {
        match self.references {
            true => htmlize::unescape(self.raw),
            false => Cow::Borrowed(self.raw),
        }
    }
}

/// A start tag.
#[derive(Debug)]
struct Tag<'a> {
    /// Its name, lower case.
    name: Cow<'a, str>,
    /// Its attributes as written, read only when asked for (inside code, none is).
    attributes: &'a str,
    /// Whether it ends in `/>`.
    self_closing: bool,
}

impl<'a> Tag<'a> {
    /// The values of the attributes `wanted` (lower case), character references decoded,
    /// read in one pass.
    fn attributes<const N: usize>(&self, wanted: [&str; N]) -> [Option<Cow<'a, str>>; N] {
        let mut found: [Option<&str>; N] = [None; N];
        for (name, value) in Attributes(self.attributes) {
            if let Some(at) = wanted.iter().position(|w| name.eq_ignore_ascii_case(w)) {
                found[at].get_or_insert(value);
            }
        }
        found.map(|value| value.map(htmlize::unescape_attribute))
    }
}

/// The attributes of a start tag, from its attributes as written: name and value as written,
/// each name as many times as it is written (the first counts).
struct Attributes<'a>(&'a str);

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        match next_attribute(self.0) {
            Step::Attribute(name, value, rest) => {
                self.0 = rest;
                Some((name, value))
            }
            Step::End(..) | Step::Unfinished => None,
        }
    }
}

/// HTML's white space.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn trim_space(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8))
}

/// Calls `visit` with each token of `body`, as HTML's tokenizer reads a body whose raw-text
/// elements (`script`, `style`, `textarea`, …) hold text up to their end tag; a tag the body
/// ends inside is dropped.
fn scan<'a>(body: &'a str, mut visit: impl FnMut(Token<'a>)) {
    let text = |raw: &'a str, visit: &mut dyn FnMut(Token<'a>)| {
        if !raw.is_empty() {
            let references = true;
            visit(Token::Text(Text { raw, references }));
        }
    };
    let mut rest = body;
    while let Some(at) = memchr::memchr(b'<', rest.as_bytes()) {
        text(&rest[..at], &mut visit);
        let markup = &rest[at + 1..];
        let bytes = markup.as_bytes();
        rest = match bytes.first() {
            Some(b) if b.is_ascii_alphabetic() => {
                let Some((tag, after)) = read_tag(markup) else {
                    return;
                };
                let raw = match tag.self_closing {
                    false => raw_text_references(&tag.name),
                    true => None,
                };
                let name = tag.name.clone();
                visit(Token::Start(tag));
                match raw {
                    Some(references) => {
                        let (content, after) = raw_text(after, &name);
                        if !content.is_empty() {
                            visit(Token::Text(Text {
                                raw: content,
                                references,
                            }));
                        }
                        after
                    }
                    None => after,
                }
            }
            Some(b'/') => match bytes.get(1) {
                Some(b) if b.is_ascii_alphabetic() => {
                    let Some((tag, after)) = read_tag(&markup[1..]) else {
                        return;
                    };
                    visit(Token::End(tag.name));
                    after
                }
                Some(b'>') => &markup[2..],
                Some(_) => after_gt(&markup[1..]),
                None => {
                    text("</", &mut visit);
                    ""
                }
            },
            Some(b'!') if markup[1..].starts_with("--") => after_comment(&markup[3..]),
            Some(b'!' | b'?') => after_gt(&markup[1..]),
            _ => {
                text("<", &mut visit);
                markup
            }
        };
    }
    text(rest, &mut visit);
}

/// `name` in lower case, as written when it is (as the compiler writes its tags).
fn lower_case(name: &str) -> Cow<'_, str> {
    match name.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(name.to_ascii_lowercase()),
        false => Cow::Borrowed(name),
    }
}

/// The tag whose name starts `text` (after `<` or `</`), and what follows it; `None` if
/// `text` ends inside it.
fn read_tag(text: &str) -> Option<(Tag<'_>, &str)> {
    let name_len = text
        .bytes()
        .position(|b| is_space(b) || b == b'/' || b == b'>')
        .unwrap_or(text.len());
    let (name, attributes) = text.split_at(name_len);
    let mut rest = attributes;
    loop {
        match next_attribute(rest) {
            Step::Attribute(_, _, after) => rest = after,
            Step::End(self_closing, after) => {
                let end = attributes.len() - rest.len();
                let tag = Tag {
                    name: lower_case(name),
                    attributes: &attributes[..end],
                    self_closing,
                };
                return Some((tag, after));
            }
            Step::Unfinished => return None,
        }
    }
}

/// What [`next_attribute`] reads.
enum Step<'a> {
    /// An attribute's name and value as written, and what follows it.
    Attribute(&'a str, &'a str, &'a str),
    /// The tag's end, whether it is `/>`, and what follows it.
    End(bool, &'a str),
    /// The text ends inside the tag.
    Unfinished,
}

/// Reads the attribute or the tag's end that `text` starts with, after white space and
/// stray `/`.
fn next_attribute(text: &str) -> Step<'_> {
    if let Some((name, value, rest)) = written_as_the_compiler_writes(text) {
        return Step::Attribute(&text[name], &text[value], rest);
    }
    let mut rest = text;
    loop {
        rest = trim_space(rest);
        match rest.as_bytes().first() {
            None => return Step::Unfinished,
            Some(b'>') => return Step::End(false, &rest[1..]),
            Some(b'/') if rest.as_bytes().get(1) == Some(&b'>') => {
                return Step::End(true, &rest[2..]);
            }
            Some(b'/') => rest = &rest[1..],
            Some(_) => break,
        }
    }
    // An attribute's name, whose first character may be `=`.
    let name_len = rest
        .bytes()
        .skip(1)
        .position(|b| is_space(b) || matches!(b, b'/' | b'>' | b'='))
        .map_or(rest.len(), |at| at + 1);
    let (name, after) = rest.split_at(name_len);
    rest = trim_space(after);
    let mut value = "";
    if let Some(after) = rest.strip_prefix('=') {
        let after = trim_space(after);
        match after.as_bytes().first() {
            Some(&quote @ (b'"' | b'\'')) => {
                let quoted = &after[1..];
                let Some(end) = memchr::memchr(quote, quoted.as_bytes()) else {
                    return Step::Unfinished;
                };
                value = &quoted[..end];
                rest = &quoted[end + 1..];
            }
            _ => {
                let end = after
                    .bytes()
                    .position(|b| is_space(b) || b == b'>')
                    .unwrap_or(after.len());
                value = &after[..end];
                rest = &after[end..];
            }
        }
    }
    Step::Attribute(name, value, rest)
}

/// A raw-text element's content (`text` follows its start tag), up to its end tag; and what
/// follows, from the end tag's `<` on.
fn raw_text<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    let end = match name {
        "script" => script_end(text.as_bytes()),
        _ => (text.match_indices("</").map(|(at, _)| at))
            .find(|&at| names_tag(&text.as_bytes()[at..], b"</", name)),
    };
    match end {
        Some(at) => text.split_at(at),
        None => (text, ""),
    }
}

/// Whether `text` starts with `opening` (`<` or `</`) then `name`, in any case, then white
/// space, `/` or `>`.
fn names_tag(text: &[u8], opening: &[u8], name: &str) -> bool {
    let Some(after) = text.strip_prefix(opening) else {
        return false;
    };
    after.len() > name.len()
        && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && (is_space(after[name.len()]) || matches!(after[name.len()], b'/' | b'>'))
}

/// Where a script's content ends, by HTML's script data states: after `<!--`, a `<script>`
/// hides the `</script>` that follows it, until `-->`.
fn script_end(text: &[u8]) -> Option<usize> {
    #[derive(PartialEq)]
    enum In {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = In::Data;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let (next, step) = match state {
            // From `<!`, so that `<!-->` is seen as `-->` too.
            In::Data if rest.starts_with(b"<!--") => (In::Escaped, 2),
            In::Data | In::Escaped if names_tag(rest, b"</", "script") => return Some(at),
            In::Escaped | In::DoubleEscaped if rest.starts_with(b"-->") => (In::Data, 3),
            In::Escaped if names_tag(rest, b"<", "script") => (In::DoubleEscaped, 7),
            In::DoubleEscaped if names_tag(rest, b"</", "script") => (In::Escaped, 8),
            _ => (state, 1),
        };
        state = next;
        at += step;
    }
    None
}

/// What follows a comment that starts `text` (after `<!--`).
fn after_comment(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('>').or_else(|| text.strip_prefix("->")) {
        return rest;
    }
    let mut from = 0;
    while let Some(at) = text[from..].find("--") {
        let after = &text[from + at + 2..];
        if let Some(rest) = after.strip_prefix('>').or_else(|| after.strip_prefix("!>")) {
            return rest;
        }
        from += at + 1;
    }
    ""
}

/// What follows the first `>` of `text`: the end of a bogus comment or a doctype.
fn after_gt(text: &str) -> &str {
    text.find('>').map_or("", |at| &text[at + 1..])
}

#[derive(Default)]
struct State<'a> {
    /// The names of the open elements.
    open: Vec<Cow<'a, str>>,
    /// Where in `open` the outermost element whose text is left out is, while one is open.
    left_out_at: Option<usize>,
    /// The open heading that started the current part, or the open header cell of the row
    /// that did.
    heading: Option<String>,
    /// How many elements were open outside the row that started the current part, while it
    /// is open.
    row: Option<usize>,
    /// The parts before the current one.
    parts: Vec<Part>,
    current: Part,
}

impl<'a> State<'a> {
    fn text(&mut self) -> &mut String {
        match self.heading {
            Some(_) => &mut self.current.heading,
            None => &mut self.current.text,
        }
    }

    fn read(&mut self, token: Token<'a>) {
        match token {
            Token::Start(tag) => self.start(tag),
            Token::End(name) => self.end(&name),
            Token::Text(text) if self.left_out_at.is_none() => {
                self.text().push_str(&text.decoded());
            }
            Token::Text(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'a>) {
        let name = tag.name.as_ref();
        if !is_inline(name) {
            self.text().push(' ');
        }
        if is_void(name) || tag.self_closing {
            return;
        }
        let reading = self.left_out_at.is_none();
        // Inside an element left out, whether this one is too makes no difference.
        let [hidden, aria_hidden, id] = match reading {
            true => tag.attributes(["hidden", "aria-hidden", "id"]),
            false => [None, None, None],
        };
        let left_out = reading
            && (is_left_out(name) || hidden.is_some() || aria_hidden.as_deref() == Some("true"));
        let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let anchors = is_heading || name == "tr";
        // An empty id is no anchor to link to.
        let id = id.filter(|id| anchors && !left_out && !id.is_empty());
        if let Some(id) = id {
            let next = Part {
                anchor: id.into_owned(),
                ..Part::default()
            };
            self.parts.push(std::mem::replace(&mut self.current, next));
            if is_heading {
                self.heading = Some(name.to_string());
                self.row = None;
            } else {
                self.row = Some(self.open.len());
            }
        }
        if name == "th"
            && self
                .row
                .is_some_and(|outside| self.open.len() == outside + 1)
        {
            self.heading = Some(name.to_string());
        }
        if left_out {
            self.left_out_at = Some(self.open.len());
        }
        self.open.push(tag.name);
    }

    fn end(&mut self, name: &str) {
        if let Some(at) = self.open.iter().rposition(|open| open == name) {
            self.open.truncate(at);
            if self.left_out_at.is_some_and(|left_out| left_out >= at) {
                self.left_out_at = None;
            }
        }
        if self.row.is_some_and(|outside| self.open.len() <= outside) {
            self.row = None;
        }
        if self.heading.as_deref() == Some(name) {
            self.heading = None;
        }
        if !is_inline(name) {
            self.text().push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token as Html5Token, TokenSink, TokenSinkResult, Tokenizer,
        TokenizerOpts,
    };
    use std::cell::RefCell;
    use std::path::Path;

    /// A token as both tokenizers can give it: a start tag's name, attributes (lower-case
    /// name, decoded value) and whether it closes itself; an end tag's name; text.
    #[derive(Debug, PartialEq)]
    enum Seen {
        Start(String, Vec<(String, String)>, bool),
        End(String),
        Text(String),
    }

    /// Adds `seen`, joining text to the text before it.
    fn push(tokens: &mut Vec<Seen>, seen: Seen) {
        match (tokens.last_mut(), seen) {
            (Some(Seen::Text(before)), Seen::Text(text)) => before.push_str(&text),
            (_, seen) => tokens.push(seen),
        }
    }

    fn scanned(body: &str) -> Vec<Seen> {
        let mut tokens = Vec::new();
        scan(body, |token| {
            let seen = match token {
                Token::Start(tag) => {
                    let mut attributes: Vec<(String, String)> = Vec::new();
                    for (name, value) in Attributes(tag.attributes) {
                        let name = name.to_ascii_lowercase();
                        if attributes.iter().all(|(known, _)| *known != name) {
                            let value = htmlize::unescape_attribute(value).into_owned();
                            attributes.push((name, value));
                        }
                    }
                    Seen::Start(tag.name.to_string(), attributes, tag.self_closing)
                }
                Token::End(name) => Seen::End(name.into_owned()),
                Token::Text(text) => Seen::Text(text.decoded().into_owned()),
            };
            push(&mut tokens, seen);
        });
        tokens
    }

    /// The tokens html5ever's tokenizer gives, switched to raw text where [`scan`] reads it.
    fn html5ever_tokens(body: &str) -> Vec<Seen> {
        struct Sink(RefCell<Vec<Seen>>);
        impl TokenSink for Sink {
            type Handle = ();
            fn process_token(&self, token: Html5Token, _line: u64) -> TokenSinkResult<()> {
                let mut tokens = self.0.borrow_mut();
                match token {
                    Html5Token::TagToken(tag) => {
                        let name = tag.name.to_string();
                        if tag.kind == TagKind::EndTag {
                            push(&mut tokens, Seen::End(name));
                            return TokenSinkResult::Continue;
                        }
                        let attributes = tag.attrs.iter().map(|attribute| {
                            (
                                attribute.name.local.to_string(),
                                attribute.value.to_string(),
                            )
                        });
                        let seen =
                            Seen::Start(name.clone(), attributes.collect(), tag.self_closing);
                        push(&mut tokens, seen);
                        if tag.self_closing {
                            return TokenSinkResult::Continue;
                        }
                        match name.as_str() {
                            "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                            name if raw_text_references(name) == Some(false) => {
                                return TokenSinkResult::RawData(RawKind::Rawtext);
                            }
                            name if raw_text_references(name) == Some(true) => {
                                return TokenSinkResult::RawData(RawKind::Rcdata);
                            }
                            _ => {}
                        }
                    }
                    Html5Token::CharacterTokens(text) => {
                        push(&mut tokens, Seen::Text(text.to_string()))
                    }
                    Html5Token::NullCharacterToken => push(&mut tokens, Seen::Text("\0".into())),
                    _ => {}
                }
                TokenSinkResult::Continue
            }
        }
        let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(body));
        let _ = tokenizer.feed(&input);
        tokenizer.end();
        tokenizer.sink.0.take()
    }

    /// Whether both tokenizers read `body` alike: line ends normalised and a leading byte order
    /// mark dropped first, as a browser does before tokenizing, and NUL replaced, as the
    /// markdown parser replaces it before any page holds it.
    fn agree(body: &str) -> Result<(), String> {
        let body = body.strip_prefix('\u{feff}').unwrap_or(body);
        let body = body.replace("\r\n", "\n").replace('\r', "\n");
        let body = body.replace('\0', "\u{fffd}");
        let (ours, theirs) = (scanned(&body), html5ever_tokens(&body));
        match ours == theirs {
            true => Ok(()),
            false => Err(format!("{body:?}\nours:   {ours:?}\ntheirs: {theirs:?}")),
        }
    }

    #[test]
    fn tokens_are_html5ever_s_on_tricky_markup() {
        let cases = [
            "plain &amp; &lt;b&gt; &copy &notit; &#65;&#x42; &#0; a < b <3 </ </> <",
            "<p id=a class='b c' data-x=\"y>z\" hidden>t</p><P ID=\"Up\">u</P>",
            "<br/><div/><img src=x alt=\"<>\"/><a href=/x?y=1&amp;z=2>l</a>",
            "<!-- c --> <!--> <!---> <!-- a -- b --!> <!-x> <!DOCTYPE html> <?pi?> </3>",
            "<script>if (a < b && c) { x = '</p>'; }</script><style>p>b{}</style>",
            "<textarea>&lt;t&gt; </textarea ><title>A &amp; B</title><xmp><b></xmp>",
            "<script>a</scripts></SCRIPT x=1>after",
            "<script><!--<script>x</script>y</script>z-->w</script>v",
            "<script><!--></script>a<script><!--->b</script>c<script><!-- <SCRIPT/>--></script>d",
            "<script><!--<script >--></script>e<script><!-- </script>f",
            "<style><!--</style>g<xmp></xmpx></XMP>h<title>a</title",
            "<p a=1 a=2 b = 3 =c d/ e>t</p x=y>",
            "<div hidden=\"\" aria-hidden='true'>h</div><p title=unterminated",
            "<p>end <span",
        ];
        for case in cases {
            agree(case).unwrap_or_else(|error| panic!("{error}"));
        }
    }

    #[test]
    fn tokens_are_html5ever_s_on_the_repository_s_pages_and_fuzz_inputs() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let built = crate::build(&root.join("content"), &crate::Options::default())
            .unwrap_or_else(|error| panic!("{error}"));
        let mut failures = Vec::new();
        for page in &built.pages {
            if let Err(error) = agree(&page.page.html) {
                failures.push(format!("{}: {error}", page.page.route));
            }
        }
        // Markdown and MDC as HTML: every kind of stray `<`, `&` and unclosed tag.
        for corpus in ["page_compile", "mdc_parse", "yaml_props"] {
            let folder = root.join("fuzz/corpus").join(corpus);
            let entries = std::fs::read_dir(&folder).unwrap_or_else(|error| panic!("{error}"));
            for entry in entries.flatten() {
                let bytes = std::fs::read(entry.path()).unwrap_or_else(|error| panic!("{error}"));
                if let Err(error) = agree(&String::from_utf8_lossy(&bytes)) {
                    failures.push(format!("{}: {error}", entry.path().display()));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} differ:\n{}",
            failures.len(),
            failures.join("\n\n")
        );
    }

    /// Each part as anchor, heading and text.
    fn summary(found: &[Part]) -> Vec<(&str, &str, &str)> {
        found
            .iter()
            .map(|p| (p.anchor.as_str(), p.heading.as_str(), p.text.as_str()))
            .collect()
    }

    #[test]
    fn parts_start_at_headings_with_an_id_and_leave_out_code_and_controls() {
        let body = r#"<p>Intro of&nbsp;the page</p><pre><code>let hidden = 1;</code></pre>
<h2 id="setup">Set <em>up</em></h2><p>Use LwM<sup>2</sup>M.</p><button>Copy</button>
<svg><title>icon</title></svg><h3>No id</h3><h3 id="">Empty id</h3><p hidden>secret</p>
<table><tr><td>Row</td><td>cell</td></tr></table><style>p { color: red }</style>
<h2 id="end">End</h2>"#;
        assert_eq!(
            summary(&parts(body)),
            [
                ("", "", "Intro of the page"),
                ("setup", "Set up", "Use LwM2M. No id Empty id Row cell"),
                ("end", "End", ""),
            ]
        );
    }

    #[test]
    fn table_rows_with_an_id_are_parts_headed_by_their_header_cells() {
        let body = r#"<h2 id="resources">Resources</h2><table><thead><tr><th>ID</th>
<th>Name</th></tr></thead><tbody><tr id="r0"><td>0</td><th scope="row">Manufacturer</th>
<td>Human readable name</td></tr><tr><td>1</td><th>No id</th></tr>
<tr id="r9"><td>9</td><th scope="row">Battery <em>Level</em></th><td>percentage</td></tr>
</tbody></table><p>After</p>"#;
        assert_eq!(
            summary(&parts(body)),
            [
                ("", "", ""),
                ("resources", "Resources", "ID Name"),
                ("r0", "Manufacturer", "0 Human readable name 1 No id"),
                ("r9", "Battery Level", "9 percentage After"),
            ]
        );
    }

    #[test]
    fn a_body_without_text_has_one_empty_part() {
        assert_eq!(parts(""), [Part::default()]);
    }
}
