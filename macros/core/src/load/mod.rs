//! The load stage: the content folder's files found, each read once, each page's front matter
//! parsed once. Everything after it works on the loaded set: the parser on each page's text,
//! list components on the other pages' front matter ([`data`]), the redirect checks on the
//! table read here, icons on the content's icon file read here.

pub mod data;
mod files;
mod front_matter;

pub use files::{
    AssetFile, ContentFiles, FOLDER_META, FileProblem, FolderMeta, PUBLIC_DIR, PageFile,
    REGISTRY_DIR, read_folder_meta, relative_path, route_of, route_url, scan, strip_order_prefix,
    title_from_path,
};
pub use front_matter::FrontMatter;

use crate::Error;
use crate::diagnostic::{Code, Diagnostics};
use crate::icons::IconFile;
use crate::source::{SourceFile, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The file name of the redirect table, at the top of the content folder.
pub const REDIRECTS_FILE: &str = "redirects.yml";

/// The file of the icons the content names, at the top of the content folder
/// ([`crate::icons`] describes it; `site icons` writes it).
pub const ICONS_FILE: &str = "icons.json";

/// A content folder, read.
#[derive(Debug)]
pub struct Content {
    /// The folder.
    pub root: PathBuf,
    /// Its pages sorted by route, one per route (a second file for a route is reported and
    /// left out).
    pub pages: Vec<LoadedPage>,
    /// Each folder's `_dir.yaml`, by folder path (`3.lwm2m`).
    pub folders: BTreeMap<String, FolderMeta>,
    /// The static files of `public/`, sorted by route (not read: the embed stage reads them).
    pub assets: Vec<AssetFile>,
    /// The redirect table, when the folder has one.
    pub redirects: Option<SourceFile>,
    /// The icons of its icon file; none when it has none, or when the file is invalid
    /// (reported).
    pub icons: IconFile,
    /// The files of the LwM2M registry's data ([`REGISTRY_DIR`]), sorted; not read here
    /// (`crate::registry` reads them).
    pub registry: Vec<PathBuf>,
    /// Every file read, so that a build can track them.
    pub sources: Vec<PathBuf>,
}

/// One page, read.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    /// Its file and route.
    pub file: PageFile,
    /// Its text.
    pub source: SourceFile,
    /// Its front matter.
    pub front_matter: FrontMatter,
    /// A hash of the file's bytes.
    bytes: u128,
    /// The file's size and time of last change when it was read, if the system gives them.
    stamp: Option<(u64, SystemTime)>,
    /// What reading it found (its encoding, its front matter's YAML).
    found: Diagnostics,
}

impl LoadedPage {
    /// The page of `file` whose text is `source`, with its front matter read.
    pub fn new(file: PageFile, source: SourceFile, front_matter: FrontMatter) -> LoadedPage {
        LoadedPage {
            file,
            bytes: xxhash_rust::xxh3::xxh3_128(source.text.as_bytes()),
            stamp: None,
            found: Diagnostics::new(false),
            source,
            front_matter,
        }
    }
}

