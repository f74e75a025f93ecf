//! The one build behind three front ends: the library called as the macro calls it, `site
//! check` and `site dev` report the same diagnostics for the same broken content, with the
//! same file, line, column, message, snippet and help. The content has a fixture for every
//! kind of problem (a test fails when a new kind has none).

use std::io::{BufRead, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use site_compiler::diagnostic::Code;
use site_compiler::{Compression, Options};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// How long `site dev` may take to start and build.
const WAIT: Duration = Duration::from_secs(30);

/// One broken file per kind of problem; `redirects.yml` holds the four redirect problems.
fn fixture(name: &str) -> std::io::Result<PathBuf> {
    let root = std::env::temp_dir()
        .join(format!("site-front-ends-{name}-{}", std::process::id()))
        .join("content");
    let _ = std::fs::remove_dir_all(&root);
    // Alerts nested 70 deep, each closed.
    let depths = (1..=70).map(|depth| ":".repeat(depth + 1));
    let nested: String = depths
        .clone()
        .map(|colons| format!("{colons}ShAlert\n"))
        .collect();
    let nested = nested
        + &depths
            .rev()
            .map(|colons| format!("{colons}\n"))
            .collect::<String>();
    let files: &[(&str, &[u8])] = &[
        ("index.md", b"# Home\n\n## Anchors\n"),
        ("encoding.md", b"# Bad \xff byte\n"),
        ("clash.md", b"# One\n"),
        ("clash/index.md", b"# Two\n"),
        ("yaml.md", b"---\ntitle: [a, b\n---\n"),
        ("fence.md", b"# Fences\n\n::\n"),
        ("unclosed.md", b"::ShAlert\ntext\n"),
        ("open-front.md", b"---\ntitle: Never closed\n\n# Page\n"),
        ("what?.md", b"# A name no URL can hold\n"),
        (
            "shorter-fence.md",
            b"::::ShMultiColumn\n  :::::ShColumn\n  Text\n  ::::\n\n::::\n",
        ),
        ("nesting.md", nested.as_bytes()),
        ("component.md", b"::ShAlrt\n::\n"),
        ("prop.md", b"::ShAlert{colour=\"red\"}\n::\n"),
        ("value.md", b"::ShTwoColumns{size=\"HUGE\"}\n::\n"),
        ("renamed.md", b"::ShCard\n---\narticle: /\n---\n::\n"),
        ("binding.md", b"# Binding\n\n{{ nothing.here }}\n"),
        (
            "language.md",
            b"# Code\n\n```tyepscript\nconst a = 1\n```\n",
        ),
        (
            "icon.md",
            b"::ShMicroCard\n---\nicon: tabler:no-such-icon\n---\n::\n",
        ),
        (
            "data.md",
            b"::ShDynamicTable\n---\ndataUrl: /data/missing.json\n---\n::\n",
        ),
        (
            "article.md",
            b"---\nlayout: articles\ndate: someday\n---\nText.\n",
        ),
        ("modules.md", b"---\nmodules: 5\n---\n"),
        ("module.md", b"---\nmodules:\n  - name: RowNope\n---\n"),
        (
            "link.md",
            b"[gone](/nowhere) [anchor](/#nowhere) ![x](/missing.png)\n",
        ),
        ("script.md", b"[run](javascript:alert(1))\n"),
        (
            "script-element.md",
            b"# Script\n\n<script>alert(1)</script>\n",
        ),
        ("handler.md", b"[click](/){onclick=\"alert(1)\"}\n"),
        ("srcdoc.md", b"<iframe srcdoc=\"<p>x</p>\"></iframe>\n"),
        (
            "refresh.md",
            b"<meta http-equiv=\"refresh\" content=\"0;url=https://elsewhere.example\">\n",
        ),
        (
            "style.md",
            b"::ShSegment\n---\nimageBackground: \"x); color: red\"\n---\n::\n",
        ),
        (
            "video.md",
            b"::ShVideo\n---\nsrc: https://user@videos.example/a.mp4\n---\n::\n",
        ),
        (
            "data/lwm2m-registry/index.tsv",
            b"ObjectID\tURN\tName\tOwner\tSource\tVer\tDDF\tDDFLink\tTS\tTSLink\n\
              900\turn:oma:lwm2m:x:900\tBroken\tSite\t2\t1.0\t900.xml\t1\t\t0\n\
              901\turn:oma:lwm2m:x:901\tWrong\tSite\t2\t1.0\t901.xml\t1\t\t0\n\
              9x\turn\tBad\tSite\t2\t1.0\t\t0\t\t0\n",
        ),
        ("data/lwm2m-registry/objects/900.xml", b"<LWM2M><Object></LWM2M>\n"),
        (
            "data/lwm2m-registry/objects/901.xml",
            b"<LWM2M>\n<Object ObjectType=\"MODefinition\">\n<Name>Wrong</Name>\n\
              <ObjectID>9010</ObjectID>\n<ObjectURN>urn:oma:lwm2m:x:901:1.1</ObjectURN>\n\
              <MultipleInstances>Single</MultipleInstances>\n<Mandatory>Optional</Mandatory>\n\
              <Colour>red</Colour>\n<Resources>\n\
              <Item ID=\"0\"><Name>A</Name><Operations>RX</Operations><MultipleInstances>Single</MultipleInstances><Mandatory>Optional</Mandatory><Type>Integer</Type><RangeEnumeration>1...5</RangeEnumeration></Item>\n\
              <Item ID=\"0\"><Name>B</Name><Operations>E</Operations><MultipleInstances>Single</MultipleInstances><Mandatory>Optional</Mandatory><Type>String</Type></Item>\n\
              </Resources>\n</Object>\n</LWM2M>\n",
        ),
        (
            "redirects.yml",
            b"/list: [a]\nold-page: /\n/binding: /\n/old: /nowhere\n",
        ),
    ];
    for (path, bytes) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
    }
    // A link out of the content folder.
    std::fs::create_dir_all(root.join("public"))?;
    std::os::unix::fs::symlink(std::env::temp_dir(), root.join("public/elsewhere"))?;
    Ok(root)
}

