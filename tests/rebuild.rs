//! A crate embedding a content folder rebuilds its pages when a content file is edited, added
//! or removed, and fails to build, naming `file:line:col`, when the content is broken.

use site_tests::Fixture;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn content_changes_rebuild_the_pages_and_errors_fail_the_build() -> TestResult {
    let fixture = Fixture::create("rebuild", "\"content\"")?;
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
