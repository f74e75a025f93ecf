//! The `site` binary is the whole site: a copy of it, run from an empty folder, serves every
//! page and image.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Kills the server when the test ends, whatever its outcome.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a binary that was written a moment ago. Another test thread that forks while the
/// copy's file was open for writing holds that descriptor until its own exec, and until then
/// the kernel refuses to run the file ("text file busy"); that lasts milliseconds, so wait.
fn spawn_fresh_copy(command: &mut Command) -> std::io::Result<Child> {
    let mut attempts = 0;
    loop {
        match command.spawn() {
            Err(error)
                if error.kind() == std::io::ErrorKind::ExecutableFileBusy && attempts < 100 =>
            {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            result => return result,
        }
    }
}

#[test]
fn a_copy_in_an_empty_folder_serves_the_whole_site() -> TestResult {
    let folder = std::env::temp_dir().join(format!("site-binary-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let binary = folder.join("site");
    std::fs::copy(env!("CARGO_BIN_EXE_site"), &binary)?;
    let mut server = Running(spawn_fresh_copy(
        Command::new(&binary)
            .args(["--addr", "127.0.0.1:0"])
            .current_dir(&folder)
            .stdout(Stdio::piped()),
    )?);
    let stdout = server.0.stdout.take().ok_or("no stdout")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let base = line
        .trim()
        .rsplit(' ')
        .next()
        .ok_or("no URL printed")?
        .trim_end_matches('/')
        .to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    for path in [
        "/",
        "/lwm2m/about",
        "/lwm2m/examples",
        "/ipso",
        "/omaspecworks/about",
        "/omaspecworks/collaborate/working-groups",
    ] {
        let mut response = agent.get(format!("{base}{path}")).call()?;
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.body_mut().read_to_string()?.contains("<title>"),
            "{path}"
        );
    }
    let mut image = agent
        .get(format!("{base}/images/lwm2m/working_together_2.jpg"))
        .call()?;
    assert_eq!(image.status(), 200);
    assert!(image.body_mut().read_to_vec()?.starts_with(b"\xff\xd8\xff"));
    drop(server);
    std::fs::remove_dir_all(&folder)?;
    Ok(())
}

#[test]
fn a_bad_address_is_a_clear_error() -> TestResult {
    let output = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["--addr", "nowhere"])
        .output()?;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("invalid value 'nowhere' for '--addr <HOST:PORT>'"),
        "{stderr}"
    );
    Ok(())
}

/// The binary serving on an ephemeral port, and its base address (`127.0.0.1:PORT`).
fn spawn_server() -> Result<(Running, String), Box<dyn std::error::Error>> {
    let child = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut server = Running(child);
    let stdout = server.0.stdout.take().ok_or("no stdout")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .ok_or("no URL printed")?
        .trim_end_matches('/')
        .to_string();
    Ok((server, addr))
}

/// Sends `signal` (`TERM`, `INT`) to the server.
fn signal(server: &Running, signal: &str) -> TestResult {
    let status = Command::new("kill")
        .args([format!("-{signal}"), server.0.id().to_string()])
        .status()?;
    assert!(status.success());
    Ok(())
}

/// Waits at most `within` for the server to exit, returning its status.
fn wait_exit(
    server: &mut Running,
    within: std::time::Duration,
) -> Result<std::process::ExitStatus, Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + within;
    loop {
        if let Some(status) = server.0.try_wait()? {
            return Ok(status);
        }
        if std::time::Instant::now() > deadline {
            return Err("the server did not exit".into());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn sigterm_lets_the_response_in_flight_finish_then_exits() -> TestResult {
    use std::io::{Read, Write};
    let (mut server, addr) = spawn_server()?;
    // 1000 pipelined requests for a 27 kB image: far more than the socket buffers hold, so the
    // server is mid-response, waiting for the client to read, when the signal comes.
    let mut stream = std::net::TcpStream::connect(&addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
    let request = "GET /images/lwm2m/working_together_2.jpg HTTP/1.1\r\nHost: x\r\n\r\n";
    stream.write_all(request.repeat(1000).as_bytes())?;
    std::thread::sleep(std::time::Duration::from_millis(300));
    signal(&server, "TERM")?;
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        server.0.try_wait()?.is_none(),
        "exited with a response in flight"
    );
    let mut received = Vec::new();
    stream.read_to_end(&mut received)?;
    let (responses, left_over) = common::complete_responses(&received);
    assert_eq!(left_over.len(), 0, "a response was cut off");
    assert!(!responses.is_empty());
    assert!(
        responses.len() < 1000,
        "the pipeline was not cut at shutdown"
    );
    assert!(received.starts_with(b"HTTP/1.1 200 OK"));
    let status = wait_exit(&mut server, std::time::Duration::from_secs(10))?;
    assert!(status.success(), "{status}");
    Ok(())
}

#[test]
fn sigint_stops_an_idle_server_at_once() -> TestResult {
    let (mut server, addr) = spawn_server()?;
    // An idle keep-alive connection does not hold the shutdown up.
    let _idle = std::net::TcpStream::connect(&addr)?;
    signal(&server, "INT")?;
    let status = wait_exit(&mut server, std::time::Duration::from_secs(5))?;
    assert!(status.success(), "{status}");
    Ok(())
}

/// Sends a GET for `path` with `accept_encoding`, returns status line and body.
fn fetch(
    addr: &str,
    path: &str,
    accept_encoding: Option<&str>,
) -> Result<(String, Vec<u8>), Box<dyn std::error::Error>> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr)?;
    let accept = accept_encoding.map_or(String::new(), |value| {
        format!("Accept-Encoding: {value}\r\n")
    });
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\n{accept}Connection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let head = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no head")?;
    let status = String::from_utf8_lossy(&response[..head])
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    Ok((status, response[head + 4..].to_vec()))
}

