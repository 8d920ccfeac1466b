"""HTML review pages: OUT/<doc_id>/review.html for every report and OUT/index.html (plus the workbook).

Each page is self-contained (templates/review.css, review.js and the review-mode assets inlined, no
network) and opens from disk. Left: the report text with every mention highlighted by label,
statistics underlined, recommendation sentences shaded, warnings wavy-underlined, session starts
badged, and (toggle) the gold mentions. Right: the tables; the Review button turns on review mode
(review_mode.py, templates/review_mode.js). Clicking a row highlights its span(s) in the text and scrolls there; hovering or clicking the
text lists the rows that span feeds: a mention its own row, its person's or agency's rows and the
roles grounded on it (the roles of that person in the session around it); a session's own text
its session row — an enclosing session span adds nothing to a mention clicked inside it.

Overlapping and nested spans (AGENCY 外交部 [0,3) with TITLE 部長 [2,4)) are rendered by cutting
the text at every span boundary: each segment is one <span> carrying the classes of every span
covering it and, in data-i, the indices of those spans.

`?autotest=<row key>` makes the page click that row on load, and `?autoclick=<row key>` click the
first text segment of that row's span; the resulting state is written as JSON into
#autotest-result (used by the headless-browser test).
"""

from __future__ import annotations

import html
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote

from . import review_mode
from .workbook import read_csv_dicts, read_csv_table, write_workbook
from .registry.pages import write_registry_pages
from .write import CORPUS_FILES, TABLES

LABEL_CLASS = {"PERSON": "P", "TITLE": "T", "AGENCY": "A"}
ID_COLUMN = {"mentions": "mention_id", "statistics": "stat_id", "recommendations": "rec_id",
             "agencies": "agency_id", "sessions": "session_id"}
TAB_ORDER = ["mentions", "people", "agencies", "statistics", "recommendations", "sessions", "roles", "warnings", "gold"]
# which span a click on a segment is about, when several cover it (lower first)
KIND_RANK = {"P": 0, "T": 0, "A": 0, "X": 0, "st": 1, "rc": 2, "wn": 3, "gP": 4, "gT": 4, "gA": 4, "ss": 5}
SCORE_KEYS = [("people", "people"), ("affiliation", "affil."), ("agencies", "agencies"),
              ("mentions/PERSON/strict", "PERSON"), ("mentions/TITLE/strict", "TITLE"),
              ("mentions/AGENCY/strict", "AGENCY"), ("statistics", "stats"), ("recommendations", "recs"),
              ("sessions", "sessions"), ("roles", "roles")]
PAGE_SIZE = 500  # table rows rendered at a time (a page of a large report stays light in the browser)
BLOCK_SIZE = 3000  # characters per text block (cut after a newline)
MAX_LISTED = 200  # warnings and problems listed above the text


def esc(s) -> str:
    return html.escape(str(s), quote=True)


def _json_for_script(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


def report_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "text.txt").exists())


def _int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------- scores
def load_scores(out: Path, gold: Path, dirs: list[Path]) -> tuple[dict[str, dict[str, dict]], str]:
    """{doc_id or 'ALL': {key: evaluation row}} from OUT/evaluation.csv, or computed now when that file
    is missing or older than the extraction; plus a note saying which."""
    f = out / "evaluation.csv"
    newest = max((p.stat().st_mtime for d in dirs for p in [*d.glob("*.csv"), *d.glob("reviewed/*.csv")]), default=0.0)
    rows, note = [], ""
    if f.exists() and f.stat().st_mtime >= newest:
        rows = read_csv_dicts(f)
        note = "scores from evaluation.csv"
    else:
        try:
            from .evaluate import evaluate, evaluate_reviewed, evaluation_rows

            totals, per_doc = evaluate(gold, out)
            r_totals, r_per_doc = evaluate_reviewed(gold, out)
            rows = (evaluation_rows(totals, per_doc) if per_doc else []) + (
                evaluation_rows(r_totals, r_per_doc, "reviewed") if r_per_doc else [])
            if rows:
                note = "scores computed now (evaluation.csv " + ("is older than the extraction)" if f.exists() else "missing)")
        except Exception as exc:  # scores are a convenience on these pages; never fail the review on them
            note = f"scores unavailable: {exc}"
    scores: dict[str, dict[str, dict]] = {}
    for r in rows:
        key = r["table"] + (f"/{r['label']}" if r.get("label") else "")
        scores.setdefault(r["doc_id"], {})[key] = r
    return scores, note


