#!/usr/bin/python3
"""How far a model learned from PolNeAR train gets on cues (docs/evaluation.md).

    build/bin/evident annotate /path/to/PolNeAR/data/train/text -o train.jsonl
    /usr/bin/python3 scripts/learned-ceiling.py /path/to/PolNeAR/data/train train.jsonl [FOLDS]
    /usr/bin/python3 scripts/learned-ceiling.py /path/to/PolNeAR/data/train train.jsonl \\
        --test /path/to/PolNeAR/data/dev dev.jsonl

Tags every token as inside a gold Cue or not with an averaged perceptron
(left to right, the two previous decisions as features). Its features are
the words around the token (three either side, lower-cased, suffixes,
shapes, bigrams), whether the token lies in a quotation, and everything
evident says there: the category and type of the rule annotation on the
token and its neighbours, and whether the token lies in the cue of one of
evident's claims. So the model starts from the rule pack and learns from the
gold which of its cues to drop and which other words to add; it has what a
rule could see of the words, and no parser.

Without --test, it is trained and scored in FOLDS (default 5) folds of the
train texts (texts shuffled with a fixed seed), and prints each fold's and
the pooled overlap P / R / F1 of `evident eval` for cues: a gold cue counts
when a predicted span overlaps it, and a predicted one when it overlaps a
gold cue. It also prints evident's own cues scored the same way on the same
texts. With --test, it is trained on all of train and scored once on the
given texts. Thresholds below 0 trade precision for recall; the one with
the best pooled F1 in the folds is the one to take to --test. Reads the
first annotator's .ann of each text, as `evident eval` does. The JSONL must
be in code points, the default. Pure Python; a fold takes about a minute.
"""
import collections
import os
import random
import re
import sys

from brat_spans import codepoint_records, first_annotations, read_spans

TOKEN = re.compile(r"\w+(?:[’']\w+)*|[^\w\s]")
EPOCHS = 5
THRESHOLDS = (0.0, -1.0, -2.0, -4.0, -6.0)


def load(base, jsonl):
    """[(gold cue spans, tokens)] for the texts of `jsonl` that have gold."""
    first = first_annotations(base)
    docs = []
    for record in codepoint_records(jsonl, "learned-ceiling.py"):
        if record["id"] not in first:
            continue
        with open(os.path.join(base, "text", record["id"] + ".txt"), encoding="utf-8") as t:
            text = t.read()
        gold = read_spans(first[record["id"]], {"Cue"}, fragments=False)["Cue"]
        in_gold = bytearray(len(text) + 1)
        for a, b in gold:
            in_gold[a:b] = b"\1" * (b - a)
        in_cue = bytearray(len(text) + 1)
        for claim in record["claims"]:
            cue = claim.get("cue")
            if cue:
                in_cue[cue["start"]:cue["end"]] = b"\1" * (cue["end"] - cue["start"])
        tag = {}
        for sentence in record["sentences"]:
            for an in sentence["annotations"]:
                label = an["category"] + ":" + an.get("type", "")
                for x in range(an["start"], an["end"]):
                    tag.setdefault(x, label)
        starts = {s["start"] for s in record["sentences"]}
        tokens, quoted = [], 0
        for m in TOKEN.finditer(text):
            a, b = m.span()
            word = m.group()
            line_start = "\n" in text[max(0, a - 2):a]
            if line_start:
                quoted = 0
            if word in "\"“”":
                quoted ^= 1
            tokens.append({
                "start": a, "end": b, "word": word, "lower": word.lower(),
                "gold": int(any(in_gold[a:b])), "cue": int(any(in_cue[a:b])),
                "tag": tag.get(a, "-"), "quoted": quoted,
                "first": int(a in starts or line_start)})
        docs.append((gold, tokens))
    return docs


def shape(word):
    if word[0].isupper():
        return "UP" if word.isupper() and len(word) > 1 else "Cap"
    if word[0].isdigit():
        return "9"
    return "a" if word.isalpha() else word


def stem(word):
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[:-len(suffix)]
    return word


def features(tokens, i, p1, p2):
    def at(j, key, none="<s>"):
        return tokens[j][key] if 0 <= j < len(tokens) else none
    t = tokens[i]
    w = t["lower"]
    f = ["bias", "w=" + w, "stem=" + stem(w), "suf3=" + w[-3:], "shape=" + shape(t["word"]),
         "tag=" + t["tag"], "cue=%d" % t["cue"], "quoted=%d" % t["quoted"], "first=%d" % t["first"],
         "p1=%d" % p1, "p1p2=%d%d" % (p1, p2), "p1w=%d|%s" % (p1, w),
         "cuew=%d|%s" % (t["cue"], w), "tagw=%s|%s" % (t["tag"], w), "quotedw=%d|%s" % (t["quoted"], w),
         "w-1|w=%s|%s" % (at(i - 1, "lower"), w), "w|w+1=%s|%s" % (w, at(i + 1, "lower"))]
    for d in (-3, -2, -1, 1, 2, 3):
        f.append("w%+d=%s" % (d, at(i + d, "lower")))
    for d in (-2, -1, 1, 2):
        f.append("tag%+d=%s" % (d, at(i + d, "tag", "-")))
        f.append("cue%+d=%d" % (d, at(i + d, "cue", 0)))
    f.append("shape-1=" + (shape(tokens[i - 1]["word"]) if i else "<s>"))
    f.append("shape+1=" + (shape(tokens[i + 1]["word"]) if i + 1 < len(tokens) else "<s>"))
    return f


