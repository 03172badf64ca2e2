"""The streaming contract of docs/scaling.md, on the real binary:

`evident annotate --input-format jsonl -` reads JSON Lines on standard input
and writes one evident/1 record per input line on standard output, in order;
a bad line (blank, broken JSON, no id, not an object, a NUL byte) yields a
record with an error naming that line, never a lost or shifted line; output
is flushed as it goes; memory stays bounded whatever the input size.
"""

import json
import re
import subprocess
import sys
import threading

import pytest

from conftest import run_evident

BAD = {  # line text -> (the error message evident gives, the record's id)
    "": ("blank line", None),
    "   \t ": ("blank line", None),
    "\r": ("blank line", None),
    '{"id": "broken", "text": "no end': ("bad JSON", None),
    '{"text": "an id is missing"}': ('missing "id"', None),
    '{"id": "x"}': ('missing or non-string "text"', "x"),  # the id is known
    "[1, 2, 3]": ("expected a JSON object", None),
    '"just a string"': ("expected a JSON object", None),
    '{"id": "nul", "text": "a\\u0000b"}': ("NUL byte in text", "nul"),
    '{"id": {"no": 1}, "text": "x"}': ('"id" must be a string or an integer', None),
}


def make_stream(paragraphs, n_good):
    """Input lines with every kind of bad line at the start, in the middle,
    at batch boundaries (64 documents per thread) and at the end. Returns
    (lines, expected) where expected[i] is the id of a good line i+1 or
    ("bad", message) for a bad one."""
    bad = list(BAD)
    lines, expected = [], []
    k = 0
    for i in range(n_good):
        if i in (0, 63, 64, 127, 128, 200) or i % 37 == 5:
            b = bad[k % len(bad)]
            k += 1
            lines.append(b)
            expected.append(("bad",) + BAD[b])
        doc_id = f"doc-{i}" if i % 3 else i  # integer ids become strings
        text = paragraphs[i % len(paragraphs)]
        crlf = "\r" if i % 11 == 0 else ""   # CRLF line ends are fine
        lines.append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=i % 2 == 0) + crlf)
        expected.append(str(doc_id))
    lines += [bad[0], bad[3]]
    expected += [("bad",) + BAD[bad[0]], ("bad",) + BAD[bad[3]]]
    return lines, expected


def check_records(out, expected, lines):
    records = out.decode("utf-8").split("\n")
    assert records[-1] == "", "output does not end with a newline"
    records = records[:-1]
    assert len(records) == len(expected), \
        f"{len(records)} records for {len(expected)} input lines: lines were lost or added"
    for i, (line, exp, rec) in enumerate(zip(lines, expected, records), start=1):
        r = json.loads(rec)
        assert r["schema"] == "evident/1"
        if isinstance(exp, tuple):
            # Without a usable id, the record is named after its place.
            assert r["id"] == (exp[2] or f"stdin:{i}"), f"line {i} ({line!r}): record {r['id']!r}"
            assert r["sentences"] == []
            assert r["errors"], f"line {i} ({line!r}) has no error"
            e = r["errors"][0]
            assert e["file"] == "-" and e["line"] == i, f"line {i}: error names {e}"
            assert exp[1] in e["message"], f"line {i} ({line!r}): {e['message']}"
        else:
            assert r["id"] == exp, f"line {i}: record {r['id']!r}, input id {exp!r}: shifted"
            assert r["errors"] == [], f"line {i}: {r['errors']}"
            # The record is about this line's text.
            text = json.loads(line)["text"]
            assert [s["text"] for s in r["sentences"]], f"line {i}: no sentences"
            for s in r["sentences"]:
                assert s["text"] in text, f"line {i}: sentence not from this line's text"


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_record_per_line_in_order(evident_bin, pack, paragraphs, jobs):
    lines, expected = make_stream(paragraphs, 400)
    data = ("\n".join(lines)).encode("utf-8")  # the last line has no newline
    p = run_evident(evident_bin, pack, ["--input-format", "jsonl", "-j", str(jobs), "-"],
                    input=data)
    assert p.returncode == 1, p.stderr.decode()  # some lines are bad
    check_records(p.stdout, expected, lines)
    # One error line on stderr per bad input line, naming it.
    bad_lines = [i for i, e in enumerate(expected, start=1) if isinstance(e, tuple)]
    err = p.stderr.decode("utf-8", "replace").splitlines()
    assert [int(re.match(r"evident: -:(\d+): ", x).group(1)) for x in err] == bad_lines