def _score_cell(r: dict | None) -> str:
    if not r:
        return '<td class="num na">–</td>'
    f1 = float(r["f1"])
    band = "good" if f1 >= 0.9 else "fair" if f1 >= 0.7 else "poor"
    tip = f"P {float(r['precision']):.3f} · R {float(r['recall']):.3f} · tp {r['tp']} fp {r['fp']} fn {r['fn']}"
    return f'<td class="num {band}" title="{esc(tip)}">{f1:.3f}</td>'


# --------------------------------------------------------------------------------- one report
class _Table:
    """One table of a page: columns (doc_id dropped), rows as lists, the column whose values are the
    row keys (or None: keys are row numbers), and the global number of its first row."""

    def __init__(self, name: str, header: list[str], rows: list[list[str]], base: int):
        self.name = name
        self.col = {c: i for i, c in enumerate(header)}
        width = len(header)
        self.raw = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
        self.base = base
        idc = ID_COLUMN.get(name)
        j = self.col.get(idc) if idc else None
        self.keycol = None
        if j is not None:
            ids = [r[j] for r in self.raw]
            if all(ids) and len(set(ids)) == len(ids):
                self.keycol = j
        self.extra: list[tuple[str, list[str]]] = []  # computed columns appended on output

    def get(self, r: list[str], c: str) -> str:
        j = self.col.get(c)
        return r[j] if j is not None else ""

    def key(self, i: int) -> str:
        return f"{self.name}:{self.raw[i][self.keycol] if self.keycol is not None else i + 1}"

    def payload(self) -> dict:
        keep = [j for c, j in self.col.items() if c != "doc_id"]
        cols = [c for c in self.col if c != "doc_id"] + [c for c, _ in self.extra]
        rows = [[r[j] for j in keep] for r in self.raw]
        for _, vals in self.extra:
            for r, v in zip(rows, vals):
                r.append(v)
        keycol = keep.index(self.keycol) if self.keycol is not None else -1
        return {"name": self.name, "cols": cols, "rows": rows, "keycol": keycol, "base": self.base}


class _Page:
    """Spans of one report and the rows they feed (global row numbers across the page's tables)."""

    def __init__(self, doc_id: str, text: str):
        self.doc_id = doc_id
        self.text = text
        self.spans: list[list] = []  # [start, end, cls]
        self.tips: dict[int, str] = {}  # span index → the evidence that chose it (a tooltip)
        self.span_rows: list[list[int]] = []  # rows each span feeds (its own row first)
        self.override: dict[int, list[int]] = {}  # rows whose spans are not "the spans that feed them"
        self.problems: list[str] = []
        self.tables: dict[str, _Table] = {}
        self.n_rows = 0
        self.review: dict = {}  # what review mode needs (review_mode.page_data)

    def table(self, name: str, header: list[str], rows: list[list[str]]) -> _Table:
        t = _Table(name, header, rows, self.n_rows)
        self.n_rows += len(rows)
        self.tables[name] = t
        return t

    def add_span(self, s, e, cls: str, row: int, key: str) -> int | None:
        s, e = _int(s), _int(e)
        if s is None or e is None or not (0 <= s < e <= len(self.text)):
            self.problem(f"{key}: offsets [{s},{e}) outside the text (length {len(self.text)})")
            return None
        self.spans.append([s, e, cls])
        self.span_rows.append([row])
        return len(self.spans) - 1

    def problem(self, msg: str) -> None:
        self.problems.append(msg)


