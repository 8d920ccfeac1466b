"""Gold round trips through annotation tools (doccano, Label Studio) and gold validation.

`export` turns gold/<doc_id>/ into one document per report: the text and its PERSON/TITLE/AGENCY
mentions as editable spans; everything else (the mentions' other columns such as `entity`, and the
non-span tables people, agencies, statistics, recommendations, sessions, roles) rides along
unchanged in the document's `meta` (doccano) or `data.meta` (Label Studio). `import_` writes the
files back; an unedited round trip reproduces every gold file byte for byte.
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

LABELS = ("PERSON", "TITLE", "AGENCY")
QUALIFIERS = ("exact", "over", "at_least", "under", "at_most", "about")
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
META_FORMAT = "pipeline-gold/1"
LS_FROM, LS_TO = "label", "text"


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
    """One report's gold as {doc_id, text, spans: [(start, end, label)], meta}."""
    text = _read_text(d / "text.txt")
    meta: dict = {"format": META_FORMAT, "doc_id": d.name, "mentions": None, "tables": {}}
    spans = []
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
            spans.append((s, e, label))
            items.append([s, e, label, {c: r[i] for c, i in idx.items() if c not in SPAN_COLUMNS}])
        meta["mentions"] = {"columns": header, "rows": items}
    for t in OTHER_TABLES:
        f = d / f"{t}.csv"
        if f.exists():
            rows = _read_rows(f)
            meta["tables"][t] = {"columns": rows[0] if rows else [], "rows": rows[1:]}
    return {"doc_id": d.name, "text": text, "spans": spans, "meta": meta}


def _entity_default(label: str, text: str, known: dict, names: set) -> str:
    if (label, text) in known:
        return known[(label, text)]
    if label == "AGENCY" or (label == "PERSON" and text in names):
        return text
    return ""


def _doc_files(doc_id: str, text: str, spans: list[tuple[int, int, str]], meta: dict) -> dict[str, bytes]:
    """Gold files of one document rebuilt from the tool's spans and the carried meta."""
    files: dict[str, bytes] = {}
    for t, tab in meta.get("tables", {}).items():
        if t not in OTHER_TABLES:
            continue
        rows = ([tab["columns"]] if tab.get("columns") else []) + [list(map(str, r)) for r in tab.get("rows", [])]
        files[f"{t}.csv"] = _csv_text(rows).encode("utf-8-sig")
    mentions = meta.get("mentions")
    if mentions is None and not spans:
        return files
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
    people = meta.get("tables", {}).get("people")
    if people and "name" in people["columns"]:
        i = people["columns"].index("name")
        j = people["columns"].index("aliases") if "aliases" in people["columns"] else None
        for r in people["rows"]:
            names.add(r[i])
            if j is not None:
                names.update(a for a in r[j].split("|") if a)
    seen = set()
    uniq = []
    for sp in spans:
        if sp not in seen:
            seen.add(sp)
            uniq.append(sp)
    # Original rows keep their place; new spans go in by start (GUIDE: rows sorted by start).
    uniq.sort(key=lambda sp: (sp[0], order.get(sp, len(order)), sp[1], sp[2]))
    out_rows = [header]
    for s, e, label in uniq:
        ex = extras.get((s, e, label))
        if ex is None:
            ex = {"doc_id": doc_id, "entity": "" if label == "TITLE" else _entity_default(label, text[s:e], known, names)}
        vals = {**ex, "label": label, "start": str(s), "end": str(e), "text": text[s:e]}
        out_rows.append([vals.get(c, "") for c in header])
    files["mentions.csv"] = _csv_text(out_rows).encode("utf-8-sig")
    return files


def _utf16_to_cp(text: str) -> list[int]:
    """Map UTF-16 code unit offsets (what JavaScript tools count) to Python str offsets."""
    m = []
    for i, ch in enumerate(text):
        m.append(i)
        if ord(ch) > 0xFFFF:
            m.append(i)
    m.append(len(text))
    return m


def _resolve(text: str, s: int, e: int, shown: str | None) -> tuple[int, int]:
    """Offsets from a tool: code points normally; UTF-16 units when only that reading matches `shown`."""
    if shown is None or text[s:e] == shown or all(ord(c) <= 0xFFFF for c in text):
        return s, e
    m = _utf16_to_cp(text)
    if s < len(m) and e < len(m) and text[m[s] : m[e]] == shown:
        return m[s], m[e]
    return s, e


# ---------------------------------------------------------------------------------------- export
def _records(gold: Path) -> list[dict]:
    recs = []
    for d in gold_doc_dirs(gold):
        if (d / "text.txt").exists():
            recs.append(_doc_record(d))
    return recs


