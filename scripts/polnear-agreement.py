#!/usr/bin/python3
"""How well PolNeAR's own annotators agree, beside evident (docs/evaluation.md).

    /usr/bin/python3 scripts/polnear-agreement.py /path/to/PolNeAR/data/train [EVIDENT]

Some PolNeAR texts were annotated by several people (`<stem>_<annotator>.ann`).
On those texts, every annotator is scored against every other one, for Cue,
Source and Content spans, with the overlap match of `evident eval` (a span
counts when it shares a character with a span of the other side; a
discontinuous span runs from its first start to its last end). Summed over
all ordered pairs, precision equals recall, and the F1 is the agreement a
second trained person reaches: a ceiling for any tagger.

With EVIDENT (the binary, e.g. build/bin/evident), the same texts are
annotated and evident is scored against each annotator in turn, summed the
same way, as `evident eval` counts them: the cues, sources and contents of
its claims with a cue, once with all claims and once without those flagged
`quoted` (`eval --skip-quoted`).
"""
import collections
import itertools
import json
import os
import subprocess
import sys
import tempfile

from brat_spans import read_spans

KINDS = ("Cue", "Source", "Content")


def read_ann(path):
    """{kind: sorted distinct (start, end)} of one brat file, code points."""
    return {k: sorted(set(v)) for k, v in read_spans(path, KINDS, fragments=False).items()}


def overlap_counts(pred, gold):
    """(predicted spans matched, predicted, gold spans matched, gold)."""
    hit = lambda s, others: any(s[0] < o[1] and o[0] < s[1] for o in others)
    return (sum(hit(p, gold) for p in pred), len(pred), sum(hit(g, pred) for g in gold), len(gold))


def f1_line(name, counts):
    pm, pn, gm, gn = counts
    p = pm / pn if pn else 0.0
    r = gm / gn if gn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<46} {p:6.3f} {r:6.3f} {f:6.3f}"


def evident_spans(binary, base, stems):
    """{stem: ({kind: spans}, {kind: spans without quoted claims})}."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for stem in stems:
            inputs.append(os.path.join(base, "text", stem + ".txt"))
        out = os.path.join(tmp, "out.jsonl")
        subprocess.run([binary, "annotate", "-o", out, *inputs], check=True)
        result = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                every = {k: set() for k in KINDS}
                kept = {k: set() for k in KINDS}
                for c in rec["claims"]:
                    if "cue" not in c:
                        continue
                    for kind, part in (("Cue", c["cue"]), ("Source", c["source"]), ("Content", c["content"])):
                        if "start" not in part:
                            continue
                        every[kind].add((part["start"], part["end"]))
                        if "quoted" not in c["flags"]:
                            kept[kind].add((part["start"], part["end"]))
                result[rec["id"]] = ({k: sorted(v) for k, v in every.items()},
                                     {k: sorted(v) for k, v in kept.items()})
        return result


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    base = sys.argv[1]
    by_stem = collections.defaultdict(list)
    for name in sorted(os.listdir(os.path.join(base, "attributions"))):
        if name.endswith(".ann"):
            by_stem[name[:-4].rsplit("_", 1)[0]].append(name)
    shared = {stem: names for stem, names in by_stem.items() if len(names) > 1}
    if not shared:
        sys.exit(f"{base}: no text has more than one annotator")
    gold = {stem: [read_ann(os.path.join(base, "attributions", n)) for n in names] for stem, names in shared.items()}
    pairs = sum(len(a) * (len(a) - 1) for a in gold.values())
    print(f"{len(shared)} texts with several annotators ({sum(len(a) for a in gold.values())} annotations, "
          f"{pairs} ordered pairs); overlap match")
    print(f"{'':<46} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in KINDS:
        total = [0, 0, 0, 0]
        for anns in gold.values():
            for a, b in itertools.permutations(anns, 2):
                total = [x + y for x, y in zip(total, overlap_counts(b[kind], a[kind]))]
        print(f1_line(f"{kind}: annotator vs annotator", total))
    if len(sys.argv) == 3:
        spans = evident_spans(sys.argv[2], base, sorted(shared))
        for kind in KINDS:
            for variant, label in ((0, "all claims"), (1, "--skip-quoted")):
                total = [0, 0, 0, 0]
                for stem, anns in gold.items():
                    for a in anns:
                        total = [x + y for x, y in zip(total, overlap_counts(spans[stem][variant][kind], a[kind]))]
                print(f1_line(f"{kind}: evident vs annotator, {label}", total))


if __name__ == "__main__":
    main()
