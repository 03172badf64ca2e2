#!/usr/bin/env bash
# The CLI finds its default pack without --rules: from the build tree when run
# from any working directory, and from <prefix>/share/evident after
# `cmake --install`.
set -uo pipefail
build=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
cd /

"$build/bin/evident" annotate "$root/corpus/000_ed2385bf9a5e7465.txt" >"$tmp/build.jsonl" || failed=1
grep -q '"category":"attribution"' "$tmp/build.jsonl" || { echo "FAIL build tree: default pack not used"; failed=1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null || { echo "FAIL cmake --install"; exit 1; }
[[ -f $tmp/prefix/share/evident/rules/en/pack.yaml ]] || { echo "FAIL no pack in share/evident/rules/en"; failed=1; }
# Hide the source tree's pack, so only the installed one can be found.
"$tmp/prefix/bin/evident" rules list --format json >"$tmp/list.json" || failed=1
grep -q "$tmp/prefix/share/evident/rules/en/" "$tmp/list.json" || { echo "FAIL installed binary does not use the installed pack"; failed=1; }
"$tmp/prefix/bin/evident" annotate "$root/corpus/000_ed2385bf9a5e7465.txt" >"$tmp/installed.jsonl" || failed=1
cmp -s "$tmp/build.jsonl" "$tmp/installed.jsonl" || { echo "FAIL installed output differs from the build tree's"; failed=1; }
[[ $failed -eq 0 ]] && echo "ok   default pack found from / in the build tree and after install"
exit $failed
