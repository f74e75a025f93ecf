//! The LwM2M object registry, compiled: the content folder's `data/lwm2m-registry/` (a
//! snapshot of the OMNA registry: `index.tsv`, the object files, `LICENCES.tsv`) read, checked
//! against the schema's and LwM2M's rules, and made into pages and table rows.
//!
//! What is the snapshot's and what is the authors' own: a file `LICENCES.tsv` lists is the
//! registry's, published as it is, so its problems are warnings in every mode (the registry
//! accepted them, and the snapshot must build in strict mode); any other object file is the
//! site's own, and its problems are content errors as usual.

use serde::{Deserialize, Serialize};
mod checks;
mod definition;
mod diff;
mod index;
mod licences;
pub mod lists;
pub mod pages;
mod range;
pub mod rows;

pub use checks::{INSTANCES, MANDATORY, OPERATIONS, TYPES};
pub use definition::{Definition, Field, Resource};
pub use diff::{Change, Changes, changes};
pub use index::{INDEX_COLUMNS, IndexRow, Source};
pub use licences::Notice;

use crate::Error;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::load::{AssetFile, REGISTRY_DIR, display_path, relative_path, source_file};
use crate::source::{SourceFile, Span};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The index of registered object versions, in the registry's folder.
pub const INDEX_FILE: &str = "index.tsv";
/// The licence of each file of the snapshot, in the registry's folder.
pub const LICENCES_FILE: &str = "LICENCES.tsv";

/// The registry, read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Registry {
    /// The rows of `index.tsv`, in file order.
    pub rows: Vec<IndexRow>,
    /// Each object file read, by its path in the registry's folder (`objects/3.xml`).
    pub definitions: BTreeMap<String, Definition>,
    /// Each file of the snapshot and its licence, from `LICENCES.tsv`.
    pub licences: BTreeMap<String, String>,
    /// The licence notices of the object files, each once.
    pub notices: Vec<Notice>,
    /// The object files, by path in the registry's folder, and where they are on disk: served
    /// as they are.
    pub files: BTreeMap<String, PathBuf>,
}

/// One registered object: every version `index.tsv` lists for its ID.
#[derive(Debug, Clone)]
pub struct Object<'a> {
    /// Its ID.
    pub id: u32,
    /// Its versions, oldest first.
    pub versions: Vec<Version<'a>>,
}

/// One version of an object: its row of `index.tsv` and, when the registry's data has it, its
/// definition.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// Its row.
    pub row: &'a IndexRow,
    /// Its path in the registry's folder, when the row names a file.
    pub path: Option<&'a str>,
    /// Its definition, when the file is in the registry's data.
    pub definition: Option<&'a Definition>,
}

impl<'a> Object<'a> {
    /// The latest version.
    pub fn latest(&self) -> Option<&Version<'a>> {
        self.versions.last()
    }

    /// The latest version's row (every object has one).
    pub fn row(&self) -> Option<&'a IndexRow> {
        self.latest().map(|version| version.row)
    }

    /// The latest definition the registry's data has.
    pub fn definition(&self) -> Option<&'a Definition> {
        self.versions
            .iter()
            .rev()
            .find_map(|version| version.definition)
    }
}