def export(gold: Path, dest: Path, fmt: str) -> int:
    gold, dest = Path(gold), Path(dest)
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
        lines = []
        for r in recs:
            lines.append(json.dumps({"id": r["doc_id"], "text": r["text"], "label": [[s, e, lab] for s, e, lab in r["spans"]],
                                     "meta": r["meta"]}, ensure_ascii=False))
        data = ("\n".join(lines) + "\n").encode("utf-8")
    elif fmt == "label-studio":
        tasks = []
        for n, r in enumerate(recs, start=1):
            result = []
            for k, (s, e, lab) in enumerate(r["spans"], start=1):
                result.append({"id": f"m{k}", "from_name": LS_FROM, "to_name": LS_TO, "type": "labels",
                               "value": {"start": s, "end": e, "text": r["text"][s:e], "labels": [lab]}})
            tasks.append({"id": n, "data": {"text": r["text"], "doc_id": r["doc_id"], "meta": r["meta"]},
                          "annotations": [{"result": result}]})
        data = (json.dumps(tasks, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        labels = "".join(f'    <Label value="{lab}"/>\n' for lab in LABELS)
        config = (f'<View>\n  <Labels name="{LS_FROM}" toName="{LS_TO}">\n{labels}  </Labels>\n'
                  f'  <Text name="{LS_TO}" value="$text"/>\n</View>\n')
        _write_atomic(dest.with_name(dest.stem + ".label_config.xml"), config.encode("utf-8"))
    else:
        print(f"gold export: unknown format {fmt!r} (doccano or label-studio)", file=sys.stderr)
        return 2
    _write_atomic(dest, data)
    print(f"gold export: {len(recs)} report(s), {sum(len(r['spans']) for r in recs)} mention(s) -> {dest}")
    return 0


# ---------------------------------------------------------------------------------------- import
def _doccano_docs(source: Path) -> list[tuple[str, str, list, dict]]:
    docs = []
    for n, line in enumerate(source.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        obj = json.loads(line)
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        if not meta and obj.get("format") == META_FORMAT:  # doccano flattens meta into the record on export
            meta = obj
        text = obj["text"]
        spans = []
        for item in obj.get("label", obj.get("labels", [])) or []:
            if isinstance(item, dict):
                item = [item.get("start_offset"), item.get("end_offset"), item.get("label")]
            spans.append((int(item[0]), int(item[1]), str(item[2])))
        for item in obj.get("entities", []) or []:  # doccano >= 1.6 export
            spans.append((int(item["start_offset"]), int(item["end_offset"]), str(item["label"])))
        doc_id = meta.get("doc_id") or (obj.get("id") if isinstance(obj.get("id"), str) else None)
        if not doc_id:
            raise ValueError(f"{source}, line {n}: no doc_id (meta.doc_id or a string id)")
        docs.append((doc_id, text, spans, meta))
    return docs


def _ls_docs(source: Path) -> list[tuple[str, str, list, dict]]:
    tasks = json.loads(source.read_text(encoding="utf-8-sig"))
    if isinstance(tasks, dict):
        tasks = [tasks]
    docs = []
    for n, task in enumerate(tasks, start=1):
        data = task.get("data", {})
        text = data[LS_TO] if LS_TO in data else data["text"]
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else (task.get("meta") or {})
        doc_id = meta.get("doc_id") or data.get("doc_id")
        if not doc_id:
            raise ValueError(f"{source}, task {n}: no doc_id (data.doc_id or data.meta.doc_id)")
        anns = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        results = anns[0].get("result", []) if anns else (task.get("predictions") or [{}])[0].get("result", [])
        spans = []
        for item in results:
            if item.get("type") != "labels":
                continue
            v = item["value"]
            s, e = _resolve(text, int(v["start"]), int(v["end"]), v.get("text"))
            for lab in v.get("labels", []):
                spans.append((s, e, str(lab)))
        docs.append((doc_id, text, spans, meta))
    return docs


def import_(source: Path, gold: Path, fmt: str) -> int:
    source, gold = Path(source), Path(gold)
    try:
        if fmt == "doccano":
            docs = _doccano_docs(source)
        elif fmt == "label-studio":
            docs = _ls_docs(source)
        else:
            print(f"gold import: unknown format {fmt!r} (doccano or label-studio)", file=sys.stderr)
            return 2
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        print(f"gold import: cannot read {source}: {exc!r}", file=sys.stderr)
        return 1
    failed = 0
    written = []
    for doc_id, text, spans, meta in docs:
        if "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
            print(f"gold import: {doc_id!r}: not a valid doc_id", file=sys.stderr)
            failed += 1
            continue
        d = gold / doc_id
        bad = [f"{doc_id}: span [{s},{e}) {lab}: " + ("outside the text" if not 0 <= s < e <= len(text) else "unknown label")
               for s, e, lab in spans if not (0 <= s < e <= len(text)) or lab not in LABELS]
        tf = d / "text.txt"
        if tf.exists() and _read_text(tf) != text:
            bad.append(f"{doc_id}: the imported text differs from {tf}; offsets would not fit (not imported)")
        if bad:
            for b in bad:
                print(f"gold import: {b}", file=sys.stderr)
            failed += 1
            continue
        files = _doc_files(doc_id, text, spans, meta)
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
            if row["label"] not in LABELS:
                errors.append(f"{at}: label {row['label']!r} not in {'/'.join(LABELS)}")
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
