#!/usr/bin/env bash
# Run every fuzz target (or those named in TARGETS) for a given time each, with libFuzzer via
# cargo-fuzz, seeded from testdata/ and guided by the domain's words (fuzz/dict/jxlint.dict).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]          default 60
#   TARGETS="check recognise" scripts/fuzz.sh 600
#   JOBS=2 scripts/fuzz.sh 600                    two workers per target (2 cores)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`). A crash is
# saved under fuzz/artifacts/<target>/; reproduce it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# and pin it as a regression test in tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-60}
jobs=${JOBS:-1}
targets=${TARGETS:-"decode read_text read_markdown read_docx read_sheet read_html read_pdf read_aligned fit recognise check"}

cargo +nightly fuzz build --release >/dev/null

status=0
for target in $targets; do
    corpus="corpus/$target"
    mkdir -p "$corpus"
    # Seed with the sample reports the first time.
    if [ -z "$(ls -A "$corpus")" ]; then
        case $target in
            read_docx) find ../testdata -type f -name '*.docx' -exec cp {} "$corpus/" \; ;;
            read_sheet) find ../testdata -type f \( -name '*.xlsx' -o -name '*.xls' \) -exec cp {} "$corpus/" \; ;;
            read_html) find ../testdata -type f \( -name '*.html' -o -name '*.htm' \) -exec cp {} "$corpus/" \; ;;
            # poppler's word boxes of the PDF fixtures (the target lays out pdftotext -tsv text)
            read_pdf) for pdf in ../testdata/office/*.pdf; do
                    pdftotext -tsv "$pdf" "$corpus/$(basename "$pdf" .pdf).tsv"
                done ;;
            # what pdftotext -layout makes of the PDF fixtures
            read_aligned) for pdf in ../testdata/office/*.pdf; do
                    pdftotext -layout "$pdf" "$corpus/$(basename "$pdf" .pdf).txt"
                done
                find ../testdata -type f -name '*.txt' -exec cp {} "$corpus/" \; ;;
            *) find ../testdata -type f \( -name '*.txt' -o -name '*.md' \) -exec cp {} "$corpus/" \; ;;
        esac
    fi
    echo "== $target for ${seconds}s"
    if ! cargo +nightly fuzz run --release "$target" "$corpus" -- \
        -dict=dict/jxlint.dict \
        -max_total_time="$seconds" \
        -max_len=262144 \
        -timeout=20 \
        -rss_limit_mb=4096 \
        -jobs="$jobs" -workers="$jobs" \
        -print_final_stats=1 2>&1 | tee "/tmp/jxlint-fuzz-$target.log" | grep -E "^(stat::|#[0-9]+.*(DONE|pulse))|ERROR|SUMMARY|Done"; then
        status=1
    fi
    if grep -q "ERROR: libFuzzer\|SUMMARY: " "/tmp/jxlint-fuzz-$target.log"; then
        echo "!! $target crashed: see fuzz/artifacts/$target/" >&2
        status=1
    fi
done
exit $status
