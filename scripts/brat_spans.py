"""Text-bound spans of a brat .ann file, for the PolNeAR scripts.

    from brat_spans import read_spans, first_annotations, codepoint_records
    read_spans(path, {"Cue"})                     # {"Cue": [(start, end), ...]}
    read_spans(path, {"Cue"}, fragments=False)    # a discontinuous span as first start..last end
    first_annotations(base)                       # {text name: its first .ann}
    codepoint_records(jsonl, "script.py")         # evident's JSON Lines records

Offsets are code points, as brat writes them. Lines other than T lines,
and T lines of other kinds, are skipped.
"""
import json
import os
import sys


def first_annotations(base):
    """{text name: path} of each text's first .ann in sorted order under
    base/attributions, the one `evident eval` reads ("x_4b22.ann" annotates
    base/text/x.txt)."""
    first = {}
    directory = os.path.join(base, "attributions")
    for name in sorted(os.listdir(directory)):
        if name.endswith(".ann"):
            first.setdefault(name.rsplit("_", 1)[0], os.path.join(directory, name))
    return first


def codepoint_records(jsonl, script):
    """The records of evident's JSON Lines output, in order. Exits, naming
    `script`, when a record's offsets are not code points."""
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("offset_unit", "codepoint") != "codepoint":
                sys.exit("%s: %s: offsets must be code points" % (script, jsonl))
            yield record


def read_spans(path, kinds, fragments=True):
    """{kind: [(start, end), ...]} in file order: every fragment of a
    discontinuous span, or with fragments=False one span from its first
    start to its last end."""
    out = {k: [] for k in kinds}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[0].startswith("T"):
                continue
            kind, _, spans = parts[1].partition(" ")
            if kind not in out:
                continue
            segs = [tuple(map(int, s.split())) for s in spans.split(";")]
            out[kind].extend(segs if fragments else [(segs[0][0], segs[-1][1])])
    return out
