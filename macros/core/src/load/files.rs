//! The content folder's files: which are pages, which are assets, and the route of each.

use crate::Error;
use crate::diagnostic::{Code, Diagnostics};
use crate::source::{SourceFile, Span};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};

/// Static files live in this subfolder of the content folder and are served from the site root.
pub const PUBLIC_DIR: &str = "public";

/// The LwM2M object registry's data, read by `crate::registry`: its README is the data's own
/// documentation, not a page of the site.
pub const REGISTRY_DIR: &str = "data/lwm2m-registry";

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
    /// The files of the LwM2M registry's data ([`REGISTRY_DIR`]), sorted.
    pub registry: Vec<PathBuf>,
    /// Files and links left out, and why.
    pub problems: Vec<FileProblem>,
}

/// A file or link of the content folder that is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file or link.
    pub path: PathBuf,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

/// Lists the pages and assets under `root`.
///
/// Symbolic links are followed while they stay inside the content folder, and each folder is
/// read once: a link leading out of the folder, to nothing, or to a folder already read (a
/// loop, or one folder under two names) is a problem naming the link, and is not followed. So
/// no link can publish files from elsewhere or make the walk run forever.
pub fn scan(root: &Path) -> Result<ContentFiles, Error> {
    let canonical_root = root.canonicalize().map_err(|source| Error::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let mut walker = Walker {
        root,
        read: HashSet::from([(canonical_root.clone(), false)]),
        canonical_root,
        files: ContentFiles::default(),
        links: VecDeque::new(),
    };
    walker.walk(root, None)?;
    // Links last, so that a folder reached both directly and through a link is read where it
    // is, whatever the names' order.
    while let Some((link, public)) = walker.links.pop_front() {
        walker.follow(&link, public.as_deref())?;
    }
    let mut files = walker.files;
    files
        .pages
        .sort_by(|a, b| a.route.cmp(&b.route).then(a.relative.cmp(&b.relative)));
    files.assets.sort_by(|a, b| a.route.cmp(&b.route));
    files.registry.sort();
    Ok(files)
}

/// A walk of the content folder.
struct Walker<'a> {
    root: &'a Path,
    canonical_root: PathBuf,
    files: ContentFiles,
    /// The folders read, by canonical path, and whether as part of `public/`.
    read: HashSet<(PathBuf, bool)>,
    /// The links found, with the `public/` folder when they are in it.
    links: VecDeque<(PathBuf, Option<PathBuf>)>,
}

