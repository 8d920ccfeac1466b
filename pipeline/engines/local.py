"""The local engine: one process, or a pool of forked worker processes that each load the models once
and write their reports' folders into OUT themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..runner import Job, Outcome, process_job

_worker_state: dict = {}


def _init_worker(out: str, code: str):
    from ..nlp import get_nlp

    get_nlp()  # models load once per worker
    _worker_state.update(out=Path(out), code=code)


def _work(job: Job) -> Outcome:
    return process_job(job, _worker_state["out"], _worker_state["code"])


def execute(jobs: list[Job], out: Path, code: str, workers: int = 1) -> Iterator[Outcome]:
    if workers > 1 and len(jobs) > 1:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        with ctx.Pool(min(workers, len(jobs)), initializer=_init_worker, initargs=(str(out), code)) as pool:
            yield from pool.imap_unordered(_work, jobs, chunksize=1)
    else:
        for job in jobs:
            yield process_job(job, out, code)
