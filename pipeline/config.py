"""Lexicons and settings live in configs/ as YAML; this module is the one place that reads them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "configs"
# yaml.safe_load's loader, in C where PyYAML was built with libyaml (the same documents, ten times faster)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Return configs/<name>.yml parsed with the safe loader (cached: each file is read once per process)."""
    path = CONFIG_DIR / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SAFE_LOADER)
    return data or {}


def settings() -> dict:
    return load("pipeline")
