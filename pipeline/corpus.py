"""Corpus-level tables: extracted/<table>.csv concatenating every report's table (with doc_id);
report.csv rows go to extracted/reports.csv."""

from __future__ import annotations

import os
from pathlib import Path

from .write import CORPUS_FILES, TABLES


def report_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "text.txt").exists())


def write_corpus_tables(out: Path) -> None:
    dirs = report_dirs(out)
    for name in TABLES:
        parts = []
        for d in dirs:
            f = d / f"{name}.csv"
            if f.exists():
                lines = f.read_bytes().decode("utf-8-sig").split("\n", 1)
                if len(lines) > 1 and lines[1]:
                    parts.append(lines[1])
        header = ",".join(TABLES[name]) + "\n"
        target = CORPUS_FILES.get(name, name)
        tmp = out / f".{target}.csv.tmp"
        tmp.write_bytes(("\ufeff" + header + "".join(parts)).encode("utf-8"))
        os.replace(tmp, out / f"{target}.csv")
