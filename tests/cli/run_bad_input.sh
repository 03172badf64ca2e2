#!/usr/bin/env bash
# Bad input never crashes evident or loses other documents' output. Inputs are
# data files under tests/data/; the expected records and messages are in
# tests/cli/expected/ (regenerate: UPDATE=1 tests/cli/run_bad_input.sh BIN ROOT).
set -uo pipefail
bin=$(realpath "$1")
cd "$2" || exit 2
expected=tests/cli/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# The fixed test pack keeps these expectations independent of rules/en.
pack=(--rules tests/data/pack)
section_failed=0
fail() { echo "FAIL $*"; failed=1; section_failed=1; }
ok() { [[ $section_failed -eq 0 ]] && echo "ok   $1"; section_failed=0; }

# compare NAME FILE: FILE must equal expected/NAME.
compare() {
  if [[ -n ${UPDATE:-} ]]; then cp "$2" "$expected/$1"; echo "updated $expected/$1"; return; fi
  if cmp -s "$expected/$1" "$2"; then ok "$1"; else
    fail "$1: differs from $expected/$1 (expected beside actual):"; diff -u "$expected/$1" "$2" | head -30
  fi
}

# 1. Invalid UTF-8, NUL bytes, empty and truncated files: one record each, errors
#    with byte offsets, exit 1, the good document complete.
"$bin" annotate "${pack[@]}" tests/data/bad_input/ -j 2 >"$tmp/out" 2>"$tmp/err"
status=$?
[[ $status -eq 1 ]] || fail "bad_input: exit status $status, expected 1"
[[ $(wc -l <"$tmp/out") -eq 5 ]] || fail "bad_input: expected 5 records"
compare bad_input.jsonl "$tmp/out"
compare bad_input.stderr "$tmp/err"

# 1b. The same with --document-errors-ok: exit 0, the same records and messages;
#     a real failure (a broken pack) still exits 2.
"$bin" annotate "${pack[@]}" tests/data/bad_input/ -j 2 --document-errors-ok >"$tmp/out2" 2>"$tmp/err2"
status=$?
[[ $status -eq 0 ]] || fail "--document-errors-ok: exit status $status, expected 0"
cmp -s "$tmp/out" "$tmp/out2" || fail "--document-errors-ok: the records differ"
cmp -s "$tmp/err" "$tmp/err2" || fail "--document-errors-ok: the messages differ"
"$bin" annotate corpus/ --rules tests/data/broken_pack --document-errors-ok >/dev/null 2>&1
status=$?
[[ $status -eq 2 ]] || fail "--document-errors-ok with a broken pack: exit status $status, expected 2"
ok "--document-errors-ok"

# 2. A broken rule file: FILE:LINE:COL on stderr, exit 2, nothing annotated.
"$bin" annotate corpus/ --rules tests/data/broken_pack >"$tmp/out" 2>"$tmp/err"
status=$?
[[ $status -eq 2 ]] || fail "broken_pack: exit status $status, expected 2"
[[ ! -s $tmp/out ]] || fail "broken_pack: something was written to standard output"
compare broken_pack.stderr "$tmp/err"

# 3. Bad usage: exit 2 with a message.
for args in "annotate --offsets chars corpus/" "annotate --format xml corpus/" "annotate --nope" "frobnicate" \
            "rules" "annotate -j -1 corpus/"; do
  # shellcheck disable=SC2086
  "$bin" $args >/dev/null 2>"$tmp/err"
  status=$?
  [[ $status -eq 2 ]] || fail "usage '$args': exit status $status, expected 2"
  grep -q '^evident: ' "$tmp/err" || fail "usage '$args': no 'evident: ' message on stderr"
done
ok "usage errors"

# 4. -o into a folder that does not exist: exit 1, a message, no file.
"$bin" annotate "${pack[@]}" corpus/ -o "$tmp/no/such/dir/out.jsonl" >/dev/null 2>"$tmp/err"
status=$?
[[ $status -eq 1 ]] || fail "-o bad dir: exit status $status, expected 1"
grep -q "cannot create a temporary file" "$tmp/err" || fail "-o bad dir: unclear message: $(cat "$tmp/err")"
ok "-o into a missing folder"

# 4b. -o onto a device, a FIFO or a symlink never replaces it.
"$bin" annotate "${pack[@]}" corpus/ -o /dev/null 2>"$tmp/err" || fail "-o /dev/null: $(cat "$tmp/err")"
[[ -c /dev/null ]] || { fail "-o /dev/null replaced /dev/null"; mknod -m 666 /dev/null c 1 3 2>/dev/null; }
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from_fifo" &
"$bin" annotate "${pack[@]}" corpus/ -o "$tmp/fifo" 2>"$tmp/err" || fail "-o FIFO: $(cat "$tmp/err")"
wait
[[ -p $tmp/fifo && $(wc -l <"$tmp/from_fifo") -eq 5 ]] || fail "-o FIFO: not written through"
: >"$tmp/real.jsonl"
ln -s "$tmp/real.jsonl" "$tmp/link.jsonl"
"$bin" annotate "${pack[@]}" corpus/ -o "$tmp/link.jsonl" 2>"$tmp/err" || fail "-o symlink: $(cat "$tmp/err")"
[[ -L $tmp/link.jsonl && $(wc -l <"$tmp/real.jsonl") -eq 5 ]] || fail "-o symlink: the link was replaced or the target not written"
"$bin" annotate "${pack[@]}" corpus/ -o "$tmp" 2>"$tmp/err"
[[ $? -eq 1 ]] && grep -q "is a folder" "$tmp/err" || fail "-o a folder: $(cat "$tmp/err")"
ok "-o onto /dev/null, a FIFO, a symlink, a folder"

# 5. Progress: nothing on a pipe by default; a line with --progress always.
"$bin" annotate "${pack[@]}" corpus/ -o "$tmp/p.jsonl" 2>"$tmp/err"
[[ ! -s $tmp/err ]] || fail "progress auto on a pipe printed: $(cat "$tmp/err")"
"$bin" annotate "${pack[@]}" corpus/ --progress always -o "$tmp/p.jsonl" 2>"$tmp/err"
grep -q "documents" "$tmp/err" || [[ $(wc -c <"$tmp/err") -eq 0 ]] || fail "progress always: unexpected output"
"$bin" annotate "${pack[@]}" corpus/ --progress sometimes >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] || fail "progress: a bad value must be a usage error"
ok "progress"

# 6. 50 MB without sentence punctuation: finishes, cut into pieces marked split.
yes 'the army moved toward the old city and the river' | head -c 50000000 | tr '\n' ' ' >"$tmp/big.txt"
"$bin" annotate "${pack[@]}" "$tmp/big.txt" -o "$tmp/big.jsonl" 2>"$tmp/err"
status=$?
[[ $status -eq 0 ]] || fail "50 MB: exit status $status"
grep -q '"split":true' "$tmp/big.jsonl" || fail "50 MB: no sentence marked split"
grep -q 'over-long sentences' "$tmp/big.jsonl" || fail "50 MB: no warning in the record"
[[ $(wc -l <"$tmp/big.jsonl") -eq 1 ]] || fail "50 MB: expected one record"
ok "50 MB without punctuation"

exit $failed
