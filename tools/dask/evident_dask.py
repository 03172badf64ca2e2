#!/usr/bin/python3
"""Run `evident annotate` over many input shards on a Dask cluster.

    /usr/bin/python3 tools/dask/evident_dask.py 'data/*.jsonl' -o out/ --workers 4
    /usr/bin/python3 tools/dask/evident_dask.py data/ -o out/ --scheduler tcp://head:8786 \\
        --evident /opt/evident/bin/evident --rules /opt/evident/share/evident/rules/en

Inputs are JSON Lines files (*.jsonl, *.ndjson), .txt files, folders (every
*.jsonl, *.ndjson and *.txt below them) or quoted globs. Each JSON Lines file
becomes one task and one output shard; a file larger than --split-bytes is cut
at line boundaries into parts that are fed to `evident annotate - ` on standard
input. .txt files are grouped by folder, --txt-per-task per task. Every task
runs the evident CLI on a Dask worker and writes its output shard through a
temporary file, fsync and rename, so a shard under its final name is always
complete. OUTPUT/manifest.json maps each input shard to its output shard with
the document and error counts, byte sizes and the output's sha256; a rerun with
the same arguments skips every shard whose output still matches its manifest
entry (size, line count, checksum) and redoes the rest.

The evident binary, its shared libraries and the rule pack must exist at the
same paths on every worker (--evident, --rules), and the inputs and OUTPUT must
be on storage that the client and every worker see at the same paths. Before
anything runs, every worker reports the evident version and a checksum of the
rule pack it would use; the run stops if they differ.

Exit status: 0 every shard done, no document errors; 1 every shard done, some
documents have errors (their records say why); 2 bad usage, nothing run;
3 some shards failed (see the messages; rerun to redo only those).

Uses only Debian's python3-dask and python3-distributed; run it with
/usr/bin/python3. See docs/scaling.md.
"""

import argparse
import datetime
import fcntl
import glob
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "evident-dask-manifest/1"
LOCK = ".evident-dask.lock"
TMP_MARK = ".tmp-"
JSONL_EXT = (".jsonl", ".ndjson")
CHUNK = 1 << 20
NO_ERRORS = b'"errors":[],"warnings":'  # the end of an evident/1 record (docs/formats.md)
NO_WARNINGS = b'"warnings":[]}\n'


class UsageError(Exception):
    """Bad arguments or setup: reported as `evident-dask: message`, exit 2."""


class TaskError(RuntimeError):
    """A shard could not be annotated; the message says which and why."""


# --------------------------------------------------------------------------
# Helpers shared by client and workers (they must not need anything but the
# standard library: this module is shipped to the workers by value).


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def count_lines(path, start=0, end=None):
    """Lines in bytes [start, end) of path, counting a last line without a
    newline (at the very end of the range) as a line: what evident reads."""
    n = 0
    last = b"\n"
    with open(path, "rb") as f:
        f.seek(start)
        remaining = None if end is None else end - start
        while remaining is None or remaining > 0:
            chunk = f.read(CHUNK if remaining is None else min(CHUNK, remaining))
            if not chunk:
                break
            n += chunk.count(b"\n")
            last = chunk[-1:]
            if remaining is not None:
                remaining -= len(chunk)
    return n + (last != b"\n")


def fsync_dir(path):
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path, data):
    """Writes bytes to path through a temporary file, fsync and rename."""
    d = os.path.dirname(path) or "."
    tmp = os.path.join(d, f".{os.path.basename(path)}{TMP_MARK}{uuid.uuid4().hex}")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(d)


