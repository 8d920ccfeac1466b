"""Tables of a report as the review sees them: row keys (the same as review.html's), the values
that identify a row across extractions, the consistency rules after corrections, and the two ways
the corrected tables are written (the report's contract CSVs, the gold format of gold/GUIDE.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .workbook import read_csv_dicts
from .write import TABLES, csv_bytes, ratio_of, sort_rows

# tables an analyst reviews row by row (warnings are notes to the reviewer, not findings)
REVIEWED_TABLES = ["mentions", "people", "agencies", "statistics", "recommendations", "sessions", "roles"]
SPAN_TABLES = ("mentions", "statistics", "recommendations")
ID_COLUMN = {"mentions": "mention_id", "statistics": "stat_id", "recommendations": "rec_id",
             "agencies": "agency_id", "sessions": "session_id"}
# the values that say "this is the same row" when a newer extraction renumbered it
IDENTITY = {
    "mentions": ("label", "start", "end", "text"),
    "statistics": ("start", "end", "text"),
    "recommendations": ("start", "end", "text"),
    "people": ("name", "title", "agency"),
    "agencies": ("name",),
    "sessions": ("title", "start", "end"),
    "roles": ("session_id", "name", "role"),
}
# the columns the review page lets an analyst edit
EDITABLE = {
    "mentions": [],
    "people": ["name", "title", "agency"],
    "agencies": ["name"],
    "statistics": ["value", "value_max", "qualifier", "unit", "subject"],
    "recommendations": ["speaker", "cue"],
    "sessions": ["title"],
    "roles": ["name", "role"],
}


def read_tables(d: Path) -> dict[str, list[dict]]:
    """Every contract table of report folder d, cells as strings (guard apostrophes removed)."""
    out = {}
    for name, cols in TABLES.items():
        rows = read_csv_dicts(d / f"{name}.csv")
        out[name] = [{c: r.get(c, "") for c in dict.fromkeys(cols + list(r))} for r in rows]
    return out


def row_keys(table: str, rows: list[dict]) -> list[str]:
    """`table:<id>` when the table's id column is filled and unique, else `table:<row number>`
    (review.html's row keys, computed the same way)."""
    idc = ID_COLUMN.get(table)
    ids = [r.get(idc, "") for r in rows] if idc else []
    if idc and all(ids) and len(set(ids)) == len(ids):
        return [f"{table}:{i}" for i in ids]
    return [f"{table}:{n}" for n in range(1, len(rows) + 1)]


def consistent(tables: dict[str, list[dict]], before: dict[str, list[dict]], notes: list[str]) -> None:
    """After rejections: an entity whose every row was rejected loses its mentions (a TITLE mention
    keeps its span, its entity_id cleared); an entity that had mentions and has none left loses its
    rows; a role of a person who is gone goes too. Counts and order are recomputed."""
    now = {r["person_id"] for r in tables["people"]} | {r["agency_id"] for r in tables["agencies"]}
    was = {r["person_id"] for r in before["people"]} | {r["agency_id"] for r in before["agencies"]}
    had = {r["entity_id"] for r in before["mentions"] if r.get("entity_id")}
    kept = []
    for m in tables["mentions"]:
        ent = m.get("entity_id", "")
        gone = ent and ent in was and ent not in now
        if gone and m["label"] != "TITLE":
            notes.append(f"mention {m.get('mention_id')} {m['label']} {m['text']!r} removed: its entity's rows were rejected")
            continue
        if gone:
            m["entity_id"] = ""
        kept.append(m)
    tables["mentions"] = kept
    # a TITLE mention points at its holder but does not make one: support is a PERSON/AGENCY mention
    supported = {m["entity_id"] for m in kept if m.get("entity_id") and m["label"] != "TITLE"}
    dropped: set[str] = set()
    for t, idc in (("people", "person_id"), ("agencies", "agency_id")):
        drop = {r[idc] for r in tables[t] if r[idc] in had and r[idc] not in supported}
        for ent in sorted(drop):
            notes.append(f"{t} {ent} removed: no mention of it is left")
        tables[t] = [r for r in tables[t] if r[idc] not in drop]
        dropped |= drop
    for m in kept:
        if m.get("entity_id") in dropped:
            m["entity_id"] = ""
    counts: dict[str, int] = {}
    for m in kept:
        if m["label"] == "AGENCY" and m.get("entity_id"):
            counts[m["entity_id"]] = counts.get(m["entity_id"], 0) + 1
    for r in tables["agencies"]:
        r["mention_count"] = str(counts.get(r["agency_id"], 0))
    names = _name_map(tables["people"])
    roles = []
    for r in tables["roles"]:
        if r["name"] in names:
            r["name"] = names[r["name"]]
            roles.append(r)
        else:
            notes.append(f"role {r['session_id']} {r['name']} {r['role']} removed: {r['name']!r} is not a person of the report")
    tables["roles"] = roles
    for r in tables["statistics"]:
        try:
            ratio = ratio_of(float(r["value"]), r.get("unit", "")) if r.get("value") not in ("", None) else None
        except ValueError:
            ratio = None
        r["ratio"] = "" if ratio is None else _num(ratio)
    for t, tie in (("mentions", ["label", "end"]), ("statistics", ["end"]), ("recommendations", ["end"])):
        tables[t] = sort_rows(tables[t], tie)
    tables["people"].sort(key=lambda r: (int(r["first_start"] or 0), r["person_id"], r["title"], r["agency"]))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _name_map(people: list[dict]) -> dict[str, str]:
    """Every written form of a person (name or alias) -> the name of its first row."""
    first: dict[str, str] = {}
    for r in people:
        first.setdefault(r["person_id"], r["name"])
    out: dict[str, str] = {}
    for r in people:
        canon = first[r["person_id"]]
        for form in [r["name"]] + [a for a in r.get("aliases", "").split("|") if a]:
            out.setdefault(form, canon)
    return out


def table_files(tables: dict[str, list[dict]], text: str) -> dict[str, bytes]:
    """The report folder's files (text.txt and the contract CSVs, same columns) from corrected tables."""
    files = {"text.txt": text.encode("utf-8")}
    for name, cols in TABLES.items():
        files[f"{name}.csv"] = csv_bytes(cols, tables.get(name, []))
    return files


def _gold_csv(columns: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    seen = set()
    for r in rows:
        vals = tuple(str(r.get(c, "")) for c in columns)
        if vals not in seen:  # two corrected rows that became the same row are one gold row
            seen.add(vals)
            w.writerow(vals)
    return buf.getvalue().encode("utf-8-sig")


def gold_files(tables: dict[str, list[dict]], text: str, doc_id: str) -> dict[str, bytes]:
    """The corrected tables in the gold format (gold/GUIDE.md): entity as the canonical name, flags as 1/empty."""
    from .gold_io import GOLD_TABLES

    pname = {}
    for r in tables["people"]:
        pname.setdefault(r["person_id"], r["name"])
    aname = {r["agency_id"]: r["name"] for r in tables["agencies"]}
    mentions, people, agencies = [], list(tables["people"]), list(tables["agencies"])
    for m in tables["mentions"]:
        ent = "" if m["label"] == "TITLE" else (pname if m["label"] == "PERSON" else aname).get(m.get("entity_id", ""), "")
        if not ent and m["label"] != "TITLE":
            # an accepted PERSON/AGENCY mention of no entity: its own row (gold check cross-references them)
            ent = m["text"]
            if m["label"] == "PERSON" and ent not in {r["name"] for r in people}:
                people.append({"name": ent, "title": "", "agency": "", "aliases": "", "former": "", "first_start": m["start"]})
            if m["label"] == "AGENCY" and ent not in {r["name"] for r in agencies}:
                agencies.append({"name": ent, "variants": ""})
        mentions.append({**m, "entity": ent})
    people = [{**r, "former": "1" if r.get("former") in ("true", "1") else ""} for r in people]
    recs = [{**r, "optional": ""} for r in tables["recommendations"]]
    extra = {"recommendations": ["items"], "people": [], "statistics": []}
    rows = {"mentions": mentions, "people": people, "agencies": agencies, "statistics": tables["statistics"],
            "recommendations": recs, "sessions": tables["sessions"], "roles": tables["roles"]}
    files = {"text.txt": text.encode("utf-8")}
    for t, rs in rows.items():
        rs = [{**r, "doc_id": doc_id} for r in rs]
        files[f"{t}.csv"] = _gold_csv(GOLD_TABLES[t] + extra.get(t, []), rs)
    return files
