#!/usr/bin/python3
"""Count the distinct cue forms of a rule pack, per category.

Usage: scripts/count_cues.py [PACK_DIR] [--json] [--by-rule]

PACK_DIR defaults to rules/en. The script reads pack.yaml and the rule files
it lists (no `extends:`). A cue form is counted as follows:

- `terms:` rules: every term, lower-cased, is one form;
- `pattern:` rules: if the pattern, after removing word boundaries and
  wrapping groups, is a top-level alternation of plain words or phrases
  (letters, digits, spaces, hyphens, apostrophes, full stops), each
  alternative is one form; otherwise the whole pattern counts as 1.

Forms are counted once per category (the same word in two rules of one
category counts once); the total is the sum over categories.
"""
import json
import os
import re
import sys

import yaml

CATEGORIES = ["hedge", "booster", "attribution", "evidence_absent",
              "evidence_present", "denial", "source", "weasel"]
PLAIN = re.compile(r"^[\w' .\-]+$")


def _shape(s):
    """Yield (i, c, depth) for each character that shapes regex s: not
    escaped ("\\x"), not inside a [...] class and not its brackets; depth is
    the number of groups open before c."""
    depth, in_class, i = 0, False, 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            yield i, c, depth
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
        i += 1


def split_top(pattern):
    """Split a regex at its top-level `|` (outside groups and classes)."""
    parts, start = [], 0
    for i, c, depth in _shape(pattern):
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def unwrap(alt):
    """Strip \\b at both ends and one enclosing (?:...) or (?P<cue>...) group."""
    while True:
        before = alt
        alt = re.sub(r"^(?:\\b)+|(?:\\b)+$", "", alt)
        m = re.match(r"^\((?:\?:|\?P<\w+>)?(.*)\)$", alt, re.S)
        if m and len(split_top_groups(alt)) == 1:
            alt = m.group(1)
        if alt == before:
            return alt


def split_top_groups(s):
    """Return the top-level group spans of s; used to check that s is one group."""
    spans, start = [], None
    for i, c, depth in _shape(s):
        if c == "(":
            if depth == 0:
                start = i
        elif c == ")":
            if depth == 1:
                spans.append((start, i))
        elif depth == 0:
            return [None, None]  # text outside a group
    return spans


def pattern_forms(rule_id, pattern):
    alts = split_top(unwrap(pattern))
    if len(alts) > 1:
        alts = [unwrap(a) for a in alts]
        if all(PLAIN.match(a) for a in alts):
            return {a.lower().strip() for a in alts}
    elif PLAIN.match(alts[0]):
        return {alts[0].lower().strip()}
    return {"<pattern %s>" % rule_id}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    pack = args[0] if args else "rules/en"
    with open(os.path.join(pack, "pack.yaml"), encoding="utf-8") as f:
        meta = yaml.safe_load(f)
    forms = {c: set() for c in CATEGORIES}
    rules_per_cat = {c: 0 for c in CATEGORIES}
    by_rule = []
    for name in meta.get("files", []):
        with open(os.path.join(pack, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        default = doc.get("category")
        for r in doc.get("rules", []):
            cat = r.get("category", default)
            if "terms" in r:
                fs = {str(t).lower() for t in r["terms"]}
            else:
                fs = pattern_forms(r["id"], r["pattern"])
            forms[cat] |= fs
            rules_per_cat[cat] += 1
            by_rule.append((r["id"], len(fs)))
    total = sum(len(v) for v in forms.values())
    if "--json" in argv:
        print(json.dumps({"categories": {c: {"rules": rules_per_cat[c], "forms": len(forms[c])} for c in CATEGORIES},
                          "rules": sum(rules_per_cat.values()), "total": total}, indent=1))
        return 0
    if "--by-rule" in argv:
        for rid, n in by_rule:
            print("%-44s %4d" % (rid, n))
        print()
    print("%-18s %6s %6s" % ("category", "rules", "forms"))
    for c in CATEGORIES:
        print("%-18s %6d %6d" % (c, rules_per_cat[c], len(forms[c])))
    print("%-18s %6d %6d" % ("total", sum(rules_per_cat.values()), total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
