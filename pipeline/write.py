"""Stage 6 — write: the contract tables of one report, mapped to text.txt offsets, deterministic,
and swapped into place atomically (a report's folder is either the old version or the new one)."""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import io
import re
import json
import os
import shutil
from pathlib import Path

from .alignment import Alignment
from .report_meta import COLUMNS as REPORT_COLUMNS
from .report_meta import report_row

TABLES = {
    "mentions": ["doc_id", "mention_id", "label", "start", "end", "text", "entity_id", "evidence"],
    "people": ["doc_id", "person_id", "name", "title", "agency", "aliases", "first_start", "former"],
    "agencies": ["doc_id", "agency_id", "name", "variants", "mention_count"],
    "statistics": ["doc_id", "stat_id", "start", "end", "text", "value", "value_max", "qualifier", "unit", "subject", "kind", "currency", "ratio"],
    "recommendations": ["doc_id", "rec_id", "start", "end", "text", "speaker", "cue", "session_id", "items"],
    "sessions": ["doc_id", "session_id", "title", "start", "end"],
    "roles": ["doc_id", "session_id", "name", "role", "on_behalf_of"],
    "warnings": ["doc_id", "kind", "message", "start", "end"],
    "report": REPORT_COLUMNS,
}
# the corpus file of a table, when it is not <table>.csv (one report row each: reports.csv)
CORPUS_FILES = {"report": "reports"}
FORMULA_START = ("=", "+", "-", "@")
_GUARDED_FIRST = frozenset("".join(FORMULA_START) + "\t\r")  # a cell starting so may need the guard
# a plain number is no formula (CONTRACT §1): -1.5, -1.5%, +3, -1,000 are written as they are
PLAIN_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ (or tab/CR) gets an apostrophe."""
    if type(value) is str and (not value or value[0] not in _GUARDED_FIRST):
        return value  # the common case first: every table cell of the corpus passes here
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float):
        return fmt_number(value)
    s = str(value)
    if s and (s.startswith(FORMULA_START) or s[0] in "\t\r") and not PLAIN_NUMBER.fullmatch(s):
        return "'" + s
    return s


# percentage-like units as a fraction of one (51% → 0.51, 三成 → 0.3), so values can be summed and compared
RATIO_UNITS = {"%": 100, "％": 100, "個百分點": 100, "百分點": 100, "成": 10, "‰": 1000}


def ratio_of(value, unit: str) -> float | None:
    div = RATIO_UNITS.get(unit or "")
    if div is None or value in (None, ""):
        return None
    return round(float(value) / div, 10)


def fmt_number(x: float | None) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return repr(float(x))


def csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([safe_cell(r.get(c, "")) for c in columns])
    return buf.getvalue().encode("utf-8-sig")


def sort_rows(rows: list[dict], columns: list[str]) -> list[dict]:
    def key(r):
        start = r.get("start", r.get("first_start", 0))
        return (int(start) if start not in ("", None) else -1, [str(r.get(c, "")) for c in columns])

    return sorted(rows, key=key)


def numbered(rows: list[dict], id_column: str, prefix: str, tie_columns: list[str]) -> list[dict]:
    """Order rows by start (then the tie columns) and give them ids in that order: deterministic output."""
    rows = sort_rows(rows, tie_columns)
    for n, r in enumerate(rows, start=1):
        r[id_column] = f"{prefix}{n:04d}"
    return rows


def tables_from_doc(doc) -> dict[str, list[dict]]:
    """Collect every table of the report from the Doc's extensions, offsets mapped to text.txt."""
    x = doc._
    doc_id = x.doc_id
    text = x.source_text
    al = Alignment.from_json(x.alignment)

    def span(i, j):
        s, e = al.span(i, j)
        return s, e, text[s:e]

    tables: dict[str, list[dict]] = {}
    link = x.link or {}
    rows = []
    why = {(i, j, label): ev for i, j, label, ev in (doc._.evidence or [])}
    for label, i, j, ent in link.get("mention_entity", []):
        s, e, t = span(i, j)
        rows.append({"doc_id": doc_id, "label": label, "start": s, "end": e, "text": t, "entity_id": ent,
                     "evidence": why.get((i, j, label), "")})
    tables["mentions"] = numbered(rows, "mention_id", "M", ["label", "end"])

    rows = []
    for p in link.get("people", []):
        rows.append({
            "doc_id": doc_id, "person_id": p["person_id"], "name": p["name"], "title": p["title"],
            "agency": p["agency"], "aliases": "|".join(p["aliases"]), "first_start": al.to_original(p["first"]),
            "former": "true" if p.get("former") else "false",
        })
    tables["people"] = sorted(rows, key=lambda r: (r["first_start"], r["person_id"], r["title"], r["agency"]))

    rows = []
    for ag in link.get("agencies", []):
        rows.append({"doc_id": doc_id, "agency_id": ag["agency_id"], "name": ag["name"],
                     "variants": "|".join(ag["variants"]), "mention_count": ag["mention_count"], "_first": ag["first"]})
    tables["agencies"] = [{k: v for k, v in r.items() if k != "_first"} for r in sorted(rows, key=lambda r: (r["_first"], r["agency_id"]))]

    rows = []
    for st in x.statistics or []:
        s, e, t = span(st["start"], st["end"])
        subject = st.get("subject", "")
        if subject and st["text"].endswith(subject):  # a counted noun in the span reads as the report writes it
            subject = span(st["end"] - len(subject), st["end"])[2]
        rows.append({"doc_id": doc_id, **{k: v for k, v in st.items() if k not in ("start", "end", "text")}, "start": s, "end": e, "text": t,
                     "subject": subject, "ratio": ratio_of(st.get("value"), st.get("unit", ""))})
    tables["statistics"] = numbered(rows, "stat_id", "S", ["end"])

    rows = []
    for rec in x.recommendations or []:
        s, e, t = span(rec["start"], rec["end"])
        rows.append({"doc_id": doc_id, "start": s, "end": e, "text": t, "speaker": rec["speaker"], "cue": rec["cue"],
                     "session_id": rec.get("session_id", ""), "items": "|".join(rec.get("items", []))})
    tables["recommendations"] = numbered(rows, "rec_id", "R", ["end"])

    rows = []
    for ses in x.sessions or []:
        s, e = al.span(ses["start"], ses["end"])
        rows.append({"doc_id": doc_id, "session_id": ses["session_id"], "title": ses["title"], "start": s, "end": e})
    tables["sessions"] = sort_rows(rows, ["session_id"])
    tables["roles"] = [{"doc_id": doc_id, **r} for r in x.roles or []]

    rows = []
    for w in [*(x.warnings or ()), *link.get("warnings", ())]:  # (a DocBin gives tuples back)
        if w.get("start") not in (None, ""):
            s, e = al.span(w["start"], w["end"])
        else:
            s, e = "", ""
        rows.append({"doc_id": doc_id, "kind": w["kind"], "message": w["message"], "start": s, "end": e})
    tables["warnings"] = sorted(rows, key=lambda r: (r["start"] if r["start"] != "" else -1, r["kind"], r["message"]))
    tables["report"] = [report_row(doc_id, x.source or "", x.sha256 or "", text)]
    return tables


