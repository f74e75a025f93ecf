//! Recompile the embedded pages whenever anything under `content/` changes:
//! cargo scans the folder recursively, so edits, new files and deletions all count.
fn main() {
    println!("cargo::rerun-if-changed=../content");
}
