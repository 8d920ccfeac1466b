"""The per-report tables the registry is built from (people, mentions, agencies, report), read from
each report folder: cheap, no NLP runs again, so one new report costs one more folder read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..evaluate import iter_csv, read_csv


@dataclass
class ReportTables:
    doc_id: str
    date: str
    people: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    agencies: list[dict] = field(default_factory=list)
    _by_entity: dict | None = None

    def by_entity(self) -> dict[str, list[dict]]:
        """Mentions by the person or agency id they refer to (looked up once per report)."""
        if self._by_entity is None:
            self._by_entity = {}
            for m in self.mentions:
                self._by_entity.setdefault(m.get("entity_id", ""), []).append(m)
        return self._by_entity


# what the registry reads of a mention (people.position_span): a name or a title, where, whose. The rest
# (agency mentions, evidence strings) is not kept: on 1,000 reports it was most of the registry's memory.
MENTION_LABELS = ("PERSON", "TITLE")
MENTION_FIELDS = ("mention_id", "label", "start", "end", "text", "entity_id")


def _position_mention(m: dict) -> dict | None:
    return {k: m.get(k, "") for k in MENTION_FIELDS} if m.get("label") in MENTION_LABELS else None


def _whole(row: dict) -> dict:
    return row


def report_folders(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "text.txt").exists())


def read_report(folder: Path) -> ReportTables:
    report = read_csv(folder / "report.csv")
    date = report[0].get("date", "") if report else ""
    return ReportTables(folder.name, date, read_csv(folder / "people.csv"),
                        [m for m in map(_position_mention, iter_csv(folder / "mentions.csv")) if m],
                        read_csv(folder / "agencies.csv"))


def read_all(out: Path) -> list[ReportTables]:
    """Every report's tables, from the corpus tables of OUT (one file per table, written just before the
    registry, in report order) when they are there, else from each report folder."""
    names = ("people", "mentions", "agencies", "reports")
    if not all((out / f"{n}.csv").exists() for n in names):
        return [read_report(f) for f in report_folders(out)]
    # row by row: of a mention only what the registry reads is held
    rows = {n: _by_doc(iter_csv(out / f"{n}.csv"), _position_mention if n == "mentions" else _whole) for n in names}
    out_reports = []
    for folder in report_folders(out):
        d = folder.name
        report = rows["reports"].get(d, [])
        out_reports.append(ReportTables(d, report[0].get("date", "") if report else "", rows["people"].get(d, []),
                                        rows["mentions"].get(d, []), rows["agencies"].get(d, [])))
    return out_reports


def _by_doc(rows, keep) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        kept = keep(r)
        if kept is not None:
            out.setdefault(r.get("doc_id", ""), []).append(kept)
    return out
