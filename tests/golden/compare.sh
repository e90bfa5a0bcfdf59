#!/bin/sh
# tests/golden/compare.sh -- every output of this checkout against those of
# another commit (issue #14: a change of architecture must not change
# behaviour). Builds REF in a temporary worktree, runs tests/golden/run.sh
# with both binaries and prints the differences; exits 1 when there are any
# besides files only one side has (a new case).
#
#   sh tests/golden/compare.sh REF      e.g. REF = 3be4e97, or main~5
#   make golden REF=...
#
# Run from the repository root after `make`. Needs git history (not a
# shallow clone) and Debian's python3 with openpyxl.
set -u
ref=${1:?usage: sh tests/golden/compare.sh REF}
work=$(mktemp -d "${TMPDIR:-/tmp}/samkalk-golden.XXXXXX") || exit 1
trap 'git worktree remove --force "$work/ref" >/dev/null 2>&1; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/ref" "$ref" || exit 1
make -s -C "$work/ref" -j2 >/dev/null || exit 1
sh tests/golden/run.sh "$work/ref/build/samkalk" "$work/old" 2>/dev/null
sh tests/golden/run.sh build/samkalk "$work/new"
diff -r "$work/old" "$work/new" >"$work/diff"
if grep -v '^Only in ' "$work/diff" >/dev/null; then
	cat "$work/diff"
	echo "FAIL outputs differ from $ref"
	exit 1
fi
cat "$work/diff"
echo "ok   $(find "$work/new" -type f | wc -l) outputs equal to $ref's"
