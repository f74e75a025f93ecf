//! `site icons`: fetches the icons a content folder names but neither its icon file nor the
//! compiler's has from the Iconify sets' npm packages (`@iconify-json/SET`), into the content's
//! icon file, `DIR/icons.json` (its format is in `site_compiler::icons`).
//!
//! The folder is built as `site check --lenient` builds it, and the icon names its pages wrote
//! are taken from the build (`Build::named_icons`), so that exactly the names the build looks up
//! are fetched. Each set's package is read once: from the npm registry (its latest version's
//! tarball: `package/icons.json`, and `package/info.json` for the licence when `icons.json` has
//! none), or, with `--packages DIR`, from a folder laid out as `npm install` lays out
//! `node_modules` (`DIR/@iconify-json/SET/icons.json`), for working offline and for the tests.
//! A missing name written `i-set-name` is split with the list of every Iconify set
//! (`@iconify/collections`), read only then.
//!
//! Only the missing icons are added, each resolved to its SVG body and view box (an alias
//! followed to its parent, its rotation, flips and view box applied as Iconify applies them),
//! with each set's name, author and licence. The file is replaced in one rename, and not
//! written at all when nothing is missing. A name a fetched set lacks is reported with the
//! nearest name it has, and a set the registry does not have is reported too; a failure to
//! read a package writes nothing.

use flate2::read::GzDecoder;
use serde_json::Value;
use site_compiler::diagnostic::closest;
use site_compiler::icons::{
    Author, Icon, IconFile, IconSet, License, SITE_ICONS, canonical_name, compiler_icons,
    is_iconify_name, svg_number,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ureq::tls::{RootCerts, TlsConfig};

/// The compiler's own icon file in the source tree this binary was built from, which
/// `site icons --compiler` updates.
pub fn compiler_icon_file() -> PathBuf {
    let site = Path::new(env!("CARGO_MANIFEST_DIR"));
    site.parent()
        .unwrap_or(site)
        .join("macros/core/icons/icons.json")
}

/// The npm registry.
const REGISTRY: &str = "https://registry.npmjs.org";

/// The most a registry answer may be: the largest set's tarball (`material-symbols`) is a few
/// megabytes.
const MOST_BYTES: u64 = 256 * 1024 * 1024;

/// Where the Iconify packages are read from.
#[derive(Debug, Clone)]
pub enum Packages {
    /// The npm registry, over HTTPS.
    Registry,
    /// A folder laid out as `node_modules`: `DIR/@iconify-json/SET/icons.json`.
    Folder(PathBuf),
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The icon file.
    pub file: PathBuf,
    /// The packages read, with their versions (`@iconify-json/tabler@1.2.41`).
    pub fetched: Vec<String>,
    /// The icons added, as `set:name`, sorted.
    pub added: Vec<String>,
    /// The names that are still missing, and why.
    pub not_found: Vec<NotFound>,
}

/// A name the content writes that no package has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// The set has no such icon (a typo?).
    Icon {
        /// The name as the content writes it.
        written: String,
        /// The set.
        set: String,
        /// The name looked for in it.
        name: String,
        /// The set's name nearest to it.
        nearest: Option<String>,
    },
    /// No Iconify set has that prefix.
    Set {
        /// The name as the content writes it.
        written: String,
        /// The prefix.
        set: String,
    },
    /// Not an Iconify name, or a `set-name` form whose start is no set's prefix.
    Name {
        /// The name as the content writes it.
        written: String,
    },
}

/// Why `site icons` could not run; nothing was written.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Adds the icons the content folder `dir` names and neither its icon file nor the compiler's
/// has to its icon file, from `packages`.
pub fn add_content_icons(dir: &Path, packages: &Packages) -> Result<Report, Error> {
    if !dir.is_dir() {
        return Err(Error(format!(
            "`{}` is not a content folder",
            dir.display()
        )));
    }
    let options = site_compiler::Options {
        lenient: true,
        ..site_compiler::Options::default()
    };
    let build = site_compiler::build(dir, &options)
        .map_err(|error| Error(format!("cannot build `{}`: {error}", dir.display())))?;
    let file = dir.join(site_compiler::load::ICONS_FILE);
    add_icons(&file, &build.named_icons, Some(compiler_icons()), packages)
}

