#!/usr/bin/env bash
# CLI golden tests: the real binary on corpus/ and on tests/data/inputs/,
# compared byte for byte with tests/cli/golden/.
#
#   tests/cli/run_golden.sh BIN REPO_ROOT          # check
#   UPDATE=1 tests/cli/run_golden.sh BIN REPO_ROOT # regenerate after an intended change
#
# Review the diff of tests/cli/golden/ before committing a regeneration.
set -uo pipefail
bin=$(realpath "$1")
cd "$2" || exit 2
golden=tests/cli/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# check NAME EXPECTED_STATUS -- ARGS...: stdout must equal golden/NAME.
check() {
  local name=$1 want_status=$2
  shift 3
  "$bin" "$@" >"$tmp/$name" 2>"$tmp/$name.err" </dev/null
  local status=$?
  if [[ $status -ne $want_status ]]; then
    echo "FAIL $name: exit status $status, expected $want_status"; cat "$tmp/$name.err"; failed=1; return
  fi
  if [[ -n ${UPDATE:-} ]]; then cp "$tmp/$name" "$golden/$name"; echo "updated $golden/$name"; return; fi
  if ! cmp -s "$golden/$name" "$tmp/$name"; then
    echo "FAIL $name: output differs from $golden/$name (expected beside actual):"
    diff -u "$golden/$name" "$tmp/$name" | head -40
    failed=1
  else
    echo "ok   $name"
  fi
}

# same NAME REFERENCE -- ARGS...: stdout must equal an earlier case's output.
same() {
  local name=$1 ref=$2
  shift 3
  "$bin" "$@" >"$tmp/$name" 2>/dev/null </dev/null
  if cmp -s "$tmp/$ref" "$tmp/$name"; then echo "ok   $name"; else
    echo "FAIL $name: differs from $ref"; diff -u "$tmp/$ref" "$tmp/$name" | head -20; failed=1
  fi
}

check corpus.jsonl 0 -- annotate corpus/ -j 1
check corpus.byte.jsonl 0 -- annotate corpus/ -j 1 --offsets byte
check corpus.utf16.jsonl 0 -- annotate corpus/ -j 1 --offsets utf16
check mixed.jsonl 1 -- annotate tests/data/inputs/mixed.jsonl -j 1
check annotate-help.txt 0 -- annotate --help
check rules-list.txt 0 -- rules list --category denial --rules rules/en
check corpus.csv 0 -- annotate corpus/ -j 1 --format csv
check corpus.explain.txt 0 -- annotate corpus/ -j 1 --format explain

# Determinism: any thread count gives the same bytes.
same corpus.j2 corpus.jsonl -- annotate corpus/ -j 2
same corpus.j8 corpus.jsonl -- annotate corpus/ -j 8
same mixed.j3 mixed.jsonl -- annotate tests/data/inputs/mixed.jsonl -j 3 --input-format jsonl
same corpus.files corpus.jsonl -- annotate corpus/000_ed2385bf9a5e7465.txt corpus/001_ac4f1d50904e77ad.txt \
  corpus/002_35cf3b55e7a85a42.txt corpus/003_0abadf26bfa59933.txt corpus/004_1b155dc13c4e1f4e.txt

# Standard input: the same record, named "stdin".
"$bin" annotate -j 1 - <corpus/000_ed2385bf9a5e7465.txt | sed 's/"id":"stdin"/"id":"000_ed2385bf9a5e7465"/' >"$tmp/stdin"
if [[ -z ${UPDATE:-} ]] && ! cmp -s <(head -1 "$golden/corpus.jsonl") "$tmp/stdin"; then
  echo "FAIL stdin: differs from the first corpus record"; failed=1
else echo "ok   stdin"; fi

# -o writes the same bytes and leaves no temporary file behind.
mkdir "$tmp/out"
"$bin" annotate corpus/ -j 2 -o "$tmp/out/corpus.jsonl" 2>/dev/null
if [[ -z ${UPDATE:-} ]] && { ! cmp -s "$golden/corpus.jsonl" "$tmp/out/corpus.jsonl" || [[ $(ls -A "$tmp/out" | wc -l) -ne 1 ]]; }; then
  echo "FAIL -o: output differs or a temporary file was left: $(ls -A "$tmp/out")"; failed=1
else echo "ok   -o"; fi

exit $failed
