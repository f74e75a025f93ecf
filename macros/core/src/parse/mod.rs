//! Text → [`Document`]: front matter, MDC block components, markdown, MDC inline syntax.
//!
//! Only this module reads text. Block components are found line by line first (so that
//! indented components are never mistaken for code); each container's remaining markdown
//! goes to pulldown-cmark, with a placeholder line where each component stood.

mod attributes;
mod blocks;
mod front_matter;
mod inline;
mod markdown;
mod yaml;

pub(crate) use attributes::{decode_entities, kebab_case};

use crate::diagnostic::Diagnostics;
use crate::source::{SourceFile, Span};
use crate::tree::{Document, Node};
use blocks::{Line, Text};

/// How deeply components may nest before the rest is reported instead of parsed.
pub const MAX_NESTING: usize = 64;

/// Parses a whole file: front matter, then the body.
pub fn parse_document(file: &SourceFile, diagnostics: &mut Diagnostics) -> Document {
    let (front_matter, body_start) = front_matter::split(file, diagnostics);
    let text = Text {
        source: &file.text,
        fixed_origin: None,
        file,
    };
    let lines = Line::split(&file.text, body_start);
    let children = blocks::parse_blocks(&text, &lines, 0, 0, false, diagnostics);
    Document {
        front_matter,
        children,
    }
}

/// Parses markdown that is not a file of its own (a prop's value): every node and diagnostic
/// is placed at `origin`, the prop's place in `file`.
pub fn parse_fragment(
    markdown: &str,
    file: &SourceFile,
    origin: Span,
    diagnostics: &mut Diagnostics,
) -> Vec<Node> {
    let text = Text {
        source: markdown,
        fixed_origin: Some(origin.start as usize),
        file,
    };
    let lines = Line::split(markdown, 0);
    blocks::parse_blocks(&text, &lines, 0, 0, false, diagnostics)
}
