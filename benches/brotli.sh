#!/usr/bin/env bash
# Brotli's qualities and windows weighed on what a release build compresses: for each setting,
# the wall-clock and CPU time to compress every page, the 404 page and the text assets of a
# generated corpus on every core, and the total brotli bytes next to quality 11's
# (macros/core/examples/brotli_settings.rs). The build's own setting is
# `site_compiler::embed::compress::BROTLI`.
#
#   benches/brotli.sh [PAGES] [ROUNDS] [SETTING...]   (defaults: 1000 pages, 1 round, the
#                                                      example's list of settings)
#
# Release build. Not run by CI or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${1:-1000}
ROUNDS=${2:-1}
shift 2 || shift $# || true

cargo build --release --quiet -p site_compiler --example brotli_settings
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-corpus.py "$PAGES" "$work/content" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
"${CARGO_TARGET_DIR:-target}/release/examples/brotli_settings" "$work/content" "$ROUNDS" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
