#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install the dependencies, build,
# and annotate the bundled corpus into out/corpus.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
mkdir -p out
build/bin/evident annotate corpus/ -o out/corpus.jsonl
echo "annotated $(wc -l <out/corpus.jsonl) documents of corpus/ into out/corpus.jsonl"
grep -o '"category":"[a-z_]*"' out/corpus.jsonl | sort | uniq -c