impl Walker<'_> {
    /// Lists the folder `dir`, which is in `public` when that is given.
    fn walk(&mut self, dir: &Path, public: Option<&Path>) -> Result<(), Error> {
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
            if name.starts_with('.') && public.is_none() {
                continue;
            }
            let kind = entry.file_type().map_err(io)?;
            if kind.is_symlink() {
                self.links.push_back((path, public.map(Path::to_path_buf)));
            } else if kind.is_dir() {
                let public = match public {
                    None if dir == self.root && name == PUBLIC_DIR => Some(path.as_path()),
                    public => public,
                };
                let canonical = path.canonicalize().map_err(io)?;
                self.read.insert((canonical, public.is_some()));
                let public = public.map(Path::to_path_buf);
                self.walk(&path, public.as_deref())?;
            } else {
                self.file(path, public);
            }
        }
        Ok(())
    }

    /// Follows the link `link`, which is in `public` when that is given.
    fn follow(&mut self, link: &Path, public: Option<&Path>) -> Result<(), Error> {
        let shown = relative_path(self.root, link);
        let written = std::fs::read_link(link)
            .map(|target| target.display().to_string())
            .unwrap_or_default();
        let mut problem = |message: String, help: &str| {
            self.files.problems.push(FileProblem {
                path: link.to_path_buf(),
                code: Code::ContentLink,
                message,
                help: help.into(),
            });
        };
        let Ok(target) = link.canonicalize() else {
            problem(
                format!("the link `{shown}` leads to `{written}`, which does not exist"),
                "remove the link, or make it lead to a file or folder of the content folder",
            );
            return Ok(());
        };
        if !target.starts_with(&self.canonical_root) {
            problem(
                format!(
                    "the link `{shown}` leads out of the content folder, to `{written}`: it is not followed"
                ),
                "copy what the site needs into the content folder instead of linking to it",
            );
            return Ok(());
        }
        if !target.is_dir() {
            self.file(link.to_path_buf(), public);
            return Ok(());
        }
        if !self.read.insert((target, public.is_some())) {
            problem(
                format!(
                    "the link `{shown}` leads to `{written}`, a folder the content folder already holds: a folder is read once"
                ),
                "remove the link (a link to a folder above it makes a loop)",
            );
            return Ok(());
        }
        self.walk(link, public)
    }

    /// Takes the file `path`, in `public` when that is given.
    fn file(&mut self, path: PathBuf, public: Option<&Path>) {
        let relative = relative_path(public.unwrap_or(self.root), &path);
        if let Some(reason) = unroutable(&relative) {
            let kind = if public.is_some() { "file" } else { "page" };
            self.files.problems.push(FileProblem {
                message: format!("`{relative}` cannot be a {kind}'s URL: its name holds {reason}"),
                help: "rename the file with letters, digits, `-`, `_` and `.`".into(),
                path,
                code: Code::FileName,
            });
            return;
        }
        match public {
            Some(_) => {
                let route = format!("/{relative}");
                let content_type = mime_guess::from_path(&path)
                    .first_or_octet_stream()
                    .to_string();
                self.files.assets.push(AssetFile {
                    path,
                    route,
                    content_type,
                });
            }
            None if relative.rsplit('/').next() == Some(FOLDER_META) => {
                self.files.folder_metas.push(path)
            }
            None if relative.starts_with(REGISTRY_DIR)
                && relative.as_bytes().get(REGISTRY_DIR.len()) == Some(&b'/') =>
            {
                self.files.registry.push(path)
            }
            None if relative.ends_with(".md") => {
                let route = route_of(&relative);
                self.files.pages.push(PageFile {
                    path,
                    relative,
                    route,
                });
            }
            None => {}
        }
    }
}