/// Adds the icons the compiler's own code draws ([`SITE_ICONS`]) and `file` lacks to `file`.
pub fn add_compiler_icons(file: &Path, packages: &Packages) -> Result<Report, Error> {
    let names: Vec<String> = SITE_ICONS.iter().map(ToString::to_string).collect();
    add_icons(file, &names, None, packages)
}

/// Adds to the icon file `file` the icons of `names` that neither it nor `also` has.
fn add_icons(
    file: &Path,
    names: &[String],
    also: Option<&IconFile>,
    packages: &Packages,
) -> Result<Report, Error> {
    if let Packages::Folder(dir) = packages {
        if !dir.is_dir() {
            return Err(Error(format!(
                "`{}` is not a folder of packages",
                dir.display()
            )));
        }
    }
    let mut icons = read_icon_file(file)?;
    let mut report = Report {
        file: file.to_path_buf(),
        fetched: Vec::new(),
        added: Vec::new(),
        not_found: Vec::new(),
    };
    // The missing names by set, then by icon name, each with the forms the content writes it in.
    let mut wanted: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut every_set: Option<BTreeSet<String>> = None;
    for written in names {
        let known = icons
            .prefixes()
            .chain(also.into_iter().flat_map(IconFile::prefixes));
        let key = canonical_name(written, known);
        let has = |key: &str| icons.get(key).or_else(|| also?.get(key)).is_some();
        if key.as_deref().is_some_and(has) {
            continue;
        }
        let key = if written.contains(':') {
            key
        } else {
            // `i-set-name`: the set is the longest prefix of any Iconify set, which only the
            // list of every set knows (`i-mdi-light-home` is `mdi-light:home`).
            if every_set.is_none() {
                every_set = Some(iconify_sets(packages)?);
            }
            let sets = every_set.iter().flatten();
            canonical_name(written, sets.map(String::as_str))
        };
        match key.as_deref().and_then(|key| key.split_once(':')) {
            Some((set, name)) if is_iconify_name(set) && is_iconify_name(name) => {
                wanted
                    .entry(set.to_string())
                    .or_default()
                    .entry(name.to_string())
                    .or_default()
                    .push(written.clone());
            }
            _ => report.not_found.push(NotFound::Name {
                written: written.clone(),
            }),
        }
    }
    for (set, names) in wanted {
        let package_name = format!("@iconify-json/{set}");
        let Some(package) = packages.read(&package_name, &["icons.json", "info.json"])? else {
            for written in names.into_values().flatten() {
                report.not_found.push(NotFound::Set {
                    written,
                    set: set.clone(),
                });
            }
            continue;
        };
        report
            .fetched
            .push(format!("{package_name}@{}", package.version));
        let data = package
            .json("icons.json")?
            .ok_or_else(|| Error(format!("the package `{package_name}` has no `icons.json`")))?;
        let mut found = BTreeMap::new();
        for (name, written) in names {
            match resolve(&data, &name) {
                Some(icon) => {
                    found.insert(name, icon);
                }
                None => {
                    let names = icon_names(&data);
                    let nearest = closest(&name, names.iter().copied()).map(str::to_string);
                    report
                        .not_found
                        .extend(written.into_iter().map(|written| NotFound::Icon {
                            written,
                            set: set.clone(),
                            name: name.clone(),
                            nearest: nearest.clone(),
                        }));
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        let info = match data.get("info") {
            Some(info) => Some(info.clone()),
            None => package.json("info.json")?,
        };
        let entry = icons.sets.entry(set.clone()).or_default();
        if let Some(info) = info {
            describe(entry, &info);
        }
        report
            .added
            .extend(found.keys().map(|name| format!("{set}:{name}")));
        entry.icons.extend(found);
    }
    if !report.added.is_empty() {
        write_atomically(file, &icons.to_json())?;
    }
    Ok(report)
}

/// The icon file at `file`, or none when there is no file yet.
fn read_icon_file(file: &Path) -> Result<IconFile, Error> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(IconFile::default());
        }
        Err(error) => return Err(Error(format!("cannot read `{}`: {error}", file.display()))),
    };
    IconFile::parse(&text).map_err(|error| {
        let line = text
            .get(..error.offset)
            .map_or(1, |before| before.lines().count().max(1));
        Error(format!(
            "`{}` line {line}: {}; fix it first (`site icons` rewrites it from what it reads)",
            file.display(),
            error.message
        ))
    })
}