#[test]
fn export_writes_what_the_server_sends() -> TestResult {
    let dir = std::env::temp_dir().join(format!("site-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let output = Command::new(env!("CARGO_BIN_EXE_site"))
        .arg("export")
        .arg(&dir)
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_server, addr) = spawn_server()?;
    let mut checked = 0;
    let mut stack = vec![dir.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(&dir)?
                .to_string_lossy()
                .replace('\\', "/");
            let (file, encoding) = match relative.rsplit_once('.') {
                Some((file, "br")) => (file.to_string(), Some("br")),
                Some((file, "gz")) => (file.to_string(), Some("gzip")),
                _ => (relative.clone(), None),
            };
            // The hosts' configuration, which no request is answered with.
            if file == "_redirects" || file == "_headers" {
                continue;
            }
            let (route, status) = match file.as_str() {
                "index.html" => ("/".to_string(), "HTTP/1.1 200 OK"),
                "404.html" => ("/no/such/page".to_string(), "HTTP/1.1 404 Not Found"),
                _ => match file.strip_suffix("/index.html") {
                    Some(route) => (format!("/{route}"), "HTTP/1.1 200 OK"),
                    None => (format!("/{file}"), "HTTP/1.1 200 OK"),
                },
            };
            let (line, body) = fetch(&addr, &route, encoding)?;
            assert_eq!(line, status, "{relative}");
            assert!(
                body == std::fs::read(&path)?,
                "{relative} differs from GET {route} ({encoding:?})"
            );
            checked += 1;
        }
    }
    // Every page and asset, with brotli and gzip variants for the text ones, the sitemap and
    // the news feed, each the bytes served at its route (checked above).
    let pages = site::SITE.pages.len();
    assert!(
        checked >= 3 * (pages + 1) + site::SITE.assets.len(),
        "{checked}"
    );
    assert!(dir.join("sitemap.xml").is_file() && dir.join("sitemap.xml.br").is_file());
    for feed in ["news/feed.xml", "news/feed.xml.br", "news/feed.xml.gz"] {
        assert!(dir.join(feed).is_file(), "no {feed}");
    }
    let index = common::search_index()?;
    for variant in ["", ".br", ".gz"] {
        let file = format!("{}{variant}", index.route.trim_start_matches('/'));
        assert!(dir.join(&file).is_file(), "no {file}");
    }
    let feed = std::fs::read_to_string(dir.join("news/feed.xml"))?;
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        "{feed}"
    );
    assert!(dir.join("lwm2m/about/index.html.gz").is_file());
    let headers = std::fs::read_to_string(dir.join("_headers"))?;
    assert!(
        headers.contains("\n/*\n  Content-Security-Policy: default-src 'self';"),
        "{headers}"
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn check_reports_content_errors_and_fails() -> TestResult {
    let content = std::env::temp_dir()
        .join(format!("site-check-{}", std::process::id()))
        .join("content");
    std::fs::create_dir_all(&content)?;
    std::fs::write(
        content.join("a.md"),
        "# A\n\n::ShTextImage\n::\n\n[gone](/nowhere)\n",
    )?;
    let strict = Command::new(env!("CARGO_BIN_EXE_site"))
        .arg("check")
        .arg(&content)
        .output()?;
    let stdout = String::from_utf8_lossy(&strict.stdout);
    assert_eq!(strict.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("content/a.md:3:1: error: unknown component `ShTextImage`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("help: did you mean `ShTextImg`?"),
        "{stdout}"
    );
    assert!(
        stdout.contains("content/a.md:6:8: error: link to `/nowhere`, which no page or file has"),
        "{stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with("2 errors, 0 warnings in 3 pages"),
        "{stdout}"
    );

    let lenient = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["check", "--lenient"])
        .arg(&content)
        .output()?;
    assert_eq!(lenient.status.code(), Some(0));
    let lenient = String::from_utf8_lossy(&lenient.stdout);
    assert!(lenient.contains("0 errors, 2 warnings"), "{lenient}");
    // Where a migration starts: problems by kind, and the files with the most.
    assert!(
        lenient.ends_with(
            "0 errors, 2 warnings in 3 pages\nby kind: 1 broken-link, 1 unknown-component\n\
             most problems: content/a.md (2)\n"
        ),
        "{lenient}"
    );

    let missing = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["check", "/no/such/folder"])
        .output()?;
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(content.parent().ok_or("no parent")?)?;
    Ok(())
}