def _read(d: Path, name: str) -> tuple[list[str], list[list[str]]]:
    f = d / f"{name}.csv"
    if f.exists():
        header, rows = read_csv_table(f)
        if header:
            return header, rows
    return list(TABLES.get(name, [])), []


def build_page(d: Path, gold_dir: Path | None, scores: dict[str, dict] | None) -> str:
    text = (d / "text.txt").read_bytes().decode("utf-8")
    pg = _Page(d.name, text)

    # mentions: each its own span; people and agencies are fed by the mentions of their entity_id
    m = pg.table("mentions", *_read(d, "mentions"))
    by_entity: dict[str, list[int]] = {}
    mention_span: list[tuple[int, str]] = []
    jl, js, je, jt, jent = (m.col.get(c) for c in ("label", "start", "end", "text", "entity_id"))
    for i, r in enumerate(m.raw):
        label = r[jl] if jl is not None else ""
        sp = pg.add_span(r[js] if js is not None else None, r[je] if je is not None else None,
                         LABEL_CLASS.get(label, "X"), m.base + i, m.key(i))
        if sp is None:
            continue
        s, e = pg.spans[sp][0], pg.spans[sp][1]
        if jt is not None and text[s:e] != r[jt]:
            pg.problem(f"{m.key(i)}: text {r[jt]!r} is not text.txt[{s}:{e}] {text[s:e]!r}")
        why = m.get(r, "evidence")
        if why:
            pg.tips[sp] = f"{label}: {why}"
        ent = r[jent] if jent is not None else ""
        if ent:
            by_entity.setdefault(ent, []).append(sp)
            mention_span.append((sp, ent))
    entity_rows: dict[str, list[int]] = {}
    name_to_pid: dict[str, str] = {}
    p = pg.table("people", *_read(d, "people"))
    for i, r in enumerate(p.raw):
        pid = p.get(r, "person_id")
        entity_rows.setdefault(pid, []).append(p.base + i)
        for nm in [p.get(r, "name")] + p.get(r, "aliases").split("|"):
            if nm:
                name_to_pid.setdefault(nm, pid)
    a = pg.table("agencies", *_read(d, "agencies"))
    for i, r in enumerate(a.raw):
        entity_rows.setdefault(a.get(r, "agency_id"), []).append(a.base + i)
    for sp, ent in mention_span:
        pg.span_rows[sp] += entity_rows.get(ent, [])

    # rows with a span of their own
    for name, cls in (("statistics", "st"), ("recommendations", "rc"), ("sessions", "ss"), ("warnings", "wn")):
        t = pg.table(name, *_read(d, name))
        for i, r in enumerate(t.raw):
            if name == "warnings" and t.get(r, "start") == "":
                continue  # a warning about the whole report
            sp = pg.add_span(t.get(r, "start"), t.get(r, "end"), cls, t.base + i, t.key(i))
            if sp is not None and "text" in t.col:
                s, e = pg.spans[sp][0], pg.spans[sp][1]
                if text[s:e] != t.get(r, "text"):
                    pg.problem(f"{t.key(i)}: text {t.get(r, 'text')!r} is not text.txt[{s}:{e}] {text[s:e]!r}")

    # roles: the person's mentions inside the session (else anywhere), else the session itself
    ses = pg.tables["sessions"]
    session_span = {}
    for sp, (s, e, cls) in enumerate(pg.spans):
        if cls == "ss":
            row = pg.span_rows[sp][0]
            session_span[ses.get(ses.raw[row - ses.base], "session_id")] = sp
    ro = pg.table("roles", *_read(d, "roles"))
    for i, r in enumerate(ro.raw):
        pid = name_to_pid.get(ro.get(r, "name"))
        spans = list(by_entity.get(pid, [])) if pid else []
        ssp = session_span.get(ro.get(r, "session_id"))
        if ssp is not None:
            s, e = pg.spans[ssp][0], pg.spans[ssp][1]
            spans = [x for x in spans if s <= pg.spans[x][0] < e] or spans or [ssp]
        # the role is fed by the spans it is grounded on (the person's mentions), not by its whole session
        for x in spans:
            pg.span_rows[x].append(ro.base + i)
        pg.override[ro.base + i] = spans

    # gold mentions, when the gold report has the same text
    gold_note = ""
    if gold_dir is not None and (gold_dir / "text.txt").exists():
        gtext = (gold_dir / "text.txt").read_bytes().decode("utf-8", errors="replace")
        if gtext != text:
            gold_note = f"gold/{pg.doc_id}/text.txt differs from this report's text.txt: gold spans not shown"
        elif (gold_dir / "mentions.csv").exists():
            gh, grows = read_csv_table(gold_dir / "mentions.csv")
            gc = {c: i for i, c in enumerate(gh)}
            want = ("label", "start", "end", "text", "entity")
            grows = [[r[gc[c]] if c in gc and gc[c] < len(r) else "" for c in want] for r in grows]
            pred = {(m.get(r, "label"), _int(m.get(r, "start")), _int(m.get(r, "end"))) for r in m.raw}
            gset = {(r[0], _int(r[1]), _int(r[2])) for r in grows}
            for r in grows:
                r.append("found" if (r[0], _int(r[1]), _int(r[2])) in pred else "missed")
            g = pg.table("gold", list(want) + ["status"], grows)
            for i, r in enumerate(g.raw):
                pg.add_span(r[1], r[2], "g" + LABEL_CLASS.get(r[0], "X"), g.base + i, g.key(i))
            m.extra.append(("gold", ["✓" if (m.get(r, "label"), _int(m.get(r, "start")), _int(m.get(r, "end"))) in gset else "✗"
                                     for r in m.raw]))
    pg.review = review_mode.page_data(d, text)
    return _render_page(pg, scores, gold_note)


