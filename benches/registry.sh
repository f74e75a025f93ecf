#!/usr/bin/env bash
# What the LwM2M registry's data costs a site that has it, each figure measured side by side
# with the same pages without it:
#
#   benches/registry.sh [PAGES]          (default: 1000)
#
#   PAGES generated pages (`scripts/gen-corpus.py`), once as they are and once with the
#   repository's `content/data/lwm2m-registry/` beside them; one throwaway crate with one binary
#   per corpus (`include_site!` of each), the dependencies built once. Then:
#   1. each binary's first debug build (the macro's whole work, nothing kept from earlier
#      runs) and its size;
#   2. the one-page edit: a paragraph appended to one page (not the registry's), then
#      `cargo build --bin` of that corpus, alternately, EDITS rounds, in wall-clock and in CPU
#      time;
#   3. the same corpora in a `site_compiler::Session` (what `site dev` runs): the edit to new
#      HTML, with and without the registry, alternately (`registry_session` example).
#
# Environment: EDITS (5), BENCH_DIR (the corpora and the crate; default
# /tmp/site-registry-bench), CARGO_TARGET_DIR (default BENCH_DIR/target, kept between runs so
# the dependencies build once). Not run by CI or the tests.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

EDITS=${EDITS:-5}
PAGES=${1:-1000}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/site-registry-bench}
mkdir -p "$BENCH_DIR"

. "$repo/benches/common.sh"
describe_machine "$repo"

crate=$BENCH_DIR/crate
target=${CARGO_TARGET_DIR:-$BENCH_DIR/target}
mkdir -p "$crate/src"
kinds="plain registry"
{
    printf '[package]\nname = "registry_bench"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
    printf '[dependencies]\nsite = { path = "%s/site", default-features = false }\n\n[workspace]\n\n' "$repo"
    for kind in $kinds; do
        printf '[[bin]]\nname = "%s"\npath = "src/%s.rs"\n\n' "$kind" "$kind"
    done
    awk '/^\[/ { keep = /^\[profile\./ } keep' "$repo/Cargo.toml"
} >"$crate/Cargo.toml"
cp "$repo/Cargo.lock" "$crate/Cargo.lock"
for kind in $kinds; do
    rm -rf "$crate/content-$kind"
    python3 "$repo/scripts/gen-corpus.py" "$PAGES" "$crate/content-$kind" >/dev/null
    printf 'static SITE: site::Site = site::include_site!("content-%s");\n\nfn main() {\n    println!("{} pages", SITE.pages.len());\n}\n' \
        "$kind" >"$crate/src/$kind.rs"
done
mkdir -p "$crate/content-registry/data"
cp -r "$repo/content/data/lwm2m-registry" "$crate/content-registry/data/"
(cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet -p site)
# The wall-clock and the CPU milliseconds (user and system, of every process) of building the
# binary $1: CPU time depends less on what else the machine runs than wall-clock time does.
build_ms() {
    local start cpu
    start=$(date +%s%N)
    cpu=$({
        TIMEFORMAT='%3U %3S'
        time (cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet --bin "$1" 2>/dev/null)
    } 2>&1)
    echo "$((($(date +%s%N) - start) / 1000000)) $(awk '{ printf "%d", ($1 + $2) * 1000 }' <<<"$cpu")"
}

echo
echo "== 1. first debug build of $PAGES pages, and the binary's size =="
# Without what the macro kept of earlier runs (caches, the stored registry): a first build.
rm -rf "$target/debug/site-pages"
for kind in $kinds; do
    read -r ms cpu < <(build_ms "$kind")
    echo "$kind: $ms ms (CPU $cpu ms), $(stat -c %s "$target/debug/$kind") bytes"
done

echo
echo "== 2. one-page edit: debug build of $PAGES pages, $EDITS alternating rounds =="
declare -A edits cpus
for edit in $(seq "$EDITS"); do
    for kind in $kinds; do
        printf '\nEdit %s: one more paragraph.\n' "$edit" >>"$crate/content-$kind/1.section-0/page-1.md"
        read -r ms cpu < <(build_ms "$kind")
        edits[$kind]+="$ms "
        cpus[$kind]+="$cpu "
    done
done
for kind in $kinds; do
    # shellcheck disable=SC2086
    echo "$kind: median $(median ${edits[$kind]}) ms (rounds: ${edits[$kind]% } ms)," \
        "CPU median $(median ${cpus[$kind]}) ms (rounds: ${cpus[$kind]% } ms)"
done
# shellcheck disable=SC2086
echo "with the registry ÷ without, time: $(ratio "$(median ${edits[registry]})" "$(median ${edits[plain]})")," \
    "CPU: $(ratio "$(median ${cpus[registry]})" "$(median ${cpus[plain]})")"

echo
echo "== 3. the same edit in a Session (site dev), $EDITS alternating rounds =="
(cd "$repo" && cargo run --quiet --release -p site_compiler --example registry_session -- \
    "$crate/content-plain" "$crate/content-registry" "$EDITS")
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