impl Registry {
    /// Reads and checks the registry whose files (under [`REGISTRY_DIR`] of the content folder
    /// at `root`) are `files`; `None` when there are none. Problems go to `diagnostics`; `Err`
    /// only when a file cannot be read.
    pub fn load(
        root: &Path,
        files: &[PathBuf],
        diagnostics: &mut Diagnostics,
    ) -> Result<Option<Registry>, Error> {
        if files.is_empty() {
            return Ok(None);
        }
        let folder = root.join(REGISTRY_DIR);
        let inside = |path: &Path| relative_path(&folder, path);
        let read =
            |name: &str, diagnostics: &mut Diagnostics| -> Result<Option<SourceFile>, Error> {
                let Some(path) = files.iter().find(|path| inside(path) == name) else {
                    return Ok(None);
                };
                read_file(root, path, diagnostics).map(Some)
            };
        let licences = match read(LICENCES_FILE, diagnostics)? {
            Some(file) => index::read_licences(&file, diagnostics),
            None => BTreeMap::new(),
        };
        let index_file = read(INDEX_FILE, diagnostics)?;
        let rows = match &index_file {
            Some(file) => index::read_index(file, diagnostics),
            None => Vec::new(),
        };
        let named: BTreeSet<String> = rows.iter().filter_map(IndexRow::definition_path).collect();
        let object_files: Vec<(String, &PathBuf)> = files
            .iter()
            .map(|path| (inside(path), path))
            .filter(|(name, _)| is_object_file(name))
            .collect();
        let lenient = diagnostics.is_lenient();
        let read_objects = crate::parallel::map(&object_files, |(name, path)| {
            let mut found = Diagnostics::new(lenient);
            let file = read_file(root, path, &mut found)?;
            let mut report = Reporter {
                diagnostics: &mut found,
                snapshot: licences.contains_key(name),
            };
            let definition = definition::read(&file, &mut report);
            if let Some(definition) = &definition {
                checks::check(&file, name, definition, &mut report);
                if index_file.is_some() && name.starts_with("objects/") && !named.contains(name) {
                    report.report(
                        &file,
                        definition.span,
                        Code::RegistryIndex,
                        format!("no row of `index.tsv` names `{name}`: the object has no page"),
                        "add the object's row to `index.tsv`",
                    );
                }
            }
            let notice = licences::notice(&file.text);
            Ok::<_, Error>((definition, notice, found))
        });
        let mut registry = Registry {
            licences,
            ..Registry::default()
        };
        let mut notices = licences::Notices::default();
        for ((name, path), read) in object_files.iter().zip(read_objects) {
            let (definition, notice, found) = read?;
            diagnostics.absorb(found);
            registry.files.insert(name.clone(), (*path).clone());
            if let Some(definition) = definition {
                registry.definitions.insert(name.clone(), definition);
            }
            let licence = registry.licences.get(name).cloned();
            notices.add(notice, licence, name);
        }
        registry.notices = notices.finish();
        registry.rows = rows;
        match &index_file {
            Some(file) => registry.check_index(file, diagnostics),
            None => {
                let shown = display_path(root, &format!("{REGISTRY_DIR}/{INDEX_FILE}"));
                let file = SourceFile::new(shown, folder.join(INDEX_FILE), "");
                diagnostics
                    .error(
                        &file,
                        Span::at(0),
                        Code::RegistryIndex,
                        "the registry's data has no `index.tsv`",
                    )
                    .help = Some(
                    "copy the registry's data whole: `scripts/refresh-lwm2m-registry.py` writes it"
                        .into(),
                );
            }
        }
        Ok(Some(registry))
    }

    /// Every row naming a file the data has, but for objects that carry no licence, which the
    /// snapshot leaves out (their pages say so).
    fn check_index(&self, file: &SourceFile, diagnostics: &mut Diagnostics) {
        let licensed_ids: BTreeSet<u32> = self
            .licences
            .keys()
            .filter_map(|path| object_id_of(path))
            .collect();
        for row in &self.rows {
            let Some(path) = row.definition_path() else {
                continue;
            };
            if self.files.contains_key(&path) || !licensed_ids.contains(&row.object_id) {
                continue;
            }
            diagnostics
                .error(
                    file,
                    row.ddf_span,
                    Code::RegistryIndex,
                    format!(
                        "object {} version {} is defined in `{path}`, which the registry's data does not have",
                        row.object_id, row.version
                    ),
                )
                .help = Some(format!(
                "add `{path}`, or correct the row's `DDF` (a current definition is `ID.xml`, an earlier one `version_history/ID-MAJOR_MINOR.xml`)"
            ));
        }
    }

