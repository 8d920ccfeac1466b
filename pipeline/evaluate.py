"""Scoring of extracted/ against gold/ by the rules of CONTRACT §4.

Micro-averaged over every document that has gold. Mentions are scored with nervaluate (strict and
partial schemes); everything else with one-to-one matching as the contract describes. Besides the
printed table, writes extracted/evaluation.csv and extracted/evaluation.md (with every error in context).

A report with extracted/<doc_id>/reviewed/ (`review apply`) and no gold folder is scored against its
reviewed tables: the extraction's accuracy on work an analyst checked. Those scores are kept apart
(doc_id REVIEWED for their micro-average, column `against` = reviewed), since a review starts from
the extraction and so favours it more than gold written from the text alone.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MENTION_LABELS = ["PERSON", "TITLE", "AGENCY"]


def norm(text: str) -> str:
    """CONTRACT §4: NFKC, 臺→台, whitespace removed, casefold."""
    t = unicodedata.normalize("NFKC", text or "").replace("臺", "台")
    return re.sub(r"\s+", "", t).casefold()


def read_csv(path: Path) -> list[dict]:
    """A CSV the pipeline wrote, as dicts (see iter_csv)."""
    return list(iter_csv(path))


def iter_csv(path: Path):
    """The rows of a CSV the pipeline wrote, one dict at a time (DictReader's reading: blank lines skipped,
    a short row padded with None, extra cells under None), with the spreadsheet guard (a leading ' before
    = + - @) undone; nothing when the file is missing. csv.reader and zip rather than DictReader: the
    registry reads every report's rows on each run."""
    if not path.exists():
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        records = csv.reader(fh)
        header = next(records, None)
        if header is None:
            return
        width = len(header)
        for rec in records:
            if not rec:
                continue
            if "'" in "".join(rec):
                rec = [_unguarded(v) for v in rec]
            row = dict(zip(header, rec))
            if len(rec) != width:
                if len(rec) < width:
                    row.update(dict.fromkeys(header[len(rec):]))
                else:
                    row[None] = rec[width:]
            yield row


def _unguarded(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and len(cell) > 1 and cell[1] in "=+-@" else cell


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attrs: dict = field(default_factory=dict)  # name -> [right, total]
    errors: list = field(default_factory=list)  # (doc_id, kind, text, start, end, note)

    def add(self, other: "Score"):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, (r, t) in other.attrs.items():
            a = self.attrs.setdefault(k, [0, 0])
            a[0] += r
            a[1] += t
        self.errors += other.errors

    def attr(self, name: str, right: bool):
        a = self.attrs.setdefault(name, [0, 0])
        a[0] += int(right)
        a[1] += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _float(x) -> float | None:
    try:
        return float(x) if x not in ("", None) else None
    except ValueError:
        return None


def _overlap(a, b) -> bool:
    return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])


def score_mentions(doc_id, gold, pred, text) -> dict[str, Score]:
    """Per label strict and partial scores through nervaluate, plus the span errors for the report."""
    from nervaluate import Evaluator

    def spans(rows):
        return [[{"label": r["label"], "start": int(r["start"]), "end": int(r["end"]) - 1} for r in rows if r["label"] in MENTION_LABELS]]

    out = {}
    res = Evaluator(spans(gold), spans(pred), tags=MENTION_LABELS, loader="default").evaluate()
    by_tag = res["entities"]
    for label in MENTION_LABELS:
        for scheme in ("strict", "partial"):
            m = _by_tag(by_tag, label, scheme)
            tp = m["correct"] + (m["partial"] if scheme == "partial" else 0)
            s = Score(tp=tp, fp=m["actual"] - tp, fn=m["possible"] - tp)
            if scheme == "strict":
                gold_set = {(int(r["start"]), int(r["end"])) for r in gold if r["label"] == label}
                pred_set = {(int(r["start"]), int(r["end"])) for r in pred if r["label"] == label}
                for st, en in sorted(pred_set - gold_set):
                    s.errors.append((doc_id, "FP", text[st:en], st, en, label))
                for st, en in sorted(gold_set - pred_set):
                    s.errors.append((doc_id, "FN", text[st:en], st, en, label))
            out[f"{label}/{scheme}"] = s
    return out


