#!/usr/bin/env bash
# What site search costs:
#
#   benches/search.sh [RUNS]          (default: 7 browser runs)
#
#   1. The index of the repository's content and of 1,000 and 10,000 generated pages
#      (scripts/gen-corpus.py): its size as served (raw, brotli, gzip), the time to make it
#      and to compress it, beside the whole build of the same folder without compressing its
#      pages, in one process: `cargo bench -p site_compiler --bench search`.
#   2. The time to the first result in headless Chromium on the 1,000-page site: `site dev`
#      serves the folder, each run a fresh browser profile loads a page, types a query as soon
#      as the page has loaded and waits for the first result to show (the index fetched, read,
#      ranked, drawn): benches/search_latency.rs, which prints the load, the query and the two
#      together.
#
# The server and the client are built in PROFILE (release; `dev` spares a release build of
# the whole workspace: the browser's time is what is measured). Needs chromium and chromium-driver, as the browser tests do. Not run by CI or
# the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-7}
PROFILE=${PROFILE:-release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {print $2}' /proc/meminfo) kB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(rustc --version), $(chromium --version 2>/dev/null || echo 'chromium ?'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

for pages in 1000 10000; do
    python3 scripts/gen-corpus.py "$pages" "$work/content-$pages" >/dev/null
done

echo
echo "== 1. the index: cargo bench -p site_compiler --bench search =="
cargo bench --quiet -p site_compiler --bench search -- "$PWD/content" "$work/content-1000" "$work/content-10000" |
    sed "s|$work/||; s|$PWD/||"

echo
echo "== 2. time to the first result in headless Chromium, 1,000 pages, $RUNS runs =="
cargo build --profile "$PROFILE" --quiet -p site --bin site
cargo build --profile "$PROFILE" --quiet -p site_tests --example search_latency
out=${CARGO_TARGET_DIR:-target}/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
# chromedriver wants Chromium's path.
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
export CHROMIUM
SITE=$out/site
CLIENT=$out/examples/search_latency
"$CLIENT" "$SITE" "$work/content-1000" /section-0/page-1 "lightweight protocol" "$RUNS"
"$CLIENT" "$SITE" "$work/content-1000" /section-0/page-1 "page 999" "$RUNS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