    /// Every object `index.tsv` lists, by ID, each with its versions oldest first.
    pub fn objects(&self) -> Vec<Object<'_>> {
        let mut by_id: BTreeMap<u32, Vec<Version<'_>>> = BTreeMap::new();
        for row in &self.rows {
            let path = self.path_of(row);
            by_id.entry(row.object_id).or_default().push(Version {
                row,
                path,
                definition: path.and_then(|path| self.definitions.get(path)),
            });
        }
        by_id
            .into_iter()
            .map(|(id, mut versions)| {
                versions.sort_by_key(|version| version_key(&version.row.version));
                Object { id, versions }
            })
            .collect()
    }

    /// The path of the file `row` names, as the data holds it (so that versions borrow it).
    fn path_of(&self, row: &IndexRow) -> Option<&str> {
        let path = row.definition_path()?;
        self.files.get_key_value(&path).map(|(key, _)| key.as_str())
    }
}

/// The object files as files the site serves as they are, at [`pages::xml_route`].
pub fn assets(registry: &Registry) -> Vec<AssetFile> {
    registry
        .files
        .iter()
        .map(|(name, path)| AssetFile {
            path: path.clone(),
            route: pages::xml_route(name),
            content_type: "application/xml".into(),
        })
        .collect()
}

/// A hash of the sizes and times of change of `files` (their contents where the system gives
/// no time): another when a file under the registry's folder is added, removed or changed, so
/// that a build keeping the registry between builds reads it again only then.
pub fn stamp(files: &[PathBuf]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    for path in files {
        hasher.update(path.as_os_str().as_encoded_bytes());
        let metadata = std::fs::metadata(path).ok();
        let changed = metadata.as_ref().and_then(|m| m.modified().ok());
        match (metadata, changed) {
            (Some(metadata), Some(changed)) => {
                let since = changed
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                hasher.update(&metadata.len().to_le_bytes());
                hasher.update(&since.as_nanos().to_le_bytes());
            }
            _ => hasher.update(&std::fs::read(path).unwrap_or_default()),
        }
    }
    hasher.digest128()
}

/// What a problem of the snapshot's own files says after its message.
pub const SNAPSHOT_NOTE: &str = " (in the registry's own file)";

/// Whether `diagnostic` is a problem of the registry's snapshot, published as the registry
/// accepted it: a warning in every mode, which `site dev` prints without listing it over every
/// page.
pub fn is_snapshot_warning(diagnostic: &Diagnostic) -> bool {
    diagnostic.severity == Severity::Warning && diagnostic.message.ends_with(SNAPSHOT_NOTE)
}

/// Reports problems of the registry's files: as warnings in the snapshot's own files, which
/// are published as the registry accepted them, and as content errors in the site's.
#[derive(Debug)]
pub struct Reporter<'a> {
    diagnostics: &'a mut Diagnostics,
    snapshot: bool,
}

impl Reporter<'_> {
    fn report(
        &mut self,
        file: &SourceFile,
        span: Span,
        code: Code,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let help = Some(help.into());
        match self.snapshot {
            true => {
                let mut diagnostic = Diagnostic::new(Severity::Warning, code, file, span, message);
                diagnostic.message.push_str(SNAPSHOT_NOTE);
                diagnostic.help = help;
                self.diagnostics.push(diagnostic);
            }
            false => self.diagnostics.error(file, span, code, message).help = help,
        }
    }
}

/// Whether `name` (a path in the registry's folder) is an object file: `objects/ID.xml` or
/// `version_history/ID-MAJOR_MINOR.xml`.
fn is_object_file(name: &str) -> bool {
    (name.starts_with("objects/") || name.starts_with("version_history/"))
        && name.ends_with(".xml")
        && !name[name.find('/').map_or(0, |at| at + 1)..].contains('/')
}

/// The object ID an object file's name gives.
fn object_id_of(path: &str) -> Option<u32> {
    if !is_object_file(path) {
        return None;
    }
    let name = path.rsplit('/').next()?.trim_end_matches(".xml");
    name.split('-').next()?.parse().ok()
}

/// `1.10` after `1.9`: a version's numbers compared as numbers.
pub fn version_key(version: &str) -> Vec<u32> {
    version
        .split('.')
        .map(|part| part.trim().parse().unwrap_or(0))
        .collect()
}

fn read_file(root: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Result<SourceFile, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let shown = display_path(root, &relative_path(root, path));
    Ok(source_file(shown, path, &bytes, diagnostics))
}

#[cfg(test)]
mod tests;
