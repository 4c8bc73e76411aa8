#!/usr/bin/env bash
# Time `jxlint check` on a folder of N reports (default 1000) made from the bundled samples,
# the way a supervisor screens incoming reports. Uses hyperfine when installed.
#
#   scripts/bench-corpus.sh [N]              text and Markdown samples
#   FORMATS=office scripts/bench-corpus.sh   the Word, Excel, PDF and web-page fixtures
#   FORMATS=pdf scripts/bench-corpus.sh      the PDF fixtures only (poppler's pdftotext runs
#                                            once per file)
#   FORMATS=all scripts/bench-corpus.sh      all of them
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release -q
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
case ${FORMATS:-text} in
    office) samples=(testdata/office/*) ;;
    pdf) samples=(testdata/office/*.pdf) ;;
    all) samples=(testdata/clean/* testdata/faulty/* testdata/office/*) ;;
    *) samples=(testdata/clean/* testdata/faulty/*) ;;
esac
for ((i = 0; i < n; i++)); do
    src=${samples[i % ${#samples[@]}]}
    ext=${src##*.}
    cp "$src" "$corpus/report-$i.$ext"
done
echo "corpus: $n files, $(du -sh "$corpus" | cut -f1)"
bin=target/release/jxlint
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 -i "$bin check --quiet $corpus" "$bin check --quiet -j 1 $corpus"
else
    for jobs in "" "-j 1"; do
        echo "jxlint check $jobs:"
        start=$(date +%s.%N)
        "$bin" check --quiet $jobs "$corpus" >/dev/null || true
        end=$(date +%s.%N)
        echo "  $(echo "$end - $start" | bc) s"
    done
fi
