//! A crate embedding a content folder rebuilds its pages when a content file is edited, added
//! or removed, and fails to build, naming `file:line:col`, when the content is broken.

use site_tests::Fixture;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn content_changes_rebuild_the_pages_and_errors_fail_the_build() -> TestResult {
    let fixture = Fixture::create("rebuild", "\"content\"")?;
    // Text no earlier run had, so that the macro writes new files for rustc to include.
    let unique = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?;
    let first = format!("---\ntitle: First\n---\n\nHello {}\n", unique.as_nanos());
    fixture.write("a.md", &first)?;
    assert_eq!(fixture.pages()?, ["/ Home", "/a First", "/search Search"]);
    // The documents the macro writes for rustc to include do not count as changes.
    assert!(fixture.is_fresh()?, "an unchanged crate is not rebuilt");

    fixture.write("a.md", "---\ntitle: Second\n---\n\nHello\n")?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second", "/search Search"],
        "an edit rebuilds"
    );

    fixture.write("2.b.md", "# Added\n")?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second", "/b Added", "/search Search"],
        "a new file rebuilds"
    );

    std::fs::remove_file(fixture.dir.join("content/2.b.md"))?;
    assert_eq!(
        fixture.pages()?,
        ["/ Home", "/a Second", "/search Search"],
        "a removed file rebuilds"
    );

    fixture.write("a.md", "---\ntitle: Broken\n---\n\n::ShAlrt\ntext\n::\n")?;
    let build = fixture.build()?;
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(!build.status.success());
    assert!(
        stderr.contains("error: content/a.md:5:1: unknown component `ShAlrt`"),
        "{stderr}"
    );
    assert!(stderr.contains("help: did you mean `ShAlert`?"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    Ok(())
}
