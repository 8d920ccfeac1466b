"""Gold round trips through annotation tools (doccano, Label Studio) and gold validation.

`export` turns gold/<doc_id>/ into one document per report: the text and its spans — mentions
(PERSON/TITLE/AGENCY), statistics (STAT) and recommendations (REC), their other columns as per-span
attributes (pipeline/gold_formats/: labelstudio.py, doccano.py; docs/label-studio.md). The other
tables (people, agencies, sessions, roles, report) and every table's columns ride along unchanged in
the document's `meta` (doccano) or `data.meta` (Label Studio). `import_` writes the files back; an
unedited round trip reproduces every gold file byte for byte. On import a span whose text disagrees
with its offsets stops everything (exit 2), and new PERSON/AGENCY entities get people/agencies rows.
`validate_gold` / `check_dir` check offsets, vocabularies and duplicates, naming file and row.
"""

from __future__ import annotations

import csv
import re
import io
import json
import os
import sys
from pathlib import Path

from .gold_formats import LABELS as TOOL_LABELS  # mentions + STAT + REC: the span labels of the tools
from .gold_formats import ATTRS, MENTION_LABELS, META_FORMAT, QUALIFIERS, SPAN_TABLES, Span, attr_columns, label_config
from .gold_formats import doccano, labelstudio
from .gold_formats.labelstudio import resolve as _resolve  # noqa: F401  (kept for callers)

LABELS = MENTION_LABELS  # labels of mentions.csv (review mode and callers import this)

ROLES = ("opening_remarks", "moderator", "panelist", "speaker", "closing_remarks")
FLAGS = ("", "1")

# GUIDE.md: file -> columns (required; extra columns are carried along and not checked)
GOLD_TABLES = {
    "mentions": ["doc_id", "label", "start", "end", "text", "entity"],
    "people": ["doc_id", "name", "title", "agency", "aliases", "former"],
    "agencies": ["doc_id", "name", "variants"],
    "statistics": ["doc_id", "start", "end", "text", "value", "value_max", "qualifier", "unit", "subject"],
    "recommendations": ["doc_id", "start", "end", "text", "speaker", "cue", "optional"],
    "sessions": ["doc_id", "session_id", "title", "start", "end"],
    "roles": ["doc_id", "session_id", "name", "role", "on_behalf_of"],
    "report": ["doc_id", "date", "date_text"],
}
OTHER_TABLES = [t for t in GOLD_TABLES if t != "mentions"]
SPAN_COLUMNS = ("label", "start", "end", "text")  # of a mention: what the annotation tool edits
SPAN_LABEL = {t: lab for lab, t in SPAN_TABLES.items()}  # statistics -> STAT, recommendations -> REC


