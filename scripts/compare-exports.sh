#!/usr/bin/env bash
# Compares `site export` of the repository's content at a base revision and in the working tree,
# byte for byte: a refactoring that must not change the output passes with "identical".
#
#   scripts/compare-exports.sh [BASE_REV]     (default: HEAD)
#
# With STYLESHEET_MAY_CHANGE=1 a change that adds CSS (a new component's classes) is allowed: the
# stylesheet's hashed name is masked in the pages, which are compared without their compressed
# variants, and every page that still differs is listed (the command then fails if any does).
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
if [ "${STYLESHEET_MAY_CHANGE:-0}" = 1 ]; then
    for side in before after; do
        find "$tree/$side" \( -name '*.br' -o -name '*.gz' -o -name 'style.*.css' \) -delete
        find "$tree/$side" -name '*.html' -exec sed -i -E 's#/_site/style\.[0-9a-f]{16}\.css#/_site/style.HASH.css#g' {} +
    done
fi
if diff -r -q "$tree/before" "$tree/after"; then
    echo "identical: $(find "$tree/after" -type f | wc -l) files"
else
    echo "the exports differ" >&2
    exit 1
fi
