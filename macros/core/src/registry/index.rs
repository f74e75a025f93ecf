//! `index.tsv`, one row per registered object version, and `LICENCES.tsv`, the licence of each
//! file of the snapshot.
//!
//! Both are tab-separated text with no quoting (the refresh script writes them so), so a line
//! split at its tabs reads them; a CSV crate would add quoting rules these files do not have.

use crate::diagnostic::{Code, Diagnostics};
use crate::source::{SourceFile, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The columns of `index.tsv`, in order.
pub const INDEX_COLUMNS: [&str; 10] = [
    "ObjectID", "URN", "Name", "Owner", "Source", "Ver", "DDF", "DDFLink", "TS", "TSLink",
];

/// Who registered an object (`index.tsv`'s `Source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Source {
    /// OMA itself (`0`).
    Oma,
    /// Another standards body (`1`).
    StandardsBody,
    /// A company or an individual (`2`).
    Company,
}

impl Source {
    /// How the pages say it.
    pub fn label(self) -> &'static str {
        match self {
            Source::Oma => "OMA",
            Source::StandardsBody => "Standards body",
            Source::Company => "Company or individual",
        }
    }
}

/// One registered object version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexRow {
    /// The object's ID.
    pub object_id: u32,
    /// Its URN (`urn:oma:lwm2m:oma:3:1.2`).
    pub urn: String,
    /// Its name.
    pub name: String,
    /// Who owns it.
    pub owner: String,
    /// Who registered it.
    pub source: Source,
    /// The object version (`1.2`).
    pub version: String,
    /// The file defining it, as the registry names it (`3.xml` for a current definition,
    /// `version_history/3-1_0.xml`); empty for a reserved ID with no definition.
    pub ddf: String,
    /// Whether the registry links the file.
    pub ddf_link: bool,
    /// The specification it comes from (a URL, or empty).
    pub ts: String,
    /// Whether the registry links the specification.
    pub ts_link: bool,
    /// The row's line in `index.tsv`.
    pub span: Span,
    /// Where its `DDF` cell is.
    pub ddf_span: Span,
}

impl IndexRow {
    /// The path of its definition in the registry's folder (`objects/3.xml`,
    /// `version_history/3-1_0.xml`), when it names one.
    pub fn definition_path(&self) -> Option<String> {
        match self.ddf.as_str() {
            "" => None,
            path if path.contains('/') => Some(path.to_string()),
            name => Some(format!("objects/{name}")),
        }
    }
}

/// The rows of `index.tsv`; a row that cannot be read is reported at its cell and left out.
pub(super) fn read_index(file: &SourceFile, diagnostics: &mut Diagnostics) -> Vec<IndexRow> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for (number, line) in file.text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        let cells = cells(line, start);
        if number == 0 {
            let names: Vec<&str> = cells.iter().map(|(text, _)| *text).collect();
            if names != INDEX_COLUMNS {
                diagnostics
                    .error(
                        file,
                        Span::new(start, start + line.len()),
                        Code::RegistryIndex,
                        "`index.tsv` does not start with its header",
                    )
                    .help = Some(format!(
                    "the first line names the columns: {}",
                    INDEX_COLUMNS.join(", ")
                ));
                return Vec::new();
            }
            continue;
        }
        match read_row(&cells, Span::new(start, start + line.len())) {
            Ok(row) => rows.push(row),
            Err((span, message, help)) => {
                diagnostics
                    .error(file, span, Code::RegistryIndex, message)
                    .help = Some(help);
            }
        }
    }
    rows
}

/// A line's cells, each with its span.
fn cells(line: &str, start: usize) -> Vec<(&str, Span)> {
    let mut at = start;
    line.split('\t')
        .map(|cell| {
            let span = Span::new(at, at + cell.len());
            at += cell.len() + 1;
            (cell, span)
        })
        .collect()
}

type RowError = (Span, String, String);

