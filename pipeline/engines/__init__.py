"""Who runs the jobs of a run: this machine's processes (local) or a Dask cluster (dask). Every engine
yields one Outcome per job as it finishes; the run's planning and its corpus files stay in runner.run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

ENGINES = ("local", "dask")


def execute(engine: str, jobs: list, out: Path, code: str, workers: int = 1, scheduler: str | None = None) -> Iterator:
    if engine == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        from .local import execute as run_local

        return run_local(jobs, out, code, workers)
    if engine == "dask":
        from .dask_cluster import execute as run_dask

        return run_dask(jobs, out, code, workers, scheduler)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