def _block_cuts(text: str, size: int = BLOCK_SIZE) -> list[int]:
    """Positions just after a newline, about `size` characters apart: the text is laid out in blocks
    there so the browser can skip the layout of blocks that are off screen."""
    cuts = []
    pos = size
    while pos < len(text):
        nl = text.find("\n", pos - 1)
        if nl < 0 or nl + 1 >= len(text):
            break
        cuts.append(nl + 1)
        pos = nl + 1 + size
    return cuts


def _segments(pg: _Page, session_titles: dict[int, str]) -> str:
    """The text cut at every span boundary; each covered piece a <span> with the classes of its spans.
    Every piece carries its start offset into text.txt in data-s (review mode turns a selection
    into exact offsets from it). Every block of about BLOCK_SIZE characters (cut after a newline)
    is its own <div class="blk">."""
    text = pg.text
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(pg.spans):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    cuts = set(_block_cuts(text))
    bounds = sorted(set(starts) | set(ends) | cuts | {0, len(text)})
    cls_of = [c for _, _, c in pg.spans]
    active: set[int] = set()
    escape = html.escape
    out: list[str] = ['<div class="blk">']
    append = out.append
    class_cache: dict[frozenset, str] = {}
    for b in range(len(bounds) - 1):
        pos = bounds[b]
        if pos in cuts:
            append('</div><div class="blk">')
        gone = ends.get(pos)
        if gone:
            active.difference_update(gone)
        new = starts.get(pos)
        if new:
            active.update(new)
        piece = escape(text[pos : bounds[b + 1]], quote=False)
        if not active:
            append(f'<span data-s="{pos}">{piece}</span>')
            continue
        idx = sorted(active)
        ckey = frozenset(cls_of[i] for i in idx)
        classes = class_cache.get(ckey)
        if classes is None:
            classes = class_cache[ckey] = " ".join(sorted(ckey))
        badge = session_titles.get(pos) if new else None
        tip = " · ".join(pg.tips[i] for i in idx if i in pg.tips)
        title = f' title="{esc(tip)}"' if tip else ""
        if badge is not None:
            append(f'<span class="{classes} sb" data-s="{pos}" data-i="{" ".join(map(str, idx))}" data-sb="{esc(badge)}"{title}>{piece}</span>')
        else:
            append(f'<span class="{classes}" data-s="{pos}" data-i="{" ".join(map(str, idx))}"{title}>{piece}</span>')
    append("</div>")
    return "".join(out)


