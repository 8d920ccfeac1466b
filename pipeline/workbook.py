"""One workbook for the whole corpus: OUT/extraction.xlsx with a sheet per corpus table (OUT/<table>.csv).

Formula injection is neutralised by construction: every text cell is written with `write_string`
(never `write`, which turns "=..." into a formula), and the CSV guard apostrophe that write.safe_cell
adds before a leading = + - @ is removed again, so the sheet shows the real value as plain text.
Only the numeric columns (offsets, values, counts, scores) are written as numbers.
"""

from __future__ import annotations

import csv
import math
import os
import re
import unicodedata
from pathlib import Path

from .write import CORPUS_FILES, TABLES

NUMERIC_COLUMNS = {"start", "end", "value", "value_max", "mention_count", "first_start",
                   # evaluation.csv
                   "tp", "fp", "fn", "precision", "recall", "f1", "agency_accuracy", "qualifier_accuracy",
                   "unit_accuracy", "value_max_accuracy", "subject_accuracy", "speaker_accuracy"}
EXTRA_SHEETS = ["errors", "evaluation"]  # written when OUT/<name>.csv exists
MAX_WIDTH = 60
MIN_WIDTH = 6
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_STRING = 32_767
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def unguard(value: str) -> str:
    """Undo write.safe_cell: "'=1+1" -> "=1+1" (the guard is only there for CSV readers)."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def read_csv_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a UTF-8 (with or without BOM) CSV, guard apostrophes removed."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows:
        return [], []
    return rows[0], [[unguard(c) for c in r] for r in rows[1:]]


def read_csv_dicts(path: Path) -> list[dict]:
    header, rows = read_csv_table(path) if path.exists() else ([], [])
    return [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows]


def _report_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "text.txt").exists())


def _corpus_table(out: Path, name: str) -> tuple[list[str], list[list[str]]] | None:
    """OUT/<name>.csv, or (when the corpus file was not written) the reports' tables concatenated."""
    f = out / f"{CORPUS_FILES.get(name, name)}.csv"
    if f.exists():
        return read_csv_table(f)
    if name not in TABLES:
        return None
    header, rows = list(TABLES[name]), []
    for d in _report_dirs(out):
        p = d / f"{name}.csv"
        if p.exists():
            h, rs = read_csv_table(p)
            idx = {c: i for i, c in enumerate(h)}
            rows += [[r[idx[c]] if c in idx and idx[c] < len(r) else "" for c in header] for r in rs]
    return header, rows


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _as_number(s: str) -> float | None:
    if not _NUMBER.fullmatch(s):
        return None
    x = float(s)
    return x if math.isfinite(x) else None


def _write_sheet(wb, name: str, header: list[str], rows: list[list[str]], bold) -> None:
    numeric = [c in NUMERIC_COLUMNS for c in header]
    widths = [_display_width(c) + 3 for c in header]  # room for the autofilter button
    for r in rows:
        for j, cell in enumerate(r[: len(header)]):
            w = _display_width(cell) if len(cell) < 400 else MAX_WIDTH
            if w > widths[j]:
                widths[j] = w
    per_sheet = EXCEL_MAX_ROWS - 1
    chunks = [rows[i : i + per_sheet] for i in range(0, len(rows), per_sheet)] or [[]]
    for n, chunk in enumerate(chunks):
        ws = wb.add_worksheet(name if n == 0 else f"{name} ({n + 1})")
        for j, w in enumerate(widths):
            ws.set_column(j, j, max(MIN_WIDTH, min(MAX_WIDTH, w + 1)))
        for j, c in enumerate(header):
            ws.write_string(0, j, c, bold)
        ws.freeze_panes(1, 0)
        if header:
            ws.autofilter(0, 0, len(chunk), len(header) - 1)
        for i, r in enumerate(chunk, start=1):
            for j, cell in enumerate(r):
                if cell == "":
                    continue
                if j < len(header) and numeric[j]:
                    x = _as_number(cell)
                    if x is not None:
                        ws.write_number(i, j, x)
                        continue
                ws.write_string(i, j, cell[:EXCEL_MAX_STRING])


def write_workbook(out: Path) -> Path:
    """Write OUT/extraction.xlsx (atomically) and return its path."""
    import xlsxwriter

    out = Path(out)
    dest = out / "extraction.xlsx"
    tmp = out / f".extraction.xlsx.tmp-{os.getpid()}"
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    try:
        bold = wb.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
        for name in list(TABLES) + EXTRA_SHEETS:
            table = _corpus_table(out, name)
            if table is None:
                continue
            header, rows = table
            _write_sheet(wb, name, header, rows, bold)
        wb.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest
