//! A crate embedding a content folder rebuilds its pages when a content file is edited, added
//! or removed, and fails to build, naming `file:line:col`, when the content is broken.
//!
//! The fixture crate builds in `target/fixtures`, shared by every fixture build of the suite.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn create(name: &str) -> std::io::Result<Fixture> {
        let dir = workspace()
            .join("target")
            .join("fixtures")
            .join(format!("{name}-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(dir.join("src"))?;
        std::fs::create_dir_all(dir.join("content"))?;
        let site = workspace().join("site");
        let manifest = format!(
            "[package]\nname = \"content_fixture\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nsite = {{ path = {site:?}, default-features = false }}\n\n[workspace]\n"
        );
        std::fs::write(dir.join("Cargo.toml"), manifest)?;
        std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock"))?;
        std::fs::write(
            dir.join("build.rs"),
            "fn main() {\n    println!(\"cargo::rerun-if-changed=content\");\n}\n",
        )?;
        let main = "static SITE: site::Site = site::include_site!(\"content\");\n\n\
                    fn main() {\n    for page in SITE.pages {\n        println!(\"{} {}\", page.route, page.title);\n    }\n}\n";
        std::fs::write(dir.join("src/main.rs"), main)?;
        Ok(Fixture { dir })
    }

    fn write(&self, path: &str, text: &str) -> std::io::Result<()> {
        std::fs::write(self.dir.join("content").join(path), text)
    }

    fn build(&self) -> std::io::Result<Output> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Command::new(cargo)
            .args(["build", "--quiet", "--color", "never"])
            .current_dir(&self.dir)
            .env(
                "CARGO_TARGET_DIR",
                workspace().join("target").join("fixtures").join("target"),
            )
            .output()
    }

    /// Builds, then runs the binary: one `route title` line per page.
    fn pages(&self) -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let build = self.build()?;
        if !build.status.success() {
            return Err(format!(
                "fixture build failed:\n{}",
                String::from_utf8_lossy(&build.stderr)
            )
            .into());
        }
        let binary = workspace().join("target/fixtures/target/debug/content_fixture");
        let output = Command::new(binary).output()?;
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect())
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn content_changes_rebuild_the_pages_and_errors_fail_the_build() -> TestResult {
    let fixture = Fixture::create("rebuild")?;
    fixture.write("a.md", "---\ntitle: First\n---\n\nHello\n")?;
    assert_eq!(fixture.pages()?, ["/ Home", "/a First"]);

    fixture.write("a.md", "---\ntitle: Second\n---\n\nHello\n")?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second"],
        "an edit rebuilds"
    );

    fixture.write("2.b.md", "# Added\n")?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second", "/b Added"],
        "a new file rebuilds"
    );

    std::fs::remove_file(fixture.dir.join("content/2.b.md"))?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second"],
        "a removed file rebuilds"
    );

    fixture.write("a.md", "---\ntitle: Broken\n---\n\n::ShAlrt\ntext\n::\n")?;
    let build = fixture.build()?;
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(!build.status.success());
    assert!(
        stderr.contains("content/a.md:5:1: error: unknown component `ShAlrt`"),
        "{stderr}"
    );
    assert!(stderr.contains("help: did you mean `ShAlert`?"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    Ok(())
}
