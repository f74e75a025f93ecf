//! The `site` binary is the whole site: a copy of it, run from an empty folder, serves every
//! page and image.

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

#[test]
fn a_copy_in_an_empty_folder_serves_the_whole_site() -> TestResult {
    let folder = std::env::temp_dir().join(format!("site-binary-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let binary = folder.join("site");
    std::fs::copy(env!("CARGO_BIN_EXE_site"), &binary)?;
    let child = Command::new(&binary)
        .args(["--addr", "127.0.0.1:0"])
        .current_dir(&folder)
        .stdout(Stdio::piped())
        .spawn()?;
    let mut server = Running(child);
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
