"""extracted/extraction.duckdb: every corpus table and the registry in one file that SQL can query.

The corpus tables (extracted/<table>.csv, reports.csv, errors.csv) keep their names in the main
schema; the registry tables are in the schema `registry` (registry.people, registry.positions…),
since people, agencies and warnings exist at both levels. Offsets and counts are integers, values
doubles, empty cells NULL, the spreadsheet guard (a leading ' before = + - @) removed. The file is
written beside the old one and swapped in with os.replace, so a query never sees half a database.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from ..write import CORPUS_FILES, TABLES
from .build import REGISTRY_DIR, REGISTRY_TABLES

DB_NAME = "extraction.duckdb"
INTEGER_COLUMNS = {"start", "end", "first_start", "date_start", "chars", "mention_count", "report_count", "people_count"}
DOUBLE_COLUMNS = {"value", "value_max", "ratio"}


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh), [])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select(columns: list[str]) -> str:
    out = []
    for c in columns:
        q = _quote(c)
        if c in INTEGER_COLUMNS:
            out.append(f"TRY_CAST({q} AS BIGINT) AS {q}")
        elif c in DOUBLE_COLUMNS:
            out.append(f"TRY_CAST({q} AS DOUBLE) AS {q}")
        else:
            out.append(f"CASE WHEN {q} SIMILAR TO '''[=+@-].*' THEN substr({q}, 2) ELSE {q} END AS {q}")
    return ", ".join(out)


def _load(con, table: str, path: Path) -> None:
    columns = _header(path)
    if not columns:
        return
    spec = "{" + ", ".join(f"'{c.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for c in columns) + "}"
    src = str(path).replace("'", "''")
    con.execute(f"CREATE TABLE {table} AS SELECT {_select(columns)} FROM read_csv('{src}', header=true, columns={spec}, "
                "quote='\"', escape='\"', delim=',', strict_mode=false)")


def table_files(out: Path) -> list[tuple[str, Path]]:
    """(table name in the database, CSV file) for every corpus and registry table that exists."""
    files = [(CORPUS_FILES.get(n, n), out / f"{CORPUS_FILES.get(n, n)}.csv") for n in TABLES] + [("errors", out / "errors.csv")]
    files += [(f"registry.{n}", out / REGISTRY_DIR / f"{n}.csv") for n in REGISTRY_TABLES]
    return [(t, f) for t, f in files if f.exists()]


def build_database(out: Path) -> Path:
    import duckdb

    final = out / DB_NAME
    for left in out.glob(f".{DB_NAME}.tmp-*"):  # what a killed run left behind
        left.unlink(missing_ok=True)
    tmp = out / f".{DB_NAME}.tmp-{os.getpid()}"
    try:
        # offline: never fetch an extension at run time
        con = duckdb.connect(str(tmp), config={"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                                            "threads": 1})  # small tables: one thread is faster and lighter
        try:
            con.execute("CREATE SCHEMA registry")
            for table, path in table_files(out):
                _load(con, table, path)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, final)
    finally:
        for p in (tmp, Path(f"{tmp}.wal")):
            if p.exists():
                p.unlink()
    return final
