#!/usr/bin/env bash
# Fill DIR with N copies of sample reports, named report-000000.EXT …, for the benchmarks
# (bench-corpus.sh, bench-instructions.sh). Run from the repository root.
#
#   scripts/make-corpus.sh N DIR
#   SOURCE=DIR2 …          copies of the reports in DIR2 instead of the bundled samples
#   FORMATS=office|pdf|all the office fixtures (default: the text and Markdown samples)
set -euo pipefail
n=$1
corpus=$2
if [ -n "${SOURCE:-}" ]; then
    samples=("$SOURCE"/*)
else
    case ${FORMATS:-text} in
        office) samples=(testdata/office/*) ;;
        pdf) samples=(testdata/office/*.pdf) ;;
        all) samples=(testdata/clean/* testdata/faulty/* testdata/office/*) ;;
        *) samples=(testdata/clean/* testdata/faulty/*) ;;
    esac
fi
for ((i = 0; i < n; i++)); do
    src=${samples[i % ${#samples[@]}]}
    cp "$src" "$corpus/report-$(printf %06d "$i").${src##*.}"
done
