//! What components read at compile time besides their own props: data files (JSON or YAML)
//! under the content folder, the front matter of the other pages, and the content's icons.
//!
//! The OMA site fetched its tables' data and queried its articles in the browser; here both
//! are read while compiling, so a missing file or field is a content error and every row is
//! in the HTML.

use super::LoadedPage;
use crate::icons::IconFile;
use crate::registry::Registry;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The content folder as the components see it while one site compiles.
#[derive(Debug)]
pub struct SiteData {
    root: PathBuf,
    /// Each data file read, by reference, with a hash of what was read (its text, or why it
    /// could not be read).
    files: Mutex<BTreeMap<String, DataFile>>,
    read: Mutex<Vec<PathBuf>>,
    pages: Vec<PageMeta>,
    icons: IconFile,
    named_icons: Mutex<BTreeSet<String>>,
    registry: Option<Arc<Registry>>,
}

/// A data file read: its data or why it could not be read, and a hash of what was read.
type DataFile = (Result<Arc<Value>, DataError>, u128);

/// Another page of the site, as data.
#[derive(Debug, Clone)]
pub struct PageMeta {
    /// Its path in the content folder (`news/articles/1.sample.md`).
    pub relative: String,
    /// Its route (`/news/articles/sample`).
    pub route: String,
    /// Its front matter.
    pub front_matter: Map<String, Value>,
    /// Its body up to `<!--more-->`, when it has that marker.
    pub excerpt: Option<String>,
}

impl PageMeta {
    /// The data of a loaded page.
    fn of(page: &LoadedPage) -> PageMeta {
        let excerpt = page
            .source
            .text
            .get(page.front_matter.body_start..)
            .and_then(|body| body.split_once("<!--more-->"))
            .map(|(excerpt, _)| excerpt.trim().to_string());
        PageMeta {
            relative: page.file.relative.clone(),
            route: page.file.route.clone(),
            front_matter: page.front_matter.values.clone().unwrap_or_default(),
            excerpt,
        }
    }

    /// Front-matter field `key` as text (numbers too), `None` when absent, null or empty.
    pub fn text(&self, key: &str) -> Option<String> {
        value_text(self.front_matter.get(key)?)
    }
}

/// What rendering one page read of the site besides its own file ([`SiteData::recording`]):
/// what a build that keeps pages between builds checks before using a page again.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reads {
    /// Whether it read the other pages' front matter ([`SiteData::pages`]).
    pub pages: bool,
    /// The data files it read, by reference, each with [`SiteData::data_version`].
    pub data: BTreeMap<String, u128>,
    /// The icon names it wrote ([`SiteData::name_icon`]).
    pub icons: BTreeSet<String>,
    /// Whether it read the LwM2M registry ([`SiteData::registry`]).
    pub registry: bool,
}

thread_local! {
    /// What the page rendering on this thread has read so far, while [`SiteData::recording`].
    static READS: RefCell<Option<Reads>> = const { RefCell::new(None) };
}

/// Notes a read in the current recording, if any.
fn note(read: impl FnOnce(&mut Reads)) {
    READS.with_borrow_mut(|reads| {
        if let Some(reads) = reads {
            read(reads);
        }
    });
}

/// Why a data file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

/// `value` as cell text: strings as they are, numbers and booleans written out, `None` for
/// null, empty strings, lists and mappings.
pub fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// The `tags` of a front matter: a list, or one tag as text.
pub fn front_matter_tags(front_matter: &Map<String, Value>) -> Vec<String> {
    match front_matter.get("tags") {
        Some(Value::Array(list)) => list.iter().filter_map(value_text).collect(),
        Some(other) => value_text(other).into_iter().collect(),
        None => Vec::new(),
    }
}

impl SiteData {
    /// The data of the content folder at `root`, whose pages are `pages`.
    pub fn new(root: &Path, pages: &[LoadedPage]) -> SiteData {
        SiteData {
            root: root.to_path_buf(),
            files: Mutex::default(),
            read: Mutex::default(),
            pages: pages.iter().map(PageMeta::of).collect(),
            icons: IconFile::default(),
            named_icons: Mutex::default(),
            registry: None,
        }
    }

    /// The same data, with the content folder's LwM2M registry (`crate::registry`).
    pub fn with_registry(mut self, registry: Option<Arc<Registry>>) -> SiteData {
        self.registry = registry;
        self
    }

    /// The content folder's LwM2M registry, shared, for other data of the same folder.
    pub fn registry_arc(&self) -> Option<Arc<Registry>> {
        self.registry.clone()
    }

    /// The content folder's LwM2M registry, when it has the registry's data.
    pub fn registry(&self) -> Option<&Registry> {
        note(|reads| reads.registry = true);
        self.registry.as_deref()
    }

    /// The same data, with the content folder's icon file.
    pub fn with_icons(mut self, icons: IconFile) -> SiteData {
        self.icons = icons;
        self
    }

    /// The content folder's icons.
    pub fn icons(&self) -> &IconFile {
        &self.icons
    }

    /// Records that the content names icon `name`, whether any icon file has it or not.
    pub fn name_icon(&self, name: &str) {
        let name = name.trim();
        note(|reads| {
            reads.icons.insert(name.to_string());
        });
        lock(&self.named_icons).insert(name.to_string());
    }

    /// `render()`, and what it read of the site, on this thread (a page renders on one).
    pub fn recording<R>(render: impl FnOnce() -> R) -> (R, Reads) {
        let outer = READS.replace(Some(Reads::default()));
        let result = render();
        let reads = READS.replace(outer).unwrap_or_default();
        (result, reads)
    }

