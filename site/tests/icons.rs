//! `site icons` on content folders, reading the Iconify packages from a local folder
//! (`--packages`, `fixtures/icon-packages/`, laid out as `node_modules`) instead of the npm
//! registry: two made-up sets, `xyz` (plain icons, an alias of each kind, its licence in
//! `info.json`) and `xyz-two` (its licence in `icons.json`), and the list of sets that splits
//! `i-xyz-two-dot`. No test here uses the network.

use std::path::{Path, PathBuf};
use std::process::Command;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A content folder in a temporary directory, removed afterwards.
struct Content(PathBuf);

impl Content {
    fn new(name: &str, files: &[(&str, &str)]) -> std::io::Result<Content> {
        let root = std::env::temp_dir().join(format!("site-icons-{name}-{}", std::process::id()));
        if root.exists() {
            std::fs::remove_dir_all(&root)?;
        }
        std::fs::create_dir_all(&root)?;
        for (path, text) in files {
            std::fs::write(root.join(path), text)?;
        }
        Ok(Content(root))
    }

    fn icon_file(&self) -> PathBuf {
        self.0.join("icons.json")
    }
}

impl Drop for Content {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A page naming icon `name`.
fn card(name: &str) -> String {
    format!("::ShMicroCard\n---\nicon: {name}\ntitle: A card\n---\n::\n")
}

fn packages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/icon-packages")
}

/// What `site ARGS…` did: its exit code, standard output and error.
fn site(args: &[&str]) -> std::io::Result<(Option<i32>, String, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(args)
        .output()?;
    Ok((
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

/// `site icons --packages <fixtures> DIR`.
fn icons(content: &Content) -> std::io::Result<(Option<i32>, String, String)> {
    let packages = packages();
    site(&[
        "icons",
        "--packages",
        &packages.to_string_lossy(),
        &content.0.to_string_lossy(),
    ])
}

/// The icon file `site icons` writes for the pages of the first test.
const EXPECTED: &str = r#"{
  "xyz": {
    "name": "XYZ Icons",
    "author": {"name": "A. Maker", "url": "https://example.com/xyz"},
    "license": {"title": "MIT", "spdx": "MIT", "url": "https://example.com/xyz/LICENSE"},
    "icons": {
      "arrow-left": {"body": "<g transform=\"translate(20 0) scale(-1 1)\"><path d=\"M4 12h16\"/></g>", "width": 20, "height": 24},
      "home": {"body": "<path d=\"M2 10l10-8l10 8v12H2z\"/>", "width": 24, "height": 24},
      "house": {"body": "<path d=\"M2 10l10-8l10 8v12H2z\"/>", "width": 24, "height": 24}
    }
  },
  "xyz-two": {
    "name": "XYZ Two",
    "author": {"name": "B. Maker"},
    "license": {"title": "CC BY 4.0", "spdx": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "icons": {
      "dot": {"body": "<circle cx=\"8\" cy=\"8\" r=\"4\"/>", "width": 16, "height": 16}
    }
  }
}
"#;

#[test]
fn adds_the_missing_icons_sorted_with_their_licences_and_reports_the_rest() -> TestResult {
    let content = Content::new(
        "add",
        &[
            ("home.md", &card("xyz:home")),
            ("alias.md", &card("xyz:house")),
            ("flipped.md", &card("xyz:arrow-left")),
            ("dashes.md", &card("i-xyz-two-dot")),
            ("again.md", &card("i-xyz:home")),
            ("compiler.md", &card("heroicons:envelope")),
            ("typo.md", &card("xyz:hme")),
            ("unknown.md", &card("nope:home")),
        ],
    )?;
    let file = content.icon_file();
    let (code, out, err) = icons(&content)?;
    assert_eq!(
        out,
        format!(
            "read @iconify-json/xyz@1.0.0, @iconify-json/xyz-two@local\n\
             {}: added 4 icons:\n  xyz:arrow-left\n  xyz:home\n  xyz:house\n  xyz-two:dot\n\
             not found:\n  \
             `nope:home`: no Iconify set `nope` (no package `@iconify-json/nope`)\n  \
             `xyz:hme`: the `xyz` set has no icon `hme`; did you mean `xyz:home`?\n",
            file.display()
        ),
        "{err}"
    );
    assert_eq!(code, Some(1), "names are still missing: {err}");
    assert_eq!(std::fs::read_to_string(&file)?, EXPECTED);

    // Nothing more to add: the file stays as it is, byte for byte.
    let (code, out, _) = icons(&content)?;
    assert_eq!(code, Some(1));
    assert!(out.contains(": nothing added\n"), "{out}");
    assert!(!out.contains("added 4"), "{out}");
    assert_eq!(std::fs::read_to_string(&file)?, EXPECTED);

    // With the typo fixed and the unknown set gone, the content checks clean.
    std::fs::write(content.0.join("typo.md"), card("xyz:home"))?;
    std::fs::remove_file(content.0.join("unknown.md"))?;
    let (code, out, err) = icons(&content)?;
    assert_eq!(
        out,
        format!(
            "{}: every icon named is there; nothing to add\n",
            file.display()
        ),
        "{err}"
    );
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&file)?, EXPECTED);
    let (code, out, _) = site(&["check", &content.0.to_string_lossy()])?;
    assert_eq!(code, Some(0), "{out}");
    Ok(())
}

#[test]
fn keeps_the_icons_already_there_and_adds_beside_them() -> TestResult {
    let mine = "{\n  \"mine\": {\n    \"icons\": {\n      \"logo\": {\"body\": \"<path d=\\\"M0 0\\\"/>\", \"width\": 16, \"height\": 16}\n    }\n  }\n}\n";
    let content = Content::new(
        "keep",
        &[
            ("icons.json", mine),
            ("logo.md", &card("mine:logo")),
            ("dot.md", &card("xyz-two:dot")),
        ],
    )?;
    let (code, out, err) = icons(&content)?;
    assert_eq!(code, Some(0), "{out}{err}");
    let written = std::fs::read_to_string(content.icon_file())?;
    assert!(
        written.starts_with("{\n  \"mine\": {\n    \"icons\": {\n      \"logo\": {\"body\":"),
        "{written}"
    );
    assert!(
        written.contains("\"dot\": {\"body\": \"<circle"),
        "{written}"
    );
    Ok(())
}

#[test]
fn bad_arguments_and_broken_files_change_nothing() -> TestResult {
    let broken = "{\"xyz\": {\"icons\": {\"home\": {\"width\": 24}}}}\n";
    let content = Content::new(
        "broken",
        &[("icons.json", broken), ("home.md", &card("xyz:dot"))],
    )?;
    let (code, out, err) = icons(&content)?;
    assert_eq!(code, Some(2), "{out}");
    assert!(
        err.starts_with("error: ") && err.contains("icon `xyz:home`: `body` is missing"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(content.icon_file())?, broken);

    let (code, _, err) = site(&["icons", "--packages", "/no/such/folder", "."])?;
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`/no/such/folder` is not a folder of packages"),
        "{err}"
    );
    let (code, _, err) = site(&["icons", "/no/such/content"])?;
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`/no/such/content` is not a content folder"),
        "{err}"
    );
    let (code, _, err) = site(&["icons", "--compiler", "content"])?;
    assert_eq!(code, Some(2), "--compiler takes no folder");
    assert!(err.contains("cannot be used with"), "{err}");
    Ok(())
}
