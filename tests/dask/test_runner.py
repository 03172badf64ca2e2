"""tools/dask/evident_dask.py on real Dask clusters of worker processes:

- the union of the output shards equals one single-process `evident annotate`
  of the same inputs, document for document, bad lines included;
- a worker process killed in the middle of the run costs nothing: the run
  completes with every document exactly once;
- a rerun redoes only the shards whose output is missing or damaged, and a
  failed shard never appears under its final name.
"""

import json
import os
import shutil
import signal
import stat
import threading
import time

import pytest

from conftest import REPO, make_shards, run_evident, run_runner, start_cluster

import evident_dask  # noqa: E402  (conftest puts tools/dask on sys.path)


def outputs_in_order(out_dir):
    """The manifest and the concatenated output shards, in plan order."""
    with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    data = b""
    for e in manifest["shards"]:
        with open(os.path.join(out_dir, e["output"]), "rb") as f:
            data += f.read()
    return manifest, data


def reference(evident_bin, pack, inputs):
    """One single-process run over the same files, in the runner's order."""
    p = run_evident(evident_bin, pack, ["-j", "2"] + inputs)
    assert p.returncode in (0, 1), p.stderr.decode()
    return p.stdout


def assert_same_documents(union, ref):
    u, r = union.split(b"\n"), ref.split(b"\n")
    assert len(u) == len(r), f"{len(u) - 1} records from the runner, {len(r) - 1} from one process"
    for i, (a, b) in enumerate(zip(u, r)):
        assert a == b, f"record {i + 1} differs:\n runner: {a[:300]!r}\n single: {b[:300]!r}"


def check_manifest(out_dir, manifest):
    assert manifest["complete"] is True
    assert manifest["shards_done"] == manifest["shards_planned"] == len(manifest["shards"])
    assert len({e["output"] for e in manifest["shards"]}) == len(manifest["shards"])
    for e in manifest["shards"]:
        assert evident_dask.verify_output(out_dir, e) is None, e["output"]
    names = [n for _, _, ns in os.walk(out_dir) for n in ns]
    assert not [n for n in names if ".tmp-" in n], f"temporary files left: {names}"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, paragraphs):
    """Many small JSON Lines shards (whole-file tasks), a few big ones that
    the runner cuts into parts at 60 KB, bad lines everywhere, and a folder of
    .txt articles."""
    d = tmp_path_factory.mktemp("inputs")
    corpus = os.path.join(REPO, "corpus")
    small = make_shards.make_shards(corpus, str(d / "news"), 24, docs_per_shard=60,
                                    bad_every=23, prefix="small")
    big = make_shards.make_shards(corpus, str(d / "news"), 3, docs_per_shard=400,
                                  max_paragraphs=2, bad_every=97, seed=9, prefix="big")
    txt = d / "articles"
    shutil.copytree(corpus, txt)
    jsonl = sorted(big + small)
    txts = sorted(str(txt / n) for n in os.listdir(txt))
    return {"root": str(d), "jsonl": jsonl, "txt": txts}


def test_union_equals_single_process(cluster, evident_bin, pack, inputs, tmp_path):
    out = tmp_path / "out"
    p = run_runner([inputs["root"], "-o", str(out), "--scheduler", cluster.scheduler_address,
                    "--evident", evident_bin, "--rules", pack, "--split-bytes", "60K",
                    "--txt-per-task", "2"])
    assert p.returncode == 1, p.stderr.decode()  # bad lines are document errors
    manifest, union = outputs_in_order(out)
    check_manifest(out, manifest)
    kinds = [(e["kind"], bool(e["range"])) for e in manifest["shards"]]
    assert kinds.count(("jsonl", True)) > 3      # the big shards were cut into parts
    assert kinds.count(("jsonl", False)) == 24   # one output shard per small shard
    assert kinds.count(("text", False)) == 3     # 5 articles, 2 per task
    assert len({e["worker"] for e in manifest["shards"]}) > 1  # spread over workers
    ref = reference(evident_bin, pack, inputs["jsonl"] + inputs["txt"])
    assert_same_documents(union, ref)
    assert manifest["totals"]["documents"] == ref.count(b"\n")
    assert manifest["totals"]["errors"] == sum(
        1 for r in ref.split(b"\n") if r and b'"errors":[]' not in r) > 0
    # Each output shard holds exactly the records of its own input shard.
    for e in manifest["shards"]:
        if e["kind"] == "jsonl" and not e["range"]:
            with open(out / e["output"], "rb") as f:
                assert f.read() == reference(evident_bin, pack, [e["inputs"][0]["path"]])


