#!/bin/sh
# Re-syncs the MDC conformance cases (NAME.md, NAME.tree.json and INDEX.md) into
# tests/conformance/cases/ from a shared checkout of the reference trees.
#
# Usage: scripts/sync-conformance.sh [SOURCE_DIR]
#   SOURCE_DIR defaults to ../shared/conformance/cases, relative to the repository root.
#
# Cases that no longer exist in SOURCE_DIR are removed; subfolders are mirrored.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
source_dir=${1:-../shared/conformance/cases}
case $source_dir in
    /*) ;;
    *) source_dir=$root/$source_dir ;;
esac
if [ ! -d "$source_dir" ]; then
    echo "sync-conformance: no such folder: $source_dir" >&2
    exit 1
fi
target=$root/tests/conformance/cases

rm -rf "$target"
mkdir -p "$target"
(
    cd "$source_dir"
    find . -type f \( -name '*.md' -o -name '*.tree.json' \) | sort
) | while IFS= read -r file; do
    mkdir -p "$target/$(dirname "$file")"
    cp "$source_dir/$file" "$target/$file"
done
count=$(find "$target" -name '*.tree.json' | wc -l | tr -d ' ')
echo "sync-conformance: $count cases copied into tests/conformance/cases"
