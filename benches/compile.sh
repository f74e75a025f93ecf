#!/usr/bin/env bash
# Compile-time cost of `include_site!`, next to Hugo on the same generated pages.
#
#   benches/compile.sh [PAGES...]          (default: 100 1000 10000)
#
# For each corpus size (scripts/gen-corpus.py; Hugo gets the same pages without MDC components,
# `--hugo`, with a minimal layout that renders each page inside its section's menu), in rounds
# that alternate the three so that the machine's background load hits them alike:
#   - library: `site_compiler::compile` and `embed` (compression, entity tags) in one process,
#     the `compile_dir --embed` example, built as the macro is built in that profile;
#   - macro+rustc: `cargo build` of a throwaway crate whose `main.rs` calls `include_site!` on
#     the corpus, minus the same build with a one-page content folder (cargo, rustc start-up,
#     linking): what the macro adds to a build, from expansion to the linked binary;
#   - macro: the expansion pass of that build (`-Z time-passes`, through RUSTC_BOOTSTRAP=1,
#     which every build of the throwaway crate gets alike): the macro's own time, rendering
#     every page, and rustc reading what it returns;
#   - Hugo: `hugo` on the Hugo tree, output to a fresh folder.
# Then the one-page edit: the EDIT_PROFILE build of the EDIT_PAGES corpus, one page edited,
# rebuilt with `cargo build -v`, EDITS times; it prints what cargo recompiled and the median.
# The timed full builds start without the macro's files in the target folder (the documents it
# leaves for rustc to include and the compressed variants it keeps); the edits keep them.
#
# Environment: RUNS (rounds per corpus, 3), PROFILES ("dev release"), RELEASE_MAX (largest
# corpus built in release: brotli at quality 11 takes minutes per thousand pages; 1000),
# EDITS (5), EDIT_PAGES (1000), EDIT_PROFILE (dev), PASSES=1 (also print rustc's slowest passes for each corpus,
# with `-Z time-passes`, through RUSTC_BOOTSTRAP, in a target folder of its own: from scratch, then
# rebuilt with the macro's files kept), BENCH_DIR (kept between runs so the
# dependencies build once; default /tmp/site-compile-bench).
# Installs Hugo (Debian package) when missing. Not run by CI or the tests.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

RUNS=${RUNS:-3}
PROFILES=${PROFILES:-dev release}
RELEASE_MAX=${RELEASE_MAX:-1000}
EDITS=${EDITS:-5}
EDIT_PAGES=${EDIT_PAGES:-1000}
EDIT_PROFILE=${EDIT_PROFILE:-dev}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/site-compile-bench}
CORPORA=("${@:-100 1000 10000}")
# shellcheck disable=SC2206
CORPORA=(${CORPORA[*]})

if ! command -v hugo >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null 2>&1 || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
    }
fi

mkdir -p "$BENCH_DIR"
# Every build of the throwaway crate may then print rustc's passes (`-Z time-passes`).
export RUSTC_BOOTSTRAP=1
crate=$BENCH_DIR/crate
target=$BENCH_DIR/target
mkdir -p "$crate/src"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {print $2}' /proc/meminfo) kB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(rustc --version), $(hugo version | cut -d' ' -f1-2), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"

# The throwaway crate: the `site` crate without its server, the workspace's profiles (a crate
# outside the workspace would otherwise build the macro unoptimised) and its lock file.
{
    printf '[package]\nname = "compile_bench"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
    printf '[dependencies]\nsite = { path = "%s/site", default-features = false }\n\n[workspace]\n\n' "$repo"
    awk '/^\[/ { keep = /^\[profile\./ } keep' "$repo/Cargo.toml"
} >"$crate/Cargo.toml.new"
cmp -s "$crate/Cargo.toml.new" "$crate/Cargo.toml" 2>/dev/null || mv "$crate/Cargo.toml.new" "$crate/Cargo.toml"
rm -f "$crate/Cargo.toml.new"
[ -f "$crate/Cargo.lock" ] || cp "$repo/Cargo.lock" "$crate/Cargo.lock"
mkdir -p "$crate/content-0"
printf -- '---\ntitle: Home\n---\n\n## Home\n\nOne page.\n' >"$crate/content-0/index.md"

# main.rs calling the macro on `$1`; rewritten each time so that cargo rebuilds the crate.
set_content() {
    printf 'static SITE: site::Site = site::include_site!("%s");\n\nfn main() {\n    println!("{} pages", SITE.pages.len());\n}\n' \
        "$1" >"$crate/src/main.rs"
}
profile_flag() { [ "$1" = release ] && echo --release || true; }