    /// Every icon name the content wrote so far, as written, sorted.
    pub fn named_icons(&self) -> Vec<String> {
        lock(&self.named_icons).iter().cloned().collect()
    }

    /// The data file `reference` names: a path inside the content folder (`data/x.json`, or
    /// `/data/x.json` as the OMA site wrote URLs of `public/data/`), looked for in the content
    /// folder, then in `public/`. JSON, or YAML for `.yml` and `.yaml`.
    pub fn load(&self, reference: &str) -> Result<Arc<Value>, DataError> {
        self.read(reference).0
    }

    /// A hash of what [`SiteData::load`] reads for `reference`: another when the file changes.
    pub fn data_version(&self, reference: &str) -> u128 {
        self.read(reference).1
    }

    /// The data file `reference` names and the hash of what was read, read once per build.
    fn read(&self, reference: &str) -> DataFile {
        let found = lock(&self.files).get(reference).cloned();
        let (loaded, version) = found.unwrap_or_else(|| {
            // Two pages may read the same file at once: both get the same data.
            let (loaded, read) = self.read_file(reference);
            let version = xxhash_rust::xxh3::xxh3_128(read.as_bytes());
            let entry = (loaded, version);
            lock(&self.files).insert(reference.to_string(), entry.clone());
            entry
        });
        note(|reads| {
            reads.data.insert(reference.to_string(), version);
        });
        (loaded, version)
    }

    /// The data file `reference` names, and what was read of it: its text, or why it could not
    /// be read.
    fn read_file(&self, reference: &str) -> (Result<Arc<Value>, DataError>, String) {
        match self.parse_file(reference) {
            Ok((value, text)) => (Ok(value), text),
            Err(error) => {
                let read = format!("{}\n{}", error.message, error.help);
                (Err(error), read)
            }
        }
    }

    fn parse_file(&self, reference: &str) -> Result<(Arc<Value>, String), DataError> {
        let relative = data_path(reference)?;
        let candidates = [
            self.root.join(&relative),
            self.root.join(super::PUBLIC_DIR).join(&relative),
        ];
        let Some(path) = candidates.iter().find(|path| path.is_file()) else {
            return Err(DataError {
                message: format!("no data file `{reference}` in the content folder"),
                help: format!(
                    "looked for `{relative}` and `{}/{relative}` in the content folder",
                    super::PUBLIC_DIR
                ),
            });
        };
        let text = std::fs::read_to_string(path).map_err(|error| DataError {
            message: format!("cannot read the data file `{reference}`: {error}"),
            help: "data files are UTF-8 JSON or YAML".into(),
        })?;
        lock(&self.read).push(path.clone());
        let yaml = relative.ends_with(".yml") || relative.ends_with(".yaml");
        let parsed = if yaml {
            crate::yaml::parse(&text, &|at| at)
                .map(|(value, _)| value)
                .map_err(|error| error.message)
        } else {
            serde_json::from_str::<Value>(&text).map_err(|error| error.to_string())
        };
        let parsed = parsed.map_err(|error| DataError {
            message: format!("invalid data in `{reference}`: {error}"),
            help: if yaml {
                "fix the YAML of the data file".into()
            } else {
                "fix the JSON of the data file".into()
            },
        })?;
        Ok((Arc::new(parsed), text))
    }

    /// Every data file read so far, so that the build can track them.
    pub fn files_read(&self) -> Vec<PathBuf> {
        let mut read = lock(&self.read).clone();
        // Pages render in parallel: the order of first reads varies.
        read.sort();
        read.dedup();
        read
    }

    /// Every page of the content folder with its front matter, in route order.
    pub fn pages(&self) -> &[PageMeta] {
        note(|reads| reads.pages = true);
        &self.pages
    }
}

/// The data behind `mutex`; a panic elsewhere cannot leave it half-written (every update is
/// one insert or push), so a poisoned lock is used as it is.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `reference` as a relative path inside the content folder, refusing URLs and `..`.
fn data_path(reference: &str) -> Result<String, DataError> {
    let trimmed = reference.trim();
    if trimmed.contains("://") || trimmed.starts_with("//") {
        return Err(DataError {
            message: format!("`{trimmed}` is a remote URL: data is read when the site compiles"),
            help: "save a copy of the data under `content/data/` and name that file".into(),
        });
    }
    let path = trimmed.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    if parts.is_empty() || parts.iter().any(|part| *part == ".." || *part == ".") {
        return Err(DataError {
            message: format!("`{trimmed}` is not a data file path"),
            help: "name a file inside the content folder, such as `data/publications.json`".into(),
        });
    }
    let relative = parts.join("/");
    let known = [".json", ".yml", ".yaml"];
    if !known.iter().any(|extension| relative.ends_with(extension)) {
        return Err(DataError {
            message: format!("`{trimmed}` is neither JSON nor YAML"),
            help: "data files end in `.json`, `.yml` or `.yaml`".into(),
        });
    }
    Ok(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_paths_stay_inside_the_content_folder() {
        assert_eq!(
            data_path("/data/a.json").map_err(|e| e.message),
            Ok("data/a.json".into())
        );
        assert_eq!(
            data_path("data/b.yml?x=1").map_err(|e| e.message),
            Ok("data/b.yml".into())
        );
        assert!(data_path("../secret.json").is_err());
        assert!(data_path("https://example.com/a.json").is_err());
        assert!(data_path("/data/a.xml").is_err());
        assert!(data_path("").is_err());
    }
}