# ----------------------------------------------------------------------------------------- files
def _csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _read_rows(path: Path) -> list[list[str]]:
    """Rows of a gold CSV exactly as stored (no guard stripping: gold is hand-written text)."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # no newline translation: offsets refer to these chars


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def gold_doc_dirs(gold: Path) -> list[Path]:
    if not gold.is_dir():
        return []
    return sorted(p for p in gold.iterdir() if p.is_dir() and not p.name.startswith("."))


# ------------------------------------------------------------------------------------ documents
def _doc_record(d: Path) -> dict:
    """One report's gold as {doc_id, text, spans: [Span], meta}. Mentions, statistics and
    recommendations become spans (their other columns the spans' attributes); the other tables ride
    along unchanged in meta, with the column lists of every table."""
    text = _read_text(d / "text.txt")
    meta: dict = {"format": META_FORMAT, "doc_id": d.name, "mentions": None, "tables": {}}
    spans: list[Span] = []
    mf = d / "mentions.csv"
    if mf.exists():
        rows = _read_rows(mf)
        header, body = (rows[0], rows[1:]) if rows else (list(GOLD_TABLES["mentions"]), [])
        idx = {c: i for i, c in enumerate(header)}
        missing = [c for c in SPAN_COLUMNS if c not in idx]
        if missing:
            raise ValueError(f"{mf}: missing column(s) {', '.join(missing)}")
        items = []
        for n, r in enumerate(body, start=2):
            r = r + [""] * (len(header) - len(r))
            try:
                s, e = int(r[idx["start"]]), int(r[idx["end"]])
            except ValueError:
                raise ValueError(f"{mf}, line {n}: start/end are not integers") from None
            label = r[idx["label"]]
            attrs = {c: r[idx[c]] for c in attr_columns(header) if c in ATTRS and label in ATTRS[c][0]}
            spans.append(Span(s, e, label, attrs))
            items.append([s, e, label, {c: r[i] for c, i in idx.items() if c not in SPAN_COLUMNS}])
        meta["mentions"] = {"columns": header, "rows": items}
    for t in OTHER_TABLES:
        f = d / f"{t}.csv"
        if not f.exists():
            continue
        rows = _read_rows(f)
        header = rows[0] if rows else []
        if t not in SPAN_LABEL:
            meta["tables"][t] = {"columns": header, "rows": rows[1:]}
            continue
        meta["tables"][t] = {"columns": header}  # the rows are the spans
        idx = {c: i for i, c in enumerate(header)}
        if "start" not in idx or "end" not in idx:
            raise ValueError(f"{f}: missing column start/end")
        for n, r in enumerate(rows[1:], start=2):
            r = r + [""] * (len(header) - len(r))
            try:
                s, e = int(r[idx["start"]]), int(r[idx["end"]])
            except ValueError:
                raise ValueError(f"{f}, line {n}: start/end are not integers") from None
            spans.append(Span(s, e, SPAN_LABEL[t], {c: r[idx[c]] for c in attr_columns(header)}))
    return {"doc_id": d.name, "text": text, "spans": spans, "meta": meta}


def _entity_default(label: str, text: str, known: dict, names: set) -> str:
    if (label, text) in known:
        return known[(label, text)]
    if label == "AGENCY" or (label == "PERSON" and text in names):
        return text
    return ""


def _uniq(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for sp in spans:
        if sp.key not in seen:
            seen.add(sp.key)
            out.append(sp)
    return out


def _mention_rows(doc_id: str, text: str, spans: list[Span], meta: dict, tables: dict) -> list[list[str]]:
    mentions = meta.get("mentions")
    header = mentions["columns"] if mentions else list(GOLD_TABLES["mentions"])
    old = mentions["rows"] if mentions else []
    order: dict[tuple, int] = {}
    extras: dict[tuple, dict] = {}
    known: dict[tuple, str] = {}
    for n, (s, e, label, ex) in enumerate(old):
        key = (int(s), int(e), label)
        order.setdefault(key, n)
        extras.setdefault(key, ex)
        if ex.get("entity"):
            known.setdefault((label, text[int(s) : int(e)]), ex["entity"])
    names = set()
    people = tables.get("people")
    if people and "name" in people["columns"]:
        i = people["columns"].index("name")
        j = people["columns"].index("aliases") if "aliases" in people["columns"] else None
        for r in people["rows"]:
            names.add(r[i])
            if j is not None:
                names.update(a for a in r[j].split("|") if a)
    uniq = _uniq(spans)
    # Original rows keep their place; new spans go in by start (GUIDE: rows sorted by start).
    uniq.sort(key=lambda sp: (sp.start, order.get(sp.key, len(order)), sp.end, sp.label))
    out_rows = [header]
    for sp in uniq:
        s, e, label = sp.key
        ex = extras.get(sp.key)
        if ex is None:
            ex = {"doc_id": doc_id, "entity": "" if label == "TITLE" else _entity_default(label, text[s:e], known, names)}
        tool = {c: v for c, v in (sp.attrs or {}).items() if v != "" and c != "doc_id"}
        vals = {**ex, **tool, "label": label, "start": str(s), "end": str(e), "text": text[s:e]}
        out_rows.append([vals.get(c, "") for c in header])
    return out_rows


def _new_entities(doc_id: str, mention_rows: list[list[str]], tables: dict) -> list[str]:
    """PERSON/AGENCY entities without a people/agencies row get one (people: title and agency empty,
    the annotator fills them in). Returns a message per row created."""
    header, body = mention_rows[0], mention_rows[1:]
    if "entity" not in header:
        return []
    li, ei = header.index("label"), header.index("entity")
    made = []
    for label, table in (("PERSON", "people"), ("AGENCY", "agencies")):
        tab = tables.setdefault(table, {"columns": list(GOLD_TABLES[table]), "rows": []})
        cols = tab["columns"] or list(GOLD_TABLES[table])
        tab["columns"] = cols
        if "name" not in cols:
            continue
        have = {r[cols.index("name")] for r in tab["rows"] if len(r) > cols.index("name")}
        for r in body:
            ent = r[ei]
            if r[li] == label and ent and ent not in have:
                have.add(ent)
                tab["rows"].append([doc_id if c == "doc_id" else ent if c == "name" else "" for c in cols])
                extra = " (title, agency empty: fill them in if the report gives them)" if table == "people" else ""
                made.append(f"{doc_id}: created {table}.csv row name={ent!r}{extra}")
    return made


def _doc_files(doc_id: str, text: str, spans: list[Span], meta: dict) -> tuple[dict[str, bytes], list[str]]:
    """Gold files of one document rebuilt from the tool's spans and the carried meta, and the
    messages about people/agencies rows created for new entities."""
    tables = {t: {"columns": list(tab.get("columns") or []), "rows": [list(map(str, r)) for r in tab.get("rows", [])]}
              for t, tab in meta.get("tables", {}).items() if t in OTHER_TABLES and t not in SPAN_LABEL}
    present = set(tables)
    for t, label in SPAN_LABEL.items():
        mine = sorted(_uniq([sp for sp in spans if sp.label == label]), key=lambda sp: sp.start)
        tab = meta.get("tables", {}).get(t)
        if tab is None and not mine:
            continue
        header = (tab or {}).get("columns") or list(GOLD_TABLES[t])
        rows = []
        for sp in mine:
            vals = {**(sp.attrs or {}), "doc_id": doc_id, "start": str(sp.start), "end": str(sp.end), "text": text[sp.start : sp.end]}
            rows.append([vals.get(c, "") for c in header])
        tables[t] = {"columns": header, "rows": rows}
        present.add(t)
    made = []
    mention_spans = [sp for sp in spans if sp.label in MENTION_LABELS]
    files: dict[str, bytes] = {}
    if meta.get("mentions") is not None or mention_spans:
        mrows = _mention_rows(doc_id, text, mention_spans, meta, tables)
        files["mentions.csv"] = _csv_text(mrows).encode("utf-8-sig")
        made = _new_entities(doc_id, mrows, tables)
    for t in OTHER_TABLES:
        if t in tables and (t in present or tables[t]["rows"]):
            tab = tables[t]
            files[f"{t}.csv"] = _csv_text(([tab["columns"]] if tab["columns"] else []) + tab["rows"]).encode("utf-8-sig")
    return files, made


# ---------------------------------------------------------------------------------------- export
def _records(gold: Path) -> list[dict]:
    recs = []
    for d in gold_doc_dirs(gold):
        if (d / "text.txt").exists():
            recs.append(_doc_record(d))
    return recs


def _fmt(fmt: str) -> str:
    return "label-studio" if fmt in ("labelstudio", "label_studio") else fmt


def export(gold: Path, dest: Path, fmt: str) -> int:
    gold, dest, fmt = Path(gold), Path(dest), _fmt(fmt)
    try:
        recs = _records(gold)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"gold export: {exc}", file=sys.stderr)
        return 1
    if not recs:
        print(f"gold export: no report with text.txt in {gold}", file=sys.stderr)
        return 1
    problems = validate_gold(gold)
    if problems:
        print(f"gold export: warning: {len(problems)} problem(s) in {gold} (run `python -m pipeline gold check`)", file=sys.stderr)
    if fmt == "doccano":
        data = ("\n".join(doccano.lines(recs)) + "\n").encode("utf-8")
    elif fmt == "label-studio":
        data = (json.dumps(labelstudio.tasks(recs), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        _write_atomic(dest.with_name(dest.stem + ".label_config.xml"), label_config().encode("utf-8"))
    else:
        print(f"gold export: unknown format {fmt!r} (doccano or label-studio)", file=sys.stderr)
        return 2
    _write_atomic(dest, data)
    n = {lab: sum(sp.label == lab for r in recs for sp in r["spans"]) for lab in TOOL_LABELS}
    n_m = sum(n[lab] for lab in MENTION_LABELS)
    print(f"gold export: {len(recs)} report(s), {n_m} mention(s), {n['STAT']} statistic(s), {n['REC']} recommendation(s) -> {dest}")
    return 0


# ---------------------------------------------------------------------------------------- import
def _text_mismatches(docs, gold: Path) -> list[str]:
    """Spans whose shown text is not text[start:end] (a report whose text differs from its gold
    text.txt is rejected as a whole below, its spans are not checked here)."""
    out = []
    for doc_id, text, spans, _ in docs:
        tf = gold / doc_id / "text.txt"
        if "/" not in doc_id and "\\" not in doc_id and tf.exists() and _read_text(tf) != text:
            continue
        for sp in spans:
            if sp.shown is not None and 0 <= sp.start < sp.end <= len(text) and text[sp.start : sp.end] != sp.shown:
                out.append(f"{sp.at or doc_id}: {sp.label} [{sp.start},{sp.end}) text {sp.shown!r} "
                           f"!= text.txt[{sp.start}:{sp.end}] {text[sp.start : sp.end]!r}")
    return out


def import_(source: Path, gold: Path, fmt: str) -> int:
    source, gold, fmt = Path(source), Path(gold), _fmt(fmt)
    try:
        if fmt == "doccano":
            docs = doccano.read(source)
        elif fmt == "label-studio":
            docs = labelstudio.read(source)
        else:
            print(f"gold import: unknown format {fmt!r} (doccano or label-studio)", file=sys.stderr)
            return 2
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        print(f"gold import: cannot read {source}: {exc!r}", file=sys.stderr)
        return 1
    mismatches = _text_mismatches(docs, gold)
    if mismatches:  # the offsets do not say what the annotator saw: nothing is written
        for m in mismatches:
            print(f"gold import: {m}", file=sys.stderr)
        print(f"gold import: {len(mismatches)} span(s) whose text disagrees with their offsets; nothing written", file=sys.stderr)
        return 2
    failed = 0
    written = []
    for doc_id, text, spans, meta in docs:
        if "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
            print(f"gold import: {doc_id!r}: not a valid doc_id", file=sys.stderr)
            failed += 1
            continue
        d = gold / doc_id
        bad = [f"{doc_id}: span [{sp.start},{sp.end}) {sp.label}: "
               + ("outside the text" if not 0 <= sp.start < sp.end <= len(text) else f"unknown label (not {'/'.join(TOOL_LABELS)})")
               + (f" ({sp.at})" if sp.at else "")
               for sp in spans if not (0 <= sp.start < sp.end <= len(text)) or sp.label not in TOOL_LABELS]
        tf = d / "text.txt"
        if tf.exists() and _read_text(tf) != text:
            bad.append(f"{doc_id}: the imported text differs from {tf}; offsets would not fit (not imported)")
        if bad:
            for b in bad:
                print(f"gold import: {b}", file=sys.stderr)
            failed += 1
            continue
        files, made = _doc_files(doc_id, text, spans, meta)
        for m in made:
            print(f"gold import: {m}")
        if not tf.exists():
            files = {"text.txt": text.encode("utf-8"), **files}
        for name, data in files.items():
            _write_atomic(d / name, data)
        written.append(doc_id)
    problems = [p for p in validate_gold(gold) if any(f"/{doc_id}/" in p or p.startswith(f"{doc_id}/") for doc_id in written)]
    for p in problems:
        print(f"gold import: check: {p}", file=sys.stderr)
    print(f"gold import: {len(written)} report(s) -> {gold}" + (f", {failed} rejected" if failed else ""))
    return 1 if failed or problems else 0


# ------------------------------------------------------------------------------------ validation
def _int(v: str) -> int | None:
    try:
        return int(v)
    except ValueError:
        return None


def _float_ok(v: str) -> bool:
    try:
        float(v)
        return True
    except ValueError:
        return False


def _check_file(d: Path, table: str, text: str | None, errors: list[str]) -> list[dict]:
    f = d / f"{table}.csv"
    raw = f.read_bytes()
    where = str(f)
    if not raw.startswith(b"\xef\xbb\xbf"):
        errors.append(f"{where}: not UTF-8 with BOM (utf-8-sig)")
    if b"\r" in raw:
        errors.append(f"{where}: line ends must be \\n, found \\r")
    try:
        reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
        rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        errors.append(f"{where}: unreadable: {exc}")
        return []
    if not rows:
        errors.append(f"{where}: empty file (a header row is required)")
        return []
    header = rows[0]
    missing = [c for c in GOLD_TABLES[table] if c not in header]
    if missing:
        errors.append(f"{where}: missing column(s) {', '.join(missing)}")
        return []
    idx = {c: i for i, c in enumerate(header)}
    out = []
    seen: dict[tuple, int] = {}
    prev_start = None
    for n, r in enumerate(rows[1:], start=1):
        at = f"{where} row {n} (line {n + 1})"
        if len(r) != len(header):
            errors.append(f"{at}: {len(r)} cells, header has {len(header)}")
            r = r + [""] * (len(header) - len(r))
        row = {c: r[i] for c, i in idx.items()}
        out.append(row)
        if row["doc_id"] != d.name:
            errors.append(f"{at}: doc_id {row['doc_id']!r} is not the folder name {d.name!r}")
        key = tuple(r) if table != "mentions" else (row["label"], row["start"], row["end"])
        if key in seen:
            errors.append(f"{at}: duplicate of row {seen[key]}")
        else:
            seen[key] = n
        if "start" in row:
            s, e = _int(row["start"]), _int(row["end"])
            if s is None or e is None:
                errors.append(f"{at}: start/end {row['start']!r},{row['end']!r} are not integers")
            elif text is not None:
                if not (0 <= s < e <= len(text)) and not (table == "sessions" and 0 <= s <= e <= len(text)):
                    errors.append(f"{at}: span [{s},{e}) outside text.txt (length {len(text)})")
                elif "text" in row and text[s:e] != row["text"]:
                    errors.append(f"{at}: text {row['text']!r} != text.txt[{s}:{e}] {text[s:e]!r}")
            if s is not None and prev_start is not None and s < prev_start:
                errors.append(f"{at}: rows not sorted by start ({s} after {prev_start})")
            prev_start = s if s is not None else prev_start
        if table == "mentions":
            if row["label"] not in MENTION_LABELS:
                errors.append(f"{at}: label {row['label']!r} not in {'/'.join(MENTION_LABELS)}")
            elif row["label"] == "TITLE" and row["entity"]:
                errors.append(f"{at}: TITLE mention with entity {row['entity']!r} (entity is empty for TITLE)")
            elif row["label"] != "TITLE" and not row["entity"]:
                errors.append(f"{at}: {row['label']} mention {row['text']!r} without entity")
        elif table == "statistics":
            if row["qualifier"] not in QUALIFIERS:
                errors.append(f"{at}: qualifier {row['qualifier']!r} not in {'/'.join(QUALIFIERS)}")
            if not _float_ok(row["value"]):
                errors.append(f"{at}: value {row['value']!r} is not a number")
            if row["value_max"] and not _float_ok(row["value_max"]):
                errors.append(f"{at}: value_max {row['value_max']!r} is not a number")
        elif table == "recommendations":
            if row["optional"] not in FLAGS:
                errors.append(f"{at}: optional {row['optional']!r} must be 1 or empty")
        elif table == "people":
            if row["former"] not in FLAGS:
                errors.append(f"{at}: former {row['former']!r} must be 1 or empty")
            if not row["name"]:
                errors.append(f"{at}: empty name")
        elif table == "agencies":
            if not row["name"]:
                errors.append(f"{at}: empty name")
        elif table == "report":
            if row["date"] and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", row["date"]):
                errors.append(f"{at}: date {row['date']!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
            if row["date_text"] and text is not None and row["date_text"] not in text:
                errors.append(f"{at}: date_text {row['date_text']!r} does not occur in text.txt")
        elif table == "roles":
            if row["role"] not in ROLES:
                errors.append(f"{at}: role {row['role']!r} not in {'/'.join(ROLES)}")
            if not row["name"]:
                errors.append(f"{at}: empty name")
    return out


def _cross_check(d: Path, rows: dict[str, list[dict]]) -> list[str]:
    """References between the files of one report: names and session ids must exist where they point."""
    errors = []
    people = {r["name"] for r in rows.get("people", [])} if "people" in rows else None
    agencies = {r["name"] for r in rows.get("agencies", [])} if "agencies" in rows else None
    sessions = {r["session_id"] for r in rows.get("sessions", [])} if "sessions" in rows else None

    def at(table, n):
        return f"{d / (table + '.csv')} row {n} (line {n + 1})"

    for n, r in enumerate(rows.get("mentions", []), start=1):
        if r["label"] == "PERSON" and r["entity"] and people is not None and r["entity"] not in people:
            errors.append(f"{at('mentions', n)}: entity {r['entity']!r} is not a name in people.csv")
        if r["label"] == "AGENCY" and r["entity"] and agencies is not None and r["entity"] not in agencies:
            errors.append(f"{at('mentions', n)}: entity {r['entity']!r} is not a name in agencies.csv")
    for n, r in enumerate(rows.get("roles", []), start=1):
        if r["session_id"] and sessions is not None and r["session_id"] not in sessions:
            errors.append(f"{at('roles', n)}: session_id {r['session_id']!r} not in sessions.csv")
        if r["name"] and people is not None and r["name"] not in people:
            errors.append(f"{at('roles', n)}: name {r['name']!r} is not a name in people.csv")
    return errors


def validate_gold(gold: Path) -> list[str]:
    """Every problem in the gold folder, one message per problem naming the file and row."""
    gold = Path(gold)
    errors: list[str] = []
    if not gold.is_dir():
        return [f"{gold}: not a folder"]
    for d in gold_doc_dirs(gold):
        tf = d / "text.txt"
        text = None
        if not tf.exists():
            if any((d / f"{t}.csv").exists() for t in GOLD_TABLES):
                errors.append(f"{d}: CSV files but no text.txt")
            continue
        try:
            raw = tf.read_bytes()
            text = raw.decode("utf-8")
            if b"\r" in raw:
                errors.append(f"{tf}: contains \\r (text.txt has \\n line ends)")
            if text.startswith("\ufeff"):
                errors.append(f"{tf}: starts with a BOM (text.txt is plain UTF-8)")
        except UnicodeDecodeError as exc:
            errors.append(f"{tf}: not UTF-8: {exc}")
            text = None
        rows = {}
        for t in GOLD_TABLES:
            if (d / f"{t}.csv").exists():
                rows[t] = _check_file(d, t, text, errors)
        errors += _cross_check(d, rows)
    return errors


def check_dir(gold: Path) -> int:
    errors = validate_gold(Path(gold))
    for e in errors:
        print(e)
    n = len(gold_doc_dirs(Path(gold)))
    if errors:
        print(f"gold check: {len(errors)} error(s) in {gold}")
        return 1
    print(f"gold check: {n} report(s) in {gold}: OK")
    return 0
