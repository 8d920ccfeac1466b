"""HTML review pages: OUT/<doc_id>/review.html for every report and OUT/index.html (plus the workbook).

Each page is self-contained (inline CSS and JS, no network) and opens from disk. Left: the report
text with every mention highlighted by label, statistics underlined, recommendation sentences
shaded, warnings wavy-underlined, session starts badged, and (toggle) the gold mentions. Right: the
tables. Clicking a row highlights its span(s) in the text and scrolls there; hovering or clicking the
text lists the rows that span feeds.

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

from .workbook import read_csv_dicts, read_csv_table, write_workbook
from .write import TABLES

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
    newest = max((p.stat().st_mtime for d in dirs for p in d.glob("*.csv")), default=0.0)
    rows, note = [], ""
    if f.exists() and f.stat().st_mtime >= newest:
        rows = read_csv_dicts(f)
        note = "scores from evaluation.csv"
    elif gold.is_dir():
        try:
            from .evaluate import evaluate, evaluation_rows

            totals, per_doc = evaluate(gold, out)
            if per_doc:
                rows = evaluation_rows(totals, per_doc)
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
class _Page:
    """Spans and rows of one report and the links between them."""

    def __init__(self, doc_id: str, text: str):
        self.doc_id = doc_id
        self.text = text
        self.spans: list[list] = []  # [start, end, cls]
        self.span_rows: list[list[str]] = []  # rows each span feeds (its own row first)
        self.row_spans: dict[str, list[int]] = {}
        self.row_desc: dict[str, str] = {}
        self.problems: list[str] = []
        self.tables: dict[str, tuple[list[str], list[dict], list[str]]] = {}  # name -> (columns, rows, keys)

    def add_span(self, s, e, cls: str, key: str) -> int | None:
        s, e = _int(s), _int(e)
        if s is None or e is None or not (0 <= s < e <= len(self.text)):
            self.problems.append(f"{key}: offsets [{s},{e}) outside the text (length {len(self.text)})")
            return None
        self.spans.append([s, e, cls])
        self.span_rows.append([key])
        i = len(self.spans) - 1
        self.row_spans.setdefault(key, []).append(i)
        return i

    def table_keys(self, name: str, rows: list[dict]) -> list[str]:
        col = ID_COLUMN.get(name)
        ids = [r.get(col, "") for r in rows] if col else []
        if col and all(ids) and len(set(ids)) == len(ids):
            return [f"{name}:{i}" for i in ids]
        return [f"{name}:{n}" for n in range(1, len(rows) + 1)]


def _load_tables(d: Path) -> dict[str, tuple[list[str], list[dict]]]:
    tables = {}
    for name in TABLES:
        f = d / f"{name}.csv"
        if f.exists():
            header, rows = read_csv_table(f)
            tables[name] = (header, [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows])
        else:
            tables[name] = (list(TABLES[name]), [])
    return tables


def build_page(d: Path, gold_dir: Path | None, scores: dict[str, dict] | None) -> str:
    text = (d / "text.txt").read_bytes().decode("utf-8")
    doc_id = d.name
    pg = _Page(doc_id, text)
    tables = _load_tables(d)

    def short(s: str, n: int = 40) -> str:
        s = s.replace("\n", "⏎")
        return s if len(s) <= n else s[: n - 1] + "…"

    # mentions
    cols, rows = tables["mentions"]
    keys = pg.table_keys("mentions", rows)
    mention_span: list[int | None] = []
    by_entity: dict[str, list[int]] = {}
    for k, r in zip(keys, rows):
        pg.row_desc[k] = f"{k.split(':', 1)[1]} · {r.get('label', '')} {short(r.get('text', ''))}"
        i = pg.add_span(r.get("start"), r.get("end"), LABEL_CLASS.get(r.get("label", ""), "X"), k)
        mention_span.append(i)
        if i is not None:
            if text[pg.spans[i][0] : pg.spans[i][1]] != r.get("text", ""):
                pg.problems.append(f"{k}: text {r.get('text', '')!r} is not text.txt[{pg.spans[i][0]}:{pg.spans[i][1]}]")
            if r.get("entity_id"):
                by_entity.setdefault(r["entity_id"], []).append(i)
    pg.tables["mentions"] = (cols, rows, keys)

    # people and agencies: rows made from mentions (entity_id)
    person_keys: dict[str, list[str]] = {}
    name_to_pid: dict[str, str] = {}
    cols, rows = tables["people"]
    keys = pg.table_keys("people", rows)
    for k, r in zip(keys, rows):
        pid = r.get("person_id", "")
        person_keys.setdefault(pid, []).append(k)
        for nm in [r.get("name", "")] + r.get("aliases", "").split("|"):
            if nm:
                name_to_pid.setdefault(nm, pid)
        pg.row_spans[k] = list(by_entity.get(pid, []))
        extra = " ".join(x for x in (r.get("agency", ""), r.get("title", "")) if x)
        pg.row_desc[k] = f"{pid} · {r.get('name', '')}" + (f" ({short(extra)})" if extra else "")
    pg.tables["people"] = (cols, rows, keys)
    agency_keys: dict[str, list[str]] = {}
    cols, rows = tables["agencies"]
    keys = pg.table_keys("agencies", rows)
    for k, r in zip(keys, rows):
        aid = r.get("agency_id", "")
        agency_keys.setdefault(aid, []).append(k)
        pg.row_spans[k] = list(by_entity.get(aid, []))
        pg.row_desc[k] = f"{aid} · {short(r.get('name', ''))}"
    pg.tables["agencies"] = (cols, rows, keys)
    for r, i in zip(tables["mentions"][1], mention_span):
        if i is not None and r.get("entity_id"):
            pg.span_rows[i] += person_keys.get(r["entity_id"], []) + agency_keys.get(r["entity_id"], [])

    # statistics, recommendations, sessions, warnings: rows with their own span
    for name, cls, desc in (
        ("statistics", "st", lambda r: f"{r.get('text', '')} = {r.get('value', '')} {r.get('unit', '')} ({r.get('qualifier', '')})"),
        ("recommendations", "rc", lambda r: f"{r.get('speaker', '') or '?'} · {r.get('cue', '')} · {r.get('text', '')}"),
        ("sessions", "ss", lambda r: r.get("title", "")),
    ):
        cols, rows = tables[name]
        keys = pg.table_keys(name, rows)
        for k, r in zip(keys, rows):
            pg.row_desc[k] = f"{k.split(':', 1)[1]} · {short(desc(r))}"
            pg.add_span(r.get("start"), r.get("end"), cls, k)
        pg.tables[name] = (cols, rows, keys)
    session_range = {}
    for k, r in zip(pg.tables["sessions"][2], pg.tables["sessions"][1]):
        s, e = _int(r.get("start")), _int(r.get("end"))
        if s is not None and e is not None:
            session_range[r.get("session_id", "")] = (s, e, k)

    cols, rows = tables["roles"]
    keys = pg.table_keys("roles", rows)
    for k, r in zip(keys, rows):
        pid = name_to_pid.get(r.get("name", ""))
        spans = list(by_entity.get(pid, [])) if pid else []
        rng = session_range.get(r.get("session_id", ""))
        if rng:
            inside = [i for i in spans if rng[0] <= pg.spans[i][0] < rng[1]]
            spans = inside or spans
            for i in pg.row_spans.get(rng[2], []):
                pg.span_rows[i].append(k)
        pg.row_spans[k] = spans
        pg.row_desc[k] = f"{r.get('session_id', '') or '–'} · {r.get('name', '')} · {r.get('role', '')}"
    pg.tables["roles"] = (cols, rows, keys)

    cols, rows = tables["warnings"]
    keys = pg.table_keys("warnings", rows)
    for k, r in zip(keys, rows):
        pg.row_desc[k] = f"{r.get('kind', '')}: {short(r.get('message', ''), 60)}"
        if r.get("start", "") != "":
            pg.add_span(r.get("start"), r.get("end"), "wn", k)
        else:
            pg.row_spans[k] = []
    pg.tables["warnings"] = (cols, rows, keys)

    # gold mentions, when the gold report has the same text
    gold_note = ""
    gold_status: dict[tuple, bool] = {}
    if gold_dir is not None and (gold_dir / "text.txt").exists():
        gtext = (gold_dir / "text.txt").read_bytes().decode("utf-8", errors="replace")
        if gtext != text:
            gold_note = f"gold/{doc_id}/text.txt differs from this report's text.txt: gold spans not shown"
        elif (gold_dir / "mentions.csv").exists():
            grows = read_csv_dicts(gold_dir / "mentions.csv")
            pred = {(r.get("label"), _int(r.get("start")), _int(r.get("end"))) for r in pg.tables["mentions"][1]}
            gset = {(r.get("label"), _int(r.get("start")), _int(r.get("end"))) for r in grows}
            gkeys = [f"gold:{n}" for n in range(1, len(grows) + 1)]
            for k, r in zip(gkeys, grows):
                found = (r.get("label"), _int(r.get("start")), _int(r.get("end"))) in pred
                r["status"] = "found" if found else "missed"
                pg.row_desc[k] = f"gold {r.get('label', '')} {short(r.get('text', ''))} ({r['status']})"
                pg.add_span(r.get("start"), r.get("end"), "g" + LABEL_CLASS.get(r.get("label", ""), "X"), k)
            gcols = [c for c in ("label", "start", "end", "text", "entity", "status")]
            pg.tables["gold"] = (gcols, grows, gkeys)
            for r in pg.tables["mentions"][1]:
                gold_status[id(r)] = (r.get("label"), _int(r.get("start")), _int(r.get("end"))) in gset

    warnings_free = [r for r in tables["warnings"][1] if r.get("start", "") == ""]
    return _render_page(pg, scores, gold_note, gold_status, warnings_free)


def _segments(pg: _Page, session_titles: dict[int, str]) -> str:
    """The text cut at every span boundary; each covered piece a <span> with the classes of its spans."""
    text = pg.text
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(pg.spans):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    bounds = sorted(set(starts) | set(ends) | {0, len(text)})
    cls_of = [c for _, _, c in pg.spans]
    active: dict[int, None] = {}
    out: list[str] = []
    for b, pos in enumerate(bounds[:-1]):
        for i in ends.get(pos, ()):
            active.pop(i, None)
        for i in starts.get(pos, ()):
            active[i] = None
        piece = html.escape(text[pos : bounds[b + 1]], quote=False)
        if not active:
            out.append(piece)
            continue
        idx = sorted(active)
        classes = " ".join(sorted({cls_of[i] for i in idx}))
        badge = session_titles.get(pos)
        sb = f' data-sb="{esc(badge)}"' if badge is not None and pos in starts else ""
        out.append(f'<span class="{classes}{" sb" if sb else ""}" data-i="{" ".join(map(str, idx))}"{sb}>{piece}</span>')
    return "".join(out)


def _render_table(name: str, cols: list[str], rows: list[dict], keys: list[str], gold_status: dict) -> str:
    show = [c for c in cols if c != "doc_id"]
    add_gold = name == "mentions" and bool(gold_status)
    out = ['<table class="rows"><thead><tr>']
    out += [f"<th>{esc(c)}</th>" for c in show]
    if add_gold:
        out.append('<th title="strict match with a gold mention">gold</th>')
    out.append("</tr></thead><tbody>")
    for k, r in zip(keys, rows):
        out.append(f'<tr data-k="{esc(k)}">')
        for c in show:
            v = r.get(c, "")
            cl = ' class="num"' if c in ("start", "end", "value", "value_max", "mention_count", "first_start") else ""
            if c == "status":
                cl = f' class="{"ok" if v == "found" else "bad"}"'
            out.append(f"<td{cl}>{esc(v)}</td>")
        if add_gold:
            ok = gold_status.get(id(r), False)
            out.append(f'<td class="{"ok" if ok else "bad"}">{"✓" if ok else "✗"}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    if not rows:
        out.append('<p class="empty">no rows</p>')
    return "".join(out)


def _render_page(pg: _Page, scores, gold_note: str, gold_status: dict, warnings_free: list[dict]) -> str:
    session_titles = {}
    for k, r in zip(pg.tables["sessions"][2], pg.tables["sessions"][1]):
        s = _int(r.get("start"))
        if s is not None and 0 <= s < len(pg.text):
            session_titles.setdefault(s, f"{r.get('session_id', '')} {r.get('title', '')}".strip())
    body = _segments(pg, session_titles)
    tabs = [t for t in TAB_ORDER if t in pg.tables]
    nav, panes = [], []
    for n, t in enumerate(tabs):
        cols, rows, keys = pg.tables[t]
        nav.append(f'<button data-tab="{t}"{" class=on" if n == 0 else ""}>{esc(t)} <small>{len(rows)}</small></button>')
        panes.append(f'<div class="pane" id="tab-{t}"{"" if n == 0 else " hidden"}>{_render_table(t, cols, rows, keys, gold_status)}</div>')
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
        score_html = '<div class="scores">F1 vs gold: ' + " ".join(cells) + "</div>"
    notes = []
    n_warn = len(pg.tables["warnings"][1])
    if n_warn or pg.problems or gold_note:
        items = []
        for r, k in zip(pg.tables["warnings"][1], pg.tables["warnings"][2]):
            link = f' <a href="#" data-go="{esc(k)}">show</a>' if pg.row_spans.get(k) else ""
            items.append(f"<li><b>{esc(r.get('kind', ''))}</b> {esc(r.get('message', ''))}{link}</li>")
        items += [f'<li class="bad"><b>page</b> {esc(p)}</li>' for p in pg.problems]
        if gold_note:
            items.append(f'<li class="bad"><b>gold</b> {esc(gold_note)}</li>')
        total = n_warn + len(pg.problems) + bool(gold_note)
        notes.append(f'<details id="warnbox"{" open" if warnings_free or pg.problems else ""}><summary>⚠ {total} warning(s)'
                     f"</summary><ul>{''.join(items)}</ul></details>")
    has_gold = "gold" in pg.tables
    data = {"spans": pg.spans, "spanRows": pg.span_rows, "rowSpans": pg.row_spans, "rowDesc": pg.row_desc, "rank": KIND_RANK}
    legend = "".join(
        f'<label class="lg"><input type="checkbox" checked data-hide="{c}"><span class="{c}">{esc(n)}</span></label>'
        for c, n in (("P", "PERSON"), ("T", "TITLE"), ("A", "AGENCY"), ("st", "statistic"), ("rc", "recommendation"), ("wn", "warning"))
    )
    if has_gold:
        legend += '<label class="lg"><input type="checkbox" id="showgold"><span class="gbar">gold mentions</span></label>'
    title = esc(pg.doc_id)
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} · review</title><style>{CSS}</style></head><body>",
        f'<header><div class="top"><a href="../index.html">← all reports</a><h1>{title}</h1>'
        f'<span class="meta">{len(pg.text):,} characters</span>{score_html}</div><div class="legend">{legend}</div></header>',
        '<main><section id="left"><div id="info">Hover or click the text to see the rows a span feeds; click a row on the right to find its span.</div>',
        "".join(notes),
        f'<div id="text">{body}</div></section>',
        f'<section id="right"><nav id="tabs">{"".join(nav)}</nav>{"".join(panes)}</section></main>',
        '<pre id="autotest-result" hidden></pre>',
        f'<script type="application/json" id="data">{_json_for_script(data)}</script>',
        f"<script>{JS}</script></body></html>\n",
    ])


# --------------------------------------------------------------------------------- index
def build_index(out: Path, dirs: list[Path], scores: dict, note: str, gold: Path) -> str:
    counts_cols = list(TABLES)
    short = {"statistics": "stats", "recommendations": "recs"}
    head = "".join(f'<th title="{esc(c)}.csv">{esc(short.get(c, c))}</th>' for c in counts_cols)
    shead = "".join(f"<th>{esc(lbl)}</th>" for _, lbl in SCORE_KEYS)
    rows = []
    if "ALL" in scores:
        rows.append('<tr class="all"><td>all with gold (micro)</td><td></td>' + "<td></td>" * len(counts_cols)
                    + "<td></td>" + "".join(_score_cell(scores["ALL"].get(k)) for k, _ in SCORE_KEYS) + "</tr>")
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
        link = f"{quote(d.name)}/review.html"
        s = scores.get(d.name, {})
        rows.append(f'<tr><td><a href="{esc(link)}">{esc(d.name)}</a></td><td class="num">{chars:,}</td>{"".join(cells)}'
                    f'<td>{"✓" if has_gold else ""}</td>{"".join(_score_cell(s.get(k)) if has_gold else "<td></td>" for k, _ in SCORE_KEYS)}</tr>')
    rows.append('<tr class="all"><td>total</td><td></td>' + "".join(f'<td class="num">{totals[c]}</td>' for c in counts_cols)
                + "<td></td>" * (1 + len(SCORE_KEYS)) + "</tr>")
    links = []
    for fname, label in (("evaluation.md", "evaluation report"), ("evaluation.csv", "evaluation.csv"), ("extraction.xlsx", "workbook (all tables)")):
        if (out / fname).exists():
            links.append(f'<a href="{esc(fname)}">{esc(label)}</a>')
    for name in TABLES:
        if (out / f"{name}.csv").exists():
            links.append(f'<a href="{esc(name)}.csv">{esc(name)}.csv</a>')
    return "".join([
        '<!DOCTYPE html>\n<html lang="zh-Hant"><head><meta charset="utf-8"><title>Extraction review</title>',
        f"<style>{CSS}{INDEX_CSS}</style></head><body class=\"index\"><header><div class=\"top\"><h1>Extraction review</h1>",
        f'<span class="meta">{len(dirs)} report(s){" · " + esc(note) if note else ""}</span></div></header><main class="idx">',
        f'<p class="links">{" · ".join(links)}</p>' if links else "",
        f'<table class="rows"><thead><tr><th rowspan="2">report</th><th rowspan="2">chars</th><th colspan="{len(counts_cols)}">rows per table</th>'
        f'<th rowspan="2">gold</th><th colspan="{len(SCORE_KEYS)}">F1 against gold (strict spans for mentions)</th></tr>'
        f"<tr>{head}{shead}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
        "<p class=\"help\">Open a report to see its text with every span highlighted. Hover a score for precision, recall and counts.</p>",
        "</main></body></html>\n",
    ])


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
    _write_atomic(out / "index.html", build_index(out, dirs, scores, note, gold))
    print(f"review: {len(dirs)} page(s), {out / 'index.html'} and {xlsx}")
    return 0


# --------------------------------------------------------------------------------- assets
CSS = """
:root{--P:#cde4ff;--T:#ffe1b8;--A:#c9f0d1;--X:#e6e6e6;--Pd:#2f6fd0;--Td:#d98200;--Ad:#1f9a45;--st:#8e44ad;--rc:#fff4b8;--wn:#d62828}
*{box-sizing:border-box}
html,body{height:100%}
body{margin:0;display:flex;flex-direction:column;color:#1d232b;background:#f6f7f9;
 font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK TC","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif}
header{background:#fff;border-bottom:1px solid #d8dde3;padding:6px 14px}
.top{display:flex;align-items:baseline;gap:14px;flex-wrap:wrap}
h1{font-size:18px;margin:0}
.meta{color:#66707a}
.scores .sc{display:inline-block;padding:0 6px;border-radius:9px;margin-right:3px;font-size:12px}
.good{background:#d7f5dd}.fair{background:#fff0c2}.poor{background:#ffd9d9}.na{color:#aaa}
.legend{margin-top:4px;display:flex;flex-wrap:wrap;gap:10px;font-size:13px}
.lg{cursor:pointer;user-select:none}.lg input{vertical-align:middle;margin:0 3px 0 0}
.lg span{padding:0 4px}
.gbar{box-shadow:inset 0 -3px 0 #555}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1.05fr) minmax(0,1fr)}
#left{overflow:auto;min-height:0}
#right{min-height:0;display:flex;flex-direction:column}
#left{background:#fff;border-right:1px solid #d8dde3;padding:0 18px 40vh}
#info{position:sticky;top:0;z-index:2;background:#f0f4f9;border-bottom:1px solid #d8dde3;margin:0 -18px 8px;padding:6px 18px;
 font-size:13px;min-height:2.2em;max-height:9em;overflow:auto}
#info a,#warnbox a{color:#1a5fb4;cursor:pointer;margin-right:8px}
#warnbox{font-size:13px;margin:6px 0;background:#fff7f7;border:1px solid #f2c4c4;border-radius:4px;padding:4px 8px}
#warnbox ul{margin:4px 0;padding-left:20px;max-height:12em;overflow:auto}
#text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:17px;line-height:2.05}
#text span[data-i]{cursor:pointer;border-radius:2px}
#text .rc{background:var(--rc)}
#text .P{background:var(--P)}#text .T{background:var(--T)}#text .A{background:var(--A)}#text .X{background:var(--X)}
#text .A.T{background:linear-gradient(var(--A) 50%,var(--T) 50%)}
#text .A.P{background:linear-gradient(var(--A) 50%,var(--P) 50%)}
#text .P.T{background:linear-gradient(var(--P) 50%,var(--T) 50%)}
#text .A.P.T{background:linear-gradient(var(--A) 33%,var(--P) 33% 66%,var(--T) 66%)}
#text .st{border-bottom:2px solid var(--st)}
#text .wn{text-decoration:underline wavy var(--wn);text-decoration-skip-ink:none;text-underline-offset:5px}
#text .sb::before{content:attr(data-sb);font-size:11px;line-height:1;background:#445;color:#fff;border-radius:3px;padding:1px 4px;margin-right:4px;vertical-align:2px}
body.hide-P #text .P,body.hide-T #text .T,body.hide-A #text .A{background:none}
body.hide-rc #text .rc{background:none}
body.hide-st #text .st{border-bottom:0}
body.hide-wn #text .wn{text-decoration:none}
body.showgold #text .gP{box-shadow:0 3px 0 var(--Pd)}
body.showgold #text .gT{box-shadow:0 3px 0 var(--Td)}
body.showgold #text .gA{box-shadow:0 3px 0 var(--Ad)}
#text .hov{outline:1px solid #888}
#text .active{background:#ffd23f !important;outline:2px solid #e0601b;outline-offset:0}
.legend .P{background:var(--P)}.legend .T{background:var(--T)}.legend .A{background:var(--A)}
.legend .st{border-bottom:2px solid var(--st)}.legend .rc{background:var(--rc)}
.legend .wn{text-decoration:underline wavy var(--wn);text-decoration-skip-ink:none}
#tabs{flex:none;background:#eef1f4;border-bottom:1px solid #d8dde3;padding:6px 8px 0;display:flex;flex-wrap:wrap;gap:2px}
#tabs button{border:1px solid #cfd5dc;border-bottom:0;background:#e2e7ec;padding:4px 9px;border-radius:5px 5px 0 0;cursor:pointer;font:inherit}
#tabs button.on{background:#fff;font-weight:600}
#tabs small{color:#66707a}
.pane{flex:1;min-height:0;overflow:auto;padding:0 8px 6px}
.pane[hidden]{display:none}
#autotest-result{display:none}
table.rows{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
table.rows th{position:sticky;top:0;background:#f2f4f6;text-align:left;font-weight:600;border-bottom:1px solid #cfd5dc;padding:3px 6px;white-space:nowrap}
table.rows td{border-bottom:1px solid #edf0f2;padding:3px 6px;vertical-align:top;max-width:28em;overflow-wrap:anywhere}
table.rows tbody tr[data-k]{cursor:pointer}
table.rows tbody tr:hover{background:#f3f8ff}
table.rows tr.hit{background:#fff6d6}
table.rows tr.sel{background:#ffe28a !important;box-shadow:inset 3px 0 0 #e0601b}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.ok{color:#1f7a3a}td.bad,li.bad{color:#b3261e}
.empty{color:#8a949e;font-style:italic;padding:4px}
"""

INDEX_CSS = """
body.index{display:block;height:auto}
main.idx{display:block;padding:12px 16px}
main.idx table.rows{width:auto}
main.idx table.rows th{position:static;text-align:center;padding:3px 7px}
main.idx table.rows td{white-space:nowrap;max-width:none;overflow-wrap:normal;padding:3px 6px}
main.idx table.rows{font-size:12.5px}
main.idx table.rows th.grp{border-left:2px solid #cfd5dc}
main.idx td.zero{color:#b8bec4}
tr.all td{font-weight:600;background:#f7f8fa}
.links a{margin-right:2px}
.help{color:#66707a}
"""

JS = r"""
(function(){
"use strict";
const D = JSON.parse(document.getElementById('data').textContent);
const segs = [];
for (const el of document.querySelectorAll('#text span[data-i]')) {
  for (const i of el.dataset.i.split(' ')) (segs[+i] || (segs[+i] = [])).push(el);
}
const rowEls = new Map();
for (const tr of document.querySelectorAll('tr[data-k]')) rowEls.set(tr.dataset.k, tr);
const info = document.getElementById('info');
let marked = [], hov = [], selRows = [];

function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === name);
  for (const p of document.querySelectorAll('.pane')) p.hidden = (p.id !== 'tab-' + name);
}
function tabOf(key) { return key.slice(0, key.indexOf(':')); }
function setMarks(list, cls, idx) {
  for (const el of list) el.classList.remove(cls);
  const out = [];
  for (const i of idx) for (const el of (segs[i] || [])) { el.classList.add(cls); out.push(el); }
  return out;
}
function firstSeg(idx) {
  let best = null;
  for (const i of idx) if (segs[i] && (best === null || D.spans[i][0] < D.spans[best][0])) best = i;
  return best === null ? null : segs[best][0];
}
function markRows(keys, main) {
  for (const tr of selRows) tr.classList.remove('sel', 'hit');
  selRows = [];
  for (const k of keys) {
    const tr = rowEls.get(k);
    if (!tr) continue;
    tr.classList.add(k === main ? 'sel' : 'hit');
    selRows.push(tr);
  }
  const tr = rowEls.get(main);
  if (tr) { showTab(tabOf(main)); tr.scrollIntoView({block: 'nearest'}); }
}
function describe(title, keys) {
  info.textContent = '';
  const b = document.createElement('b'); b.textContent = title; info.appendChild(b);
  info.appendChild(document.createTextNode(' '));
  if (!keys.length) info.appendChild(document.createTextNode('no rows'));
  for (const k of keys) {
    const a = document.createElement('a'); a.dataset.go = k; a.href = '#';
    a.textContent = tabOf(k) + ' ' + (D.rowDesc[k] || k.slice(k.indexOf(':') + 1));
    info.appendChild(a);
  }
}
function selectRow(key) {
  const idx = D.rowSpans[key] || [];
  marked = setMarks(marked, 'active', idx);
  markRows([key], key);
  const first = firstSeg(idx);
  if (first) first.scrollIntoView({block: 'center'});
  const feeds = [];
  for (const i of idx) for (const k of D.spanRows[i]) if (k !== key && feeds.indexOf(k) < 0) feeds.push(k);
  describe(tabOf(key) + ' ' + (D.rowDesc[key] || key) + (idx.length ? ' → ' + idx.length + ' span(s)' : ' → no span in the text') +
           (feeds.length ? '; also:' : ''), feeds);
}
function spansAt(el) {
  const idx = el.dataset.i.split(' ').map(Number);
  idx.sort((a, b) => (D.rank[D.spans[a][2]] ?? 9) - (D.rank[D.spans[b][2]] ?? 9) ||
                     (D.spans[a][1] - D.spans[a][0]) - (D.spans[b][1] - D.spans[b][0]));
  return idx;
}
function rowsOf(idx) {
  const keys = [];
  for (const i of idx) for (const k of D.spanRows[i]) if (keys.indexOf(k) < 0) keys.push(k);
  return keys;
}
function clickSegment(el) {
  const idx = spansAt(el);
  const main = idx[0];
  marked = setMarks(marked, 'active', [main]);
  const keys = rowsOf(idx);
  markRows(keys, D.spanRows[main][0]);
  const s = D.spans[main];
  describe('[' + s[0] + ',' + s[1] + ') feeds:', keys);
}
const text = document.getElementById('text');
text.addEventListener('mouseover', ev => {
  const el = ev.target.closest && ev.target.closest('span[data-i]');
  if (!el) return;
  const idx = spansAt(el);
  hov = setMarks(hov, 'hov', [idx[0]]);
  const s = D.spans[idx[0]];
  describe('[' + s[0] + ',' + s[1] + ') feeds:', rowsOf(idx));
});
text.addEventListener('click', ev => {
  const el = ev.target.closest && ev.target.closest('span[data-i]');
  if (el) clickSegment(el);
});
document.getElementById('right').addEventListener('click', ev => {
  const b = ev.target.closest('#tabs button');
  if (b) { showTab(b.dataset.tab); return; }
  const tr = ev.target.closest('tr[data-k]');
  if (tr) selectRow(tr.dataset.k);
});
document.addEventListener('click', ev => {
  const a = ev.target.closest && ev.target.closest('a[data-go]');
  if (a) { ev.preventDefault(); selectRow(a.dataset.go); }
});
for (const cb of document.querySelectorAll('input[data-hide]'))
  cb.addEventListener('change', () => document.body.classList.toggle('hide-' + cb.dataset.hide, !cb.checked));
const sg = document.getElementById('showgold');
if (sg) sg.addEventListener('change', () => document.body.classList.toggle('showgold', sg.checked));

// ?autotest=<row key>: click that row; ?autoclick=<row key>: click the first text segment of its span.
const q = new URLSearchParams(location.search);
const res = {};
if (q.has('showgold') && sg) { sg.checked = true; document.body.classList.add('showgold'); }
if (q.has('autotest')) {
  const key = q.get('autotest'), tr = rowEls.get(key);
  res.row = key; res.rowFound = !!tr;
  if (tr) tr.querySelector('td').click();
}
if (q.has('autoclick')) {
  const key = q.get('autoclick'), idx = D.rowSpans[key] || [];
  const el = idx.length && segs[idx[0]] ? segs[idx[0]][0] : null;
  res.clicked = key; res.segmentFound = !!el;
  if (el) el.click();
}
if (q.has('autotest') || q.has('autoclick')) {
  const act = Array.from(document.querySelectorAll('#text .active'));
  const pane = document.getElementById('left').getBoundingClientRect();
  res.active = act.length;
  res.activeText = act.map(e => e.textContent).join('');
  res.activeClasses = act.map(e => e.className);
  res.activeSpans = act.map(e => e.dataset.i);
  res.selected = Array.from(document.querySelectorAll('tr.sel')).map(t => t.dataset.k);
  res.hits = Array.from(document.querySelectorAll('tr.hit')).map(t => t.dataset.k);
  res.tab = (document.querySelector('#tabs button.on') || {}).dataset?.tab || '';
  res.info = Array.from(info.querySelectorAll('a[data-go]')).map(a => a.dataset.go);
  if (act.length) {
    const r = act[0].getBoundingClientRect();
    res.inView = r.top >= pane.top && r.bottom <= pane.bottom;
    res.scrollTop = document.getElementById('left').scrollTop;
  }
  const out = document.getElementById('autotest-result');
  out.textContent = JSON.stringify(res);
}
})();
"""
