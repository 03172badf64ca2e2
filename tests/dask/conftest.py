"""Shared fixtures of the Dask runner and streaming-contract tests.

Run with Debian's interpreter (the one with python3-dask and
python3-distributed), and tell it which evident binary to test:

    EVIDENT_BIN=build/bin/evident /usr/bin/python3 -B -m pytest -q tests/dask

ctest does this as the test `dask.runner`. The tests use the fixed test pack
tests/data/pack (copied to a temporary folder, so that edits to a pack during
the run cannot change the expected output); EVIDENT_DASK_RULES=DIR picks
another pack, e.g. rules/en.
"""

import logging
import os
import shutil
import subprocess
import sys

import pytest

sys.dont_write_bytecode = True
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOLS = os.path.join(REPO, "tools", "dask")
RUNNER = os.path.join(TOOLS, "evident_dask.py")
sys.path.insert(0, TOOLS)

import make_shards  # noqa: E402  (tools/dask/make_shards.py)


@pytest.fixture(scope="session")
def evident_bin():
    path = os.environ.get("EVIDENT_BIN")
    if not path:
        for build in ("build", "build-dask"):
            p = os.path.join(REPO, build, "bin", "evident")
            if os.access(p, os.X_OK):
                path = p
                break
    if not path or not os.access(path, os.X_OK):
        pytest.fail("set EVIDENT_BIN to the evident binary to test (ctest does)")
    return os.path.abspath(path)


@pytest.fixture(scope="session")
def pack(tmp_path_factory):
    src = os.environ.get("EVIDENT_DASK_RULES") or os.path.join(REPO, "tests", "data", "pack")
    dst = tmp_path_factory.mktemp("pack") / "pack"
    shutil.copytree(src, dst)
    return str(dst)


@pytest.fixture(scope="session")
def paragraphs():
    return make_shards.corpus_paragraphs(os.path.join(REPO, "corpus"))


def run_evident(evident_bin, pack, args, **kw):
    """evident annotate --rules PACK ARGS; returns the CompletedProcess."""
    return subprocess.run([evident_bin, "annotate", "--rules", pack] + args,
                          capture_output=True, timeout=120, **kw)


def run_runner(args, timeout=120):
    """The runner as a user runs it; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-B", RUNNER] + args, capture_output=True,
                          timeout=timeout)


def start_cluster(n_workers):
    from distributed import LocalCluster
    return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                        dashboard_address=":0", silence_logs=logging.ERROR)


@pytest.fixture(scope="module")
def cluster():
    """Three worker processes, one task at a time each."""
    c = start_cluster(3)
    yield c
    c.close()
