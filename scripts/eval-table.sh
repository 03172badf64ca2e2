#!/usr/bin/env bash
# Regenerates the measured tables of docs/evaluation.md:
#
#   bash scripts/eval-table.sh
#   POLNEAR=/path/to/PolNeAR/data/dev bash scripts/eval-table.sh   # also PolNeAR dev
#
# The first table is `evident eval --gold annotations corpus` with the default
# pack. With POLNEAR set to a PolNeAR checkout's data/dev, the PolNeAR table
# is measured too (`evident eval --gold $POLNEAR/attributions $POLNEAR/text`,
# then with --skip-quoted);
# without it that section is left as it is. Only the text between the
# `<!-- eval-table:NAME:begin -->` and `<!-- eval-table:NAME:end -->` lines
# changes. The binary is $EVIDENT, else build/bin/evident (bash scripts/setup.sh
# builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${EVIDENT:-build/bin/evident}
doc=docs/evaluation.md
if [[ ! -x $bin ]]; then
  echo "eval-table.sh: no $bin; build first (bash scripts/setup.sh) or set EVIDENT" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pack_version=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' rules/en/pack.yaml)

# measure NAME DESCRIPTION ARGS...: the section NAME becomes the command, its
# table and its notes. A status of 1 (some gold line unreadable) is kept and
# shown; anything else stops the script.
measure() {
  local name=$1 description=$2
  shift 2
  local status=0
  "$bin" eval "$@" >"$tmp/table" 2>"$tmp/notes" || status=$?
  if [[ $status -gt 1 ]]; then cat "$tmp/notes" >&2; exit "$status"; fi
  {
    echo "$description, default pack \`rules/en\` $pack_version:"
    echo
    echo '```'
    echo "\$ evident eval $*" | sed "s|${POLNEAR:-/nonexistent}|\$POLNEAR|g"
    cat "$tmp/table"
    echo '```'
    if [[ -s $tmp/notes ]]; then
      echo
      echo "Standard error (exit status $status):"
      echo
      echo '```'
      sed "s|${POLNEAR:-/nonexistent}|\$POLNEAR|g" "$tmp/notes"
      echo '```'
    fi
  } >"$tmp/section.$name"
  if ! grep -qx "<!-- eval-table:$name:begin -->" "$doc" || ! grep -qx "<!-- eval-table:$name:end -->" "$doc"; then
    echo "eval-table.sh: $doc has no eval-table:$name:begin/end lines" >&2
    exit 2
  fi
  awk -v name="$name" -v section="$tmp/section.$name" '
    $0 == "<!-- eval-table:" name ":begin -->" { print; while ((getline line < section) > 0) print line; skip = 1; next }
    $0 == "<!-- eval-table:" name ":end -->" { skip = 0 }
    !skip { print }' "$doc" >"$tmp/doc"
  if cmp -s "$doc" "$tmp/doc"; then echo "$doc: $name unchanged"; else cp "$tmp/doc" "$doc"; echo "$doc: $name updated"; fi
}

measure corpus "The gold of \`annotations/\` on \`corpus/\`" --gold annotations corpus
if [[ -n ${POLNEAR:-} ]]; then
  measure polnear "PolNeAR dev (\`data/dev\`: $(ls "$POLNEAR"/text/*.txt | wc -l) texts)" \
    --gold "$POLNEAR/attributions" "$POLNEAR/text"
  measure polnear-skip-quoted "The same, claims inside quotations left out (\`--skip-quoted\`)" \
    --gold "$POLNEAR/attributions" "$POLNEAR/text" --match both --skip-quoted
fi
