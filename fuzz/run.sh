#!/usr/bin/env bash
# Runs one fuzz target for 10 million executions (FUZZING.md): the repository's seeds
# (fuzz/seed.py), the committed corpus and the inputs of past bugs in, what the run finds into
# a working corpus outside the repository (`cargo fuzz cmin` then makes the committed one of
# it). With a nightly toolchain the target is built with AddressSanitizer, else on stable
# without a sanitizer.
#
# Usage: fuzz/run.sh TARGET [LIBFUZZER_FLAG...]
#   FUZZ_WORK=DIR        the working corpus and seeds (default target/fuzz-work)
#   FUZZ_SANITIZER=none  no AddressSanitizer on nightly either
#   FUZZ_TRACE_COMPARES=0  build without libFuzzer's compare tracing: coarser guidance, more
#                        executions per second (FUZZING.md, "Runs")
#   extra flags go to libFuzzer after the defaults, and win: -runs=1000, -max_total_time=2700
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET [LIBFUZZER_FLAG...]}
shift
work=${FUZZ_WORK:-target/fuzz-work}

# Long enough for what each target reads: a page, a props block, a stream holding a request
# head longer than the server's 8 KiB head buffer (414, 431).
case $target in
    mdc_parse | page_compile) max_len=4096 ;;
    yaml_props) max_len=2048 ;;
    http_framing) max_len=16384 ;;
    *) echo "no fuzz target $target" >&2; exit 2 ;;
esac

# AddressSanitizer needs nightly; without it a run makes several times the executions.
if rustup run nightly rustc --version >/dev/null 2>&1; then
    cargo=(cargo +nightly fuzz run --sanitizer "${FUZZ_SANITIZER:-address}")
else
    # Without a sanitizer cargo-fuzz passes rustc only stable flags.
    cargo=(cargo fuzz run --sanitizer none)
fi
if [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ]; then
    cargo+=(--no-trace-compares)
fi

python3 fuzz/seed.py "$work/seeds"
mkdir -p "$work/corpus/$target" "fuzz/corpus/$target"
"${cargo[@]}" --features libfuzzer "$target" \
    "$work/corpus/$target" "fuzz/corpus/$target" "fuzz/regressions/$target" "$work/seeds/$target" -- \
    -runs=10000000 -max_len="$max_len" -timeout=10 -print_final_stats=1 "$@"
