#!/usr/bin/env bash
# What highlighting code at compile time costs, each figure measured side by side with the same
# pages whose code blocks name no language (which stay plain text):
#
#   benches/highlight.sh [PAGES]          (default: 1000)
#
#   1. Loading giallo's grammars and themes, each language's first block and each block after
#      it: `cargo bench -p site_compiler --bench highlight`, RUNS times (new processes).
#   2. The compile stage: `compile_dir` (release) on PAGES generated pages with three 20-line
#      code blocks each (`scripts/gen-corpus.py --code`: TypeScript, YAML, MDC) and on the same
#      pages with the blocks unnamed (`--code-plain`), alternately, ROUNDS rounds: pages/s,
#      and the median and quartiles of each round's own ratio (the machine's speed drifts
#      from round to round).
#   3. The one-page edit of a debug build of those PAGES pages: one throwaway crate with one
#      binary per corpus (`include_site!` of each), the dependencies built once; a paragraph
#      appended to one page, then `cargo build --bin` of that corpus, alternately, EDITS
#      rounds: with highlighting (the highlighted blocks kept between builds), the same with
#      the kept blocks removed before each build, without highlighting; then an edit inside a
#      code block (its block highlighted again: the grammars loaded, the language compiled).
#
# Environment: RUNS (5), ROUNDS (RUNS), EDITS (7), BENCH_DIR (kept between runs so the dependencies build once;
# default /tmp/site-highlight-bench). Not run by CI or the tests.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-$RUNS}
EDITS=${EDITS:-7}
PAGES=${1:-1000}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/site-highlight-bench}
mkdir -p "$BENCH_DIR"

. "$repo/benches/common.sh"
describe_machine "$repo"

echo
echo "== 1. grammars, first blocks, blocks: cargo bench -p site_compiler --bench highlight, $RUNS runs =="
(cd "$repo" && cargo bench --quiet -p site_compiler --bench highlight >/dev/null)
for run in $(seq "$RUNS"); do
    (cd "$repo" && cargo bench --quiet -p site_compiler --bench highlight) >"$BENCH_DIR/bench-$run"
done
loads=()
for run in $(seq "$RUNS"); do
    loads+=("$(sed -nE 's/^grammars and themes loaded: ([0-9.]+) ms/\1/p' "$BENCH_DIR/bench-$run")")
done
echo "grammars and themes loaded: median $(median "${loads[@]}") ms (runs: ${loads[*]})"
for language in $(sed -nE 's/^ *([a-z]+): first block.*/\1/p' "$BENCH_DIR/bench-1"); do
    firsts=() blocks=()
    for run in $(seq "$RUNS"); do
        line=$(grep -E "^ *$language: " "$BENCH_DIR/bench-$run")
        firsts+=("$(sed -nE 's/.*first block ([0-9.]+) ms.*/\1/p' <<<"$line")")
        blocks+=("$(sed -nE 's/.*then ([0-9]+) µs.*/\1/p' <<<"$line")")
    done
    echo "$language: first block median $(median "${firsts[@]}") ms, then a block median $(median "${blocks[@]}") µs ($(sed -nE 's/.*\), (.*)/\1/p' <<<"$line"))"
done

echo
echo "== 2. compile stage: compile_dir (release) on $PAGES pages, $ROUNDS alternating rounds =="
for kind in code code-plain; do
    python3 "$repo/scripts/gen-corpus.py" "$PAGES" "$BENCH_DIR/$kind-$PAGES" "--$kind" >/dev/null
done
(cd "$repo" && cargo build --quiet --release -p site_compiler --example compile_dir)
lib=$(cd "$repo" && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/examples/compile_dir
declare -A times rates
for _ in $(seq "$ROUNDS"); do
    for kind in code code-plain; do
        out=$("$lib" "$BENCH_DIR/$kind-$PAGES")
        times[$kind]+="$(sed -nE 's/.* in ([0-9.]+) ms.*/\1/p' <<<"$out") "
        rates[$kind]+="$(sed -nE 's/.*ms \(([0-9]+) pages\/s\)/\1/p' <<<"$out") "
    done
done
for kind in code code-plain; do
    # shellcheck disable=SC2086
    echo "$kind: median $(median ${times[$kind]}) ms, $(median ${rates[$kind]}) pages/s (rounds: ${times[$kind]% } ms)"
done
# shellcheck disable=SC2086
echo "highlighted ÷ plain, pages/s: $(ratio "$(median ${rates[code]})" "$(median ${rates[code-plain]})")"
# Each round's own ratio: the machine's speed drifts less within a round than across a series.
# shellcheck disable=SC2086
paste <(printf '%s\n' ${rates[code]}) <(printf '%s\n' ${rates[code-plain]}) |
    awk '{ print $1 / $2 }' | sort -n |
    awk '{ r[NR] = $1 } END { printf "per round, highlighted ÷ plain: median %.2f, quartiles %.2f and %.2f\n", r[int((NR + 1) / 2)], r[int((NR + 3) / 4)], r[int((3 * NR + 1) / 4)] }'

echo
echo "== 3. one-page edit: debug build of $PAGES pages, $EDITS alternating rounds =="
crate=$BENCH_DIR/crate
target=$BENCH_DIR/target
mkdir -p "$crate/src"
{
    printf '[package]\nname = "highlight_bench"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
    printf '[dependencies]\nsite = { path = "%s/site", default-features = false }\n\n[workspace]\n\n' "$repo"
    for kind in code code-plain; do
        printf '[[bin]]\nname = "%s"\npath = "src/%s.rs"\n\n' "$kind" "$kind"
    done
    awk '/^\[/ { keep = /^\[profile\./ } keep' "$repo/Cargo.toml"
} >"$crate/Cargo.toml"
cp "$repo/Cargo.lock" "$crate/Cargo.lock"
for kind in code code-plain; do
    rm -rf "$crate/content-$kind"
    cp -r "$BENCH_DIR/$kind-$PAGES" "$crate/content-$kind"
    printf 'static SITE: site::Site = site::include_site!("content-%s");\n\nfn main() {\n    println!("{} pages", SITE.pages.len());\n}\n' \
        "$kind" >"$crate/src/$kind.rs"
done
(cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet)
build_ms() {
    local start
    start=$(date +%s%N)
    (cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet --bin "$1")
    echo $((($(date +%s%N) - start) / 1000000))
}
declare -A edits
for edit in $(seq "$EDITS"); do
    for variant in code code-uncached code-plain; do
        kind=${variant%-uncached}
        printf '\nEdit %s: one more paragraph.\n' "$edit$variant" >>"$crate/content-$kind/1.section-0/page-1.md"
        [ "$variant" = code-uncached ] && rm -f "$target"/debug/site-pages/*.highlights
        edits[$variant]+="$(build_ms "$kind") "
    done
done
for variant in code code-uncached code-plain; do
    # shellcheck disable=SC2086
    echo "$variant: median $(median ${edits[$variant]}) ms (rounds: ${edits[$variant]% } ms)"
done
# shellcheck disable=SC2086
echo "highlighted ÷ plain, time: $(ratio "$(median ${edits[code]})" "$(median ${edits[code-plain]})");" \
    "without the kept blocks: $(ratio "$(median ${edits[code-uncached]})" "$(median ${edits[code-plain]})")"
block=()
for edit in $(seq "$EDITS"); do
    sed -i "s/^Read \*more\* of page 1 below\..*/Read *more* of page 1 below. $edit/" "$crate/content-code/1.section-0/page-1.md"
    block+=("$(build_ms code)")
done
echo "an edit inside a highlighted block: median $(median "${block[@]}") ms (rounds: ${block[*]} ms)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
