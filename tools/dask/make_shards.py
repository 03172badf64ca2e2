#!/usr/bin/python3
"""Make JSON Lines shards of test documents from the paragraphs of corpus/*.txt.

Used by tests/dask/ and by the throughput measurement in docs/scaling.md:

    /usr/bin/python3 tools/dask/make_shards.py --corpus corpus --out /tmp/shards \\
        --shards 40 --mb 80

Each document is one to --max-paragraphs paragraphs of the corpus (one per
line, as evident expects), picked with a fixed seed, so the same arguments
always give the same bytes. --bad-every K makes every K-th line of each shard a
bad one (blank, broken JSON, a missing id, not an object, a NUL byte), cycling
through the kinds, so tests can check that bad lines keep their place.
"""

import argparse
import json
import os
import random
import sys

BAD_LINES = [
    "",                                   # blank
    '{"id": "broken", "text": "no end',   # bad JSON
    '{"text": "an id is missing"}',      # missing id
    "[1, 2, 3]",                          # not an object
    '{"id": "nul", "text": "a\\u0000b"}', # NUL byte in text
    "   \t ",                             # white space only
]


def corpus_paragraphs(corpus_dir):
    paragraphs = []
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            paragraphs.extend(line.strip() for line in f if line.strip())
    if not paragraphs:
        raise SystemExit(f"make_shards: no paragraphs in {corpus_dir}/*.txt")
    return paragraphs


def make_shards(corpus_dir, out_dir, shards, total_bytes=0, docs_per_shard=0,
                max_paragraphs=3, bad_every=0, seed=8, prefix="shard"):
    """Writes `shards` files out_dir/PREFIX-NNNNN.jsonl. Each gets
    docs_per_shard lines, or (if that is 0) about total_bytes/shards bytes.
    Returns the list of paths."""
    if shards < 1 or (docs_per_shard <= 0 and total_bytes <= 0):
        raise ValueError("need shards >= 1 and docs_per_shard or total_bytes")
    paragraphs = corpus_paragraphs(corpus_dir)
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    per_shard_bytes = total_bytes // shards if total_bytes else 0
    for s in range(shards):
        path = os.path.join(out_dir, f"{prefix}-{s:05d}.jsonl")
        written = 0
        n = 0
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            while (n < docs_per_shard) if docs_per_shard else (written < per_shard_bytes):
                n += 1
                if bad_every and n % bad_every == 0:
                    line = BAD_LINES[(n // bad_every - 1) % len(BAD_LINES)]
                else:
                    k = rng.randint(1, max_paragraphs)
                    text = "\n".join(rng.choice(paragraphs) for _ in range(k))
                    line = json.dumps({"id": f"{prefix}{s:05d}-{n:07d}", "text": text},
                                      ensure_ascii=False)
                f.write(line + "\n")
                written += len(line.encode("utf-8")) + 1
        paths.append(path)
    return paths


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=os.path.join(here, "..", "..", "corpus"),
                   help="folder of *.txt articles (default: the repository's corpus/)")
    p.add_argument("--out", required=True, help="folder to write the shards to")
    p.add_argument("--shards", type=int, default=16)
    p.add_argument("--mb", type=float, default=0, help="total size in MB (10^6 bytes)")
    p.add_argument("--docs-per-shard", type=int, default=0)
    p.add_argument("--max-paragraphs", type=int, default=3)
    p.add_argument("--bad-every", type=int, default=0)
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--prefix", default="shard")
    a = p.parse_args(argv)
    if not a.mb and not a.docs_per_shard:
        p.error("give --mb or --docs-per-shard")
    paths = make_shards(a.corpus, a.out, a.shards, int(a.mb * 1e6), a.docs_per_shard,
                        a.max_paragraphs, a.bad_every, a.seed, a.prefix)
    total = sum(os.path.getsize(x) for x in paths)
    print(f"wrote {len(paths)} shards, {total} bytes, to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