class Perceptron:
    def __init__(self):
        self.weights = collections.defaultdict(float)
        self.totals = collections.defaultdict(float)
        self.step = 1

    def score(self, feats):
        w = self.weights
        return sum(w.get(x, 0.0) for x in feats)

    def update(self, feats, delta):
        for x in feats:
            self.weights[x] += delta
            self.totals[x] += self.step * delta

    def average(self):
        for x in self.weights:
            self.weights[x] -= self.totals[x] / self.step


def train(docs):
    model = Perceptron()
    docs = list(docs)
    for epoch in range(EPOCHS):
        random.Random(epoch).shuffle(docs)
        for _, tokens in docs:
            p1 = p2 = 0
            for i, t in enumerate(tokens):
                feats = features(tokens, i, p1, p2)
                guess = 1 if model.score(feats) > 0 else 0
                if guess != t["gold"]:
                    model.update(feats, 1.0 if t["gold"] else -1.0)
                model.step += 1
                p2, p1 = p1, t["gold"]
    model.average()
    return model


def tag(model, tokens, threshold):
    out, p1, p2 = [], 0, 0
    for i in range(len(tokens)):
        y = 1 if model.score(features(tokens, i, p1, p2)) > threshold else 0
        out.append(y)
        p2, p1 = p1, y
    return out


class Counts:
    def __init__(self):
        self.gold = self.pred = self.gold_hit = self.pred_hit = 0

    def add(self, gold, pred):
        overlaps = lambda x, y: x[0] < y[1] and y[0] < x[1]
        self.gold += len(gold)
        self.pred += len(pred)
        self.gold_hit += sum(any(overlaps(g, p) for p in pred) for g in gold)
        self.pred_hit += sum(any(overlaps(p, g) for g in gold) for p in pred)

    def merge(self, other):
        self.gold += other.gold
        self.pred += other.pred
        self.gold_hit += other.gold_hit
        self.pred_hit += other.pred_hit

    def __str__(self):
        p = self.pred_hit / max(self.pred, 1)
        r = self.gold_hit / max(self.gold, 1)
        return "P %.3f  R %.3f  F1 %.3f" % (p, r, 2 * p * r / (p + r) if p + r else 0.0)


def contiguous(tokens, labels):
    """Spans of runs of labelled tokens, adjacent tokens joined."""
    out, last = [], None
    for t, y in zip(tokens, labels):
        if y and last is not None and out and t["start"] - out[-1][1] <= 1:
            out[-1][1] = t["end"]
        elif y:
            out.append([t["start"], t["end"]])
        last = t if y else None
    return [tuple(s) for s in out]


def evaluate(model, docs, rules, by_threshold):
    """Adds evident's cues of `docs` to `rules` and the model's, at each
    threshold, to `by_threshold`."""
    for gold, tokens in docs:
        rules.add(gold, contiguous(tokens, [t["cue"] for t in tokens]))
        for threshold in THRESHOLDS:
            by_threshold[threshold].add(gold, contiguous(tokens, tag(model, tokens, threshold)))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    docs = load(args[0], args[1])
    rules, by_threshold = Counts(), {th: Counts() for th in THRESHOLDS}
    if len(args) >= 5 and args[2] == "--test":
        test = load(args[3], args[4])
        print("trained on %d texts, scored on %d" % (len(docs), len(test)))
        evaluate(train(docs), test, rules, by_threshold)
    else:
        folds = int(args[2]) if len(args) > 2 else 5
        random.Random(7).shuffle(docs)
        print("%d texts in %d folds" % (len(docs), folds))
        for k in range(folds):
            held = docs[k::folds]
            rest = [d for j, d in enumerate(docs) if j % folds != k]
            fold_rules, fold = Counts(), {th: Counts() for th in THRESHOLDS}
            evaluate(train(rest), held, fold_rules, fold)
            print("fold %d: evident %s; perceptron at 0: %s" % (k + 1, fold_rules, fold[0.0]), flush=True)
            rules.merge(fold_rules)
            for th in THRESHOLDS:
                by_threshold[th].merge(fold[th])
    print("evident's cues:          %s" % rules)
    for th in THRESHOLDS:
        print("perceptron, threshold %4.1f: %s" % (th, by_threshold[th]))


if __name__ == "__main__":
    main()
