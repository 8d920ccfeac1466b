"""`review apply`: an analyst's review file (<doc_id>.review.json, saved from review.html) applied to
the report's tables, written to OUT/<doc_id>/reviewed/ and, with --to-gold, to GOLD/<doc_id>/.

Why a separate step: the page never writes files (it is opened from disk); the review file is the
analyst's record, and applying it here checks every offset against text.txt. A review file made
against an older extraction is applied row by row where the rows still match (same span and text,
or the same identifying values); every decision that no longer matches is listed, never dropped
silently. The review file format is in docs/CONTRACT.md, section 5.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

from .review_tables import (IDENTITY, REVIEWED_TABLES, SPAN_TABLES, consistent, gold_files, read_tables, row_keys,
                            table_files)
from .write import swap_folder

STATUSES = ("accepted", "rejected")
ADD_TABLES = {"mentions": "M", "statistics": "S", "recommendations": "R"}
LABELS = ("PERSON", "TITLE", "AGENCY")


class ReviewError(Exception):
    """A review file that cannot be applied (the message names the file and the row)."""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extraction_fingerprint(d: Path) -> dict:
    """The code and source hashes of the extraction in folder d ({} when it has no fingerprint)."""
    try:
        fp = json.loads((d / ".fingerprint.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {"code": fp.get("code", ""), "source": fp.get("source", "")}


def _find(keyed: list[tuple[str, dict]], table: str, key: str, snap: dict | None) -> dict | None:
    """The row a decision is about: the row with that key when it still has the recorded identifying
    values; else the row with those values; else None (stale)."""
    cols = IDENTITY[table]
    rows = [r for _, r in keyed]
    for k, r in keyed:
        if k == key and (snap is None or all(str(r.get(c, "")) == str(snap.get(c, "")) for c in cols)):
            return r
    if snap is None:
        return None
    return next((r for r in rows if all(str(r.get(c, "")) == str(snap.get(c, "")) for c in cols)), None)


class Applied:
    """The outcome of one review file on one report: tables, stale rows, counts."""

    def __init__(self, doc_id: str, text: str, tables: dict[str, list[dict]]):
        self.doc_id = doc_id
        self.text = text
        self.tables = tables
        self.stale: list[str] = []
        self.notes: list[str] = []
        self.total = 0
        self.reviewed = 0

    @property
    def remaining(self) -> int:
        return self.total - self.reviewed


def _span_ok(text: str, s, e, shown: str) -> bool:
    try:
        s, e = int(s), int(e)
    except (TypeError, ValueError):
        return False
    return 0 <= s < e <= len(text) and text[s:e] == shown


def apply_review(review: dict, d: Path, where: str = "review") -> Applied:
    """Apply one parsed review file to the report folder d (OUT/<doc_id>); nothing is written here."""
    text = (d / "text.txt").read_bytes().decode("utf-8")
    tables = read_tables(d)
    res = Applied(d.name, text, tables)
    same_text = review.get("text_sha256") == text_sha256(text)
    if not same_text:
        res.notes.append("text.txt changed since the review: spans are applied only where the text still matches")
    if review.get("fingerprint") and review.get("fingerprint") != extraction_fingerprint(d):
        res.notes.append("review made against an older extraction: rows matched by their spans and values")

    def bad(msg: str) -> None:
        """An offset that does not fit: an error on the text reviewed, a stale row on a changed text."""
        if same_text:
            raise ReviewError(f"{where}: {msg}")
        res.stale.append(msg)

    # 1. decisions and bounds, located on the rows as extracted (keys refer to them)
    keyed = {t: list(zip(row_keys(t, rows), rows)) for t, rows in tables.items()}
    before = {t: list(rows) for t, rows in tables.items()}
    status: dict[int, str] = {}  # id(row) -> status
    edited: set[tuple[int, str]] = set()  # (id(row), column) an analyst edited
    decisions = review.get("decisions") or {}
    if not isinstance(decisions, dict):
        raise ReviewError(f"{where}: decisions must be an object keyed by row id")
    for key, dec in decisions.items():
        table = key.partition(":")[0]
        if table not in REVIEWED_TABLES or not isinstance(dec, dict):
            raise ReviewError(f"{where}: decision {key!r}: unknown table or not an object")
        if dec.get("status") not in STATUSES:
            raise ReviewError(f"{where}: decision {key!r}: status {dec.get('status')!r} is not accepted/rejected")
        snap = dec.get("row") if isinstance(dec.get("row"), dict) else None
        if snap is not None and table in SPAN_TABLES and not _span_ok(text, snap.get("start"), snap.get("end"), snap.get("text", "")):
            bad(f"{key}: recorded span [{snap.get('start')},{snap.get('end')}) {snap.get('text')!r} is not the text at those offsets")
            continue
        row = _find(keyed[table], table, key, snap)
        if row is None:
            res.stale.append(f"{key}: {_describe(table, snap)} no longer in the extraction (decision not applied)")
            continue
        status[id(row)] = dec["status"]
        for col, val in (dec.get("edits") or {}).items():
            if col in IDENTITY[table] and table in SPAN_TABLES:
                raise ReviewError(f"{where}: decision {key!r}: {col} is changed through bounds, not edits")
            if col not in row:
                raise ReviewError(f"{where}: decision {key!r}: no column {col!r} in {table}")
            _check_value(table, col, str(val), f"{where}: decision {key!r}")
            row[col] = str(val)
            edited.add((id(row), col))
    for n, b in enumerate(review.get("bounds") or []):
        key = b.get("row", "")
        table = key.partition(":")[0]
        if table not in SPAN_TABLES:
            raise ReviewError(f"{where}: bounds[{n}] {key!r}: only mentions, statistics and recommendations have spans")
        if not _span_ok(text, b.get("start"), b.get("end"), b.get("text", "")):
            bad(f"bounds[{n}] {key}: text {b.get('text')!r} is not text.txt[{b.get('start')}:{b.get('end')}]")
            continue
        dec = decisions.get(key) or {}
        row = _find(keyed[table], table, key, dec.get("row") if isinstance(dec.get("row"), dict) else None)
        if row is None:
            res.stale.append(f"bounds[{n}] {key}: row no longer in the extraction (new bounds not applied)")
            continue
        was = row["text"]
        row["start"], row["end"], row["text"] = str(int(b["start"])), str(int(b["end"])), text[int(b["start"]):int(b["end"])]
        if table == "mentions" and row["label"] in ("PERSON", "AGENCY") and row.get("entity_id"):
            _rename(tables, row["entity_id"], was, row["text"], edited, res.notes)
    res.total = sum(len(tables[t]) for t in REVIEWED_TABLES)
    res.reviewed = len(status)

    # 2. rejected rows out
    for t in REVIEWED_TABLES:
        tables[t] = [r for r in tables[t] if status.get(id(r)) != "rejected"]

    # 3. added rows
    for n, a in enumerate(review.get("added") or []):
        table, label = a.get("table"), a.get("label", "")
        if table not in ADD_TABLES or (table == "mentions" and label not in LABELS):
            raise ReviewError(f"{where}: added[{n}]: table {table!r} / label {label!r} cannot be added")
        if not _span_ok(text, a.get("start"), a.get("end"), a.get("text", "")):
            bad(f"added[{n}] {label or table}: text {a.get('text')!r} is not text.txt[{a.get('start')}:{a.get('end')}]")
            continue
        _add(res, n, table, label, int(a["start"]), int(a["end"]), a.get("fields") or {}, where)
        res.total += 1
        res.reviewed += 1
    consistent(tables, before, res.notes)
    return res


def _rename(tables: dict[str, list[dict]], ent: str, old: str, new: str, edited: set, notes: list[str]) -> None:
    """A name mention widened or narrowed: the entity named by exactly the old text takes the new text
    (unless the analyst edited that name), and so do the roles and speakers written with it."""
    t, idc = ("people", "person_id") if ent in {r["person_id"] for r in tables["people"]} else ("agencies", "agency_id")
    rows = [r for r in tables[t] if r[idc] == ent and r["name"] == old and (id(r), "name") not in edited]
    if not rows:
        return
    for r in rows:
        r["name"] = new
    notes.append(f"{t} {ent}: name {old!r} -> {new!r} (its mention's bounds changed)")
    for r in tables["people"]:
        if t == "agencies" and r.get("agency") == old and (id(r), "agency") not in edited:
            r["agency"] = new
    if t == "people":
        for r in tables["roles"]:
            if r["name"] == old and (id(r), "name") not in edited:
                r["name"] = new
        for r in tables["recommendations"]:
            if r["speaker"] == old and (id(r), "speaker") not in edited:
                r["speaker"] = new


def _check_value(table: str, col: str, val: str, at: str) -> None:
    """Edited values the contract constrains: numbers, the qualifier and role vocabularies."""
    from .gold_io import QUALIFIERS, ROLES

    if table == "statistics" and col in ("value", "value_max") and (val or col == "value"):
        try:
            float(val)
        except ValueError:
            raise ReviewError(f"{at}: {col} {val!r} is not a number") from None
    if table == "statistics" and col == "qualifier" and val not in QUALIFIERS:
        raise ReviewError(f"{at}: qualifier {val!r} not in {'/'.join(QUALIFIERS)}")
    if table == "roles" and col == "role" and val not in ROLES:
        raise ReviewError(f"{at}: role {val!r} not in {'/'.join(ROLES)}")


def _describe(table: str, snap: dict | None) -> str:
    if not snap:
        return table + " row"
    vals = [str(snap.get(c, "")) for c in IDENTITY[table]]
    return f"{table} row ({', '.join(vals)})"


def _next_id(rows: list[dict], col: str, prefix: str, width: int) -> str:
    n = 0
    for r in rows:
        v = r.get(col, "")
        if v.startswith(prefix) and v[len(prefix):].isdigit():
            n = max(n, int(v[len(prefix):]))
    return f"{prefix}{n + 1:0{width}d}"


def _add(res: Applied, n: int, table: str, label: str, s: int, e: int, fields: dict, where: str) -> None:
    """One added row; a PERSON/AGENCY mention of a new entity gets its people/agencies row."""
    tables, text, doc_id = res.tables, res.text, res.doc_id
    span = {"doc_id": doc_id, "start": str(s), "end": str(e), "text": text[s:e]}
    fields = {k: str(v) for k, v in fields.items()}
    if table == "mentions":
        if any(r["label"] == label and r["start"] == str(s) and r["end"] == str(e) for r in tables["mentions"]):
            res.notes.append(f"added[{n}] {label} [{s},{e}) is already a mention (not added twice)")
            return
        ent = ""
        name = fields.get("entity") or text[s:e]
        if label == "PERSON":
            ent = next((r["person_id"] for r in tables["people"] if name == r["name"] or name in r.get("aliases", "").split("|")), "")
            if not ent:
                ent = _next_id(tables["people"], "person_id", "P", 3)
                tables["people"].append({"doc_id": doc_id, "person_id": ent, "name": name, "title": fields.get("title", ""),
                                         "agency": fields.get("agency", ""), "aliases": "", "first_start": str(s), "former": "false"})
        elif label == "AGENCY":
            ent = next((r["agency_id"] for r in tables["agencies"] if name == r["name"] or name in r.get("variants", "").split("|")), "")
            if not ent:
                ent = _next_id(tables["agencies"], "agency_id", "A", 3)
                tables["agencies"].append({"doc_id": doc_id, "agency_id": ent, "name": name, "variants": "", "mention_count": "0"})
        tables["mentions"].append({**span, "mention_id": _next_id(tables["mentions"], "mention_id", "M", 4), "label": label,
                                   "entity_id": ent, "evidence": "added in review"})
    elif table == "statistics":
        for col in ("value", "value_max", "qualifier"):
            if col in fields or col == "value":
                _check_value(table, col, fields.get(col, ""), f"{where}: added[{n}] statistic {text[s:e]!r}")
        row = {**{c: "" for c in ("value", "value_max", "qualifier", "unit", "subject", "kind", "currency", "ratio")},
               "qualifier": "exact", **fields, **span, "stat_id": _next_id(tables["statistics"], "stat_id", "S", 4)}
        tables["statistics"].append(row)
    else:
        tables["recommendations"].append({"speaker": "", "cue": "", "session_id": "", "items": "", **fields, **span,
                                          "rec_id": _next_id(tables["recommendations"], "rec_id", "R", 4)})


# ------------------------------------------------------------------------------------ writing
def _swap_in(parent: Path, name: str, files: dict[str, bytes]) -> Path:
    """Write files into parent/name atomically: a temporary folder, then a rename over the old one."""
    parent.mkdir(parents=True, exist_ok=True)
    final, tmp, old = parent / name, parent / f".{name}.tmp-{os.getpid()}", parent / f".{name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for fname, data in files.items():
        (tmp / fname).write_bytes(data)
    swap_folder(tmp, final, old)
    return final


def load_review(path: Path) -> dict:
    try:
        review = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ReviewError(f"{path}: cannot read the review file: {exc}") from None
    if not isinstance(review, dict) or not isinstance(review.get("doc_id"), str) or not review["doc_id"]:
        raise ReviewError(f"{path}: not a review file (no doc_id)")
    doc_id = review["doc_id"]
    if "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
        raise ReviewError(f"{path}: doc_id {doc_id!r} is not a valid doc_id")
    return review


def apply_file(path: Path, out: Path, gold: Path | None, force: bool = False) -> int:
    """Apply one review file; print what was done, every stale row and what remains. 0 when done."""
    path, out = Path(path), Path(out)
    try:
        review = load_review(path)
        d = out / review["doc_id"]
        if not (d / "text.txt").exists():
            raise ReviewError(f"{path}: no extracted report {d} (run `python -m pipeline extract` first)")
        res = apply_review(review, d, where=str(path))
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for note in res.notes:
        print(f"review apply: {res.doc_id}: {note}")
    for s in res.stale:
        print(f"review apply: {res.doc_id}: stale: {s}")
    status = {"doc_id": res.doc_id, "review_file": path.name, "review_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
              "fingerprint": review.get("fingerprint") or {}, "extraction": extraction_fingerprint(d),
              "rows": res.total, "reviewed": res.reviewed, "remaining": res.remaining, "stale": res.stale}
    files = table_files(res.tables, res.text)
    files["review-status.json"] = (json.dumps(status, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    target = _swap_in(d, "reviewed", files)
    print(f"review apply: {res.doc_id}: {res.reviewed} of {res.total} row(s) reviewed, {len(res.stale)} stale -> {target}")
    if gold is None:
        return 0
    if res.remaining:
        print(f"review apply: {res.doc_id}: not gold: {res.remaining} row(s) remain to be reviewed (no gold written)")
        return 1
    gd = Path(gold) / res.doc_id
    if gd.exists() and not (gd / ".from-review.json").exists() and not force:
        print(f"error: {gd} holds gold not written by `review apply` (use --force to replace it)", file=sys.stderr)
        return 1
    gfiles = gold_files(res.tables, res.text, res.doc_id)
    gfiles[".from-review.json"] = files["review-status.json"]
    _swap_in(Path(gold), res.doc_id, gfiles)
    print(f"review apply: {res.doc_id}: gold -> {gd}")
    return 0


def apply_files(paths: list[Path], out: Path, gold: Path | None, force: bool = False) -> int:
    if not paths:
        print("review apply: no review file given", file=sys.stderr)
        return 1
    rc = 0
    seen: dict[str, Path] = {}
    for p in paths:
        try:
            doc_id = load_review(p)["doc_id"]
        except ReviewError:
            doc_id = None
        if doc_id in seen:
            print(f"review apply: {doc_id}: {p} replaces the corrections of {seen[doc_id]} (one review file per report)")
        if doc_id:
            seen[doc_id] = Path(p)
        rc = max(rc, apply_file(p, out, gold, force))
    return rc
