"""The Dask engine: reports in small batches, one task per batch, on a dask.distributed cluster (a batch
shares the scheduler's and the network's cost per task; there are always several per worker thread, so
the load still balances). This process reads each report's bytes and sends them with the task, and writes each returned result into OUT itself with the same atomic
folder swap as the local engine, so workers need the installed package but no shared file system.

A worker that dies mid-task fails its task (the LocalCluster's scheduler allows no silent retries), and
the tasks waiting on that worker with it; each of their reports is then submitted once more, alone, and a report whose
worker dies again is reported as failed. Nothing is written for a report until its result is back, so
no folder is ever half-written."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import ReportError
from ..readers import read_bytes
from ..runner import Job, Outcome, analyse, code_fingerprint, failure_message, source_fingerprint

# the choices that change the output besides the code; a worker takes them from the task, not its own env
SETTINGS_ENV = ("PIPELINE_SEGMENTER", "PIPELINE_LEARNED_TAGGER")
ATTEMPTS = 2  # the first run of a report and one retry after its worker died
MAX_BATCH = 8  # reports per task at most
MAX_BATCH_BYTES = 1 << 20  # input bytes per task at most (a larger report is a task of its own)
BATCHES_PER_THREAD = 4
TASKS_IN_FLIGHT_PER_THREAD = 3  # one running, the next ones waiting on the worker: no idle gap between tasks
_one_report_at_a_time = threading.Lock()  # the models are not shared between threads


@lru_cache(maxsize=4)
def _worker_code(settings: tuple) -> str:
    return code_fingerprint()


def _apply(settings: dict[str, str]) -> None:
    for name in SETTINGS_ENV:
        if settings.get(name):
            os.environ[name] = settings[name]
        else:
            os.environ.pop(name, None)


def warm_up(settings: dict[str, str]) -> None:
    """Load the models on a worker before its first report (run on every worker at the start)."""
    from ..nlp import get_nlp

    with _one_report_at_a_time:
        _apply(settings)
        get_nlp()


def analyse_on_worker(reports: list[tuple[str, str, bytes]], settings: dict[str, str]) -> list[tuple]:
    """The task, over a batch of reports: for each, ("ok", files, warnings, code) or ("error", message,
    code). Runs on a worker."""
    results = []
    with _one_report_at_a_time:
        _apply(settings)
        code = _worker_code(tuple(sorted(settings.items())))
        for path, doc_id, data in reports:
            try:
                files, warn = analyse(Path(path), doc_id, data)
                results.append(("ok", files, warn, code))
            except Exception as err:  # one bad report never stops the others
                results.append(("error", failure_message(path, err), code))
    return results


def batch_size(jobs: int, threads: int) -> int:
    """Reports per task: several, so that the scheduler's and the network's cost per task is shared,
    but few enough that every worker thread gets BATCHES_PER_THREAD tasks (the last ones balance the load)."""
    return max(1, min(MAX_BATCH, jobs // (BATCHES_PER_THREAD * max(1, threads))))


def batches(jobs: list[Job], size: int) -> Iterator[list[Job]]:
    """Consecutive runs of `size` jobs; a large report (over MAX_BATCH_BYTES on disk) goes alone."""
    batch, held = [], 0
    for job in jobs:
        try:
            nbytes = job.path.stat().st_size
        except OSError:
            nbytes = 0  # reading it will report the problem
        if batch and (len(batch) >= size or held + nbytes > MAX_BATCH_BYTES):
            yield batch
            batch, held = [], 0
        batch.append(job)
        held += nbytes
    if batch:
        yield batch


def unreachable(scheduler: str, timeout: str = "10s") -> str | None:
    """Why the scheduler at this address cannot be used, or None."""
    from distributed import Client

    try:
        with Client(scheduler, timeout=timeout):
            return None
    except (OSError, ValueError, TypeError) as err:
        return str(err) or type(err).__name__


@contextlib.contextmanager
def _client(workers: int, scheduler: str | None):
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    # no silent retries by the scheduler (execute retries a report once); workers forked, not spawned;
    # tasks queued on the workers so that none waits for the scheduler between two; no statistical
    # profiler sampling the task's stack every 10 ms (it costs the reports CPU time)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0, "distributed.worker.multiprocessing-method": "fork",
                          "distributed.scheduler.worker-saturation": float(TASKS_IN_FLIGHT_PER_THREAD),
                          "distributed.worker.profile.enabled": False}):
        with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client


def execute(jobs: list[Job], out: Path, code: str, workers: int = 1, scheduler: str | None = None) -> Iterator[Outcome]:
    from distributed import as_completed

    from ..write import write_report_dir

    settings = {name: os.environ.get(name, "") for name in SETTINGS_ENV}
    with _client(workers, scheduler) as client:
        client.run(warm_up, settings)
        threads = max(1, sum(client.nthreads().values()))
        window = TASKS_IN_FLIGHT_PER_THREAD * threads  # tasks in flight (the client holds only their bytes)
        queue = list(reversed(list(batches(jobs, batch_size(len(jobs), threads)))))
        running, ready = {}, as_completed()
        # reports whose worker died: a dying worker also fails the reports waiting on it, so each one
        # is retried alone, with nothing else in flight; a report that dies alone is the one that kills
        suspects: list[tuple] = []

        def submit(reports: list[tuple[Job, int, bytes, dict]]):
            doc_ids = "|".join(job.doc_id for job, *_ in reports)
            key = f"report-{uuid.uuid4().hex}-{doc_ids}"  # all in one task group ("report"): queued by the scheduler
            payload = [(str(job.path), job.doc_id, data) for job, _, data, _ in reports]
            fut = client.submit(analyse_on_worker, payload, settings, key=key, pure=False)
            running[fut.key] = reports
            ready.add(fut)

        def read(batch: list[Job]) -> Iterator[Outcome]:
            """Each report's bytes and fingerprint; an unreadable one fails here, as with the local engine."""
            reports = []
            for job in batch:
                try:
                    data = read_bytes(job.path)
                    reports.append((job, 1, data, source_fingerprint(job.path, code, data)))
                except ReportError as err:
                    yield Outcome(job.doc_id, str(job.path), False, str(err))
            if reports:
                submit(reports)

        def refill() -> Iterator[Outcome]:
            if suspects:
                if not running:
                    submit([suspects.pop(0)])
                return
            while queue and len(running) < window:
                yield from read(queue.pop())

        def died(reports, err) -> Iterator[Outcome]:
            for job, attempt, data, fingerprint in reports:
                if attempt < ATTEMPTS:
                    suspects.append((job, attempt + 1, data, fingerprint))
                else:
                    yield Outcome(job.doc_id, str(job.path), False,
                                  f"{job.path}: its worker died while processing it, {ATTEMPTS} times ({type(err).__name__}); nothing was written")

        yield from refill()
        for fut in ready:
            reports = running.pop(fut.key)
            try:
                results = fut.result()
            except Exception as err:  # the worker died (KilledWorker) or the cluster lost the task
                fut.release()
                yield from died(reports, err)
                yield from refill()
                continue
            fut.release()
            for (job, _, _, fingerprint), result in zip(reports, results):
                yield _written(out, job, fingerprint, result, code, write_report_dir)
            yield from refill()


def _written(out: Path, job: Job, fingerprint: dict, result: tuple, code: str, write_report_dir) -> Outcome:
    """One report's result from a worker, written into OUT (or the reason it was not)."""
    if result[-1] != code:
        return Outcome(job.doc_id, str(job.path), False,
                       f"{job.path}: the Dask worker runs other code or configs (fingerprint {result[-1]}, "
                       f"this run {code}); install the same version of the pipeline on every worker")
    if result[0] != "ok":
        return Outcome(job.doc_id, str(job.path), False, result[1])
    _, files, warn, _ = result
    try:
        write_report_dir(out, job.doc_id, files, fingerprint)
        return Outcome(job.doc_id, str(job.path), True, warn)
    except Exception as err:
        return Outcome(job.doc_id, str(job.path), False, failure_message(job.path, err))