def pack_fingerprint(evident, rules):
    """What decides the output besides the input: the evident version and a
    checksum over every file of the rule pack it loads. Runs on a worker."""
    host = socket.gethostname()
    if not os.path.isfile(evident) or not os.access(evident, os.X_OK):
        raise TaskError(f"{host}: no executable evident at {evident} "
                        "(it must be at the same path on every worker; see --evident)")
    try:
        version = subprocess.run([evident, "--version"], capture_output=True, check=True,
                                 timeout=60).stdout.decode().strip()
        cmd = [evident, "rules", "list", "--format", "json"] + (["--rules", rules] if rules else [])
        listed = subprocess.run(cmd, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        raise TaskError(f"{host}: cannot run {evident}: {e}") from None
    if listed.returncode != 0:
        raise TaskError(f"{host}: {evident} cannot load the rule pack"
                        f"{' ' + rules if rules else ''}: "
                        f"{listed.stderr.decode(errors='replace').strip()}")
    pack_dir = rules
    if not pack_dir:
        files = [r["file"] for r in json.loads(listed.stdout) if r.get("file")]
        pack_dir = os.path.commonpath([os.path.dirname(f) for f in files]) if files else ""
        while pack_dir and not os.path.exists(os.path.join(pack_dir, "pack.yaml")) \
                and os.path.dirname(pack_dir) != pack_dir:
            pack_dir = os.path.dirname(pack_dir)
    h = hashlib.sha256()
    for p in _pack_files(pack_dir):
        h.update(os.path.relpath(p, pack_dir).encode() + b"\0")
        h.update(file_sha256(p).encode() + b"\0")
    return {"evident_version": version, "pack_sha256": h.hexdigest(),
            "binary_sha256": file_sha256(evident), "host": host, "pack_dir": pack_dir}


def _stat_signature(paths):
    sig = []
    for p in paths:
        try:
            st = os.stat(p)
            sig.append((p, st.st_ino, st.st_size, st.st_mtime_ns))
        except OSError:
            sig.append((p, None))
    return sig


def _pack_files(pack_dir):
    return sorted(os.path.join(r, n) for r, _, names in os.walk(pack_dir) for n in names)


def cached_fingerprint(evident, rules):
    """pack_fingerprint, recomputed only when the binary or a pack file has
    changed since the last task of this worker process. (The cache lives in
    sys.modules because this module reaches workers by value, afresh for
    every task.)"""
    import types
    cache = sys.modules.setdefault("_evident_dask_cache", types.ModuleType("_evident_dask_cache"))
    store = cache.__dict__.setdefault("fingerprints", {})
    key = (evident, rules)
    hit = store.get(key)
    if hit:
        sig, fp = hit
        if sig == _stat_signature([evident] + _pack_files(fp["pack_dir"])):
            return fp
    fp = pack_fingerprint(evident, rules)
    store[key] = (_stat_signature([evident] + _pack_files(fp["pack_dir"])), fp)
    return fp


def fix_stdin_record(line, path, stem, line_offset):
    """A record of a part fed on standard input names its place "-" and a line
    of the part: make it name the file and the file's line, as a
    single-process run over the whole file would."""
    rec = json.loads(line)
    for e in rec.get("errors", ()):
        if e.get("file") == "-":
            e["file"] = path
            if "line" in e:
                e["line"] += line_offset
    m = re.fullmatch(r"stdin:(\d+)", rec.get("id", ""))
    if m and rec.get("errors") and rec["errors"][0].get("line") == int(m.group(1)) + line_offset:
        rec["id"] = f"{stem}:{int(m.group(1)) + line_offset}"
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def run_task(task, cfg):
    """Annotates one task on a worker and puts its output shard in place.
    Returns the manifest entry. Raises TaskError on any failure, leaving no
    file under the shard's name that was not there before."""
    t0 = time.monotonic()
    host = socket.gethostname()
    try:
        from distributed import get_worker
        worker = get_worker().address
    except Exception:  # run outside a worker (tests, debugging)
        worker = f"local:{os.getpid()}"
    fp = cached_fingerprint(cfg["evident"], cfg["rules"])
    for k in ("evident_version", "pack_sha256"):
        if fp[k] != cfg["fingerprint"][k]:
            raise TaskError(f"worker {worker} ({host}) has a different {k}: {fp[k]} "
                            f"instead of {cfg['fingerprint'][k]}: install the same evident "
                            "and rule pack at the same paths on every worker")

    out_path = os.path.join(cfg["output"], task["output"])
    out_dir = os.path.dirname(out_path)
    os.makedirs(out_dir, exist_ok=True)
    tmp = os.path.join(out_dir, f".{os.path.basename(out_path)}{TMP_MARK}{uuid.uuid4().hex}")
    rng = task.get("range")
    cmd = [cfg["evident"], "annotate", "--format", "jsonl", "--offsets", cfg["offsets"],
           "-j", str(cfg["jobs"]), "--input-format", task["kind"]]
    if cfg["rules"]:
        cmd += ["--rules", cfg["rules"]]
    for path in task["inputs"]:
        if not os.path.isfile(path):
            raise TaskError(f"{task['output']}: input {path} is missing on worker {worker} ({host})")
    if rng:
        cmd.append("-")
        expected = rng["lines"]
        path = task["inputs"][0]
        stem = os.path.splitext(os.path.basename(path))[0]
        line_offset = rng["first_line"] - 1
    elif task["kind"] == "jsonl":
        cmd += task["inputs"]
        expected = sum(count_lines(p) for p in task["inputs"])
    else:
        cmd += task["inputs"]
        expected = len(task["inputs"])

    import tempfile
    errlog = tempfile.TemporaryFile()
    proc = None
    feeder = None
    feed_error = []
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if rng else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=errlog)
        if rng:
            def feed():
                try:
                    with open(task["inputs"][0], "rb") as f:
                        f.seek(rng["start"])
                        left = rng["end"] - rng["start"]
                        while left > 0:
                            b = f.read(min(CHUNK, left))
                            if not b:
                                raise TaskError(f"{task['inputs'][0]} is shorter than planned")
                            proc.stdin.write(b)
                            left -= len(b)
                except BrokenPipeError:
                    pass
                except BaseException as e:  # reported after evident ends
                    feed_error.append(e)
                finally:
                    try:
                        proc.stdin.close()
                    except OSError:
                        pass
            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()

        h = hashlib.sha256()
        nbytes = docs = errors = warnings = 0
        carry = b""
        with open(tmp, "wb") as out:
            while True:
                chunk = proc.stdout.read(CHUNK)
                if not chunk:
                    break
                buf = carry + chunk if carry else chunk
                cut = buf.rfind(b"\n") + 1
                carry = buf[cut:]
                if not cut:
                    continue
                data = buf[:cut] if carry else buf
                # Counted in place: every record ends with its "errors" and
                # "warnings" keys, and these bytes cannot occur inside a JSON
                # string (where a quote is always escaped).
                n = data.count(b"\n")
                clean = data.count(NO_ERRORS)
                docs += n
                errors += n - clean
                warnings += n - data.count(NO_WARNINGS)
                if rng and clean < n:  # records to renumber, see fix_stdin_record
                    lines = data.split(b"\n")
                    lines.pop()  # the empty string after the last newline
                    data = b"".join(
                        (line if NO_ERRORS in line
                         else fix_stdin_record(line, path, stem, line_offset)) + b"\n"
                        for line in lines)
                h.update(data)
                out.write(data)
                nbytes += len(data)
            status = proc.wait()
            if feeder:
                feeder.join()
            errlog.seek(0)
            stderr = errlog.read()
            tail = stderr[-2000:].decode("utf-8", "replace").strip()
            if status < 0:
                raise TaskError(f"{task['output']}: evident was killed by signal {-status} "
                                f"on {worker} ({host})")
            if status not in (0, 1):
                raise TaskError(f"{task['output']}: evident exited with status {status} "
                                f"on {worker} ({host}): {tail}")
            if feed_error:
                raise TaskError(f"{task['output']}: reading {task['inputs'][0]}: {feed_error[0]}")
            if carry:
                raise TaskError(f"{task['output']}: evident's output ends inside a record")
            if docs != expected:
                raise TaskError(
                    f"{task['output']}: evident wrote {docs} records for {expected} input "
                    f"{'documents' if task['kind'] == 'text' else 'lines'}: records and input "
                    "lines would not pair up, so the shard is not written")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, out_path)
        fsync_dir(out_dir)
    except BaseException:
        if proc and proc.poll() is None:
            proc.kill()
            proc.wait()
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        errlog.close()
    in_bytes = (rng["end"] - rng["start"]) if rng else sum(os.path.getsize(p) for p in task["inputs"])
    return {
        "output": task["output"],
        "documents": docs,
        "errors": errors,
        "warnings": warnings,
        "output_bytes": nbytes,
        "sha256": h.hexdigest(),
        "input_bytes": in_bytes,
        "exit_status": status,
        "worker": worker,
        "host": host,
        "seconds": round(time.monotonic() - t0, 3),
        "pack_sha256": fp["pack_sha256"],
        "evident_version": fp["evident_version"],
    }


