"""Fixtures shared by several test modules."""

import subprocess
import sys

import pytest

from helpers import ROOT


@pytest.fixture(scope="session")
def extracted_raw(tmp_path_factory):
    """Every annotated report of raw/ extracted once by the local engine (tests read it, never change it)."""
    out = tmp_path_factory.mktemp("extracted")
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--raw", str(ROOT / "raw"), "--out", str(out), "--quiet"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    return out
