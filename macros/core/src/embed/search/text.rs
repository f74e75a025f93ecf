//! The text a reader searches in a page's body, cut into parts at its headings with an id and
//! at its table rows with an id (a row's header cells are its heading: the LwM2M registry's
//! resources, each a row of its object's table).
//!
//! Read with html5ever's tokenizer (already built for ammonia): authors' raw HTML can be
//! anything, and its character references, raw-text elements and comments are read as a
//! browser reads them.

use super::Part;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Elements whose text is not content a reader searches: code blocks, drawings, controls and
/// what only a script uses or shows.
const LEFT_OUT: &[&str] = &[
    "pre", "script", "style", "svg", "math", "template", "button", "select", "textarea",
    "noscript", "iframe", "object", "nav",
];

/// Elements inside a word's run of text (`M<sup>2</sup>M`): no word boundary at their tags.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The parts of `body`: the text before its first heading or table row with an id (empty if
/// there is none), then each such heading or row with the text up to the next. Whitespace is
/// collapsed.
pub(super) fn parts(body: &str) -> Vec<Part> {
    let tokenizer = Tokenizer::new(Reader::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(body));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let State {
        mut parts, current, ..
    } = tokenizer.sink.state.take();
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

#[derive(Default)]
struct Reader {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The open elements: name, and whether their text is left out.
    open: Vec<(String, bool)>,
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

impl State {
    fn text(&mut self) -> &mut String {
        match self.heading {
            Some(_) => &mut self.current.heading,
            None => &mut self.current.text,
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let attribute = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|attribute| &*attribute.name.local == wanted)
                .map(|attribute| &*attribute.value)
        };
        if !INLINE.contains(&name) {
            self.text().push(' ');
        }
        if VOID.contains(&name) || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        let left_out = LEFT_OUT.contains(&name)
            || attribute("hidden").is_some()
            || attribute("aria-hidden") == Some("true");
        let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let anchors = is_heading || name == "tr";
        let reading = !self.open.iter().any(|(_, left_out)| *left_out);
        if let (true, true, Some(id)) = (anchors && reading, !left_out, attribute("id")) {
            let next = Part {
                anchor: id.to_string(),
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
        self.open.push((name.to_string(), left_out));
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::Continue,
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(at) = self.open.iter().rposition(|(open, _)| open == name) {
            self.open.truncate(at);
        }
        if self.row.is_some_and(|outside| self.open.len() <= outside) {
            self.row = None;
        }
        if self.heading.as_deref() == Some(name) {
            self.heading = None;
        }
        if !INLINE.contains(&name) {
            self.text().push(' ');
        }
    }
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return state.start(&tag),
                TagKind::EndTag => state.end(&tag.name),
            },
            Token::CharacterTokens(text) if !state.open.iter().any(|(_, left_out)| *left_out) => {
                state.text().push_str(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
<svg><title>icon</title></svg><h3>No id</h3><p hidden>secret</p>
<table><tr><td>Row</td><td>cell</td></tr></table><style>p { color: red }</style>
<h2 id="end">End</h2>"#;
        assert_eq!(
            summary(&parts(body)),
            [
                ("", "", "Intro of the page"),
                ("setup", "Set up", "Use LwM2M. No id Row cell"),
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
