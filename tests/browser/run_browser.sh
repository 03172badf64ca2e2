#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads the report for
# corpus/ and tests/data/inputs/hostile.txt, and the DOM it builds must show
# every highlight and every claim, run the report's own script (so its
# Content-Security-Policy hash is right) and nothing from the articles: the
# hostile text's <script> and <img onerror> must stay text. Takes the
# screenshot of docs/html-report.png too.
#
#   tests/browser/run_browser.sh BIN REPO_ROOT           # check
#   UPDATE=1 tests/browser/run_browser.sh BIN REPO_ROOT  # also refresh docs/html-report.png
#
# Exit status 77 (ctest: skipped) when /usr/bin/chromium is not installed;
# scripts/install-deps.sh installs it, so CI runs this test.
set -uo pipefail
bin=$(realpath "$1")
cd "$2" || exit 2
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "SKIPPED: $chromium is not installed (apt-get install chromium, or scripts/install-deps.sh)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL $*"; failed=1; }
ok() { echo "ok   $*"; }

inputs=(corpus/ tests/data/inputs/hostile.txt)
"$bin" annotate "${inputs[@]}" -j 2 --format html -o "$tmp/report.html" || { echo "FAIL: evident annotate"; exit 1; }
"$bin" annotate "${inputs[@]}" -j 2 -o "$tmp/report.jsonl" || { echo "FAIL: evident annotate (jsonl)"; exit 1; }

browse() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --user-data-dir="$tmp/profile" "$@" "file://$tmp/report.html" 2>>"$tmp/chromium.log"
}
browse --dump-dom >"$tmp/dom.html" || { echo "FAIL: chromium --dump-dom"; tail -20 "$tmp/chromium.log"; exit 1; }
dom=$tmp/dom.html

# What the report should show, counted from the JSON Lines of the same run.
read -r docs markers claims < <(python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
print(len(recs), sum(len(s["annotations"]) for r in recs for s in r["sentences"]), sum(len(r["claims"]) for r in recs))
' "$tmp/report.jsonl")
count() { grep -o -- "$1" "$dom" | wc -l; }

[[ $(count 'class="toc-entry"') -eq $docs ]] && ok "table of contents: $docs documents" || fail "table of contents: $(count 'class="toc-entry"') entries, expected $docs"
[[ $(count '<article class="doc"') -eq $docs ]] && ok "articles: $docs" || fail "articles: $(count '<article class="doc"'), expected $docs"
n=$(count '<mark class="hl c-[a-z_]*" data-letter="[^"]*" id="[^"]*" tabindex="0" aria-describedby="[^"]*-tip">')
[[ $n -eq $markers ]] && ok "highlights: $markers, each focusable and described" || fail "highlights: $n focusable, expected $markers"
[[ $(count 'role="tooltip" id="[^"]*-tip"') -eq $markers ]] && ok "a tooltip per highlight" || fail "tooltips: $(count 'role="tooltip"'), expected $markers"
[[ $(count '<tr data-order=') -eq $claims ]] && ok "claims: $claims rows" || fail "claims: $(count '<tr data-order='), expected $claims"
grep -q 'id="legend-h"' "$dom" && ok "legend" || fail "no legend"

# The report's script ran (the CSP hash matches it) and nothing else did.
grep -q '<html lang="en" class="js">' "$dom" && ok "the report's own script ran" ||
  fail "the report's script did not run: does kScriptHash in lib/output/html_writer.cpp match kScript?"
grep -q '<title>evident report</title>' "$dom" && ! grep -q PWNED.*\</title\> "$dom" && ok "title untouched" ||
  fail "the title changed: an article's script ran"
[[ $(count '<script') -eq 1 ]] && ok "one script element" || fail "$(count '<script') script elements"
[[ $(count '<img') -eq 0 ]] && ok "no img element" || fail "an <img> from the article became an element"
for text in "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" '&lt;img src=x onerror="document.title=' \
  '&lt;/textarea&gt;&lt;/title&gt;&lt;/style&gt;&lt;!-- comment --&gt;' '&lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt;'; do
  grep -qF -- "$text" "$dom" && ok "shown as text: ${text:0:40}" || fail "not shown as text: $text"
done

browse --hide-scrollbars --window-size=1200,1600 --screenshot="$tmp/report.png" >/dev/null
if [[ -s $tmp/report.png && $(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
  ok "screenshot"
  if [[ -n ${UPDATE:-} ]]; then cp "$tmp/report.png" docs/html-report.png && echo "updated docs/html-report.png"; fi
else
  fail "no screenshot"; tail -20 "$tmp/chromium.log"
fi
exit $failed