def render(doc) -> dict[str, bytes]:
    """All files of a report's folder as bytes (text.txt plus one CSV per table)."""
    files = {"text.txt": doc._.source_text.encode("utf-8")}
    for name, rows in tables_from_doc(doc).items():
        files[f"{name}.csv"] = csv_bytes(TABLES[name], rows)
    return files


def empty_tables(text: str = "") -> dict[str, bytes]:
    files = {"text.txt": text.encode("utf-8")}
    for name, cols in TABLES.items():
        files[f"{name}.csv"] = csv_bytes(cols, [])
    return files


# ---------------------------------------------------------------------------- atomic folder swap
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def write_report_dir(out_dir: Path, doc_id: str, files: dict[str, bytes], fingerprint: dict | None = None) -> Path:
    """Write files into out_dir/doc_id so that readers only ever see a complete folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / doc_id
    tmp = out_dir / f".tmp-{doc_id}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    if fingerprint is not None:
        files = {**files, ".fingerprint.json": json.dumps(fingerprint, sort_keys=True).encode()}
    for name, data in files.items():
        (tmp / name).write_bytes(data)  # durability: runner.run syncs once at the end of a run
    if (final / "reviewed").is_dir():
        # an analyst's corrected tables (`review apply`) outlive a new extraction: copied, so that
        # a run killed here leaves the old folder whole
        shutil.copytree(final / "reviewed", tmp / "reviewed")
    swap_folder(tmp, final, out_dir / f".old-{doc_id}-{os.getpid()}")
    return final


def swap_folder(tmp: Path, final: Path, old: Path) -> None:
    """Put the complete folder tmp at final, so readers see the old folder or the new one, never a mix:
    an atomic exchange where the kernel has one, else two renames through `old`."""
    if final.exists() and _exchange(tmp, final):
        shutil.rmtree(tmp)  # tmp now holds the old version
    elif final.exists():
        os.rename(final, old)
        os.rename(tmp, final)
        shutil.rmtree(old)
    else:
        os.rename(tmp, final)


def clean_leftovers(out_dir: Path) -> None:
    """Remove temporary folders that a killed run left behind (never a finished report folder)."""
    if not out_dir.is_dir():
        return
    for p in out_dir.iterdir():
        if not p.is_dir():
            if p.name.startswith(".extraction.duckdb.tmp-"):  # a database a killed run was writing
                p.unlink(missing_ok=True)
            continue
        if p.name.startswith(".old-"):
            doc_id = p.name[len(".old-") :].rsplit("-", 1)[0]
            if not (out_dir / doc_id).exists():
                os.rename(p, out_dir / doc_id)  # killed between the two renames: restore the old version
                continue
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith(".tmp-"):
            shutil.rmtree(p, ignore_errors=True)
