"""`python -m pipeline query "SQL"`: one SQL statement against extracted/extraction.duckdb, printed
as an aligned table (CJK characters count two columns) or as CSV."""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

from .database import DB_NAME


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).replace("\n", "⏎")


def format_table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([width(c)] + [width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    # numbers right-aligned, everything else left
    numeric = [bool(rows) and all(r[i] is None or (isinstance(r[i], (int, float)) and not isinstance(r[i], bool)) for r in rows)
               for i in range(len(columns))]

    def line(vals, head=False):
        return " | ".join(" " * (w - width(v)) + v if num and not head else v + " " * (w - width(v))
                          for v, w, num in zip(vals, widths, numeric)).rstrip()

    out = [line(columns, True), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def run_query(out: Path, sql: str, as_csv: bool = False, stream=None) -> int:
    """0 on success; 2 with a one-line message when the database is missing or the SQL is bad."""
    import duckdb

    stream = stream or sys.stdout
    db = Path(out) / DB_NAME
    if not db.exists():
        print(f"error: {db} does not exist: run `make extract` first (or `python -m pipeline extract --out {out}`)", file=sys.stderr)
        return 2
    try:
        con = duckdb.connect(str(db), read_only=True,
                             config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        try:
            cur = con.execute(sql)
            if cur.description is None:
                return 0
            columns = [d[0] for d in cur.description]
            rows = cur.fetchall()
        finally:
            con.close()
    except duckdb.Error as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        print(f"error: bad SQL: {first}", file=sys.stderr)
        return 2
    if as_csv:
        w = csv.writer(stream, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_cell(v) for v in r] for r in rows])
    else:
        print(format_table(columns, rows), file=stream)
    return 0