#[test]
fn check_untrusted_reports_scripts_as_removed() -> TestResult {
    let content = std::env::temp_dir()
        .join(format!("site-check-untrusted-{}", std::process::id()))
        .join("content");
    std::fs::create_dir_all(&content)?;
    std::fs::write(content.join("a.md"), "# A\n\n<script>alert(1)</script>\n")?;
    let strict = Command::new(env!("CARGO_BIN_EXE_site"))
        .arg("check")
        .arg(&content)
        .output()?;
    let stdout = String::from_utf8_lossy(&strict.stdout);
    assert_eq!(strict.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("content/a.md:3:1: error: `<script>` element"),
        "{stdout}"
    );
    let untrusted = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["check", "--untrusted"])
        .arg(&content)
        .output()?;
    let stdout = String::from_utf8_lossy(&untrusted.stdout);
    assert_eq!(untrusted.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("content/a.md:3:1: warning: `<script>` element"),
        "{stdout}"
    );
    assert!(stdout.contains("untrusted mode removes it"), "{stdout}");
    assert!(
        stdout.contains("0 errors, 1 warning in 3 pages"),
        "{stdout}"
    );
    std::fs::remove_dir_all(content.parent().ok_or("no parent")?)?;
    Ok(())
}

#[test]
fn check_passes_the_repository_content() -> TestResult {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
    let output = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["check", "--strict", content])
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    // The only problems are the LwM2M registry snapshot's own, warnings in every mode.
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|line| line.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), 13, "{stdout}");
    assert!(
        warnings
            .iter()
            .all(|line| line.starts_with("content/data/lwm2m-registry/")
                && line.ends_with("(in the registry's own file)")),
        "{stdout}"
    );
    assert!(stdout.contains("\n0 errors, 13 warnings in "), "{stdout}");
    Ok(())
}

#[test]
fn each_request_logs_one_line_at_debug_level() -> TestResult {
    use std::io::{Read, Write};
    let child = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["--addr", "127.0.0.1:0"])
        .env("RUST_LOG", "site=debug")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut server = Running(child);
    let stdout = server.0.stdout.take().ok_or("no stdout")?;
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .ok_or("no URL")?
        .trim_end_matches('/')
        .to_string();
    for path in ["/lwm2m/about", "/nowhere"] {
        let mut stream = std::net::TcpStream::connect(&addr)?;
        write!(
            stream,
            "GET {path}?q=1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n"
        )?;
        stream.read_to_end(&mut Vec::new())?;
    }
    // A malformed one (no `Host`) is logged too.
    let mut stream = std::net::TcpStream::connect(&addr)?;
    stream.write_all(b"GET / HTTP/1.1\r\n\r\n")?;
    stream.read_to_end(&mut Vec::new())?;
    signal(&server, "TERM")?;
    wait_exit(&mut server, std::time::Duration::from_secs(10))?;
    let mut stderr = String::new();
    server
        .0
        .stderr
        .take()
        .ok_or("no stderr")?
        .read_to_string(&mut stderr)?;
    let requests: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains(" request "))
        .collect();
    assert_eq!(requests.len(), 3, "{stderr}");
    assert!(requests[0].contains("DEBUG"), "{stderr}");
    assert!(
        requests[0].contains("uri=/lwm2m/about?q=1 status=200 encoding=\"br\""),
        "{stderr}"
    );
    assert!(
        requests[1].contains("uri=/nowhere?q=1 status=404"),
        "{stderr}"
    );
    assert!(
        requests[2].contains("malformed request status=400"),
        "{stderr}"
    );
    Ok(())
}