/// Replaces `file` with `text` in one rename, so that no reader sees it half-written and a
/// failure leaves the old file as it was.
fn write_atomically(file: &Path, text: &str) -> Result<(), Error> {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let temporary = file.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut out| {
        out.write_all(text.as_bytes())?;
        out.sync_all()
    });
    let result = written.and_then(|()| std::fs::rename(&temporary, file));
    result.map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        Error(format!("cannot write `{}`: {error}", file.display()))
    })
}

/// Sets the set's name, author and licence from its package's `info`.
fn describe(set: &mut IconSet, info: &Value) {
    let text = |value: &Value, key: &str| value.get(key).and_then(Value::as_str).map(String::from);
    set.name = text(info, "name").or(set.name.take());
    if let Some(author) = info.get("author") {
        set.author = text(author, "name").map(|name| Author {
            name,
            url: text(author, "url"),
        });
    }
    if let Some(license) = info.get("license") {
        set.license = text(license, "title").map(|title| License {
            title,
            spdx: text(license, "spdx"),
            url: text(license, "url"),
        });
    }
}

/// The prefixes of every Iconify set (`@iconify/collections`).
fn iconify_sets(packages: &Packages) -> Result<BTreeSet<String>, Error> {
    let name = "@iconify/collections";
    let package = packages
        .read(name, &["collections.json"])?
        .ok_or_else(|| Error(format!("no package `{name}`: the list of Iconify sets")))?;
    match package.json("collections.json")? {
        Some(Value::Object(sets)) => Ok(sets.keys().cloned().collect()),
        _ => Err(Error(format!(
            "the package `{name}` has no `collections.json` object"
        ))),
    }
}

/// The names of the icons and aliases of a set's Iconify JSON.
fn icon_names(data: &Value) -> Vec<&str> {
    ["icons", "aliases"]
        .iter()
        .filter_map(|key| data.get(key)?.as_object())
        .flat_map(|names| names.keys().map(String::as_str))
        .collect()
}

/// The icon `name` of a set's Iconify JSON (`icons.json`), an alias followed to the icon it
/// names, with the view box and transformations as Iconify's `iconToSVG` gives them:
/// the nearest definition of each of `left`, `top`, `width`, `height` wins (the set's own
/// defaults, then 0, 0, 16, 16); rotations add up; flips cancel in pairs.
fn resolve(data: &Value, name: &str) -> Option<Icon> {
    let icons = data.get("icons")?.as_object()?;
    let aliases = data.get("aliases").and_then(Value::as_object);
    let mut chain = Vec::new();
    let mut current = name;
    while !icons.contains_key(current) {
        let alias = aliases?.get(current)?;
        // An alias naming itself through others names no icon.
        if chain.len() > aliases?.len() {
            return None;
        }
        chain.push(alias);
        current = alias.get("parent")?.as_str()?;
    }
    let base = icons.get(current)?;
    let number = |layer: &Value, key: &str| layer.get(key).and_then(Value::as_f64);
    let mut view_box = [
        number(data, "left").unwrap_or(0.0),
        number(data, "top").unwrap_or(0.0),
        number(data, "width").unwrap_or(16.0),
        number(data, "height").unwrap_or(16.0),
    ];
    let (mut rotate, mut h_flip, mut v_flip) = (0, false, false);
    // The icon, then its aliases from the nearest to it to the one named.
    for layer in std::iter::once(base).chain(chain.into_iter().rev()) {
        for (slot, key) in view_box.iter_mut().zip(["left", "top", "width", "height"]) {
            *slot = number(layer, key).unwrap_or(*slot);
        }
        rotate += layer.get("rotate").and_then(Value::as_i64).unwrap_or(0);
        h_flip ^= layer.get("hFlip").and_then(Value::as_bool).unwrap_or(false);
        v_flip ^= layer.get("vFlip").and_then(Value::as_bool).unwrap_or(false);
    }
    let body = base.get("body")?.as_str()?;
    Some(transformed(body, view_box, rotate, h_flip, v_flip))
}