# Wall time of `$@` in ms into $ms, its peak RSS (of the biggest process, rustc) in MB into $rss.
timed() {
    local start
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$BENCH_DIR/rss" "$@" >"$BENCH_DIR/out" 2>&1 || {
        cat "$BENCH_DIR/out"
        exit 1
    }
    ms=$((($(date +%s%N) - start) / 1000000))
    rss=$(($(tail -1 "$BENCH_DIR/rss") / 1024))
}
# Folders that a timed step must start without are moved aside, and deleted after it: on ext4,
# creating thousands of files right after deleting thousands costs about ten times as much
# (3,000 files of 10 KB: 1.1 to 1.5 s instead of 0.1 to 0.2 s on this machine's disk), which a
# fresh checkout never pays.
aside=()
set_aside() {
    local dir
    for dir in "$@"; do
        if [ -e "$dir" ]; then mv "$dir" "$dir.aside.$$" && aside+=("$dir.aside.$$"); fi
    done
}
drop_aside() { [ ${#aside[@]} -eq 0 ] || rm -rf "${aside[@]}"; aside=(); }
trap drop_aside EXIT

. "$repo/benches/common.sh"
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { if (ms > 0) printf "%.0f", n * 1000 / ms; else print "-" }'; }

# The library example, built as the macro is in each profile: the dev profile's debug
# assertions with the build override's opt-level, or release.
lib_build() {
    local opt
    opt=$(awk -v p="[profile.$1.build-override]" '$0 == p { s = 1; next } /^\[/ { s = 0 } s && /^opt-level/ { print $3 }' "$repo/Cargo.toml")
    (cd "$repo" && CARGO_TARGET_DIR=$BENCH_DIR/target-lib cargo build --quiet -p site_compiler --example compile_dir \
        --profile "$1" --config "profile.$1.opt-level=${opt:-0}")
    echo "$BENCH_DIR/target-lib/$([ "$1" = dev ] && echo debug || echo release)/examples/compile_dir"
}

for profile in $PROFILES; do
    echo
    echo "== $profile: building the dependencies and the library example (once) =="
    lib=$(lib_build "$profile")
    set_content content-0
    (cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet $(profile_flag "$profile"))
    printf '%s\n' "| pages | library: compile | embed | library pages/s | macro+rustc | pages/s | peak rustc RSS | macro | macro pages/s | Hugo | Hugo pages/s | macro+rustc ÷ Hugo | library ÷ Hugo | macro ÷ Hugo |"
    printf '%s\n' "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for pages in "${CORPORA[@]}"; do
        if [ "$profile" = release ] && [ "$pages" -gt "$RELEASE_MAX" ]; then
            continue
        fi
        python3 "$repo/scripts/gen-corpus.py" "$pages" "$crate/content-$pages" >/dev/null
        python3 "$repo/scripts/gen-corpus.py" "$pages" "$BENCH_DIR/hugo-$pages" --hugo >/dev/null
        compile=() embed=() base=() full=() expansion=() hugo=() peak=0 brotli=
        for _ in $(seq "$RUNS"); do
            "$lib" "$crate/content-$pages" --embed >"$BENCH_DIR/lib"
            compile+=("$(sed -nE '1s/.* in ([0-9.]+) ms.*/\1/p' "$BENCH_DIR/lib" | cut -d. -f1)")
            embed+=("$(sed -nE 's/^embed: ([0-9.]+) ms.*/\1/p' "$BENCH_DIR/lib" | cut -d. -f1)")
            brotli=$(sed -nE 's/.*\((brotli quality [0-9]+, gzip level [0-9]+)\)/\1/p' "$BENCH_DIR/lib")
            set_content content-0
            (cd "$crate" && CARGO_TARGET_DIR=$target timed cargo rustc $(profile_flag "$profile") -- -Z time-passes && echo "$ms" >"$BENCH_DIR/ms")
            base+=("$(cat "$BENCH_DIR/ms")")
            set_content "content-$pages"
            # From scratch: without the files an earlier build left for rustc to include and
            # the compressed variants it kept (the one-page edit below keeps them).
            set_aside "$target"/*/site-pages
            (cd "$crate" && CARGO_TARGET_DIR=$target timed cargo rustc $(profile_flag "$profile") -- -Z time-passes && echo "$ms $rss" >"$BENCH_DIR/ms")
            read -r ms rss <"$BENCH_DIR/ms"
            full+=("$ms")
            expansion+=("$(awk '/^time:/ && $NF == "expand_crate" { printf "%.0f", $2 * 1000 }' "$BENCH_DIR/out")")
            [ "$rss" -gt "$peak" ] && peak=$rss
            set_aside "$BENCH_DIR/hugo-out"
            start=$(date +%s%N)
            hugo --quiet --source "$BENCH_DIR/hugo-$pages" --destination "$BENCH_DIR/hugo-out" >/dev/null
            hugo+=($((($(date +%s%N) - start) / 1000000)))
            drop_aside
        done
        c=$(median "${compile[@]}") e=$(median "${embed[@]}") h=$(median "${hugo[@]}")
        b=$(median "${base[@]}") f=$(median "${full[@]}") x=$(median "${expansion[@]}")
        m=$((f - b)) l=$((c + e))
        printf '| %s | %s ms | %s ms | %s | %s s | %s | %s MB | %s s | %s | %s s | %s | %s | %s | %s |\n' \
            "$pages" "$c" "$e" "$(rate "$pages" "$l")" "$(secs "$m")" "$(rate "$pages" "$m")" "$peak" \
            "$(secs "$x")" "$(rate "$pages" "$x")" "$(secs "$h")" "$(rate "$pages" "$h")" \
            "$(awk -v h="$h" -v m="$m" 'BEGIN { printf "%.2f", h / m }')" \
            "$(awk -v h="$h" -v l="$l" 'BEGIN { printf "%.2f", h / l }')" \
            "$(awk -v h="$h" -v x="$x" 'BEGIN { printf "%.2f", h / x }')"
        echo "   macro from scratch per round: ${expansion[*]} ms; Hugo per round: ${hugo[*]} ms"
        echo "   ($profile, $brotli; baseline build $(secs "$b") s, full build $(secs "$f") s; medians of $RUNS; load average $(cut -d' ' -f1-3 /proc/loadavg))"
        if [ "${PASSES:-0}" = 1 ]; then
            set_content "content-$pages"
            set_aside "$target-passes"/*/site-pages
            # From scratch (no included file, no kept variant yet), then rebuilt with them, as
            # after an edit of the content: `expand_crate` is the macro's time.
            for pass in "from scratch" "rebuilt"; do
                touch "$crate/src/main.rs"
                # A target folder of its own, so that the rounds' incremental state is not touched.
                (cd "$crate" && CARGO_TARGET_DIR=$target-passes cargo rustc --quiet $(profile_flag "$profile") -- -Z time-passes 2>&1) |
                    awk -v pass="$pass" '/^time:/ && $NF ~ /^(expand_crate|type_check_crate|codegen_crate|LLVM_passes|finish_ongoing_codegen|serialize_dep_graph|link|total)$/ {
                        sub(";", "", $2); printf "%s%s %s s", (n++ ? ", " : "   rustc -Z time-passes, " pass ": "), $NF, $2 } END { print "" }'
                drop_aside
            done
        fi
    done
done

echo
echo "== one-page edit: $EDIT_PROFILE build of the $EDIT_PAGES-page corpus =="
[ -f "$crate/content-$EDIT_PAGES/1.section-0/page-1.md" ] ||
    python3 "$repo/scripts/gen-corpus.py" "$EDIT_PAGES" "$crate/content-$EDIT_PAGES" >/dev/null
page=$crate/content-$EDIT_PAGES/1.section-0/page-1.md
set_content "content-$EDIT_PAGES"
(cd "$crate" && CARGO_TARGET_DIR=$target cargo build --quiet $(profile_flag "$EDIT_PROFILE"))
edits=()
for edit in $(seq "$EDITS"); do
    printf '\nEdit %s: one more paragraph.\n' "$edit" >>"$page"
    (cd "$crate" && CARGO_TARGET_DIR=$target timed cargo build -v $(profile_flag "$EDIT_PROFILE") && echo "$ms" >"$BENCH_DIR/ms")
    edits+=("$(cat "$BENCH_DIR/ms")")
    rebuilt=$(sed -nE 's/^ *Compiling ([^ ]+) .*/\1/p' "$BENCH_DIR/out" | paste -sd' ')
    fresh=$(grep -c '^ *Fresh ' "$BENCH_DIR/out" || true)
    echo "edit $edit: $(secs "${edits[-1]}") s; recompiled: ${rebuilt:-nothing}; $fresh crates fresh"
done
echo "one-page edit, $EDIT_PAGES pages, $EDIT_PROFILE: median $(secs "$(median "${edits[@]}")") s over $EDITS edits" \
    "(min $(secs "$(printf '%s\n' "${edits[@]}" | sort -n | head -1)") s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
