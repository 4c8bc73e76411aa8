#!/usr/bin/env bash
# Count the instructions jxlint executes checking N copies of the samples (default 40), with
# valgrind's callgrind: unlike time, the count hardly varies from run to run, so a change of a
# few per cent shows on a busy or virtual machine. Also counts one small file alone, where
# start-up (compiling patterns, reading the catalogue) is most of the work.
#
#   scripts/bench-instructions.sh [N]
#   SOURCE=DIR scripts/bench-instructions.sh 40    copies of the reports in DIR (FORMATS= as
#                                                  for bench-corpus.sh)
#   BIN=path/to/jxlint scripts/bench-instructions.sh   another build, to compare
#   PROFILE=1 scripts/bench-instructions.sh        keep callgrind.out.* for callgrind_annotate
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
n=${1:-40}
if [ -z "${BIN:-}" ]; then
    cargo build --release -q
    BIN=$PWD/target/release/jxlint
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
scripts/make-corpus.sh "$n" "$corpus"
first=$(ls "$corpus" | head -1)
count() {
    local out=/dev/null
    if [ -n "${PROFILE:-}" ]; then out=callgrind.out.$1; fi
    shift
    # jxlint exits 1 when it finds something: that is no failure here.
    local log
    log=$(valgrind --tool=callgrind --callgrind-out-file="$out" "$@" 2>&1 >/dev/null || true)
    sed -n 's/.*refs: *//p' <<<"$log" | tr -d ,
}
batch=$(count batch "$BIN" check --quiet --format json -j 1 "$corpus")
one=$(count one "$BIN" check --quiet "$corpus/$first")
echo "batch of $n files: $batch instructions, $((batch / n)) per file"
echo "one file alone (the first of them): $one instructions"