def _render_page(pg: _Page, scores, gold_note: str) -> str:
    ses = pg.tables["sessions"]
    session_titles = {}
    for r in ses.raw:
        s = _int(ses.get(r, "start"))
        if s is not None and 0 <= s < len(pg.text):
            session_titles.setdefault(s, f"{ses.get(r, 'session_id')} {ses.get(r, 'title')}".strip())
    body = _segments(pg, session_titles)
    tabs = [pg.tables[t] for t in TAB_ORDER if t in pg.tables]
    nav, panes = [], []
    for n, t in enumerate(tabs):
        nav.append(f'<button data-tab="{t.name}"{" class=on" if n == 0 else ""}>{esc(t.name)} <small>{len(t.raw)}</small></button>')
        panes.append(f'<div class="pane" id="tab-{t.name}"{"" if n == 0 else " hidden"}></div>')
    score_html = ""
    if scores:
        cells = []
        for key, label in SCORE_KEYS:
            r = scores.get(key)
            if r:
                f1 = float(r["f1"])
                band = "good" if f1 >= 0.9 else "fair" if f1 >= 0.7 else "poor"
                cells.append(f'<span class="sc {band}" title="P {float(r["precision"]):.3f} · R {float(r["recall"]):.3f} · '
                             f'tp {esc(r["tp"])} fp {esc(r["fp"])} fn {esc(r["fn"])}">{esc(label)} {f1:.2f}</span>')
        basis = "gold" if any(r.get("against", "gold") == "gold" for r in scores.values()) else "the review (before review)"
        score_html = f'<div class="scores">F1 vs {basis}: ' + " ".join(cells) + "</div>"
    notes = ""
    w = pg.tables["warnings"]
    whole = 0
    if w.raw or pg.problems or gold_note:
        items = []
        for i, r in enumerate(w.raw[:MAX_LISTED]):
            has_span = w.get(r, "start") != ""
            whole += not has_span
            link = f' <a href="#" data-go="{esc(w.key(i))}">show</a>' if has_span else ""
            items.append(f"<li><b>{esc(w.get(r, 'kind'))}</b> {esc(w.get(r, 'message'))}{link}</li>")
        if len(w.raw) > MAX_LISTED:
            items.append(f"<li>… {len(w.raw) - MAX_LISTED} more in the warnings tab</li>")
        items += [f'<li class="bad"><b>page</b> {esc(p)}</li>' for p in pg.problems[:MAX_LISTED]]
        if len(pg.problems) > MAX_LISTED:
            items.append(f'<li class="bad">… {len(pg.problems) - MAX_LISTED} more problems</li>')
        if gold_note:
            items.append(f'<li class="bad"><b>gold</b> {esc(gold_note)}</li>')
        total = len(w.raw) + len(pg.problems) + bool(gold_note)
        notes = (f'<details id="warnbox"{" open" if whole or pg.problems or gold_note else ""}><summary>⚠ {total} warning(s)'
                 f"</summary><ul>{''.join(items)}</ul></details>")
    data = {"spans": pg.spans, "spanRows": pg.span_rows, "override": pg.override, "nRows": pg.n_rows,
            "tables": [t.payload() for t in tabs], "rank": KIND_RANK, "page": PAGE_SIZE, "review": pg.review}
    legend = "".join(
        f'<label class="lg"><input type="checkbox" checked data-hide="{c}"><span class="{c}">{esc(n)}</span></label>'
        for c, n in (("P", "PERSON"), ("T", "TITLE"), ("A", "AGENCY"), ("st", "statistic"), ("rc", "recommendation"), ("wn", "warning"))
    )
    if "gold" in pg.tables:
        legend += '<label class="lg"><input type="checkbox" id="showgold"><span class="gbar">gold mentions</span></label>'
    title = esc(pg.doc_id)
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} · review</title><style>{CSS}{review_mode.css()}</style></head><body>",
        f'<header><div class="top"><a href="../index.html">← all reports</a><h1>{title}</h1>'
        f'<span class="meta">{len(pg.text):,} characters</span>{score_html}{review_mode.toggle()}</div>'
        f'<div class="legend">{legend}</div></header>',
        '<main><section id="left"><div id="info">Hover or click the text to see the rows a span feeds; click a row on the right to find its span.</div>',
        notes,
        f'<div id="text">{body}</div></section>',
        f'<section id="right">{review_mode.panel()}<nav id="tabs">{"".join(nav)}</nav>{"".join(panes)}</section></main>',
        '<pre id="autotest-result"></pre>',
        f'<script type="application/json" id="data">{_json_for_script(data)}</script>',
        f"<script>{JS}\n{review_mode.js()}</script></body></html>\n",
    ])


