#!/usr/bin/env bash
# Check a folder of N reports (default 1000) the way a supervisor screens incoming reports,
# and report files/s, MB/s, CPU time and peak memory (GNU time's -v), beside the CPU time of
# `rg -c 合计` over the same files when ripgrep is installed.
#
#   scripts/bench-corpus.sh [N]              text and Markdown samples
#   FORMATS=office scripts/bench-corpus.sh   the Word, Excel, PDF and web-page fixtures
#   FORMATS=pdf scripts/bench-corpus.sh      the PDF fixtures only (poppler's pdftotext runs
#                                            once per file)
#   FORMATS=all scripts/bench-corpus.sh      all of them
#   SOURCE=DIR scripts/bench-corpus.sh 6000  copies of the reports in DIR (e.g. real reports)
#   OUTPUT=json scripts/bench-corpus.sh      the output format (default json; human, html, …)
#   JOBS=1 scripts/bench-corpus.sh           one worker
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release -q
bin=$PWD/target/release/jxlint
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
scripts/make-corpus.sh "$n" "$corpus"
bytes=$(du -sb "$corpus" | cut -f1)
mb=$(echo "scale=1; $bytes / 1048576" | bc)
echo "corpus: $n files, $mb MB"

# One run under GNU time: wall, user+system CPU, peak resident memory.
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
    local wall user sys rss
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep "User time" "$log" | awk '{print $NF}')
    sys=$(grep "System time" "$log" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$log" | awk '{print $NF}')
    rm -f "$log"
    echo "$wall $(echo "$user + $sys" | bc) $rss"
}

jobs=()
if [ -n "${JOBS:-}" ]; then jobs=(-j "$JOBS"); fi
read -r wall cpu rss < <(measure "$bin" check --quiet --format "${OUTPUT:-json}" "${jobs[@]}" "$corpus")
printf "jxlint check: %.2f s wall, %.2f s CPU, %d files/s, %.1f MB/s, peak %d MB\n" \
    "$wall" "$cpu" "$(echo "$n / $wall" | bc)" "$(echo "scale=2; $mb / $wall" | bc)" "$((rss / 1024))"
if command -v rg >/dev/null 2>&1; then
    read -r rwall rcpu rrss < <(measure rg -c 合计 "$corpus")
    printf "rg -c 合计:   %.2f s wall, %.2f s CPU, peak %d MB; jxlint takes %.0f× its CPU\n" \
        "$rwall" "$rcpu" "$((rrss / 1024))" "$(echo "scale=1; $cpu / ($rcpu + 0.001)" | bc)"
fi
