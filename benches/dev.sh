#!/usr/bin/env bash
# `site dev`: how long an author waits from saving a file to the new HTML in the browser.
# For each edit, benches/dev_latency.rs writes a page, waits for the `reload` event on the dev
# server's event stream and fetches the page until it holds the edit; it prints the median,
# p95, minimum and maximum over the edits, and the build times the server printed.
#
#   benches/dev.sh [EDITS] [PAGES...]     (defaults: 20 edits; the seed content, then 1000 pages)
#
# Corpora come from scripts/gen-corpus.py. Release build. Not run by CI or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

EDITS=${1:-20}
shift || true
CORPORA=("${@:-1000}")

cargo build --release --quiet -p site --bin site --example dev_latency
SITE=${CARGO_TARGET_DIR:-target}/release/site
CLIENT=${CARGO_TARGET_DIR:-target}/release/examples/dev_latency
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {print $2}' /proc/meminfo) kB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"

cp -r content "$work/content"
echo "seed content, $(find "$work/content" -name '*.md' | wc -l) files, editing /lwm2m/about:"
"$CLIENT" "$SITE" "$work/content" 3.lwm2m/about.md /lwm2m/about "$EDITS"

for pages in "${CORPORA[@]}"; do
    python3 scripts/gen-corpus.py "$pages" "$work/content-$pages" >/dev/null
    # The first in order; `sed` reads to the end, where `head` would leave `sort` writing into
    # a closed pipe and `pipefail` end the script.
    file=$(cd "$work/content-$pages" && find . -name 'page-*.md' | sort | sed -n '1s|^\./||p')
    # The route: numeric prefixes (`3.`) dropped, no `.md`.
    route=/$(echo "$file" | sed -E 's#(^|/)[0-9]+\.#\1#g; s#\.md$##')
    echo "generated corpus, $pages pages, editing $route:"
    "$CLIENT" "$SITE" "$work/content-$pages" "$file" "$route" "$EDITS"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