# --------------------------------------------------------------------------------- index
def _reviewed_cell(d: Path) -> str:
    """The index cell saying whether `review apply` wrote d/reviewed/ and how much of it was reviewed."""
    try:
        st = json.loads((d / "reviewed" / "review-status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "<td></td>"
    left, stale = int(st.get("remaining", 0)), len(st.get("stale", []))
    tip = f"{st.get('reviewed', 0)} of {st.get('rows', 0)} rows reviewed; {stale} stale; from {st.get('review_file', '')}"
    label = "✓ reviewed" if not left else f"{left} row(s) left"
    return f'<td class="{"ok" if not left else "bad"}" title="{esc(tip)}">{esc(label)}</td>'


def build_index(out: Path, dirs: list[Path], scores: dict, note: str, gold: Path) -> str:
    counts_cols = list(TABLES)
    short = {"statistics": "stats", "recommendations": "recs"}
    head = "".join(f'<th title="{esc(c)}.csv">{esc(short.get(c, c))}</th>' for c in counts_cols)
    shead = "".join(f"<th>{esc(lbl)}</th>" for _, lbl in SCORE_KEYS)
    rows = []
    for agg, label in (("ALL", "all with gold (micro)"), ("REVIEWED", "reviewed, no gold (micro)")):
        if agg in scores:
            rows.append(f'<tr class="all"><td>{label}</td><td></td>' + "<td></td>" * len(counts_cols)
                        + "<td></td><td></td>" + "".join(_score_cell(scores[agg].get(k)) for k, _ in SCORE_KEYS) + "</tr>")
    totals = dict.fromkeys(counts_cols, 0)
    for d in dirs:
        cells = []
        for name in counts_cols:
            f = d / f"{name}.csv"
            n = len(read_csv_table(f)[1]) if f.exists() else 0
            totals[name] += n
            cells.append(f'<td class="num{" zero" if not n else ""}">{n}</td>')
        chars = len((d / "text.txt").read_bytes().decode("utf-8", errors="replace"))
        has_gold = (gold / d.name / "text.txt").exists()
        reviewed = _reviewed_cell(d)
        link = f"{quote(d.name)}/review.html"
        s = scores.get(d.name, {})
        scored = has_gold or (reviewed != "<td></td>" and s)
        rows.append(f'<tr><td><a href="{esc(link)}">{esc(d.name)}</a></td><td class="num">{chars:,}</td>{"".join(cells)}'
                    f'<td>{"✓" if has_gold else ""}</td>{reviewed}'
                    f'{"".join(_score_cell(s.get(k)) if scored else "<td></td>" for k, _ in SCORE_KEYS)}</tr>')
    rows.append('<tr class="all"><td>total</td><td></td>' + "".join(f'<td class="num">{totals[c]}</td>' for c in counts_cols)
                + "<td></td>" * (2 + len(SCORE_KEYS)) + "</tr>")
    links = []
    for fname, label in (("people.html", "people across reports"), ("agencies.html", "agencies across reports"),
                         ("evaluation.html", "evaluation report"), ("evaluation.csv", "evaluation.csv"), ("extraction.xlsx", "workbook (all tables)")):
        if (out / fname).exists():
            links.append(f'<a href="{esc(fname)}">{esc(label)}</a>')
    for name in TABLES:
        name = CORPUS_FILES.get(name, name)
        if (out / f"{name}.csv").exists():
            links.append(f'<a href="{esc(name)}.csv">{esc(name)}.csv</a>')
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-Hant"><head><meta charset="utf-8"><title>Extraction review</title>',
        f"<style>{CSS}{INDEX_CSS}</style></head><body class=\"index\"><header><div class=\"top\"><h1>Extraction review</h1>",
        f'<span class="meta">{len(dirs)} report(s){" · " + esc(note) if note else ""}</span></div></header><main class="idx">',
        f'<p class="links">{" · ".join(links)}</p>' if links else "",
        f'<div class="scroll"><table class="rows"><thead><tr><th rowspan="2">report</th><th rowspan="2">chars</th><th colspan="{len(counts_cols)}">rows per table</th>'
        f'<th rowspan="2">gold</th><th rowspan="2" title="review apply: rows reviewed">reviewed</th>'
        f'<th colspan="{len(SCORE_KEYS)}">F1 against gold, or for a reviewed report without gold against its review '
        "(the extraction before review; strict spans for mentions)</th></tr>"
        f"<tr>{head}{shead}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>",
        "<p class=\"help\">Open a report to see its text with every span highlighted. Hover a score for precision, recall and counts.</p>",
        "</main></body></html>\n",
    ])


