//! MDC conformance: our parser's tree, mapped to canonical mdast JSON, must equal the reference
//! parser's tree for every case in `conformance/cases/` (or in `$MDC_CONFORMANCE_DIR`).
//!
//! A case listed in `conformance/known-deviations` (`NAME: reason`) passes while our tree
//! equals the tree checked in as `conformance/deviations/NAME.tree.json`; set
//! `MDC_CONFORMANCE_BLESS=1` to (re)write those trees from the current parser.
//!
//! Run with `cargo test --test conformance -- --nocapture`; the last line of the output is
//! `conformance: N passed, M failed`.

mod mdast;

use serde_json::Value;
use site_compiler::Diagnostics;
use site_compiler::parse::parse_document;
use site_compiler::source::SourceFile;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How many differing JSON paths to print per failing case.
const MAX_DIFFS: usize = 12;

/// One case: its name (path below the cases folder, without `.md`) and its two files.
struct Case {
    name: String,
    markdown: PathBuf,
    tree: PathBuf,
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("conformance: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<bool, String> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance");
    let cases_dir =
        std::env::var_os("MDC_CONFORMANCE_DIR").map_or_else(|| here.join("cases"), PathBuf::from);
    let bless =
        std::env::var_os("MDC_CONFORMANCE_BLESS").is_some_and(|v| v != "0" && !v.is_empty());
    let deviations_dir = here.join("deviations");
    let known = known_deviations(&here.join("known-deviations"))?;

    let mut cases = Vec::new();
    find_cases(&cases_dir, &cases_dir, &mut cases)?;
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    if cases.is_empty() {
        return Err(format!("no cases found in {}", cases_dir.display()));
    }

    let (mut passed, mut failed) = (0usize, 0usize);
    for case in &cases {
        let ours = parse_case(case)?;
        let reference = read_json(&case.tree)?;
        let deviation_file = deviations_dir.join(format!("{}.tree.json", case.name));
        let outcome = if same(&ours, &reference) {
            if known.contains_key(&case.name) {
                println!(
                    "note: {} is listed in known-deviations but now matches the reference; \
                     remove it from the list",
                    case.name
                );
            }
            Ok(())
        } else if let Some(reason) = known.get(&case.name) {
            if bless {
                write_json(&deviation_file, &ours)?;
                println!("blessed {} ({reason})", deviation_file.display());
                Ok(())
            } else if !deviation_file.exists() {
                Err(format!(
                    "listed as a known deviation, but {} is missing (run with \
                     MDC_CONFORMANCE_BLESS=1 to write it)\n{}",
                    deviation_file.display(),
                    diff(&reference, &ours, "reference")
                ))
            } else {
                let checked_in = read_json(&deviation_file)?;
                if same(&ours, &checked_in) {
                    Ok(())
                } else {
                    Err(format!(
                        "known deviation ({reason}), but the tree changed from {}\n{}",
                        deviation_file.display(),
                        diff(&checked_in, &ours, "checked-in")
                    ))
                }
            }
        } else {
            Err(diff(&reference, &ours, "reference"))
        };
        match outcome {
            Ok(()) => passed += 1,
            Err(report) => {
                failed += 1;
                println!("FAIL {}\n{report}", case.name);
            }
        }
    }
    for name in known.keys() {
        if !cases.iter().any(|case| &case.name == name) {
            println!("note: known-deviations lists {name}, which is not a case");
        }
    }
    println!("conformance: {passed} passed, {failed} failed");
    Ok(failed == 0)
}

/// `NAME: reason` lines; blank lines and `#` comments are skipped.
fn known_deviations(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    let mut known = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, reason)) = line.split_once(':') else {
            return Err(format!(
                "{}:{}: expected `NAME: reason`",
                path.display(),
                number + 1
            ));
        };
        known.insert(name.trim().to_string(), reason.trim().to_string());
    }
    Ok(known)
}

/// Every `NAME.md` with a `NAME.tree.json` beside it, in `dir` and its subfolders.
fn find_cases(root: &Path, dir: &Path, cases: &mut Vec<Case>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
            .path();
        if path.is_dir() {
            find_cases(root, &path, cases)?;
            continue;
        }
        let Some(stem) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".md"))
        else {
            continue;
        };
        let tree = path.with_file_name(format!("{stem}.tree.json"));
        if !tree.exists() {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path).with_extension("");
        let name = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        cases.push(Case {
            name,
            markdown: path,
            tree,
        });
    }
    Ok(())
}

fn parse_case(case: &Case) -> Result<Value, String> {
    let bytes = std::fs::read(&case.markdown)
        .map_err(|error| format!("cannot read {}: {error}", case.markdown.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let file = SourceFile::new(format!("{}.md", case.name), case.markdown.clone(), &text);
    let mut diagnostics = Diagnostics::new(true);
    let document = parse_document(&file, &mut diagnostics);
    let _ = diagnostics.finish();
    Ok(mdast::document(&document))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
}

fn write_json(path: &Path, value: &Value) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }
    let text = serde_json::to_string_pretty(value).map_err(|error| error.to_string())? + "\n";
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same(x, y)))
        }
        _ => a == b,
    }
}

/// The JSON paths where `ours` differs from `expected`, with both values.
fn diff(expected: &Value, ours: &Value, expected_name: &str) -> String {
    let mut differences = Vec::new();
    collect_diffs(expected, ours, "$".into(), &mut differences);
    let mut out = String::new();
    for (path, expected, ours) in differences.iter().take(MAX_DIFFS) {
        let _ = writeln!(out, "  at {path}");
        let _ = writeln!(
            out,
            "    {expected_name:>10}: {}",
            compact(expected.as_ref())
        );
        let _ = writeln!(out, "    {:>10}: {}", "ours", compact(ours.as_ref()));
    }
    if differences.len() > MAX_DIFFS {
        let _ = writeln!(
            out,
            "  … and {} more differences",
            differences.len() - MAX_DIFFS
        );
    }
    out
}

type Difference = (String, Option<Value>, Option<Value>);

fn collect_diffs(expected: &Value, ours: &Value, path: String, out: &mut Vec<Difference>) {
    if same(expected, ours) {
        return;
    }
    match (expected, ours) {
        (Value::Object(x), Value::Object(y)) if x.get("type") == y.get("type") => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                match (x.get(key), y.get(key)) {
                    (Some(a), Some(b)) => collect_diffs(a, b, format!("{path}.{key}"), out),
                    (a, b) => out.push((format!("{path}.{key}"), a.cloned(), b.cloned())),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for index in 0..x.len().max(y.len()) {
                let child = format!("{path}[{index}]");
                match (x.get(index), y.get(index)) {
                    (Some(a), Some(b)) => collect_diffs(a, b, child, out),
                    (a, b) => out.push((child, a.cloned(), b.cloned())),
                }
            }
        }
        _ => out.push((path, Some(expected.clone()), Some(ours.clone()))),
    }
}

/// One line of JSON, shortened.
fn compact(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(absent)".into();
    };
    let text = value.to_string();
    if text.chars().count() > 160 {
        let short: String = text.chars().take(157).collect();
        format!("{short}…")
    } else {
        text
    }
}