def _by_tag(by_tag, label, scheme):
    if label not in by_tag:
        return {"correct": 0, "incorrect": 0, "partial": 0, "missed": 0, "spurious": 0, "possible": 0, "actual": 0}
    m = by_tag[label][scheme]
    if not isinstance(m, dict):
        m = {k: getattr(m, k) for k in ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual")}
    return m


def score_people(doc_id, gold, pred) -> tuple[Score, Score]:
    gold_people: dict[str, set] = {}
    for r in gold:
        key = norm(r["name"])
        names = gold_people.setdefault(key, {key})
        names.update(norm(a) for a in (r.get("aliases") or "").split("|") if a)
    pred_names = {}
    for r in pred:
        pred_names.setdefault(norm(r["name"]), r["name"])
    people, paired = match_distinct(doc_id, "person", gold_people, [(pn, {pn}) for pn in sorted(pred_names)], lambda g, p: bool(g & p))
    people.errors = [(d, k, pred_names.get(t, t) if k == "FP" else t, a, b, w) for d, k, t, a, b, w in people.errors]
    matched: dict[str, str] = paired  # pred norm -> gold key

    aff = Score()
    gold_pairs = {}
    for r in gold:
        if r.get("title"):
            gold_pairs.setdefault((norm(r["name"]), norm(r["title"])), []).append(norm(r.get("agency", "")))
    pred_pairs = {}
    for r in pred:
        if r.get("title"):
            g = matched.get(norm(r["name"]), "?" + norm(r["name"]))
            pred_pairs.setdefault((g, norm(r["title"])), []).append((norm(r.get("agency", "")), r))
    for key, rows in sorted(pred_pairs.items()):
        if key in gold_pairs:
            aff.tp += 1
            g_ag = gold_pairs[key]
            p_ag = rows[0][0]
            ok = any(p_ag == g or (p_ag and g and (p_ag in g or g in p_ag)) for g in g_ag)
            aff.attr("agency", ok)
            if not ok:
                aff.errors.append((doc_id, "agency", f"{rows[0][1]['name']} {rows[0][1]['title']}: {rows[0][1].get('agency', '')} ≠ {g_ag[0]}", "", "", "affiliation"))
        else:
            aff.fp += 1
            aff.errors.append((doc_id, "FP", f"{rows[0][1]['name']} / {rows[0][1]['title']} / {rows[0][1].get('agency', '')}", "", "", "affiliation"))
    for key in sorted(set(gold_pairs) - set(pred_pairs)):
        aff.fn += 1
        aff.errors.append((doc_id, "FN", f"{key[0]} / {key[1]} / {gold_pairs[key][0]}", "", "", "affiliation"))
    return people, aff


def match_distinct(doc_id: str, what: str, gold: dict[str, set], pred: list[tuple[str, set]], matches) -> tuple[Score, dict]:
    """One-to-one matching of distinct names: each prediction (label, its forms) takes the first free
    gold entry that `matches(gold_forms, pred_forms)`; returns the score and pred label → gold key."""
    s = Score()
    free = set(gold)
    paired = {}
    for label, forms in pred:
        g = next((k for k in sorted(free) if matches(gold[k], forms)), None)
        if g is None:
            s.fp += 1
            s.errors.append((doc_id, "FP", label, "", "", what))
        else:
            s.tp += 1
            paired[label] = g
            free.discard(g)
    for g in sorted(free):
        s.fn += 1
        s.errors.append((doc_id, "FN", g, "", "", what))
    return s, paired


def _forms(r, key: str, others: str) -> set:
    return {norm(r[key])} | {norm(v) for v in (r.get(others) or "").split("|") if v}


def score_agencies(doc_id, gold, pred) -> Score:
    gold_names = {norm(r["name"]): _forms(r, "name", "variants") for r in gold}
    preds = [(r["name"], _forms(r, "name", "variants")) for r in sorted(pred, key=lambda r: r["name"])]
    return match_distinct(doc_id, "agency", gold_names, preds, lambda g, p: bool(g & p))[0]


def score_statistics(doc_id, gold, pred) -> Score:
    s = Score()
    used = set()
    for p in sorted(pred, key=lambda r: int(r["start"])):
        pv = _float(p["value"])
        g = next((i for i, g in enumerate(gold) if i not in used and _overlap(p, g) and _float(g["value"]) == pv), None)
        if g is None:
            s.fp += 1
            s.errors.append((doc_id, "FP", p["text"], int(p["start"]), int(p["end"]), f"value={p['value']}"))
            continue
        used.add(g)
        s.tp += 1
        gr = gold[g]
        s.attr("qualifier", p.get("qualifier", "") == gr.get("qualifier", ""))
        s.attr("unit", norm(p.get("unit", "")) == norm(gr.get("unit", "")))
        s.attr("value_max", _float(p.get("value_max")) == _float(gr.get("value_max")))
        s.attr("subject", norm(p.get("subject", "")) == norm(gr.get("subject", "")))
        s.attr("exact_span", (p["start"], p["end"]) == (gr["start"], gr["end"]))
        for a in ("qualifier", "unit", "value_max", "subject"):
            if norm(str(p.get(a, ""))) != norm(str(gr.get(a, ""))) and not (a == "value_max" and _float(p.get(a)) == _float(gr.get(a))):
                s.errors.append((doc_id, a, p["text"], int(p["start"]), int(p["end"]), f"{p.get(a, '')!r} ≠ gold {gr.get(a, '')!r}"))
    for i, g in enumerate(gold):
        if i not in used:
            s.fn += 1
            s.errors.append((doc_id, "FN", g["text"], int(g["start"]), int(g["end"]), f"value={g['value']}"))
    return s


def score_items(doc_id, gold, pred) -> Score | None:
    """Enumerated items of matched recommendations: exact items (after norm) as tp / fp / fn; None
    when the gold has no items column."""
    if not gold or "items" not in gold[0]:
        return None
    s = Score()
    used = set()
    for p in sorted(pred, key=lambda r: int(r["start"])):
        g = next((i for i, g in enumerate(gold) if i not in used and _overlap(p, g)), None)
        if g is None:
            continue
        used.add(g)
        if gold[g].get("optional") in ("1", "true", "True") and not gold[g].get("items"):
            continue
        gi = {norm(x) for x in gold[g].get("items", "").split("|") if x.strip()}
        pi = {norm(x) for x in p.get("items", "").split("|") if x.strip()}
        s.tp += len(gi & pi)
        s.fp += len(pi - gi)
        s.fn += len(gi - pi)
        if gi != pi:
            s.errors.append((doc_id, "items", p["text"][:40], int(p["start"]), int(p["end"]),
                             f"{'|'.join(sorted(pi))!r} ≠ gold {'|'.join(sorted(gi))!r}"))
    return s


def score_recommendations(doc_id, gold, pred, people_gold) -> Score:
    aliases = _alias_map(people_gold)
    s = Score()
    used = set()
    for p in sorted(pred, key=lambda r: int(r["start"])):
        g = next((i for i, g in enumerate(gold) if i not in used and _overlap(p, g)), None)
        if g is None:
            s.fp += 1
            s.errors.append((doc_id, "FP", p["text"][:60], int(p["start"]), int(p["end"]), f"speaker={p.get('speaker', '')}"))
            continue
        used.add(g)
        gr = gold[g]
        if gr.get("optional") in ("1", "true", "True"):
            continue
        s.tp += 1
        ok = aliases.get(norm(p.get("speaker", "")), norm(p.get("speaker", ""))) == aliases.get(norm(gr.get("speaker", "")), norm(gr.get("speaker", "")))
        s.attr("speaker", ok)
        if not ok:
            s.errors.append((doc_id, "speaker", p["text"][:60], int(p["start"]), int(p["end"]), f"{p.get('speaker', '')!r} ≠ gold {gr.get('speaker', '')!r}"))
    for i, g in enumerate(gold):
        if i not in used and g.get("optional") not in ("1", "true", "True"):
            s.fn += 1
            s.errors.append((doc_id, "FN", g["text"][:60], int(g["start"]), int(g["end"]), f"speaker={g.get('speaker', '')}"))
    return s


def _alias_map(people_gold) -> dict[str, str]:
    out = {}
    for r in people_gold:
        n = norm(r["name"])
        out[n] = n
        for a in (r.get("aliases") or "").split("|"):
            if a:
                out[norm(a)] = n
    return out


def score_sessions(doc_id, gold, pred) -> Score:
    gold_titles = {f"{r['title']}#{n}": {norm(r["title"])} for n, r in enumerate(gold)}
    preds = [(r["title"], {norm(r["title"])}) for r in pred]

    def same_title(g: set, p: set) -> bool:
        (gt,), (pt,) = g, p
        return gt == pt or bool(pt and (pt in gt or gt in pt))

    s, _ = match_distinct(doc_id, "session", gold_titles, preds, same_title)
    s.errors = [(d, k, t.split("#")[0] if k == "FN" else t, a, b, w) for d, k, t, a, b, w in s.errors]
    return s


def score_roles(doc_id, gold, pred, people_gold) -> Score:
    aliases = _alias_map(people_gold)
    key = lambda r: (aliases.get(norm(r["name"]), norm(r["name"])), r["role"])  # noqa: E731
    g, p = {key(r) for r in gold}, {key(r) for r in pred}
    s = Score(tp=len(g & p), fp=len(p - g), fn=len(g - p))
    for k in sorted(p - g):
        s.errors.append((doc_id, "FP", f"{k[0]} {k[1]}", "", "", "role"))
    for k in sorted(g - p):
        s.errors.append((doc_id, "FN", f"{k[0]} {k[1]}", "", "", "role"))
    return s


def score_report_date(doc_id, gold, pred) -> Score:
    """The report's date, exact match of `date` (an empty gold date must be left empty). A date taken
    from the file name (date_source file_name) is no date read from the report and counts as empty.
    tp/fp/fn count dated reports; the `date` attribute is the accuracy over all reports."""
    g = (gold[0]["date"] if gold else "").strip()
    row = pred[0] if pred else {}
    p = row.get("date", "") if row.get("date_source", "text") != "file_name" else ""
    s = Score()
    s.attr("date", g == p)
    if g and g == p:
        s.tp = 1
    else:
        s.fp, s.fn = int(bool(p)), int(bool(g))
        if g or p:
            start = row.get("date_start", "")
            end = int(start) + len(row.get("date_text", "")) if str(start).isdigit() else ""
            s.errors.append((doc_id, "FP" if p else "FN", p or g, start, end, f"date: gold {g or '(none)'}, predicted {p or '(none)'}"))
    return s


def evaluate_doc(gold_dir: Path, pred_dir: Path, doc_id: str | None = None) -> dict[str, Score]:
    doc_id = doc_id or gold_dir.name
    text = (pred_dir / "text.txt").read_text(encoding="utf-8") if (pred_dir / "text.txt").exists() else ""
    g = lambda name: read_csv(gold_dir / f"{name}.csv")  # noqa: E731
    p = lambda name: read_csv(pred_dir / f"{name}.csv")  # noqa: E731
    scores = {}
    if (gold_dir / "mentions.csv").exists():
        scores.update({f"mentions/{k}": v for k, v in score_mentions(doc_id, g("mentions"), p("mentions"), text).items()})
    if (gold_dir / "people.csv").exists():
        scores["people"], scores["affiliation"] = score_people(doc_id, g("people"), p("people"))
    if (gold_dir / "agencies.csv").exists():
        scores["agencies"] = score_agencies(doc_id, g("agencies"), p("agencies"))
    if (gold_dir / "statistics.csv").exists():
        scores["statistics"] = score_statistics(doc_id, g("statistics"), p("statistics"))
    if (gold_dir / "recommendations.csv").exists():
        scores["recommendations"] = score_recommendations(doc_id, g("recommendations"), p("recommendations"), g("people"))
        items = score_items(doc_id, g("recommendations"), p("recommendations"))
        if items is not None:
            scores["recommendations/items"] = items
    if (gold_dir / "sessions.csv").exists():
        scores["sessions"] = score_sessions(doc_id, g("sessions"), p("sessions"))
    if (gold_dir / "roles.csv").exists():
        scores["roles"] = score_roles(doc_id, g("roles"), p("roles"), g("people"))
    if (gold_dir / "report.csv").exists():
        scores["report/date"] = score_report_date(doc_id, g("report"), p("report"))
    return scores


def gold_docs(gold: Path) -> list[Path]:
    return sorted(p for p in gold.iterdir() if p.is_dir() and (p / "text.txt").exists()) if gold.is_dir() else []


def evaluate(gold: Path, out: Path, docs=None) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    totals: dict[str, Score] = {}
    per_doc: dict[str, dict[str, Score]] = {}
    for gd in gold_docs(gold):
        if docs and gd.name not in docs:
            continue
        pd_ = out / gd.name
        if not (pd_ / "text.txt").exists():
            continue
        scores = evaluate_doc(gd, pd_)
        per_doc[gd.name] = scores
        for k, v in scores.items():
            totals.setdefault(k, Score()).add(v)
    return totals, per_doc


def reviewed_docs(gold: Path, out: Path) -> list[Path]:
    """Report folders of OUT with reviewed tables and no gold: scored against their review."""
    if not out.is_dir():
        return []
    return sorted(d for d in out.iterdir() if d.is_dir() and not d.name.startswith(".") and (d / "text.txt").exists()
                  and (d / "reviewed" / "text.txt").exists() and not (gold / d.name / "text.txt").exists())


def evaluate_reviewed(gold: Path, out: Path, docs=None) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    """The extraction of each reviewed report (no gold) against its reviewed tables, as `evaluate`."""
    totals: dict[str, Score] = {}
    per_doc: dict[str, dict[str, Score]] = {}
    for d in reviewed_docs(Path(gold), Path(out)):
        if docs and d.name not in docs:
            continue
        scores = evaluate_doc(d / "reviewed", d, doc_id=d.name)
        per_doc[d.name] = scores
        for k, v in scores.items():
            totals.setdefault(k, Score()).add(v)
    return totals, per_doc


def format_table(totals: dict[str, Score], title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    lines.append(f"| {'table / label':<26} | {'tp':>4} | {'fp':>4} | {'fn':>4} | {'P':>5} | {'R':>5} | {'F1':>5} | attributes |")
    lines.append(f"|{'-' * 28}|{'-' * 6}|{'-' * 6}|{'-' * 6}|{'-' * 7}|{'-' * 7}|{'-' * 7}|------------|")
    for k in sorted(totals, key=_order):
        s = totals[k]
        attrs = ", ".join(f"{a} {r / t:.3f} ({r}/{t})" for a, (r, t) in sorted(s.attrs.items()) if t)
        lines.append(f"| {k:<26} | {s.tp:>4} | {s.fp:>4} | {s.fn:>4} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {attrs} |")
    return "\n".join(lines)


def _order(k: str):
    order = ["people", "affiliation", "agencies", "mentions/PERSON/strict", "mentions/PERSON/partial", "mentions/TITLE/strict",
             "mentions/TITLE/partial", "mentions/AGENCY/strict", "mentions/AGENCY/partial", "statistics", "recommendations",
             "sessions", "roles", "report/date"]
    return (order.index(k) if k in order else 99, k)


def evaluation_rows(totals, per_doc, against: str = "gold") -> list[dict]:
    rows = []
    for doc_id, scores in [("ALL" if against == "gold" else "REVIEWED", totals)] + sorted(per_doc.items()):
        for k in sorted(scores, key=_order):
            s = scores[k]
            table, _, label = k.partition("/")
            row = {"doc_id": doc_id, "table": table, "label": label, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                   "precision": f"{s.precision:.4f}", "recall": f"{s.recall:.4f}", "f1": f"{s.f1:.4f}"}
            for a in ("agency", "qualifier", "unit", "value_max", "subject", "exact_span", "speaker", "date"):
                r_t = s.attrs.get(a)
                row[f"{a}_accuracy"] = f"{r_t[0] / r_t[1]:.4f}" if r_t and r_t[1] else ""
            row["against"] = against
            rows.append(row)
    return rows


EVAL_COLUMNS = ["doc_id", "table", "label", "tp", "fp", "fn", "precision", "recall", "f1", "agency_accuracy",
                "qualifier_accuracy", "unit_accuracy", "value_max_accuracy", "subject_accuracy", "exact_span_accuracy",
                "speaker_accuracy", "date_accuracy", "against"]


def evaluate_dirs(gold: Path, out: Path, docs=None, write: bool = True) -> int:
    totals, per_doc = evaluate(gold, out, docs)
    r_totals, r_per_doc = evaluate_reviewed(gold, out, docs)
    if not per_doc and not r_per_doc:
        print(f"evaluate: no report in {out} has gold in {gold} or reviewed tables")
        return 1
    if per_doc:
        print(format_table(totals, f"Micro-averaged over {len(per_doc)} reports with gold ({', '.join(sorted(per_doc))})"))
    if r_per_doc:
        print(("\n" if per_doc else "") + format_table(
            r_totals, f"Against reviewed tables (the extraction before review), {len(r_per_doc)} reports without gold "
                      f"({', '.join(sorted(r_per_doc))})"))
    if write:
        from .evaluation_report import write_evaluation_files

        write_evaluation_files(out, gold, totals, per_doc, r_totals, r_per_doc)
        print(f"\nwrote {out / 'evaluation.csv'}, {out / 'evaluation.md'} and {out / 'evaluation.html'}")
    return 0
