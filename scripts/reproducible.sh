#!/usr/bin/env bash
# Builds the site twice in release mode from clean (two fresh target folders), then compares
# what the two binaries serve: every exported file byte for byte (`site export`), and the ETag
# of every page and asset in each encoding. Exits non-zero on the first difference.
#
#   scripts/reproducible.sh            (takes two full release builds)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for n in 1 2; do
    echo "clean release build $n" >&2
    CARGO_TARGET_DIR="$WORK/target$n" cargo build --release --locked --quiet -p site --bin site
    cp "$WORK/target$n/release/site" "$WORK/site$n"
    rm -rf "$WORK/target$n"
    "$WORK/site$n" export "$WORK/export$n" >/dev/null
done

diff -r "$WORK/export1" "$WORK/export2"
echo "exports identical: $(find "$WORK/export1" -type f | wc -l) files"

# Every route the export holds, from its file names.
routes=$(cd "$WORK/export1" && find . -type f ! -name '*.br' ! -name '*.gz' ! -name _redirects |
    sed -e 's|^\.||' -e 's|/index\.html$||' -e 's|^$|/|' -e 's|^/404\.html$|/no/such/page|' | sort)
for n in 1 2; do
    "$WORK/site$n" --addr 127.0.0.1:18181 >/dev/null 2>&1 &
    PID=$!
    for _ in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:18181/ && break; sleep 0.05; done
    for route in $routes; do
        for encoding in identity gzip br; do
            printf '%s %s %s\n' "$route" "$encoding" \
                "$(curl -s -o /dev/null -D - -H "Accept-Encoding: $encoding" "http://127.0.0.1:18181$route" |
                    tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')"
        done
    done >"$WORK/etags$n"
    kill "$PID" && wait "$PID" 2>/dev/null || true
    PID=
done
diff "$WORK/etags1" "$WORK/etags2"
echo "ETags identical: $(grep -c '"' "$WORK/etags1") tags"
