"""Lexicons and settings live in configs/ as YAML; this module is the one place that reads them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "configs"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Return configs/<name>.yml parsed with yaml.safe_load (cached: each file is read once per process)."""
    path = CONFIG_DIR / f"{name}.yml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return data or {}


def settings() -> dict:
    return load("pipeline")
