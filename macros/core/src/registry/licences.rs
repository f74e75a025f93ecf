//! The licence notices of the object files. Each file begins with a comment holding its
//! copyright notice and licence; pages and binaries made from the files reproduce each
//! distinct notice once, on the licences page.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One licence notice and the files that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The notice as the files write it (its lines' common indentation removed).
    pub text: String,
    /// The licence `LICENCES.tsv` gives its files (`BSD-3-Clause`); empty for the site's own
    /// files, which it does not list.
    pub licence: String,
    /// The files carrying it, by path in the registry's folder, sorted.
    pub files: Vec<String>,
}

impl Notice {
    /// Its anchor on the licences page (`notice-3`), by its place in the list.
    pub fn anchor(index: usize) -> String {
        format!("notice-{}", index + 1)
    }
}

/// The notice of an object file's text: its first comment, from its legal part on when it
/// has one (the part before describes the file itself, which differs from file to file);
/// `None` when the file has no comment before its first element.
pub(super) fn notice(text: &str) -> Option<String> {
    let start = text.find("<!--")?;
    let before = text.get(..start)?;
    let element_before = before.match_indices('<').any(|(at, _)| {
        before
            .get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic)
    });
    if element_before {
        return None;
    }
    let (comment, _) = text.get(start + "<!--".len()..)?.split_once("-->")?;
    let legal = comment
        .split_once("LEGAL DISCLAIMER")
        .map_or(comment, |(_, after)| after);
    let normalised = normalise(legal);
    (!normalised.is_empty()).then_some(normalised)
}

/// `text` without its lines' common indentation and trailing blanks, runs of blank lines as
/// one, trimmed (a notice written on the comment's first line starts after a blank).
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let indent = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line.get(indent..).unwrap_or(line.trim_start()));
        out.push('\n');
    }
    out.trim().to_string()
}

/// Notices gathered file by file, each once.
#[derive(Debug, Default)]
pub(super) struct Notices {
    by_text: BTreeMap<String, Notice>,
}

impl Notices {
    /// Records that the file `path`, under `licence`, carries `notice`.
    pub(super) fn add(&mut self, notice: Option<String>, licence: Option<String>, path: &str) {
        let Some(text) = notice else {
            return;
        };
        let entry = self.by_text.entry(text.clone()).or_insert_with(|| Notice {
            text,
            licence: licence.clone().unwrap_or_default(),
            files: Vec::new(),
        });
        if entry.licence.is_empty() {
            entry.licence = licence.unwrap_or_default();
        }
        entry.files.push(path.to_string());
    }

    /// The notices, most files first, then by text.
    pub(super) fn finish(self) -> Vec<Notice> {
        let mut notices: Vec<Notice> = self.by_text.into_values().collect();
        for notice in &mut notices {
            notice.files.sort();
        }
        notices.sort_by(|a, b| b.files.len().cmp(&a.files.len()).then(a.text.cmp(&b.text)));
        notices
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_is_the_legal_part_of_the_first_comment() {
        let text = "<?xml version=\"1.0\"?>\n<!--\nFILE INFORMATION\n  Name: 3.xml\n\nLEGAL DISCLAIMER\n\n  Copyright 2020 X.\n\n\n  Redistribution is permitted.\n    Indented.\n-->\n<LWM2M><!-- not this --></LWM2M>";
        assert_eq!(
            notice(text).as_deref(),
            Some("Copyright 2020 X.\n\nRedistribution is permitted.\n  Indented.")
        );
        let whole = "<!--Copyright 2017 Y. \nAll rights reserved.-->\n<LWM2M/>";
        assert_eq!(
            notice(whole).as_deref(),
            Some("Copyright 2017 Y.\nAll rights reserved.")
        );
        assert_eq!(notice("<LWM2M><!-- late --></LWM2M>"), None);
    }

    #[test]
    fn each_notice_is_kept_once_with_its_files() {
        let mut notices = Notices::default();
        notices.add(Some("A".into()), Some("MIT".into()), "objects/2.xml");
        notices.add(Some("B".into()), None, "objects/9.xml");
        notices.add(Some("A".into()), Some("MIT".into()), "objects/1.xml");
        notices.add(None, None, "objects/5.xml");
        let list = notices.finish();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].text, "A");
        assert_eq!(list[0].files, ["objects/1.xml", "objects/2.xml"]);
        assert_eq!(list[1].licence, "");
    }
}