/// `body` in view box `view_box`, rotated by `rotate` quarter turns and flipped, as Iconify's
/// `iconToSVG` writes it: a `<g transform>` around the body, and the view box turned with it.
fn transformed(body: &str, view_box: [f64; 4], rotate: i64, h_flip: bool, v_flip: bool) -> Icon {
    let [mut left, mut top, mut width, mut height] = view_box;
    let mut rotate = rotate;
    let mut transforms = Vec::new();
    let n = svg_number;
    match (h_flip, v_flip) {
        // Both flips are half a turn.
        (true, true) => rotate += 2,
        (true, false) => {
            transforms.push(format!("translate({} {})", n(width + left), n(-top)));
            transforms.push("scale(-1 1)".to_string());
            (left, top) = (0.0, 0.0);
        }
        (false, true) => {
            transforms.push(format!("translate({} {})", n(-left), n(height + top)));
            transforms.push("scale(1 -1)".to_string());
            (left, top) = (0.0, 0.0);
        }
        (false, false) => {}
    }
    let rotate = rotate.rem_euclid(4);
    let rotation = match rotate {
        1 => Some(format!("rotate(90 {0} {0})", n(height / 2.0 + top))),
        2 => Some(format!(
            "rotate(180 {} {})",
            n(width / 2.0 + left),
            n(height / 2.0 + top)
        )),
        3 => Some(format!("rotate(-90 {0} {0})", n(width / 2.0 + left))),
        _ => None,
    };
    if let Some(rotation) = rotation {
        transforms.insert(0, rotation);
    }
    if rotate % 2 == 1 {
        (left, top, width, height) = (top, left, height, width);
    }
    let body = if transforms.is_empty() {
        body.to_string()
    } else {
        format!(r#"<g transform="{}">{body}</g>"#, transforms.join(" "))
    };
    Icon {
        body,
        view_box: [left, top, width, height],
    }
}

/// Files of one package.
struct Package {
    version: String,
    files: BTreeMap<String, Vec<u8>>,
}

impl Package {
    /// The package's file `name` as JSON, `None` when it has no such file.
    fn json(&self, name: &str) -> Result<Option<Value>, Error> {
        self.files
            .get(name)
            .map(|bytes| serde_json::from_slice(bytes))
            .transpose()
            .map_err(|error| Error(format!("invalid JSON in a package's `{name}`: {error}")))
    }
}

impl Packages {
    /// The files `files` (those it has) of package `name`; `None` when there is no such
    /// package.
    fn read(&self, name: &str, files: &[&str]) -> Result<Option<Package>, Error> {
        match self {
            Packages::Folder(dir) => read_folder(&dir.join(name), files),
            Packages::Registry => fetch(name, files),
        }
    }
}

/// A package unpacked in `dir`, as `npm install` leaves it.
fn read_folder(dir: &Path, files: &[&str]) -> Result<Option<Package>, Error> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut found = BTreeMap::new();
    for name in files {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => {
                found.insert(name.to_string(), bytes);
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(Error(format!("cannot read `{}`: {error}", path.display())));
            }
        }
    }
    let version = std::fs::read(dir.join("package.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|package| Some(package.get("version")?.as_str()?.to_string()))
        .unwrap_or_else(|| "local".into());
    Ok(Some(Package {
        version,
        files: found,
    }))
}

/// The latest version of package `name` from the npm registry, its files `files`.
fn fetch(name: &str, files: &[&str]) -> Result<Option<Package>, Error> {
    let tls = TlsConfig::builder()
        .root_certs(RootCerts::PlatformVerifier)
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .tls_config(tls)
        .build()
        .into();
    let url = format!("{REGISTRY}/{name}/latest");
    let get = |url: &str| {
        let response = agent
            .get(url)
            .call()
            .map_err(|error| Error(format!("cannot fetch {url}: {error}")))?;
        match response.status().as_u16() {
            200 | 404 => Ok(response),
            status => Err(Error(format!("{url} answered {status}"))),
        }
    };
    let response = get(&url)?;
    if response.status() == 404 {
        return Ok(None);
    }
    let manifest: Value = serde_json::from_reader(
        response
            .into_body()
            .into_with_config()
            .limit(MOST_BYTES)
            .reader(),
    )
    .map_err(|error| Error(format!("invalid answer from {url}: {error}")))?;
    let field = |path: &[&str]| {
        path.iter()
            .try_fold(&manifest, |value, key| value.get(key))
            .and_then(Value::as_str)
            .ok_or_else(|| Error(format!("{url} names no `{}`", path.join("."))))
    };
    let version = field(&["version"])?.to_string();
    let tarball = field(&["dist", "tarball"])?;
    let response = get(tarball)?;
    if response.status() == 404 {
        return Err(Error(format!("{tarball} answered 404")));
    }
    let reader = response
        .into_body()
        .into_with_config()
        .limit(MOST_BYTES)
        .reader();
    let files = unpack(reader, files)
        .map_err(|error| Error(format!("cannot unpack {tarball}: {error}")))?;
    Ok(Some(Package { version, files }))
}

/// The files `files` of an npm package tarball (gzip-compressed tar, every path under one
/// folder, `package/`).
fn unpack(tarball: impl Read, files: &[&str]) -> std::io::Result<BTreeMap<String, Vec<u8>>> {
    let mut found = BTreeMap::new();
    let mut archive = tar::Archive::new(GzDecoder::new(tarball));
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.into_owned();
        let inside: PathBuf = path.components().skip(1).collect();
        let Some(name) = files.iter().find(|name| inside == Path::new(name)) else {
            continue;
        };
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        found.insert(name.to_string(), bytes);
    }
    Ok(found)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        if !self.fetched.is_empty() {
            writeln!(f, "read {}", self.fetched.join(", "))?;
        }
        match self.added.len() {
            0 if self.not_found.is_empty() => {
                writeln!(f, "{file}: every icon named is there; nothing to add")?;
            }
            0 => writeln!(f, "{file}: nothing added")?,
            count => {
                let icons = if count == 1 { "icon" } else { "icons" };
                writeln!(f, "{file}: added {count} {icons}:")?;
                for key in &self.added {
                    writeln!(f, "  {key}")?;
                }
            }
        }
        if !self.not_found.is_empty() {
            writeln!(f, "not found:")?;
            for missing in &self.not_found {
                writeln!(f, "  {missing}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotFound::Icon {
                written,
                set,
                name,
                nearest,
            } => {
                write!(f, "`{written}`: the `{set}` set has no icon `{name}`")?;
                match nearest {
                    Some(nearest) => write!(f, "; did you mean `{set}:{nearest}`?"),
                    None => Ok(()),
                }
            }
            NotFound::Set { written, set } => write!(
                f,
                "`{written}`: no Iconify set `{set}` (no package `@iconify-json/{set}`)"
            ),
            NotFound::Name { written } => write!(
                f,
                "`{written}`: not the name of an icon of any Iconify set (`set:name` or \
                 `i-set-name`)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_alias_is_its_parent_transformed_and_with_its_own_view_box() {
        let data = json!({
            "width": 24,
            "height": 24,
            "icons": {
                "arrow": { "body": "<path d=\"M1 2\"/>" },
                "tall": { "body": "<path d=\"M3 4\"/>", "height": 32, "left": 2 }
            },
            "aliases": {
                "pointer": { "parent": "arrow" },
                "pointer-again": { "parent": "pointer" },
                "arrow-left": { "parent": "arrow", "hFlip": true },
                "arrow-down": { "parent": "arrow", "rotate": 1 },
                "arrow-up": { "parent": "arrow-down", "rotate": 2 },
                "arrow-turned": { "parent": "arrow", "hFlip": true, "vFlip": true },
                "tall-upside-down": { "parent": "tall", "vFlip": true },
                "tall-wide": { "parent": "tall", "width": 40 },
                "loop": { "parent": "loop-again" },
                "loop-again": { "parent": "loop" },
                "orphan": { "parent": "nothing" }
            }
        });
        let icon = |name: &str| resolve(&data, name).map(|icon| (icon.body, icon.view_box));
        let plain = Some(("<path d=\"M1 2\"/>".to_string(), [0.0, 0.0, 24.0, 24.0]));
        assert_eq!(icon("arrow"), plain);
        assert_eq!(icon("pointer"), plain);
        assert_eq!(icon("pointer-again"), plain);
        assert_eq!(
            icon("arrow-left"),
            Some((
                "<g transform=\"translate(24 0) scale(-1 1)\"><path d=\"M1 2\"/></g>".into(),
                [0.0, 0.0, 24.0, 24.0]
            ))
        );
        assert_eq!(
            icon("arrow-down"),
            Some((
                "<g transform=\"rotate(90 12 12)\"><path d=\"M1 2\"/></g>".into(),
                [0.0, 0.0, 24.0, 24.0]
            ))
        );
        // Rotations add up: a quarter turn and a half turn.
        assert_eq!(
            icon("arrow-up"),
            Some((
                "<g transform=\"rotate(-90 12 12)\"><path d=\"M1 2\"/></g>".into(),
                [0.0, 0.0, 24.0, 24.0]
            ))
        );
        assert_eq!(
            icon("arrow-turned"),
            Some((
                "<g transform=\"rotate(180 12 12)\"><path d=\"M1 2\"/></g>".into(),
                [0.0, 0.0, 24.0, 24.0]
            ))
        );
        assert_eq!(
            icon("tall-upside-down"),
            Some((
                "<g transform=\"translate(-2 32) scale(1 -1)\"><path d=\"M3 4\"/></g>".into(),
                [0.0, 0.0, 24.0, 32.0]
            ))
        );
        assert_eq!(
            icon("tall-wide"),
            Some(("<path d=\"M3 4\"/>".into(), [2.0, 0.0, 40.0, 32.0]))
        );
        assert_eq!(icon("loop"), None);
        assert_eq!(icon("orphan"), None);
        assert_eq!(icon("nothing"), None);
        let mut names = icon_names(&data);
        names.sort_unstable();
        assert_eq!(names.first(), Some(&"arrow"));
        assert_eq!(names.len(), 13);
    }

    #[test]
    fn a_tarball_gives_the_files_asked_for() -> std::io::Result<()> {
        let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        ));
        for (path, text) in [
            ("package/icons.json", "{\"icons\": {}}"),
            ("package/README.md", "# xyz"),
            ("package/sub/icons.json", "not this one"),
        ] {
            let mut header = tar::Header::new_gnu();
            header.set_size(text.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append_data(&mut header, path, text.as_bytes())?;
        }
        let tarball = tar.into_inner()?.finish()?;
        let files = unpack(tarball.as_slice(), &["icons.json", "info.json"])?;
        assert_eq!(
            files.into_iter().collect::<Vec<_>>(),
            [("icons.json".to_string(), b"{\"icons\": {}}".to_vec())]
        );
        Ok(())
    }
}