# --------------------------------------------------------------------------
# Planning (client).

def parse_size(text):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)[iI]?[bB]?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 64M, 1G, 0)")
    mult = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[m.group(2).lower()]
    return int(float(m.group(1)) * mult)


def expand_inputs(args, input_format, exclude_dir):
    """Returns sorted unique (absolute path, kind) for the arguments."""
    def kind_of(path):
        if input_format == "jsonl":
            return "jsonl"
        if input_format == "text":
            return "text"
        return "jsonl" if path.endswith(JSONL_EXT) else "text"

    def excluded(p):
        return exclude_dir and os.path.commonpath([p, exclude_dir]) == exclude_dir

    seen = {}
    for arg in args:
        if any(c in arg for c in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise UsageError(f"{arg}: the pattern matches no file")
        else:
            if not os.path.exists(arg):
                raise UsageError(f"{arg}: no such file or folder")
            matches = [arg]
        for m in matches:
            m = os.path.abspath(m)
            if os.path.isdir(m):
                for root, dirs, names in os.walk(m):
                    dirs[:] = sorted(d for d in dirs if not excluded(os.path.join(root, d)))
                    for name in sorted(names):
                        if name.endswith(JSONL_EXT + (".txt",)) and not name.startswith("."):
                            p = os.path.join(root, name)
                            if input_format == "auto" or name.endswith(JSONL_EXT) == (input_format == "jsonl"):
                                seen.setdefault(p, kind_of(p))
            elif os.path.isfile(m):
                if excluded(m):
                    continue
                seen.setdefault(m, kind_of(m))
            else:
                raise UsageError(f"{m}: not a regular file or folder")
    if not seen:
        raise UsageError("no input files (give .jsonl/.ndjson/.txt files, folders or globs)")
    return sorted(seen.items())


def split_points(path, size, target):
    """Cuts path into parts of about target bytes at line starts. Returns
    [(start, end, first_line, lines)]."""
    parts = []
    start, line = 0, 1
    with open(path, "rb") as f:
        while start < size:
            cut = start + target
            if cut >= size:
                cut = size
            else:
                f.seek(cut - 1)
                f.readline()  # to just after the newline at or after cut - 1
                cut = min(f.tell(), size)
            n = count_lines(path, start, cut)
            parts.append((start, cut, line, n))
            line += n
            start = cut
    return parts


def input_stat(path):
    st = os.stat(path)
    return {"path": path, "bytes": st.st_size, "mtime_ns": st.st_mtime_ns}


def plan_tasks(files, split_bytes, txt_per_task, root=None):
    if root is None:
        root = os.path.commonpath([os.path.dirname(p) for p, _ in files])
    tasks = []
    txt_groups = {}
    for path, kind in files:
        if kind == "text":
            txt_groups.setdefault(os.path.dirname(path), []).append(path)
            continue
        rel = os.path.relpath(path, root)
        if rel.startswith(".."):
            raise UsageError(f"{path} is not below --input-root {root}")
        base = os.path.splitext(rel)[0]
        size = os.path.getsize(path)
        if split_bytes and size > split_bytes:
            parts = split_points(path, size, split_bytes)
            for i, (start, end, first_line, lines) in enumerate(parts):
                tasks.append({"kind": "jsonl", "inputs": [path],
                              "range": {"start": start, "end": end, "first_line": first_line,
                                        "lines": lines, "part": i, "parts": len(parts)},
                              "output": f"{base}.part-{i:05d}.jsonl"})
        else:
            tasks.append({"kind": "jsonl", "inputs": [path], "range": None,
                          "output": base + ".jsonl"})
    for d, paths in sorted(txt_groups.items()):
        rel = os.path.relpath(d, root)
        if rel.startswith(".."):
            raise UsageError(f"{d} is not below --input-root {root}")
        for i in range(0, len(paths), txt_per_task):
            name = f"txt-{i // txt_per_task:05d}.jsonl"
            tasks.append({"kind": "text", "inputs": paths[i:i + txt_per_task], "range": None,
                          "output": os.path.normpath(os.path.join(rel, name))})
    outputs = {}
    for t in tasks:
        if t["output"] in outputs:
            raise UsageError(f"{t['inputs'][0]} and {outputs[t['output']]} would both be "
                             f"written to {t['output']}: rename one of them")
        outputs[t["output"]] = t["inputs"][0]
        t["key"] = t["output"]
    return tasks


# --------------------------------------------------------------------------
# The manifest (client).

def load_manifest(out_dir):
    path = os.path.join(out_dir, MANIFEST)
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: unreadable manifest ({e}); move it away to start afresh")
    if m.get("schema") != MANIFEST_SCHEMA:
        raise UsageError(f"{path}: not an {MANIFEST_SCHEMA} manifest")
    return m


def entry_matches_task(entry, task):
    """Whether a manifest entry was made from exactly this task's inputs, as
    they are now (same paths, byte range, sizes and modification times)."""
    if entry.get("kind") != task["kind"] or entry.get("range") != task["range"]:
        return False
    inputs = entry.get("inputs", [])
    if [i.get("path") for i in inputs] != task["inputs"]:
        return False
    try:
        return all(i == input_stat(i["path"]) for i in inputs)
    except OSError:
        return False


def verify_output(out_dir, entry):
    """Why the entry's output shard cannot be trusted, or None if it can."""
    path = os.path.join(out_dir, entry["output"])
    try:
        size = os.path.getsize(path)
    except OSError:
        return "missing"
    if size != entry.get("output_bytes"):
        return f"{size} bytes instead of {entry.get('output_bytes')}"
    h = hashlib.sha256()
    lines = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
            lines += chunk.count(b"\n")
    if lines != entry.get("documents"):
        return f"{lines} records instead of {entry.get('documents')}"
    if h.hexdigest() != entry.get("sha256"):
        return "sha256 differs"
    return None


class Manifest:
    def __init__(self, out_dir, settings, fingerprint, tasks):
        self.out_dir = out_dir
        self.path = os.path.join(out_dir, MANIFEST)
        self.settings = settings
        self.fingerprint = fingerprint
        self.order = [t["key"] for t in tasks]
        self.entries = {}
        self.failed = {}
        self.last_write = 0.0
        self.run = {}

    def write(self, complete=False):
        shards = [self.entries[k] for k in self.order if k in self.entries]
        totals = {k: sum(e[k] for e in shards)
                  for k in ("documents", "errors", "warnings", "input_bytes", "output_bytes")}
        doc = {
            "schema": MANIFEST_SCHEMA,
            "complete": complete,
            "updated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "settings": self.settings,
            "fingerprint": self.fingerprint,
            "shards_planned": len(self.order),
            "shards_done": len(shards),
            "totals": totals,
            "last_run": self.run,
            "failed": [{"output": k, "error": v} for k, v in self.failed.items()],
            "shards": shards,
        }
        atomic_write(self.path, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode())
        self.last_write = time.monotonic()


# --------------------------------------------------------------------------
# The run (client).

def remove_temp_files(out_dir):
    """Removes the temporary files of tasks that died (a killed worker, a run
    that was stopped): no finished shard has such a name."""
    for rootdir, _, names in os.walk(out_dir):
        for name in names:
            if name.startswith(".") and TMP_MARK in name:
                try:
                    os.unlink(os.path.join(rootdir, name))
                except OSError:
                    pass


def default_evident():
    env = os.environ.get("EVIDENT_BIN")
    if env:
        return env
    found = shutil.which("evident")
    if found:
        return found
    here = os.path.dirname(os.path.abspath(__file__))
    for build in ("build", "build-dask"):
        p = os.path.normpath(os.path.join(here, "..", "..", build, "bin", "evident"))
        if os.access(p, os.X_OK):
            return p
    return None


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="evident_dask.py",
        description="Annotate JSON Lines shards (or .txt folders) with `evident annotate` "
                    "on a Dask cluster; write output shards and a manifest; resume a "
                    "half-done run.",
        epilog="Exit status: 0 done; 1 done, some documents have errors; 2 bad usage; "
               "3 some shards failed (rerun to redo them). See docs/scaling.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines files, .txt files, folders, or quoted globs ('data/*.jsonl')")
    p.add_argument("-o", "--output", required=True, metavar="DIR",
                   help="folder for the output shards and manifest.json (created if needed)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler to use, e.g. tcp://head:8786 (default: start a "
                        "LocalCluster of --workers processes)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="LocalCluster worker processes (default: one per core)")
    p.add_argument("--threads-per-worker", type=int, default=1, metavar="N",
                   help="LocalCluster: tasks run at once per worker (default 1)")
    p.add_argument("--evident", metavar="PATH",
                   help="the evident binary, at this path on every worker (default: "
                        "$EVIDENT_BIN, else `evident` on PATH, else this checkout's build)")
    p.add_argument("--rules", metavar="DIR",
                   help="rule pack, at this path on every worker (default: evident's own)")
    p.add_argument("--jobs-per-task", "-j", type=int, default=1, metavar="N",
                   help="threads of each evident process (evident -j; default 1)")
    p.add_argument("--offsets", choices=("codepoint", "byte", "utf16"), default="codepoint",
                   help="offset unit of the records (evident --offsets)")
    p.add_argument("--input-format", choices=("auto", "jsonl", "text"), default="auto",
                   help="auto: *.jsonl/*.ndjson are JSON Lines, .txt files are documents; "
                        "jsonl or text: every input file is that")
    p.add_argument("--split-bytes", type=parse_size, default=parse_size("64M"), metavar="SIZE",
                   help="cut JSON Lines files larger than SIZE into parts of about SIZE at "
                        "line boundaries, one task and output shard each (default 64M; 0: never)")
    p.add_argument("--txt-per-task", type=int, default=200, metavar="N",
                   help=".txt documents per task (default 200)")
    p.add_argument("--input-root", metavar="DIR",
                   help="output shards mirror the inputs' paths below DIR (default: the "
                        "inputs' common folder)")
    p.add_argument("--retries", type=int, default=2, metavar="N",
                   help="retry a failed task N times (default 2); a task whose worker dies "
                        "is rescheduled by Dask anyway")
    p.add_argument("--force", action="store_true",
                   help="redo every shard, even if the output looks complete")
    p.add_argument("--dry-run", action="store_true", help="print the plan and exit")
    p.add_argument("--connect-timeout", type=float, default=30, metavar="SECONDS",
                   help="--scheduler: how long to try to reach it (default 30)")
    p.add_argument("--wait-workers", type=float, default=60, metavar="SECONDS",
                   help="how long to wait for a first worker (default 60)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    a = p.parse_args(argv)
    if a.workers is not None and a.workers < 1:
        p.error("--workers must be 1 or more")
    if a.threads_per_worker < 1 or a.jobs_per_task < 1 or a.txt_per_task < 1 or a.retries < 0:
        p.error("--threads-per-worker, --jobs-per-task and --txt-per-task must be 1 or more, "
                "--retries 0 or more")
    if a.scheduler and a.workers is not None:
        p.error("--workers starts a local cluster; it cannot go with --scheduler")
    return a


def log(args, msg):
    if not args.quiet:
        print(f"evident-dask: {msg}", file=sys.stderr, flush=True)


def fmt_mb(n):
    return f"{n / 1e6:.1f} MB"


def run(args):
    out_dir = os.path.abspath(args.output)
    evident = args.evident or default_evident()
    if not evident:
        raise UsageError("no evident binary: give --evident PATH or set EVIDENT_BIN")
    evident = os.path.abspath(evident)
    rules = os.path.abspath(args.rules) if args.rules else None
    if not args.scheduler:
        # Local workers see this machine: check here for a clear message.
        if not (os.path.isfile(evident) and os.access(evident, os.X_OK)):
            raise UsageError(f"{evident}: not an executable file (see --evident)")
        if rules and not os.path.isdir(rules):
            raise UsageError(f"{rules}: no such rule pack folder (see --rules)")

    files = expand_inputs(args.inputs, args.input_format, out_dir)
    root = os.path.abspath(args.input_root) if args.input_root else None
    tasks = plan_tasks(files, args.split_bytes, args.txt_per_task, root)
    in_paths = {p for p, _ in files}
    for t in tasks:
        if os.path.join(out_dir, t["output"]) in in_paths:
            raise UsageError(f"output shard {os.path.join(out_dir, t['output'])} would "
                             "overwrite an input: choose another --output")
    if args.dry_run:
        for t in tasks:
            r = t["range"]
            src = t["inputs"][0] + (f" bytes {r['start']}-{r['end']} (lines {r['first_line']}-"
                                    f"{r['first_line'] + r['lines'] - 1})" if r else "") + \
                (f" and {len(t['inputs']) - 1} more" if len(t["inputs"]) > 1 else "")
            print(f"{t['output']}\t{t['kind']}\t{src}")
        return EXIT_OK

    try:
        os.makedirs(out_dir, exist_ok=True)
        lock = open(os.path.join(out_dir, LOCK), "w")
    except OSError as e:
        raise UsageError(f"{out_dir}: cannot use as output folder: {e.strerror}")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise UsageError(f"{out_dir}: another evident_dask run is using this output folder")
    remove_temp_files(out_dir)
    previous = load_manifest(out_dir)

    # Quiet the cluster's own logging unless something is wrong.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    import cloudpickle
    import dask
    from distributed import Client, LocalCluster, as_completed
    this = sys.modules[__name__]
    if __name__ != "__main__":
        cloudpickle.register_pickle_by_value(this)  # workers need not import this file

    cluster = None
    with dask.config.set({"distributed.scheduler.allowed-failures": 3 + args.retries}):
        if args.scheduler:
            try:
                client = Client(args.scheduler, timeout=f"{args.connect_timeout}s")
            except (OSError, TimeoutError) as e:
                raise UsageError(f"cannot reach the Dask scheduler at {args.scheduler}: {e}")
        else:
            n = args.workers or os.cpu_count() or 1
            cluster = LocalCluster(n_workers=n, threads_per_worker=args.threads_per_worker,
                                   processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            return _run_on(client, args, tasks, out_dir, evident, rules, previous, as_completed)
        finally:
            client.close()
            if cluster:
                cluster.close()
            lock.close()


def _run_on(client, args, tasks, out_dir, evident, rules, previous, as_completed):
    try:
        client.wait_for_workers(1, timeout=args.wait_workers)
    except (TimeoutError, OSError):
        raise UsageError(f"no Dask worker joined the scheduler within {args.wait_workers:g} s")
    # Every worker must run the same evident with the same pack.
    try:
        prints = client.run(pack_fingerprint, evident, rules)
    except Exception as e:  # noqa: BLE001 - a TaskError rebuilt on this side
        raise UsageError(str(e)) from None
    keyed = {}
    for addr, fp in prints.items():
        keyed.setdefault((fp["evident_version"], fp["pack_sha256"]), []).append(f"{addr} ({fp['host']})")
    if len(keyed) > 1:
        raise UsageError("the workers run different evident versions or rule packs:\n  " +
                         "\n  ".join(f"{v} pack {p[:12]}: {', '.join(ws)}" for (v, p), ws in keyed.items()))
    fp = next(iter(prints.values()))
    if len({f["binary_sha256"] for f in prints.values()}) > 1:
        log(args, "warning: the evident binaries differ between workers (same version and pack)")
    fingerprint = {"evident_version": fp["evident_version"], "pack_sha256": fp["pack_sha256"]}
    settings = {"evident": evident, "rules": rules, "offsets": args.offsets,
                "jobs_per_task": args.jobs_per_task, "split_bytes": args.split_bytes,
                "txt_per_task": args.txt_per_task, "input_format": args.input_format}
    manifest = Manifest(out_dir, settings, fingerprint, tasks)

    # What can be kept from an earlier run.
    todo, kept = [], 0
    prev_entries = {}
    if previous and not args.force:
        same = (previous.get("fingerprint") == fingerprint and
                previous.get("settings", {}).get("offsets") == args.offsets)
        if not same and previous.get("shards"):
            raise UsageError(
                f"{out_dir} holds output of another evident version, rule pack or --offsets "
                f"({previous.get('fingerprint')}, offsets {previous.get('settings', {}).get('offsets')}); "
                "use --force to redo everything, or another --output")
        prev_entries = {e["output"]: e for e in previous.get("shards", [])}
    for t in tasks:
        e = prev_entries.get(t["key"])
        if e and entry_matches_task(e, t):
            why = verify_output(out_dir, e)
            if why is None:
                manifest.entries[t["key"]] = e
                kept += 1
                continue
            log(args, f"redo {t['output']}: output {why}")
        todo.append(t)
    dropped = set(prev_entries) - {t["key"] for t in tasks}
    if dropped:
        log(args, f"{len(dropped)} manifest entries are not inputs of this run; dropped "
                  "from the manifest (their files are left alone)")
    manifest.write(complete=not todo)
    log(args, f"{len(tasks)} shards: {kept} already done, {len(todo)} to run on "
              f"{len(prints)} workers with {evident} ({fingerprint['evident_version']})")

    cfg = {"evident": evident, "rules": rules, "offsets": args.offsets,
           "jobs": args.jobs_per_task, "output": out_dir, "fingerprint": fingerprint}
    futures = {}
    for t in todo:
        f = client.submit(run_task, t, cfg, key=f"evident-{uuid.uuid4().hex[:8]}-{t['key']}",
                          pure=False, retries=args.retries)
        futures[f] = t
    done_docs = done_bytes = 0
    t_run = time.monotonic()
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    try:
        for f in as_completed(futures):
            t = futures[f]
            try:
                res = f.result()
            except Exception as e:  # noqa: BLE001 - every failure is reported per shard
                msg = f"{type(e).__name__}: {e}"
                manifest.failed[t["key"]] = msg
                print(f"evident-dask: {t['output']}: FAILED: {msg}", file=sys.stderr, flush=True)
                continue
            entry = {"output": t["output"], "kind": t["kind"],
                     "inputs": [input_stat(p) for p in t["inputs"]], "range": t["range"]}
            entry.update(res)
            manifest.entries[t["key"]] = entry
            done_docs += res["documents"]
            done_bytes += res["input_bytes"]
            if time.monotonic() - manifest.last_write > 1.0:
                manifest.write()
            el = time.monotonic() - t_run
            log(args, f"[{len(manifest.entries)}/{len(tasks)}] {t['output']}: "
                      f"{res['documents']} docs, {res['errors']} with errors, "
                      f"{fmt_mb(res['input_bytes'])} in {res['seconds']:.1f} s on {res['worker']}"
                      f" | {done_docs / el:.0f} docs/s, {done_bytes / el / 1e6:.2f} MB/s")
    except KeyboardInterrupt:
        manifest.write()
        print("evident-dask: interrupted; rerun the same command to finish", file=sys.stderr)
        return 130
    elapsed = time.monotonic() - t_run
    remove_temp_files(out_dir)  # left by tasks whose worker died
    manifest.run = {"started": started,
                    "shards_run": len(todo) - len(manifest.failed), "shards_kept": kept,
                    "shards_failed": len(manifest.failed),
                    "documents_run": done_docs, "input_bytes_run": done_bytes,
                    "seconds": round(elapsed, 3), "workers": len(prints),
                    "docs_per_s": round(done_docs / elapsed, 1) if elapsed else None,
                    "mb_per_s": round(done_bytes / elapsed / 1e6, 3) if elapsed else None}
    complete = not manifest.failed
    manifest.write(complete=complete)
    tot = {k: sum(e[k] for e in manifest.entries.values())
           for k in ("documents", "errors", "input_bytes", "output_bytes")}
    log(args, f"{'done' if complete else 'INCOMPLETE'}: {len(manifest.entries)}/{len(tasks)} "
              f"shards ({len(todo) - len(manifest.failed)} run, {kept} kept, "
              f"{len(manifest.failed)} failed), {tot['documents']} documents, {tot['errors']} "
              f"with errors, {fmt_mb(tot['input_bytes'])} in, {fmt_mb(tot['output_bytes'])} out; "
              f"this run {done_docs} docs in {elapsed:.1f} s"
              + (f" = {done_docs / elapsed:.0f} docs/s, {done_bytes / elapsed / 1e6:.2f} MB/s"
                 if elapsed > 0 and done_docs else "")
              + f"; manifest {manifest.path}")
    if not complete:
        print(f"evident-dask: {len(manifest.failed)} shards failed; rerun the same command "
              "to redo only those", file=sys.stderr)
        return EXIT_INCOMPLETE
    return EXIT_DOC_ERRORS if tot["errors"] else EXIT_OK


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except UsageError as e:
        print(f"evident-dask: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
