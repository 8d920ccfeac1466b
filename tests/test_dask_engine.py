"""The Dask engine: the same outputs as the local engine, byte for byte, on every annotated report; the
same skipping, errors.csv and exit status; a worker that dies is retried once and then reported, and an
unreachable scheduler changes nothing."""

import os
import subprocess
import sys
from pathlib import Path

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from helpers import ROOT, read_csv
from pipeline.engines.dask_cluster import MAX_BATCH, MAX_BATCH_BYTES, batch_size, batches
from pipeline.runner import Job, run
from pipeline.write import TABLES

pytestmark = pytest.mark.slow

GOOD = "外交部國際組織司王大明副司長表示，約有三百人參加研習。\n"
OTHER = "經濟部工業局林小華局長出席會議，並建議加強合作。\n"


def extract(raw: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--quiet", *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)


def written_files(out: Path, root_files: list[str]) -> dict[str, bytes]:
    """What an extraction run writes: every folder's files (reports, registry) and the named files of OUT."""
    files = {name: (out / name).read_bytes() for name in root_files}
    for d in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for f in sorted(d.rglob("*")):
            if f.is_file():
                files[str(f.relative_to(out))] = f.read_bytes()
    return files


def test_outputs_are_byte_identical_to_the_local_engine_on_every_annotated_report(extracted_raw, tmp_path):
    out = tmp_path / "dask"
    res = extract(ROOT / "raw", out, "--engine", "dask", "--workers", "2")
    assert res.returncode == 0, res.stderr
    # the corpus tables, errors.csv, reports.csv (other tests may have added evaluation files to the local OUT)
    root = sorted(f.name for f in out.iterdir() if f.is_file() and f.suffix == ".csv")
    assert {f"{t}.csv" for t in TABLES if t != "report"} | {"errors.csv", "reports.csv"} <= set(root)
    local, remote = written_files(extracted_raw, root), written_files(out, root)
    assert sorted(remote) == sorted(local)
    differ = [name for name in local if local[name] != remote[name]]
    assert not differ, differ[:10]
    assert len({n.split("/")[0] for n in local if "/" in n} - {"registry"}) == len(list((ROOT / "raw").iterdir()))


def test_skipping_errors_and_exit_status_behave_as_with_the_local_engine(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    (raw / "b.txt").write_text(OTHER, encoding="utf-8")
    (raw / "broken.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "notes.xyz").write_text("?", encoding="utf-8")
    local = extract(raw, tmp_path / "local")
    first = extract(raw, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert local.returncode == first.returncode == 1
    assert (tmp_path / "local" / "errors.csv").read_bytes() == (tmp_path / "dask" / "errors.csv").read_bytes()
    assert {r["doc_id"] for r in read_csv(tmp_path / "dask" / "errors.csv")} == {"broken", "notes"}
    assert "2 built, 0 up to date, 2 failed" in first.stderr
    again = extract(raw, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert "0 built, 2 up to date, 2 failed" in again.stderr
    (raw / "b.txt").write_text(OTHER + "約有五百人出席。\n", encoding="utf-8")
    changed = extract(raw, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert "1 built, 1 up to date, 2 failed" in changed.stderr
    assert "五百人" in (tmp_path / "dask" / "b" / "text.txt").read_text(encoding="utf-8")


class KillWorkerOn(WorkerPlugin):
    """Kills the worker process as soon as it starts a task for a report whose doc_id contains `needle`."""

    def __init__(self, needle: str):
        self.needle = needle

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and self.needle in str(key):
            os._exit(1)  # keys end with the doc_id


def run_where_workers_die_on(raw: Path, out: Path, needle: str) -> dict:
    """Extract RAW on a one-worker cluster whose worker dies on any task for a doc_id with `needle`."""
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.register_plugin(KillWorkerOn(needle))
            return {o.doc_id: o for o in run(raw, out, engine="dask", scheduler=cluster.scheduler_address)}


def test_a_worker_that_dies_is_retried_once_then_the_report_is_failed_and_never_half_written(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "fine.txt").write_text(GOOD, encoding="utf-8")
    (raw / "crash.txt").write_text(OTHER, encoding="utf-8")
    outcomes = run_where_workers_die_on(raw, out, "-crash")
    assert outcomes["fine"].ok and (out / "fine" / "people.csv").exists()
    bad = outcomes["crash"]
    assert not bad.ok and "worker died while processing it, 2 times" in bad.message and "crash.txt" in bad.message
    assert not (out / "crash").exists() and not [p for p in out.iterdir() if p.name.startswith(".tmp-")]
    assert [r["doc_id"] for r in read_csv(out / "errors.csv")] == ["crash"]


def test_a_worker_death_in_a_batch_fails_only_the_report_that_kills_it(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "crash.txt").write_text(OTHER, encoding="utf-8")
    for k in range(7):
        (raw / f"fine{k}.txt").write_text(GOOD, encoding="utf-8")
    assert batch_size(8, 1) == 2  # crash and fine0 travel in one task
    outcomes = run_where_workers_die_on(raw, out, "-crash")
    assert sorted(d for d, o in outcomes.items() if o.ok) == [f"fine{k}" for k in range(7)]
    assert "worker died while processing it, 2 times" in outcomes["crash"].message
    assert [r["doc_id"] for r in read_csv(out / "errors.csv")] == ["crash"]


def test_reports_travel_in_batches_that_keep_every_thread_busy_and_a_large_report_alone(tmp_path):
    assert batch_size(3, 2) == 1 and batch_size(1000, 4) == MAX_BATCH and batch_size(40, 2) == 5
    jobs = []
    for k, size in enumerate([10, 10, MAX_BATCH_BYTES, 10, 10, 10]):
        path = tmp_path / f"r{k}.txt"
        path.write_bytes(b"x" * size)
        jobs.append(Job(path, f"r{k}"))
    assert [[j.doc_id for j in b] for b in batches(jobs, 3)] == [["r0", "r1"], ["r2"], ["r3", "r4", "r5"]]


def test_an_unreachable_scheduler_is_one_line_and_changes_nothing(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    res = extract(raw, out, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1].startswith("error: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert "Traceback" not in res.stderr and not out.exists()
    res = extract(raw, out, "--scheduler", "tcp://127.0.0.1:9")
    assert res.returncode == 2 and "--scheduler needs --engine dask" in res.stderr