def test_output_independent_of_jobs_and_all_good_exits_0(evident_bin, pack, paragraphs):
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(paragraphs * 3)]
    data = ("\n".join(lines) + "\n").encode()
    outs = []
    for jobs in (1, 2, 3):
        p = run_evident(evident_bin, pack, ["--input-format", "jsonl", "-j", str(jobs), "-"],
                        input=data)
        assert p.returncode == 0, p.stderr.decode()
        outs.append(p.stdout)
    assert outs[0] == outs[1] == outs[2]
    assert outs[0].count(b"\n") == len(lines)


def test_empty_input_gives_no_record(evident_bin, pack):
    p = run_evident(evident_bin, pack, ["--input-format", "jsonl", "-"], input=b"")
    assert (p.returncode, p.stdout) == (0, b"")
    p = run_evident(evident_bin, pack, ["--input-format", "jsonl", "-"], input=b"\n")
    assert p.returncode == 1 and p.stdout.count(b"\n") == 1  # one blank line, one record


def test_flushes_before_end_of_input(evident_bin, pack, paragraphs):
    """Records come out while input is still open (as Hadoop Streaming and
    Spark's pipe() read them), not only at the end."""
    proc = subprocess.Popen([evident_bin, "annotate", "--rules", pack, "--input-format", "jsonl",
                             "-j", "2", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    n = 1000
    written = threading.Event()

    def feed():  # in a thread: evident stops reading while its output is not read
        try:
            for i in range(n):
                proc.stdin.write(json.dumps({"id": f"f{i}", "text": paragraphs[i % len(paragraphs)]})
                                 .encode() + b"\n")
            proc.stdin.flush()
            written.set()
        except OSError:
            pass

    try:
        threading.Thread(target=feed, daemon=True).start()
        first = []
        t = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
        t.start()
        t.join(30)
        assert first and first[0], "no record within 30 s of writing 1000 lines (stdin still open)"
        assert json.loads(first[0])["id"] == "f0"
        rest = b""
        while not written.wait(0.1):  # keep reading so the writer can finish
            rest += proc.stdout.read1(1 << 16)
        proc.stdin.close()
        rest += proc.stdout.read()
        assert proc.wait(60) == 0
        assert 1 + rest.count(b"\n") == n
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_one_line_then_wait_gets_its_record(evident_bin, pack, paragraphs):
    """A client that writes one line and waits for its record before writing
    the next gets each record: a batch takes what has arrived instead of
    waiting to fill."""
    proc = subprocess.Popen([evident_bin, "annotate", "--rules", pack, "--input-format", "jsonl",
                             "-j", "2", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        for i in range(5):
            proc.stdin.write(json.dumps({"id": f"w{i}", "text": paragraphs[i % len(paragraphs)]})
                             .encode() + b"\n")
            proc.stdin.flush()
            got = []
            t = threading.Thread(target=lambda: got.append(proc.stdout.readline()), daemon=True)
            t.start()
            t.join(30)
            assert got and got[0], f"no record within 30 s for line {i} (stdin still open)"
            assert json.loads(got[0])["id"] == f"w{i}"
        proc.stdin.close()
        assert proc.stdout.read() == b""
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_memory_is_bounded(evident_bin, pack, paragraphs):
    """40 MB through standard input: the process never holds it all."""
    line = "\n".join(json.dumps({"id": f"m{i}", "text": " ".join(paragraphs[i:i + 3])})
                     for i in range(len(paragraphs) - 3)).encode() + b"\n"
    reps = 40_000_000 // len(line) + 1
    # A child of its own, so its peak RSS is not mixed with earlier children.
    code = (
        "import os, resource, subprocess, sys, threading\n"
        "line = sys.stdin.buffer.read(); reps = int(sys.argv[1])\n"
        "p = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
        "def feed():\n"
        "    for _ in range(reps): p.stdin.write(line)\n"
        "    p.stdin.close()\n"
        "threading.Thread(target=feed).start()\n"
        "n = 0\n"
        "for chunk in iter(lambda: p.stdout.read(1 << 20), b''): n += chunk.count(b'\\n')\n"
        "p.wait()\n"
        "print(n, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n")
    r = subprocess.run([sys.executable, "-c", code, str(reps), evident_bin, "annotate",
                        "--rules", pack, "--input-format", "jsonl", "-j", "2", "-"],
                       input=line, capture_output=True, timeout=180)
    assert r.returncode == 0, r.stderr.decode()
    records, maxrss_kb, status = map(int, r.stdout.split())
    assert status == 0
    assert records == reps * line.count(b"\n")
    input_mb = reps * len(line) / 1e6
    # Whole-input buffering would need more than the input itself.
    assert maxrss_kb < 40_000, f"evident peaked at {maxrss_kb} KB for {input_mb:.0f} MB of input"
