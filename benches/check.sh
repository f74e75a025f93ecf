#!/usr/bin/env bash
# `site check` over generated corpora: how long the content checks take at run time.
# Usage: benches/check.sh [PAGES...]   (default: 1000)
# Prints the best and median wall time of 5 runs per corpus. Not run by CI or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p site
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pages in "${@:-1000}"; do
  python3 scripts/gen-corpus.py "$pages" "$work/content-$pages" >/dev/null
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    target/release/site check "$work/content-$pages" >"$work/out" || { cat "$work/out"; exit 1; }
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "site check, $pages pages: best ${sorted[0]} ms, median ${sorted[2]} ms ($(tail -1 "$work/out"))"
done