def refresh_review(out: Path, rebuilt: list[str]) -> None:
    """After a run that rebuilt or removed reports: review pages for the rebuilt ones, the workbook
    and the index again, against the gold folder the last `review` used."""
    out = Path(out)
    try:
        gold = Path(json.loads((out / ".review.json").read_text(encoding="utf-8"))["gold"])
    except (OSError, ValueError, KeyError):
        gold = out / ".no-gold"
    dirs = report_dirs(out)
    scores, note = load_scores(out, gold, dirs)
    for d in dirs:
        if d.name in rebuilt or not (d / "review.html").exists():
            gd = gold / d.name
            _write_atomic(d / "review.html", build_page(d, gd if gd.is_dir() else None, scores.get(d.name)))
    write_workbook(out)
    write_registry_pages(out)
    _write_atomic(out / "index.html", build_index(out, dirs, scores, note, gold))


def build_review(out: Path, gold: Path) -> int:
    out, gold = Path(out), Path(gold)
    if not out.is_dir():
        print(f"review: {out} does not exist (run `python -m pipeline extract` first)", file=sys.stderr)
        return 1
    dirs = report_dirs(out)
    if not dirs:
        print(f"review: no report folder in {out}", file=sys.stderr)
        return 1
    scores, note = load_scores(out, gold, dirs)
    for d in dirs:
        gd = gold / d.name
        page = build_page(d, gd if gd.is_dir() else None, scores.get(d.name))
        _write_atomic(d / "review.html", page)
    xlsx = write_workbook(out)
    write_registry_pages(out)
    _write_atomic(out / "index.html", build_index(out, dirs, scores, note, gold))
    _write_atomic(out / ".review.json", json.dumps({"gold": str(gold.resolve())}))
    print(f"review: {len(dirs)} page(s), {out / 'index.html'} and {xlsx}")
    return 0


# --------------------------------------------------------------------------------- assets
# the page's style and code live in templates/ (inlined into every page at build time)
_TEMPLATES = Path(__file__).resolve().parent / "templates"
CSS = (_TEMPLATES / "review.css").read_text(encoding="utf-8")
INDEX_CSS = (_TEMPLATES / "review_index.css").read_text(encoding="utf-8")
JS = (_TEMPLATES / "review.js").read_text(encoding="utf-8")