fn read_row(cells: &[(&str, Span)], line: Span) -> Result<IndexRow, RowError> {
    let [
        id,
        urn,
        name,
        owner,
        source,
        version,
        ddf,
        ddf_link,
        ts,
        ts_link,
    ] = cells
    else {
        return Err((
            line,
            format!(
                "this row has {} cells, not {}",
                cells.len(),
                INDEX_COLUMNS.len()
            ),
            format!(
                "write one cell per column, separated by tabs: {}",
                INDEX_COLUMNS.join(", ")
            ),
        ));
    };
    let object_id = id.0.trim().parse::<u32>().map_err(|_| {
        (
            id.1,
            format!("`{}` is not an object ID", id.0),
            "an object ID is a whole number (`3`)".to_string(),
        )
    })?;
    let source = match source.0.trim() {
        "0" => Source::Oma,
        "1" => Source::StandardsBody,
        "2" => Source::Company,
        other => {
            return Err((
                source.1,
                format!("`{other}` is not a source"),
                "`0` (OMA), `1` (another standards body) or `2` (a company or individual)".into(),
            ));
        }
    };
    let flag = |(text, span): &(&str, Span), column: &str| match text.trim() {
        "1" => Ok(true),
        "0" | "" => Ok(false),
        other => Err((
            *span,
            format!("`{other}` is not a `{column}` value"),
            "`1` to link, `0` not to".to_string(),
        )),
    };
    Ok(IndexRow {
        object_id,
        urn: urn.0.trim().to_string(),
        name: name.0.trim().to_string(),
        owner: owner.0.trim().to_string(),
        source,
        version: version.0.trim().to_string(),
        ddf: ddf.0.trim().to_string(),
        ddf_link: flag(ddf_link, "DDFLink")?,
        ts: ts.0.trim().to_string(),
        ts_link: flag(ts_link, "TSLink")?,
        span: line,
        ddf_span: ddf.1,
    })
}

/// `LICENCES.tsv`: each file of the snapshot (`objects/3.xml`) and its licence
/// (`BSD-3-Clause`).
pub(super) fn read_licences(
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut licences = BTreeMap::new();
    let mut offset = 0;
    for (number, line) in file.text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if number == 0 || line.trim().is_empty() {
            continue;
        }
        match line.split_once('\t') {
            Some((path, licence)) if !path.trim().is_empty() && !licence.trim().is_empty() => {
                licences.insert(path.trim().to_string(), licence.trim().to_string());
            }
            _ => {
                diagnostics
                    .error(
                        file,
                        Span::new(start, start + line.len()),
                        Code::RegistryIndex,
                        "this row names no file and licence",
                    )
                    .help = Some("write the file's path in the registry's folder, a tab, then its licence (`objects/3.xml\tBSD-3-Clause`)".into());
            }
        }
    }
    licences
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn rows_are_read_and_bad_cells_reported_where_they_are() {
        let header = INDEX_COLUMNS.join("\t");
        let text = format!(
            "{header}\n3\turn:oma:lwm2m:oma:3:1.2\tDevice\tOMA\t0\t1.2\t3.xml\t1\thttps://spec\t1\n\
             3x\turn\tBad\tOMA\t0\t1.0\t\t0\t\t0\n\
             4\turn:oma:lwm2m:oma:4\tConnectivity\tOMA\t7\t1.0\t\t0\t\t0\n\
             512\turn:oma:lwm2m:oma:512\tTBD\tOMA\t0\t1.0\t\t0\t\t0\n"
        );
        let file = SourceFile::new("index.tsv", PathBuf::new(), &text);
        let mut diagnostics = Diagnostics::new(false);
        let rows = read_index(&file, &mut diagnostics);
        let found = diagnostics.finish();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].object_id, 3);
        assert_eq!(rows[0].source, Source::Oma);
        assert!(rows[0].ts_link);
        assert_eq!(rows[0].definition_path().as_deref(), Some("objects/3.xml"));
        assert_eq!(rows[1].definition_path(), None);
        let places: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (3, 1, "`3x` is not an object ID"),
                (4, 40, "`7` is not a source"),
            ]
        );
    }

    #[test]
    fn licences_map_files_to_their_licence() {
        let text = "file\tlicence\nobjects/3.xml\tBSD-3-Clause\nbroken\n";
        let file = SourceFile::new("LICENCES.tsv", PathBuf::new(), text);
        let mut diagnostics = Diagnostics::new(false);
        let licences = read_licences(&file, &mut diagnostics);
        assert_eq!(
            licences.get("objects/3.xml").map(String::as_str),
            Some("BSD-3-Clause")
        );
        let found = diagnostics.finish();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 3);
    }
}
