//! The compiler's stages depend one way: no module of an earlier stage uses a later one
//! (load → parse → render and components → validate → style → embed, with the shared
//! foundation below them all and the pipeline, `build`, above). ARCHITECTURE.md describes them.

use std::path::{Path, PathBuf};

/// The stage of a top-level module (a file or folder of `src/`), lowest first.
fn stage(module: &str) -> Option<(usize, &'static str)> {
    Some(match module {
        "diagnostic" | "source" | "tree" | "yaml" | "icons" | "parallel" | "Error"
        | "Diagnostic" | "Diagnostics" | "Severity" => (0, "foundation"),
        // The registry reads its data and makes its pages' bodies without the later stages,
        // so that the data components (render) can read it.
        "load" | "registry" => (1, "load"),
        "parse" => (2, "parse"),
        "render" | "components" | "RenderedPage" => (3, "render"),
        "validate" => (4, "validate"),
        "style" => (5, "style"),
        "embed" => (6, "embed"),
        "build" | "lib" | "session" | "Options" | "Output" | "Build" | "Compression"
        | "Compiled" | "compile_page" | "Session" => (7, "build"),
        _ => return None,
    })
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            rust_files(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    Ok(())
}

/// The code of a file without its tests and comments.
fn code(text: &str) -> String {
    let without_tests = text.split("#[cfg(test)]").next().unwrap_or(text);
    without_tests
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names through `crate::`, `crate::{a, b::c}` included.
fn used_modules(code: &str) -> Vec<&str> {
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = group.split('}').next().unwrap_or_default();
                used.extend(
                    group
                        .split(',')
                        .map(first_segment)
                        .filter(|s| !s.is_empty()),
                );
            }
            None => used.push(first_segment(rest)),
        }
    }
    used
}

/// The first segment of a path: `render` of `render::html::escape`.
fn first_segment(path: &str) -> &str {
    let path = path.trim();
    let end = path
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .unwrap_or(path.len());
    &path[..end]
}

#[test]
fn no_stage_uses_a_later_one() -> std::io::Result<()> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files)?;
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        if relative.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let top = relative
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .unwrap_or_default();
        let Some((own, own_name)) = stage(&top) else {
            wrong.push(format!("{}: in no stage", relative.display()));
            continue;
        };
        let text = std::fs::read_to_string(file)?;
        for used in used_modules(&code(&text)) {
            match stage(used) {
                Some((rank, name)) if rank > own => wrong.push(format!(
                    "{} ({own_name}) uses crate::{used} ({name})",
                    relative.display()
                )),
                Some(_) => {}
                None => wrong.push(format!(
                    "{} uses crate::{used}, in no stage",
                    relative.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    Ok(())
}

#[test]
fn the_chrome_and_the_page_do_not_use_each_other_both_ways() -> std::io::Result<()> {
    let render = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render");
    let chrome = code(&std::fs::read_to_string(render.join("chrome.rs"))?);
    let page = code(&std::fs::read_to_string(render.join("page.rs"))?);
    let uses = |code: &str, module: &str| {
        code.contains(&format!("super::{module}")) || code.contains(&format!("render::{module}"))
    };
    assert!(!uses(&chrome, "page"), "chrome.rs uses page.rs");
    assert!(
        uses(&page, "chrome"),
        "page.rs assembles documents with chrome.rs"
    );
    Ok(())
}
