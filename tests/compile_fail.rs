//! Broken content fails the build with messages an author can act on: one fixture per check
//! under `tests/ui/CASE/content/`, built by one shared fixture crate, its whole `cargo build`
//! output compared with `tests/ui/CASE.stderr`. `BLESS=1` rewrites the expected files.
//!
//! `tests/ui/lenient` builds with `include_site!("content", lenient)`: the same problems are
//! warnings and the build succeeds.

use site_tests::{Fixture, workspace};
use std::path::Path;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Replaces the fixture's content folder with the case's.
fn load_case(fixture: &Fixture, case: &Path) -> std::io::Result<()> {
    let content = fixture.dir.join("content");
    std::fs::remove_dir_all(&content)?;
    copy_dir(&case.join("content"), &content)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[test]
fn broken_content_fails_the_build_with_located_messages() -> TestResult {
    let ui = workspace().join("tests/ui");
    let mut cases: Vec<_> = std::fs::read_dir(&ui)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let fixture = Fixture::create("compile-fail", "\"content\"")?;
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lenient = name == "lenient";
        fixture.set_macro_args(if lenient {
            "\"content\", lenient"
        } else {
            "\"content\""
        })?;
        load_case(&fixture, case)?;
        let build = fixture.build()?;
        let stderr = String::from_utf8_lossy(&build.stderr).into_owned();
        assert_eq!(
            build.status.success(),
            lenient,
            "{name}: build status\n{stderr}"
        );
        assert!(
            !stderr.contains("panicked"),
            "{name}: the macro panicked\n{stderr}"
        );
        let expected_path = ui.join(format!("{name}.stderr"));
        if bless {
            std::fs::write(&expected_path, &stderr)?;
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if stderr != expected {
            failures.push(format!(
                "--- {name}: expected ({})\n{expected}\n--- got\n{stderr}",
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ (BLESS=1 to accept):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(cases.len() >= 11, "every check has a case");
    Ok(())
}
