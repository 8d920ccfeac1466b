"""The Dask engine: one task per report on a dask.distributed cluster. This process reads each report's
bytes and sends them with the task, and writes each returned result into OUT itself with the same atomic
folder swap as the local engine, so workers need the installed package but no shared file system.

A worker that dies mid-task fails its task (the LocalCluster's scheduler allows no silent retries), and
the reports waiting on that worker with it; each is then submitted once more, alone, and a report whose
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


def analyse_on_worker(path: str, doc_id: str, data: bytes, settings: dict[str, str]) -> tuple:
    """The task: ("ok", files, warnings, code) or ("error", message, code). Runs on a worker."""
    with _one_report_at_a_time:
        _apply(settings)
        code = _worker_code(tuple(sorted(settings.items())))
        try:
            files, warn = analyse(Path(path), doc_id, data)
            return ("ok", files, warn, code)
        except Exception as err:  # one bad report never stops the others
            return ("error", failure_message(path, err), code)


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
    # no silent retries by the scheduler (execute retries a report once); workers forked, not spawned
    with dask.config.set({"distributed.scheduler.allowed-failures": 0, "distributed.worker.multiprocessing-method": "fork",
                          "distributed.scheduler.worker-saturation": 1.0}):
        with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client


def execute(jobs: list[Job], out: Path, code: str, workers: int = 1, scheduler: str | None = None) -> Iterator[Outcome]:
    from distributed import as_completed

    from ..write import write_report_dir

    settings = {name: os.environ.get(name, "") for name in SETTINGS_ENV}
    with _client(workers, scheduler) as client:
        client.run(warm_up, settings)
        # two reports in flight per worker thread (the client holds few reports' bytes)
        window = 2 * max(1, sum(client.nthreads().values()))
        queue, running, ready = list(reversed(jobs)), {}, as_completed()
        # reports whose worker died: a dying worker also fails the reports waiting on it, so each one
        # is retried alone, with nothing else in flight; a report that dies alone is the one that kills
        suspects: list[tuple] = []

        def submit(job: Job, attempt: int, data: bytes | None = None, fingerprint: dict | None = None):
            if data is None:
                data = read_bytes(job.path)
                fingerprint = source_fingerprint(job.path, code, data)
            key = f"report-{uuid.uuid4().hex}-{job.doc_id}"  # all in one task group ("report"): queued by the scheduler
            fut = client.submit(analyse_on_worker, str(job.path), job.doc_id, data, settings, key=key, pure=False)
            running[fut.key] = (job, attempt, data, fingerprint)
            ready.add(fut)

        def refill() -> Iterator[Outcome]:
            if suspects:
                if not running:
                    submit(*suspects.pop(0))
                return
            while queue and len(running) < window:
                job = queue.pop()
                try:
                    submit(job, 1)
                except ReportError as err:  # unreadable here: the same message as the local engine's
                    yield Outcome(job.doc_id, str(job.path), False, str(err))

        yield from refill()
        for fut in ready:
            job, attempt, data, fingerprint = running.pop(fut.key)
            try:
                result = fut.result()
            except Exception as err:  # the worker died (KilledWorker) or the cluster lost the task
                if attempt < ATTEMPTS:
                    suspects.append((job, attempt + 1, data, fingerprint))
                else:
                    yield Outcome(job.doc_id, str(job.path), False,
                                  f"{job.path}: its worker died while processing it, {ATTEMPTS} times ({type(err).__name__}); nothing was written")
                fut.release()
                yield from refill()
                continue
            fut.release()
            if result[-1] != code:
                yield Outcome(job.doc_id, str(job.path), False,
                              f"{job.path}: the Dask worker runs other code or configs (fingerprint {result[-1]}, "
                              f"this run {code}); install the same version of the pipeline on every worker")
            elif result[0] == "ok":
                _, files, warn, _ = result
                try:
                    write_report_dir(out, job.doc_id, files, fingerprint)
                    yield Outcome(job.doc_id, str(job.path), True, warn)
                except Exception as err:
                    yield Outcome(job.doc_id, str(job.path), False, failure_message(job.path, err))
            else:
                yield Outcome(job.doc_id, str(job.path), False, result[1])
            yield from refill()
