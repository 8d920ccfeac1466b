"""evaluation.csv, evaluation.md and evaluation.html: scores per table and label, a small F1 chart, and every false
positive and false negative with its context, so annotators can fix gold and engineers rules."""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

from .evaluate import EVAL_COLUMNS, evaluation_rows, format_table
from .write import csv_bytes

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _bar(f1: float, width: int = 20) -> str:
    n = round(f1 * width)
    return "█" * n + "░" * (width - n)


def _context(text: str, start, end, pad: int = 15) -> str:
    if start in ("", None) or not text:
        return ""
    s, e = int(start), int(end)
    left = text[max(0, s - pad) : s].replace("\n", "⏎")
    mid = text[s:e].replace("\n", "⏎")
    right = text[e : e + pad].replace("\n", "⏎")
    return f"…{left}【{mid}】{right}…"


def write_evaluation_files(out: Path, gold: Path, totals, per_doc, r_totals=None, r_per_doc=None) -> None:
    rows = (evaluation_rows(totals, per_doc) if per_doc else []) + (evaluation_rows(r_totals, r_per_doc, "reviewed") if r_per_doc else [])
    tmp = out / ".evaluation.csv.tmp"
    tmp.write_bytes(csv_bytes(EVAL_COLUMNS, rows))
    os.replace(tmp, out / "evaluation.csv")

    md = ["# Evaluation", "", format_table(totals, f"Micro-averaged over {len(per_doc)} reports with gold."), "", "## F1 per table", "", "```"]
    for k in sorted(totals, key=lambda k: k):
        md.append(f"{k:<26} {_bar(totals[k].f1)} {totals[k].f1:.3f}")
    md += ["```", "", "## Per report", ""]
    for doc_id, scores in sorted(per_doc.items()):
        md.append(format_table(scores, f"### {doc_id}"))
        md.append("")
    if r_per_doc:
        md += ["## Against reviewed tables", "", format_table(r_totals, f"Micro-averaged over {len(r_per_doc)} reviewed reports "
               "without gold: the extraction before review against the tables the analyst corrected."), ""]
        for doc_id, scores in sorted(r_per_doc.items()):
            md.append(format_table(scores, f"### {doc_id} (reviewed)"))
            md.append("")
        totals = _merged(totals, r_totals)
    md += ["## Errors", "", "FP: predicted, not in gold. FN: in gold, not predicted. Attribute rows: matched, but the attribute differs.", ""]
    texts = {}
    for k in sorted(totals):
        errs = totals[k].errors
        if not errs:
            continue
        md.append(f"### {k} ({len(errs)})")
        md.append("")
        md.append("| doc | kind | text | context | note |")
        md.append("|---|---|---|---|---|")
        for doc_id, kind, text, s, e, note in errs:
            if doc_id not in texts:
                p = out / doc_id / "text.txt"
                texts[doc_id] = p.read_text(encoding="utf-8") if p.exists() else ""
            cell = str(text).replace("|", "¦").replace("\n", "⏎")
            md.append(f"| {doc_id} | {kind} | {cell} | {_context(texts[doc_id], s, e).replace('|', '¦')} | {str(note).replace('|', '¦')} |")
        md.append("")
    tmp = out / ".evaluation.md.tmp"
    tmp.write_text("\n".join(md) + "\n", encoding="utf-8")
    os.replace(tmp, out / "evaluation.md")
    write_html(out, "\n".join(md) + "\n")


def _merged(a: dict, b: dict) -> dict:
    """Scores of both sets under one key, so every error is listed once in context."""
    from .evaluate import Score

    out = {}
    for k in set(a) | set(b):
        s = Score()
        for part in (a.get(k), b.get(k)):
            if part is not None:
                s.add(part)
        out[k] = s
    return out


def write_html(out: Path, markdown: str) -> None:
    """evaluation.html: the same report as a page (the Markdown rendered into templates/evaluation.html)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").enable("table").render(markdown)
    page = Template((TEMPLATES / "evaluation.html").read_text(encoding="utf-8")).substitute(body=body)
    tmp = out / ".evaluation.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out / "evaluation.html")