/// Reads the content folder at `root`: every page, folder metadata file and the redirect
/// table, once each. Problems in them (invalid UTF-8, invalid YAML, two files for one route)
/// go to `diagnostics`; `Err` only when a file cannot be read at all. A page of `earlier` (the
/// pages of a load before) whose file has the same size and time of last change, or else holds
/// the same bytes, is taken over as it is: not read, or its front matter not parsed again.
pub fn load(
    root: &Path,
    diagnostics: &mut Diagnostics,
    earlier: Vec<LoadedPage>,
) -> Result<Content, Error> {
    let files = scan(root)?;
    let display = |path: &Path| display_path(root, &relative_path(root, path));
    for problem in &files.problems {
        let file = SourceFile::new(display(&problem.path), problem.path.clone(), "");
        diagnostics
            .error(&file, Span::at(0), problem.code, problem.message.clone())
            .help = Some(problem.help.clone());
    }
    let lenient = diagnostics.is_lenient();
    // Thousands of small files: read, and their front matter parsed, on every core; each
    // page's diagnostics are taken in page order, as if read one after the other.
    let mut earlier: HashMap<PathBuf, LoadedPage> = earlier
        .into_iter()
        .map(|page| (page.file.path.clone(), page))
        .collect();
    // Each file's stamp, and its bytes unless the earlier page has the same stamp.
    let bytes = crate::parallel::map(&files.pages, |page| {
        let stamp = stamp(&page.path);
        let kept = earlier.get(&page.path);
        if stamp.is_some() && kept.is_some_and(|kept| kept.stamp == stamp) {
            return Ok((stamp, None));
        }
        let bytes = read_bytes(&page.path)?;
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        Ok((stamp, Some((bytes, hash))))
    });
    let bytes: Vec<_> = bytes.into_iter().collect::<Result<_, Error>>()?;
    let mut read: Vec<Option<LoadedPage>> = Vec::with_capacity(bytes.len());
    for (page, (stamp, bytes)) in files.pages.iter().zip(&bytes) {
        let same = |kept: &LoadedPage| {
            bytes.as_ref().is_none_or(|(_, hash)| *hash == kept.bytes)
                && kept.file.route == page.route
                && kept.source.display_path == display(&page.path)
        };
        let kept = earlier.remove(&page.path).filter(same).map(|mut kept| {
            kept.stamp = *stamp;
            kept
        });
        read.push(kept);
    }
    let fresh: Vec<usize> = (0..read.len()).filter(|&at| read[at].is_none()).collect();
    let parsed = crate::parallel::map(&fresh, |&at| {
        let page = &files.pages[at];
        let (stamp, bytes) = &bytes[at];
        let read_now;
        let (bytes, hash): (&[u8], u128) = match bytes {
            Some((bytes, hash)) => (bytes, *hash),
            // Its stamp was the earlier page's, which was not taken over all the same.
            None => {
                read_now = read_bytes(&page.path)?;
                (&read_now, xxhash_rust::xxh3::xxh3_128(&read_now))
            }
        };
        let mut found = Diagnostics::new(lenient);
        let source = source_file(display(&page.path), &page.path, bytes, &mut found);
        let front_matter = FrontMatter::read(&source, &mut found);
        Ok(LoadedPage {
            file: page.clone(),
            source,
            front_matter,
            bytes: hash,
            stamp: *stamp,
            found,
        })
    });
    for (at, page) in fresh.into_iter().zip(parsed) {
        read[at] = Some(page?);
    }
    let mut sources = Vec::with_capacity(files.pages.len() + files.folder_metas.len() + 1);
    let mut pages: Vec<LoadedPage> = Vec::with_capacity(files.pages.len());
    let mut routes: BTreeMap<String, String> = BTreeMap::new();
    for page in read.into_iter().flatten() {
        diagnostics.absorb_copies(&page.found);
        sources.push(page.file.path.clone());
        let (route, display_path) = (&page.file.route, &page.source.display_path);
        if let Some(first) = routes.insert(route.clone(), display_path.clone()) {
            let message = format!("`{first}` and this file both map to the route `{route}`");
            diagnostics
                .error(&page.source, Span::at(0), Code::RouteClash, message)
                .help = Some("rename or move one of the two files".into());
            continue;
        }
        pages.push(page);
    }
    let mut folders = BTreeMap::new();
    for path in &files.folder_metas {
        let file = read_source(display(path), path, diagnostics)?;
        let folder = relative_path(root, path.parent().unwrap_or(root));
        folders.insert(folder, read_folder_meta(&file, diagnostics));
        sources.push(path.clone());
    }
    let table = root.join(REDIRECTS_FILE);
    let redirects = if table.is_file() {
        sources.push(table.clone());
        Some(read_source(display(&table), &table, diagnostics)?)
    } else {
        None
    };
    let icon_file = root.join(ICONS_FILE);
    let icons = if icon_file.is_file() {
        sources.push(icon_file.clone());
        let file = read_source(display(&icon_file), &icon_file, diagnostics)?;
        read_icons(&file, diagnostics)
    } else {
        IconFile::default()
    };
    Ok(Content {
        root: root.to_path_buf(),
        pages,
        folders,
        assets: files.assets,
        redirects,
        icons,
        registry: files.registry,
        sources,
    })
}

/// How diagnostics name the file at `relative` in the content folder at `root`:
/// `content/3.lwm2m/about.md`, the folder by its own name, also when `root` is written without
/// it (`.`, `..`).
pub fn display_path(root: &Path, relative: &str) -> String {
    let name = |path: &Path| {
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
    };
    let root_name = name(root)
        .or_else(|| name(&root.canonicalize().ok()?))
        .unwrap_or_else(|| "content".into());
    format!("{root_name}/{relative}")
}

/// The icons of the content's icon file; its problem, if any, goes to `diagnostics`, and its
/// icons are then missing where pages name them.
fn read_icons(file: &SourceFile, diagnostics: &mut Diagnostics) -> IconFile {
    IconFile::parse(&file.text).unwrap_or_else(|error| {
        diagnostics
            .error(file, Span::at(error.offset), Code::Data, error.message)
            .help = Some(
            "`site icons` writes this file: fix it by hand, or delete it and run `site icons`"
                .into(),
        );
        IconFile::default()
    })
}

/// Reads a content file, shown in diagnostics as `display_path`; invalid UTF-8 is reported
/// and replaced.
fn read_source(
    display_path: String,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Result<SourceFile, Error> {
    let bytes = read_bytes(path)?;
    Ok(source_file(display_path, path, &bytes, diagnostics))
}

/// The size and time of last change of the file at `path`, if the system gives them.
fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The content file `path` holding `bytes`, shown in diagnostics as `display_path`; invalid
/// UTF-8 is reported and replaced.
pub fn source_file(
    display_path: String,
    path: &Path,
    bytes: &[u8],
    diagnostics: &mut Diagnostics,
) -> SourceFile {
    let file = SourceFile::new(
        display_path,
        path.to_path_buf(),
        &String::from_utf8_lossy(bytes),
    );
    if let Err(error) = std::str::from_utf8(bytes) {
        diagnostics.error(
            &file,
            Span::at(error.valid_up_to()),
            Code::Encoding,
            "the file is not valid UTF-8",
        );
    }
    file
}

#[cfg(test)]
mod tests {
    use super::display_path;
    use std::path::Path;

    #[test]
    fn a_folder_written_as_a_dot_is_shown_by_its_own_name() -> std::io::Result<()> {
        let here = std::env::current_dir()?;
        let name = here
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        assert_eq!(display_path(Path::new("."), "a.md"), format!("{name}/a.md"));
        assert_eq!(display_path(Path::new("content"), "a.md"), "content/a.md");
        Ok(())
    }
}
