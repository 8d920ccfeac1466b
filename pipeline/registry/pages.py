"""extracted/people.html and extracted/agencies.html: each person with the timeline of their posts,
each agency with who held a post there; every entry links to the span in that report's review page
(review.html?autotest=mentions:<mention_id> selects the mention row and scrolls to its span).

The markup is in pipeline/templates/registry_*.html (string.Template); every value is escaped here.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from pathlib import Path
from string import Template
from urllib.parse import quote

from ..evaluate import read_csv
from .build import REGISTRY_DIR

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _t(name: str) -> Template:
    return Template((TEMPLATES / f"registry_{name}.html").read_text(encoding="utf-8"))


def _esc(values: dict) -> dict:
    return {k: html.escape(str(v if v is not None else ""), quote=True) for k, v in values.items()}


def review_link(doc_id: str, mention_id: str) -> str:
    """The review page of a report, on the row of this mention (its span is highlighted)."""
    link = f"{quote(doc_id)}/review.html"
    return f"{link}?autotest={quote('mentions:' + mention_id)}" if mention_id else link


def _texts(out: Path, positions: list[dict]) -> dict[str, str]:
    texts = {}
    for doc_id in {p["doc_id"] for p in positions}:
        f = out / doc_id / "text.txt"
        texts[doc_id] = f.read_text(encoding="utf-8") if f.exists() else ""
    return texts


def _span(text: str, start, end) -> str:
    try:
        return text[int(start) : int(end)]
    except (TypeError, ValueError):
        return ""


def _page(title: str, summary: str, sections: list[str]) -> str:
    return _t("page").substitute(_esc({"title": title, "summary": summary}) | {"sections": "\n".join(sections)})


def people_page(out: Path) -> str:
    reg = out / REGISTRY_DIR
    people, positions = read_csv(reg / "people.csv"), read_csv(reg / "positions.csv")
    texts = _texts(out, positions)
    by_person = defaultdict(list)
    for p in positions:
        by_person[p["person_key"]].append(p)
    row_t, person_t = _t("position_row"), _t("person")
    sections = []
    for person in people:
        rows = [row_t.substitute(_esc({"cls": "former" if p["former"] == "true" else "", "date": p["date"], "title": p["title"],
                                       "agency": p["agency"], "former": "former" if p["former"] == "true" else "",
                                       "href": review_link(p["doc_id"], p.get("mention_id", "")), "doc_id": p["doc_id"],
                                       "text": _span(texts.get(p["doc_id"], ""), p["start"], p["end"])}))
                for p in by_person.get(person["person_key"], [])]
        sections.append(person_t.substitute(_esc({"anchor": person["person_key"], "name": person["name"], "key": person["person_key"],
                                                  "aliases": person["aliases"].replace("|", ", ") or "no other form",
                                                  "report_count": person["report_count"], "first_date": person["first_date"] or "?",
                                                  "last_date": person["last_date"] or "?"}) | {"rows": "\n".join(rows)}))
    return _page("People across reports", f"{len(people)} people, {len(positions)} stated posts", sections)


def agencies_page(out: Path) -> str:
    reg = out / REGISTRY_DIR
    agencies, links = read_csv(reg / "agencies.csv"), read_csv(reg / "agency_people.csv")
    names = {p["person_key"]: p["name"] for p in read_csv(reg / "people.csv")}
    mention = {(p["person_key"], p["doc_id"], p["title"]): p.get("mention_id", "") for p in read_csv(reg / "positions.csv")}
    by_agency = defaultdict(list)
    for link in links:
        by_agency[link["agency_key"]].append(link)
    row_t, agency_t = _t("agency_row"), _t("agency")
    sections = []
    for a in agencies:
        rows = [row_t.substitute(_esc({"date": x["date"], "person_anchor": x["person_key"], "name": names.get(x["person_key"], x["person_key"]),
                                       "title": x["title"], "doc_id": x["doc_id"],
                                       "href": review_link(x["doc_id"], mention.get((x["person_key"], x["doc_id"], x["title"]), ""))}))
                for x in by_agency.get(a["agency_key"], [])]
        sections.append(agency_t.substitute(_esc({"anchor": a["agency_key"], "name": a["name"], "key": a["agency_key"],
                                                  "variants": a["variants"].replace("|", ", ") or "no other form",
                                                  "report_count": a["report_count"], "people_count": a["people_count"]})
                                            | {"rows": "\n".join(rows)}))
    return _page("Agencies across reports", f"{len(agencies)} agencies, {len(links)} posts held", sections)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_registry_pages(out: Path) -> list[Path]:
    """people.html and agencies.html in OUT (nothing when the registry has not been built)."""
    if not (out / REGISTRY_DIR / "people.csv").exists():
        return []
    written = []
    for name, build in (("people.html", people_page), ("agencies.html", agencies_page)):
        _write(out / name, build(out))
        written.append(out / name)
    return written