/// The diagnostics of a report (`site check`'s output, `site dev`'s first build): each block
/// up to a blank line, before the closing count.
fn blocks(report: &str) -> Vec<String> {
    report
        .split("\n\n")
        .filter(|block| block.lines().count() > 1)
        .map(|block| block.trim_matches('\n').to_string())
        .collect()
}

#[test]
fn the_macro_site_check_and_site_dev_report_the_same_problems() -> TestResult {
    let content = fixture("same")?;

    // The library, as `include_site!` calls it.
    let options = Options {
        compression: Some(Compression::default()),
        site_url: site_compiler::embed::site_url(),
        ..Options::default()
    };
    let build = site_compiler::build(&content, &options)?;
    for code in Code::ALL {
        assert!(
            build.diagnostics.iter().any(|d| d.code == *code),
            "no fixture reports `{code}`: add one"
        );
    }
    let library: Vec<String> = build.diagnostics.iter().map(ToString::to_string).collect();

    let check = Command::new(env!("CARGO_BIN_EXE_site"))
        .arg("check")
        .arg(&content)
        .output()?;
    assert_eq!(check.status.code(), Some(1));
    let check = String::from_utf8(check.stdout)?;
    assert_eq!(blocks(&check), library, "site check");

    let (printed, overlay) = dev_report(&content)?;
    assert_eq!(blocks(&printed), library, "site dev's terminal");
    for diagnostic in &build.diagnostics {
        let line = diagnostic
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(
            overlay.contains(&escaped),
            "site dev's error page lacks {line}"
        );
    }
    std::fs::remove_dir_all(content.parent().ok_or("no parent")?)?;
    Ok(())
}

/// What `site dev` prints of its first build of `content`, and the error page it serves.
fn dev_report(content: &Path) -> Result<(String, String), Box<dyn std::error::Error>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["dev", "--addr", "127.0.0.1:0"])
        .arg(content)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (sender, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let mut printed = String::new();
    let address = loop {
        let line = received.recv_timeout(WAIT.saturating_sub(started.elapsed()))?;
        if let Some(at) = line.find("http://") {
            let url = &line[at + "http://".len()..];
            break url.split('/').next().unwrap_or_default().to_string();
        }
        printed.push_str(&line);
        printed.push('\n');
    };
    let mut stream = TcpStream::connect(&address)?;
    stream.set_read_timeout(Some(WAIT))?;
    write!(
        stream,
        "GET /link HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 500"), "{response:.200}");
    Ok((printed, response))
}
