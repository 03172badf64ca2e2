"""Text-bound spans of a brat .ann file, for the PolNeAR scripts.

    from brat_spans import read_spans
    read_spans(path, {"Cue"})                     # {"Cue": [(start, end), ...]}
    read_spans(path, {"Cue"}, fragments=False)    # a discontinuous span as first start..last end

Offsets are code points, as brat writes them. Lines other than T lines,
and T lines of other kinds, are skipped.
"""


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