/// Why the file at `relative` cannot be served at a URL of its own name: a `?`, `#` or `%`
/// (which a URL reads as the query, the fragment or an escape) or a control character.
fn unroutable(relative: &str) -> Option<String> {
    relative.chars().find_map(|c| match c {
        '?' | '#' | '%' => Some(format!("`{c}`")),
        c if c.is_control() => Some(format!("the control character U+{:04X}", u32::from(c))),
        _ => None,
    })
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

/// Characters of a route escaped in a URL: everything but the unreserved characters, `/` and
/// the sub-delimiters a path may hold; `&` too, so that HTML and XML need no entity for it.
const URL_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// `route` as every link the site generates writes it (menus, page lists, the sitemap):
/// percent-encoded, one way, so that it reaches its page whatever letters it holds.
pub fn route_url(route: &str) -> String {
    utf8_percent_encode(route, URL_PATH).to_string()
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

    /// A content folder in the temporary directory holding `files`, removed on drop.
    struct Folder(PathBuf);

    impl Folder {
        fn new(name: &str, files: &[&str]) -> std::io::Result<Folder> {
            let root = std::env::temp_dir()
                .join(format!("site-scan-{name}-{}", std::process::id()))
                .join("content");
            let _ = std::fs::remove_dir_all(&root);
            for file in files {
                let path = root.join(file);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, "# Page\n")?;
            }
            std::fs::create_dir_all(&root)?;
            Ok(Folder(root))
        }

        #[cfg(unix)]
        fn link(&self, link: &str, target: &str) -> std::io::Result<()> {
            std::os::unix::fs::symlink(target, self.0.join(link))
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            if let Some(parent) = self.0.parent() {
                let _ = std::fs::remove_dir_all(parent);
            }
        }
    }

    fn routes_and_problems(files: &ContentFiles) -> (Vec<&str>, Vec<String>) {
        let routes = files
            .pages
            .iter()
            .map(|page| page.route.as_str())
            .chain(files.assets.iter().map(|asset| asset.route.as_str()))
            .collect();
        let problems = files
            .problems
            .iter()
            .map(|problem| format!("{}: {}", problem.code, problem.message))
            .collect();
        (routes, problems)
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_inside_the_folder_once_and_never_out_of_it() -> Result<(), Error> {
        let io = |source| Error::Io {
            path: PathBuf::new(),
            source,
        };
        let folder = Folder::new("links", &["a/page.md", "public/logo.png"]).map_err(io)?;
        let outside = folder
            .0
            .parent()
            .map(|p| p.join("secrets"))
            .unwrap_or_default();
        std::fs::create_dir_all(&outside).map_err(io)?;
        std::fs::write(outside.join("id_rsa"), "key").map_err(io)?;
        for (link, target) in [
            ("loop", "."),
            ("again", "a"),
            ("b.md", "a/page.md"),
            ("gone.md", "nothing.md"),
            ("public/sd", "../../secrets"),
            ("public/icon.png", "logo.png"),
        ] {
            folder.link(link, target).map_err(io)?;
        }
        let files = scan(&folder.0)?;
        let (routes, problems) = routes_and_problems(&files);
        assert_eq!(routes, ["/a/page", "/b", "/icon.png", "/logo.png"]);
        assert_eq!(
            problems,
            [
                "content-link: the link `again` leads to `a`, a folder the content folder already holds: a folder is read once",
                "content-link: the link `gone.md` leads to `nothing.md`, which does not exist",
                "content-link: the link `loop` leads to `.`, a folder the content folder already holds: a folder is read once",
                "content-link: the link `public/sd` leads out of the content folder, to `../../secrets`: it is not followed",
            ]
        );
        Ok(())
    }

    #[test]
    fn names_that_cannot_be_urls_are_left_out() -> Result<(), Error> {
        let folder = Folder::new(
            "names",
            &["q?x.md", "x%2fy.md", "fine.md", "public/a#b.png"],
        )
        .map_err(|source| Error::Io {
            path: PathBuf::new(),
            source,
        })?;
        let files = scan(&folder.0)?;
        let (routes, problems) = routes_and_problems(&files);
        assert_eq!(routes, ["/fine"]);
        assert_eq!(
            problems,
            [
                "file-name: `a#b.png` cannot be a file's URL: its name holds `#`",
                "file-name: `q?x.md` cannot be a page's URL: its name holds `?`",
                "file-name: `x%2fy.md` cannot be a page's URL: its name holds `%`",
            ]
        );
        Ok(())
    }

    #[test]
    fn the_registry_folder_holds_data_not_pages() -> Result<(), Error> {
        let folder = Folder::new(
            "registry",
            &[
                "data/lwm2m-registry/README.md",
                "data/lwm2m-registry/objects/3.xml",
                "data/lwm2m-registry-notes.md",
                "page.md",
            ],
        )
        .map_err(|source| Error::Io {
            path: PathBuf::new(),
            source,
        })?;
        let files = scan(&folder.0)?;
        let (routes, _) = routes_and_problems(&files);
        assert_eq!(routes, ["/data/lwm2m-registry-notes", "/page"]);
        let registry: Vec<String> = files
            .registry
            .iter()
            .map(|path| relative_path(&folder.0, path))
            .collect();
        assert_eq!(
            registry,
            [
                "data/lwm2m-registry/README.md",
                "data/lwm2m-registry/objects/3.xml"
            ]
        );
        Ok(())
    }
}
