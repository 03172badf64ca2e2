#!/usr/bin/env bash
# evident eval runs end to end: on the gold of annotations/ and corpus/ it
# exits 0 and prints every row, as a table and as JSON. The scores themselves
# are not checked (they move whenever rules/en does; docs/evaluation.md has
# the current ones). Bad gold lines give exit 1 and FILE:LINE messages; bad
# usage gives exit 2.
#
#   tests/cli/run_eval.sh BIN REPO_ROOT
set -uo pipefail
bin=$(realpath "$1")
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL $*"; failed=1; }

# Row labels, as extended regular expressions.
rows=(hedge booster attribution evidence_absent evidence_present denial source weasel "micro \\(categories\\)" Cue Source Content)

"$bin" eval --gold annotations corpus >"$tmp/table" 2>"$tmp/err"
status=$?
[[ $status -eq 0 ]] || { fail "eval table: exit status $status, expected 0"; cat "$tmp/err"; }
[[ -s $tmp/err ]] && { fail "eval table: unexpected messages:"; cat "$tmp/err"; }
grep -q '^documents scored: 5$' "$tmp/table" || fail "eval table: not 5 documents scored"
for row in "${rows[@]}"; do
  grep -Eq "^$row +[0-9]+ +[0-9]+  \| +[01]\.[0-9]{3} " "$tmp/table" || fail "eval table: no scored row '$row'"
done
[[ $failed -eq 0 ]] && echo "ok   eval table"

"$bin" eval --gold annotations corpus --format json --match exact >"$tmp/json" 2>/dev/null
status=$?
[[ $status -eq 0 ]] || fail "eval json: exit status $status, expected 0"
for row in hedge booster attribution evidence_absent evidence_present denial source weasel micro Cue Source Content; do
  grep -q "\"kind\": \"$row\"" "$tmp/json" || fail "eval json: no row '$row'"
done
grep -q '"overlap"' "$tmp/json" && fail "eval json: --match exact still shows overlap"
[[ $failed -eq 0 ]] && echo "ok   eval json"

"$bin" eval --gold tests/data/brat/bad --rules tests/data/pack >"$tmp/bad" 2>"$tmp/bad.err"
status=$?
[[ $status -eq 1 ]] || fail "eval bad gold: exit status $status, expected 1"
grep -q '^evident: tests/data/brat/bad/bad.ann:3: unknown line kind' "$tmp/bad.err" || fail "eval bad gold: no FILE:LINE message"
grep -q '^hedge ' "$tmp/bad" || fail "eval bad gold: the rest was not scored"
[[ $failed -eq 0 ]] && echo "ok   eval bad gold"

for args in "eval" "eval --gold tests/data/brat/none" "eval --gold annotations --format xml" \
            "eval --gold annotations --match fuzzy"; do
  # shellcheck disable=SC2086
  "$bin" $args >/dev/null 2>&1
  status=$?
  [[ $status -eq 2 ]] || fail "'$args': exit status $status, expected 2"
done
[[ $failed -eq 0 ]] && echo "ok   eval usage"
exit $failed
