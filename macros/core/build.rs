//! Names this compiler by a hash of its sources, `SITE_COMPILER_SOURCES`: what a build stores
//! for the next one (`src/build/stored.rs`) is taken back only by a compiler built from the
//! same sources. Cargo reruns this script when a file under these folders changes.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

const FOLDERS: [&str; 2] = ["src", "assets"];

fn main() {
    let mut files = Vec::new();
    for folder in FOLDERS {
        println!("cargo:rerun-if-changed={folder}");
        collect(Path::new(folder), &mut files);
    }
    files.sort();
    // Not a stable hash across Rust releases, and need not be: a new rustc reruns this script.
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.as_os_str().as_encoded_bytes());
        let bytes = std::fs::read(file).unwrap_or_default();
        hasher.write_usize(bytes.len());
        hasher.write(&bytes);
    }
    println!(
        "cargo:rustc-env=SITE_COMPILER_SOURCES={:016x}",
        hasher.finish()
    );
}

/// Every file under `folder`, at any depth.
fn collect(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, files),
            Ok(_) => files.push(path),
            Err(_) => {}
        }
    }
}
