#!/usr/bin/python3
"""How far a word list alone can go on PolNeAR cues (docs/evaluation.md).

    /usr/bin/python3 scripts/lexical-ceiling.py /path/to/PolNeAR/data/train

For every word (and ':'), counts how often it lies inside a gold Cue, then
tags as cues all occurrences of the words inside a cue at least THRESHOLD of
the time (words seen 3 times or more), joining adjacent ones, and scores
those spans against the same gold with the overlap match of `evident eval`.
The word list is fitted on the data it is scored on, so the F1 is an upper
bound for any tagger that looks at one word at a time. Reads the first
annotator's .ann of each text, as `evident eval` does.
"""
import collections
import os
import re
import sys

from brat_spans import first_annotations, read_spans


def load(base):
    docs = {}
    for name, ann in first_annotations(base).items():
        cues = read_spans(ann, {"Cue"})["Cue"]
        with open(os.path.join(base, "text", name + ".txt"), encoding="utf-8") as f:
            docs[name] = (f.read(), cues)
    return docs


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    docs = load(sys.argv[1])
    token = re.compile(r"\w+|:")
    seen, inside = collections.Counter(), collections.Counter()
    data = []
    for text, cues in docs.values():
        covered = bytearray(len(text) + 1)
        for a, b in cues:
            covered[a:b] = b"\x01" * (b - a)
        toks = [(m.start(), m.end(), m.group().lower()) for m in token.finditer(text)]
        data.append((toks, cues))
        for a, _, w in toks:
            seen[w] += 1
            inside[w] += covered[a]
    print(f"{len(docs)} texts, {sum(len(c) for _, c in data)} gold cue spans")
    print("threshold  words  P      R      F1")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        words = {w for w in seen if seen[w] >= 3 and inside[w] / seen[w] >= threshold}
        hit_pred = n_pred = hit_gold = n_gold = 0
        for toks, cues in data:
            spans = []
            for a, b, w in toks:
                if w in words:
                    if spans and a - spans[-1][1] <= 1:
                        spans[-1][1] = b
                    else:
                        spans.append([a, b])
            n_pred += len(spans)
            n_gold += len(cues)
            hit_pred += sum(any(a < d and c < b for c, d in cues) for a, b in spans)
            hit_gold += sum(any(a < d and c < b for a, b in spans) for c, d in cues)
        p, r = hit_pred / max(n_pred, 1), hit_gold / max(n_gold, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{threshold:9.1f}  {len(words):5d}  {p:.3f}  {r:.3f}  {f:.3f}")


if __name__ == "__main__":
    main()