def slow_evident(tmp_path, evident_bin, seconds):
    """A wrapper that makes every annotate take `seconds` longer."""
    w = tmp_path / "slow-evident"
    w.write_text(f'#!/bin/sh\n[ "$1" = annotate ] && sleep {seconds}\nexec "{evident_bin}" "$@"\n')
    w.chmod(w.stat().st_mode | stat.S_IEXEC)
    return str(w)


def test_worker_killed_mid_run(evident_bin, pack, inputs, tmp_path):
    from distributed import Client
    import subprocess
    import sys
    from conftest import RUNNER

    out = tmp_path / "out"
    shards = inputs["jsonl"][3:13]  # ten whole-file tasks, each at least 1.5 s
    cluster = start_cluster(2)
    try:
        client = Client(cluster)
        pids = client.run(os.getpid)
        proc = subprocess.Popen(
            [sys.executable, "-B", RUNNER] + shards +
            ["-o", str(out), "--scheduler", cluster.scheduler_address, "--retries", "0",
             "--evident", slow_evident(tmp_path, evident_bin, 1.5), "--rules", pack],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        errs = []
        threading.Thread(target=lambda: errs.append(proc.stderr.read()), daemon=True).start()
        killed = None
        deadline = time.monotonic() + 60
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            # Kill a worker while its task runs: its temporary output exists
            # and some shards are already finished.
            done = [n for n in os.listdir(out) if n.endswith(".jsonl")] if out.exists() else []
            temps = []
            for n in (os.listdir(out) if out.exists() else []):
                try:  # started less than 0.5 s ago: still sleeping in slow-evident
                    if ".tmp-" in n and time.time() - os.path.getmtime(out / n) < 0.5:
                        temps.append(n)
                except OSError:
                    pass
            if done and temps:
                for addr, keys in client.processing().items():
                    running = [k for k in keys if any(f".{k.split('-', 2)[2]}.tmp-" in t for t in temps)]
                    if running and addr in pids:
                        os.kill(pids[addr], signal.SIGKILL)
                        killed = (addr, running[0])
                        break
            time.sleep(0.02)
        assert killed, "never saw a task running next to a finished shard"
        assert proc.wait(120) in (0, 1), errs
        client.close()
    finally:
        if proc.poll() is None:
            proc.kill()
        cluster.close()
    manifest, union = outputs_in_order(out)
    check_manifest(out, manifest)
    assert len(manifest["shards"]) == len(shards)
    redone = [e for e in manifest["shards"] if killed[1].endswith(e["output"])]
    assert len(redone) == 1 and redone[0]["worker"] != killed[0]  # rerun elsewhere
    assert_same_documents(union, reference(evident_bin, pack, shards))


def test_resume_redoes_only_damaged_shards(evident_bin, pack, inputs, tmp_path, paragraphs):
    src = tmp_path / "in"
    make_shards.make_shards(os.path.join(REPO, "corpus"), str(src), 6, docs_per_shard=50,
                            bad_every=17, seed=5)
    out = src / "out"  # inside the input folder: must not be read back as input
    args = [str(src), "-o", str(out), "--workers", "2", "--evident", evident_bin,
            "--rules", pack]
    p = run_runner(args)
    assert p.returncode == 1, p.stderr.decode()
    m1, union1 = outputs_in_order(out)
    check_manifest(out, m1)
    assert len(m1["shards"]) == 6

    def stat_of(name):
        st = os.stat(out / name)
        return (st.st_ino, st.st_mtime_ns)
    before = {e["output"]: stat_of(e["output"]) for e in m1["shards"]}

    # Damage two shards: one byte changed (same size, same lines), one deleted.
    with open(out / "shard-00001.jsonl", "r+b") as f:
        f.seek(30)
        c = f.read(1)
        f.seek(30)
        f.write(b"X" if c != b"X" else b"Y")
    os.unlink(out / "shard-00004.jsonl")
    (out / ".shard-00002.jsonl.tmp-deadbeef").write_bytes(b"half a shard")  # a dead task's
    p = run_runner(args)
    assert p.returncode == 1, p.stderr.decode()
    err = p.stderr.decode()
    assert "redo shard-00001.jsonl: output sha256 differs" in err
    assert "redo shard-00004.jsonl: output missing" in err
    m2, union2 = outputs_in_order(out)
    check_manifest(out, m2)
    assert m2["last_run"]["shards_run"] == 2 and m2["last_run"]["shards_kept"] == 4
    for name, st in before.items():
        if name in ("shard-00001.jsonl", "shard-00004.jsonl"):
            assert stat_of(name) != st
        else:
            assert stat_of(name) == st, f"{name} was rewritten"
    assert union2 == union1

    # Nothing to do the third time.
    p = run_runner(args)
    assert p.returncode == 1 and "6 already done, 0 to run" in p.stderr.decode()

    # A task whose evident writes too few records fails: the shard is not
    # written, the run says so (exit 3), and a rerun redoes only that shard.
    os.unlink(out / "shard-00003.jsonl")
    bad = tmp_path / "short-evident"
    bad.write_text('#!/bin/sh\ncase "$*" in *shard-00003*) "%s" "$@" | head -n 5; exit 0;; esac\n'
                   'exec "%s" "$@"\n' % (evident_bin, evident_bin))
    bad.chmod(0o755)
    p = run_runner(args[:-4] + ["--evident", str(bad), "--rules", pack, "--retries", "0"])
    err = p.stderr.decode()
    assert p.returncode == 3, err
    assert "shard-00003.jsonl: FAILED" in err and "evident wrote 5 records for 50 input lines" in err
    assert not (out / "shard-00003.jsonl").exists()
    assert not [n for n in os.listdir(out) if ".tmp-" in n]
    m3 = json.load(open(out / "manifest.json"))
    assert m3["complete"] is False and [f["output"] for f in m3["failed"]] == ["shard-00003.jsonl"]
    p = run_runner(args)
    assert p.returncode == 1, p.stderr.decode()
    m4, union4 = outputs_in_order(out)
    check_manifest(out, m4)
    assert m4["last_run"]["shards_run"] == 1
    assert union4 == union1


def test_clear_errors(evident_bin, pack, tmp_path):
    p = run_runner([str(tmp_path / "nothing*.jsonl"), "-o", str(tmp_path / "o")])
    assert p.returncode == 2 and "matches no file" in p.stderr.decode()
    (tmp_path / "a.jsonl").write_text('{"id":"a","text":"x"}\n')
    p = run_runner([str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o"),
                    "--evident", str(tmp_path / "no-evident")])
    assert p.returncode == 2 and "not an executable file" in p.stderr.decode()
    p = run_runner([str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o"), "--evident",
                    evident_bin, "--rules", str(tmp_path / "no-pack")])
    assert p.returncode == 2 and "no such rule pack" in p.stderr.decode()
    p = run_runner([str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o"), "--scheduler",
                    "tcp://127.0.0.1:9", "--connect-timeout", "2", "--evident", evident_bin],
                   timeout=120)
    assert p.returncode == 2 and "cannot reach the Dask scheduler" in p.stderr.decode()
