//! The content folder's files: which are pages, which are assets, and the route of each.

use crate::Error;
use crate::diagnostic::{Code, Diagnostics};
use crate::source::{SourceFile, Span};
use std::path::{Path, PathBuf};

/// Static files live in this subfolder of the content folder and are served from the site root.
pub const PUBLIC_DIR: &str = "public";

/// A markdown file and the route it is served at.
#[derive(Debug, Clone)]
pub struct PageFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Path relative to the content folder, with `/` separators (`3.lwm2m/about.md`).
    pub relative: String,
    /// Route (`/lwm2m/about`).
    pub route: String,
}

/// A static file and the route it is served at.
#[derive(Debug, Clone)]
pub struct AssetFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Route: its path below `public/` (`/images/lwm2m/working_together_1.jpg`).
    pub route: String,
    /// `Content-Type` guessed from the extension.
    pub content_type: String,
}

/// A folder's metadata file: its `title` names the folder in menus, `navigation: false` hides it.
pub const FOLDER_META: &str = "_dir.yaml";

/// What a folder's `_dir.yaml` says.
#[derive(Debug, Clone, Default)]
pub struct FolderMeta {
    /// `title:`, which names the folder in menus.
    pub title: Option<String>,
    /// `navigation: false` hides the whole folder.
    pub hidden: bool,
}

/// Reads a `_dir.yaml`; a YAML error is reported and the folder keeps its defaults.
pub fn read_folder_meta(file: &SourceFile, diagnostics: &mut Diagnostics) -> FolderMeta {
    match crate::yaml::parse(&file.text, &|at| at) {
        Ok((value, _)) => FolderMeta {
            title: value
                .get("title")
                .and_then(serde_json::Value::as_str)
                .map(str::to_string),
            hidden: value.get("navigation").and_then(serde_json::Value::as_bool) == Some(false),
        },
        Err(error) => {
            let message = format!("invalid YAML in folder metadata: {}", error.message);
            diagnostics.error(file, Span::at(error.at), Code::Yaml, message);
            FolderMeta::default()
        }
    }
}

/// The files of a content folder, each list sorted by route.
#[derive(Debug, Default)]
pub struct ContentFiles {
    /// Markdown pages.
    pub pages: Vec<PageFile>,
    /// The folders' `_dir.yaml` files.
    pub folder_metas: Vec<PathBuf>,
    /// Static files from `public/`.
    pub assets: Vec<AssetFile>,
}

/// Lists the pages and assets under `root`.
pub fn scan(root: &Path) -> Result<ContentFiles, Error> {
    let mut files = ContentFiles::default();
    walk(root, root, &mut files)?;
    files
        .pages
        .sort_by(|a, b| a.route.cmp(&b.route).then(a.relative.cmp(&b.relative)));
    files.assets.sort_by(|a, b| a.route.cmp(&b.route));
    Ok(files)
}

fn walk(root: &Path, dir: &Path, files: &mut ContentFiles) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Dot files are never content (as in Nuxt Content).
        if name.starts_with('.') {
            continue;
        }
        let relative = relative_path(root, &path);
        if path.is_dir() {
            if dir == root && name == PUBLIC_DIR {
                walk_public(&path, &path, files)?;
            } else {
                walk(root, &path, files)?;
            }
        } else if name == FOLDER_META {
            files.folder_metas.push(path);
        } else if name.ends_with(".md") {
            let route = route_of(&relative);
            files.pages.push(PageFile {
                path,
                relative,
                route,
            });
        }
    }
    Ok(())
}

fn walk_public(public: &Path, dir: &Path, files: &mut ContentFiles) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            walk_public(public, &path, files)?;
        } else {
            let route = format!("/{}", relative_path(public, &path));
            let content_type = mime_guess::from_path(&path)
                .first_or_octet_stream()
                .to_string();
            files.assets.push(AssetFile {
                path,
                route,
                content_type,
            });
        }
    }
    Ok(())
}

/// Path of `path` inside `root`, with `/` separators.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The route of a page from its path relative to the content folder, by Nuxt Content's rules:
/// numeric ordering prefixes (`3.`) are dropped, `index` names its folder, segments are
/// lower-cased with white space turned into `-`.
pub fn route_of(relative: &str) -> String {
    let without_extension = relative.strip_suffix(".md").unwrap_or(relative);
    let mut segments: Vec<String> = without_extension.split('/').map(route_segment).collect();
    if segments.last().is_some_and(|last| last == "index") {
        segments.pop();
    }
    let route = segments.join("/");
    format!("/{route}")
}

fn route_segment(segment: &str) -> String {
    let stripped = strip_order_prefix(segment);
    let words: Vec<&str> = stripped.split_whitespace().collect();
    words.join("-").to_lowercase()
}

/// `10.working-groups` → `working-groups`; a version number such as `1.2` stays as it is.
pub fn strip_order_prefix(segment: &str) -> &str {
    let digits = segment.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || segment.as_bytes().get(digits) != Some(&b'.') {
        return segment;
    }
    let rest = &segment[digits + 1..];
    let is_version = rest
        .split('.')
        .all(|part| part == "x" || (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())));
    if rest.is_empty() || is_version {
        segment
    } else {
        rest
    }
}

/// The title a page falls back to: its file name (or folder name for `index.md`), words capitalised.
pub fn title_from_path(relative: &str) -> String {
    let without_extension = relative.strip_suffix(".md").unwrap_or(relative);
    let mut segments: Vec<&str> = without_extension.split('/').collect();
    if segments.len() > 1
        && segments
            .last()
            .is_some_and(|last| strip_order_prefix(last) == "index")
    {
        segments.pop();
    }
    let name = strip_order_prefix(segments.last().copied().unwrap_or(""));
    name.split(['-', '_', ' '])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_follow_nuxt_content_rules() {
        assert_eq!(route_of("3.lwm2m/about.md"), "/lwm2m/about");
        assert_eq!(
            route_of("1.omaspecworks/3.collaborate/10.working-groups.md"),
            "/omaspecworks/collaborate/working-groups"
        );
        assert_eq!(route_of("2.ipso/index.md"), "/ipso");
        assert_eq!(route_of("index.md"), "/");
        assert_eq!(
            route_of("5.news/2023-06-09-IoT-Utilities Outreach.md"),
            "/news/2023-06-09-iot-utilities-outreach"
        );
        assert_eq!(route_of("_8.guidelines/x.md"), "/_8.guidelines/x");
        assert_eq!(route_of("specs/1.2/notes.md"), "/specs/1.2/notes");
        assert_eq!(route_of("7.tools/40.webIDL.md"), "/tools/webidl");
    }

    #[test]
    fn titles_fall_back_to_file_or_folder_name() {
        assert_eq!(title_from_path("3.lwm2m/examples.md"), "Examples");
        assert_eq!(title_from_path("2.ipso/index.md"), "Ipso");
        assert_eq!(
            title_from_path("1.a/10.working-groups.md"),
            "Working Groups"
        );
    }
}
