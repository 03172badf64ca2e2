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

# check_dir NAME EXPECTED_STATUS -- ARGS...: the folder written by ARGS -o DIR
# must equal golden/NAME/, file for file.
check_dir() {
  local name=$1 want_status=$2
  shift 3
  "$bin" "$@" -o "$tmp/$name" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null
  local status=$?
  if [[ $status -ne $want_status ]]; then
    echo "FAIL $name: exit status $status, expected $want_status"; cat "$tmp/$name.err"; failed=1; return
  fi
  if [[ -n ${UPDATE:-} ]]; then rm -rf "${golden:?}/$name"; cp -r "$tmp/$name" "$golden/$name"; echo "updated $golden/$name/"; return; fi
  if ! diff -r "$golden/$name" "$tmp/$name" >"$tmp/$name.diff"; then
    echo "FAIL $name: output differs from $golden/$name/ (expected beside actual):"
    head -40 "$tmp/$name.diff"
    failed=1
  else
    echo "ok   $name"
  fi
}

# same_dir NAME REFERENCE -- ARGS...: the folder must equal an earlier case's.
same_dir() {
  local name=$1 ref=$2
  shift 3
  "$bin" "$@" -o "$tmp/$name" >/dev/null 2>&1 </dev/null
  if diff -r "$tmp/$ref" "$tmp/$name" >/dev/null; then echo "ok   $name"; else
    echo "FAIL $name: differs from $ref"; diff -r "$tmp/$ref" "$tmp/$name" | head -20; failed=1
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
check corpus.w3c.jsonl 0 -- annotate corpus/ -j 1 --format w3c
check corpus.html 0 -- annotate corpus/ -j 1 --format html
check_dir corpus.brat 0 -- annotate corpus/ -j 1 --format brat
check_dir corpus.webanno 0 -- annotate corpus/ -j 1 --format webanno

# Determinism: any thread count gives the same bytes.
same corpus.j2 corpus.jsonl -- annotate corpus/ -j 2
same corpus.j8 corpus.jsonl -- annotate corpus/ -j 8
same mixed.j3 mixed.jsonl -- annotate tests/data/inputs/mixed.jsonl -j 3 --input-format jsonl
same corpus.files corpus.jsonl -- annotate corpus/000_ed2385bf9a5e7465.txt corpus/001_ac4f1d50904e77ad.txt \
  corpus/002_35cf3b55e7a85a42.txt corpus/003_0abadf26bfa59933.txt corpus/004_1b155dc13c4e1f4e.txt

same corpus.html.j3 corpus.html -- annotate corpus/ -j 3 --format html
same corpus.w3c.j3 corpus.w3c.jsonl -- annotate corpus/ -j 3 --format w3c
same_dir corpus.brat.j3 corpus.brat -- annotate corpus/ -j 3 --format brat
same_dir corpus.webanno.j3 corpus.webanno -- annotate corpus/ -j 3 --format webanno

# Per-document formats need a folder: without -o, a usage error.
for format in brat webanno; do
  "$bin" annotate corpus/ --format $format >"$tmp/nofolder" 2>"$tmp/nofolder.err" </dev/null
  status=$?
  if [[ $status -eq 2 && ! -s $tmp/nofolder ]] && grep -q -- "-o DIR" "$tmp/nofolder.err"; then echo "ok   $format without -o"; else
    echo "FAIL $format without -o: exit status $status, expected 2 and a message naming -o DIR"; cat "$tmp/nofolder.err"; failed=1
  fi
done

# File names from hostile document ids stay inside the folder, unique.
"$bin" annotate tests/data/inputs/hostile.jsonl --format brat -o "$tmp/names" 2>/dev/null
names=$(cd "$tmp/names" && find . -type f | sort | tr '\n' ' ')
want="./A_B-2.ann ./A_B-2.txt ./_.__etc_passwd.ann ./_.__etc_passwd.txt ./_img_src_x_onerror_alert_1__.ann ./_img_src_x_onerror_alert_1__.txt ./a_b.ann ./a_b.txt ./annotation.conf ./hidden.ann ./hidden.txt ./visual.conf "
if [[ $names == "$want" ]]; then echo "ok   file names"; else echo "FAIL file names: $names"; failed=1; fi

# brat round trip: evident eval, with the brat output as gold, finds every
# category, Cue, Source and Content span exactly, and every Source's type
# and resolved name.
if [[ -z ${UPDATE:-} ]]; then
  "$bin" eval --gold "$tmp/corpus.brat" >"$tmp/eval.txt" 2>/dev/null
  bad=$(awk '$1 ~ /^(hedge|booster|attribution|evidence_absent|evidence_present|denial|source|weasel|Cue|Source|Content)$/ &&
             $2 ~ /^[0-9]+$/ && $2 > 0 && !($5 == "1.000" && $6 == "1.000" && $7 == "1.000") { print $1 }
             # the Source types and resolved names written are read back the same
             $1 == "Source" && ($2 == "type" || $2 == "resolved") && $NF != "1.000" { print $1 " " $2 }' "$tmp/eval.txt")
  if [[ -z $bad && $(grep -c '1.000  1.000  1.000' "$tmp/eval.txt") -ge 9 ]]; then echo "ok   brat round trip through eval"; else
    echo "FAIL brat round trip through eval: $bad"; cat "$tmp/eval.txt"; failed=1
  fi
fi

# The worked example of docs/scoring.md is what `evident explain` prints.
example=$(awk '/explain corpus\/001_ac4f1d50904e77ad.txt` shows:/ {on = 1; next} on && /^```$/ {if (inside) exit; inside = 1; next} inside' docs/scoring.md)
explained=$("$bin" explain corpus/001_ac4f1d50904e77ad.txt 2>/dev/null)
if [[ -n $example ]] && [[ $explained == *"$example"* ]]; then echo "ok   docs/scoring.md worked example"; else
  echo "FAIL docs/scoring.md worked example: not in the output of evident explain corpus/001_ac4f1d50904e77ad.txt"; failed=1
fi

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
