#!/usr/bin/env bash
# Compares `site export` of the repository's content at a base revision and in the working tree,
# byte for byte: a refactoring that must not change the output passes with "identical".
#
#   scripts/compare-exports.sh [BASE_REV]     (default: HEAD)
#
# The base is built from a temporary worktree, with its own target folder kept between runs
# under target/compare-exports/ so that a second comparison rebuilds little.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD}
work=$PWD/target/compare-exports
mkdir -p "$work"
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree/src" >/dev/null 2>&1 || true; rm -rf "$tree"' EXIT
git worktree add --detach "$tree/src" "$base" >/dev/null
echo "building $base…" >&2
(cd "$tree/src" && CARGO_TARGET_DIR="$work/base" cargo build -q --release -p site)
echo "building the working tree…" >&2
cargo build -q --release -p site
"$work/base/release/site" export "$tree/before" >/dev/null
target/release/site export "$tree/after" >/dev/null
if diff -r -q "$tree/before" "$tree/after"; then
    echo "identical: $(find "$tree/after" -type f | wc -l) files"
else
    echo "the exports differ" >&2
    exit 1
fi
