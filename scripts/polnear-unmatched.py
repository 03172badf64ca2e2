#!/usr/bin/python3
"""A random sample of evident's cues that no PolNeAR gold Cue overlaps, to
read (docs/evaluation.md, "Reading the numbers").

    build/bin/evident annotate /path/to/PolNeAR/data/train/text > train.jsonl
    /usr/bin/python3 scripts/polnear-unmatched.py /path/to/PolNeAR/data/train train.jsonl [N] [SEED]

Prints N (default 40) such cues, shuffled with SEED (default 11): the cue,
its source, whether it is quoted, and the text around it. Whether each is
an attribution the gold file leaves out or a mistake of evident's is for
the reader to say; the script only finds them. Continuations (which repeat
their speaker's cue) are left out. Reads the first annotator's .ann of each
text, as `evident eval` does. The JSONL must be in code points, the default.
"""
import os
import random
import sys

from brat_spans import codepoint_records, first_annotations, read_spans


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, jsonl = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 11
    first_ann = first_annotations(base)
    found = []
    total = 0
    for record in codepoint_records(jsonl, "polnear-unmatched.py"):
        if record["id"] not in first_ann:
            continue
        with open(os.path.join(base, "text", record["id"] + ".txt"), encoding="utf-8") as t:
            text = t.read()
        gold = bytearray(len(text) + 1)
        for a, b in read_spans(first_ann[record["id"]], {"Cue"})["Cue"]:
            gold[a:b] = b"\1" * (b - a)
        for claim in record["claims"]:
            cue = claim.get("cue")
            if not cue or "continues" in claim:
                continue
            total += 1
            a, b = cue["start"], cue["end"]
            if any(gold[a:b]):
                continue
            source = claim.get("source", {})
            who = text[source["start"]:source["end"]] if "start" in source else "-"
            around = text[max(0, a - 110):b + 70].replace("\n", " | ")
            found.append("[%s] source=%r quoted=%s\n    %s" % (text[a:b], who, "quoted" in claim.get("flags", []), around))
    random.Random(seed).shuffle(found)
    print("%d of %d cues overlap no gold Cue; %d of them:\n" % (len(found), total, min(n, len(found))))
    for k, item in enumerate(found[:n], 1):
        print("%d %s\n" % (k, item))


if __name__ == "__main__":
    main()
