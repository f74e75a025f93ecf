//! Source files and positions: byte spans and their `line:col` form; files the compiler
//! writes, whole or not at all.

use serde::{Deserialize, Serialize};
use std::fs::{self, File, FileTimes};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// A byte range in one source file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }

    /// An empty span at `offset`.
    pub fn at(offset: usize) -> Span {
        Span::new(offset, offset)
    }
}

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A file read for compilation, with its text and an index of line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in diagnostics (`content/3.lwm2m/about.md`).
    pub display_path: String,
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The file's text with `\r\n` normalised to `\n`.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps `text` read from `path`; `\r\n` line ends become `\n` first, as Nuxt does, and
    /// so do lone `\r`s (old Mac line ends, which would otherwise hide the front matter), and a
    /// leading byte-order mark is dropped.
    pub fn new(display_path: impl Into<String>, path: PathBuf, text: &str) -> SourceFile {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        SourceFile {
            display_path: display_path.into(),
            path,
            text,
            line_starts,
        }
    }

    /// The 1-based line and column (counted in characters, as rustc does) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
            - 1;
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The text of 1-based line `line`, without its line end.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let rest = self.text.get(start..).unwrap_or("");
        rest.split('\n').next().unwrap_or("")
    }

    /// The byte offset where 1-based line `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// Writes `bytes` to `path` under a temporary name, dated `modified` if given, then renames
/// it: concurrent builds writing the same file, and readers, only ever see it whole.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    modified: Option<SystemTime>,
) -> std::io::Result<()> {
    static UNIQUE: AtomicU64 = AtomicU64::new(0);
    let unique = UNIQUE.fetch_add(1, Ordering::Relaxed);
    let temporary = path.with_extension(format!("{}-{unique}.tmp", std::process::id()));
    let written = File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        match modified {
            Some(time) => file.set_times(FileTimes::new().set_modified(time)),
            None => Ok(()),
        }
    });
    let renamed = written.and_then(|()| fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("a.md", PathBuf::new(), "ab\r\n’x\n\nlast");
        assert_eq!(file.text, "ab\n’x\n\nlast");
        let marked = SourceFile::new("a.md", PathBuf::new(), "\u{feff}---\rtitle: T\r---\rBody");
        assert_eq!(marked.text, "---\ntitle: T\n---\nBody");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(2), (1, 3));
        assert_eq!(file.line_col(3), (2, 1));
        // `’` is three bytes but one column.
        assert_eq!(file.line_col(6), (2, 2));
        assert_eq!(file.line_col(9), (4, 1));
        assert_eq!(file.line_text(2), "’x");
        assert_eq!(file.line_text(3), "");
        assert_eq!(file.line_col(10_000), (4, 5));
    }
}
