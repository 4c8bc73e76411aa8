#!/usr/bin/env bash
# The pre-commit hook as a user runs it: pre-commit from PyPI, a temporary git repository with
# a faulty and a clean report, and `pre-commit try-repo` on this repository's hook. The hook
# must fail on the faulty report and pass on the clean one.
#
# try-repo builds the hook from the committed state of this repository (HEAD), with cargo;
# CARGO_TARGET_DIR points it at this checkout's target/ so that the build reuses what CI built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"

repo="$work/reports"
git init --quiet "$repo"
cd "$repo"
git config user.email ci@example.invalid
git config user.name ci
cp "$root/testdata/faulty/SUM002-form-total.txt" faulty.txt
cp "$root/testdata/clean/third-party-3level.txt" clean.txt
git add faulty.txt clean.txt

export CARGO_TARGET_DIR="$root/target"
export PRE_COMMIT_HOME="$work/cache"

echo "-- the clean report passes"
"$pre_commit" try-repo "$root" jxlint --files clean.txt

echo "-- the faulty report fails"
set +e
"$pre_commit" try-repo "$root" jxlint --files faulty.txt > "$work/faulty.log" 2>&1
status=$?
set -e
cat "$work/faulty.log"
if [ "$status" -eq 0 ]; then
    echo "the hook passed a faulty report" >&2
    exit 1
fi
grep -q "SUM002" "$work/faulty.log" || { echo "the hook did not report SUM002" >&2; exit 1; }
echo "pre-commit hook: ok"
