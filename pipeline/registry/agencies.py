"""Agencies across reports: one row per organisation, its written variants folded together, and who
held a post there.

Within a report, a row's variants (台/臺 spellings, declared short forms) are that report's own ties.
Across reports, two rows are one agency when their names fold to the same form, when one row's name is
a variant of the other written in brackets or as its abbreviation, or when one name abbreviates the
other (same first and last character, its characters in order: 經濟部國貿署 ~ 經濟部國際貿易署) and
abbreviates no other name of the corpus. A generic variant (基金會 beside a full foundation name) never
ties reports together.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..config import load
from .folding import UnionFind, bracketed_in, fold, is_abbreviation, stable_key
from .sources import ReportTables

AGENCY_COLUMNS = ["agency_key", "name", "variants", "report_count", "people_count"]
AGENCY_PEOPLE_COLUMNS = ["agency_key", "person_key", "title", "doc_id", "date"]
AGENCY_REPORT_COLUMNS = ["agency_key", "doc_id", "agency_id", "name", "mention_count"]


def _org_end(name: str) -> bool:
    """The name ends like an organisation (部, 署, 院, 會…: the last character of a suffix in
    configs/organisations.yml), so a subsequence of a longer name can be its abbreviation."""
    ends = {fold(s)[-1] for s in load("organisations")["suffixes"] if s}
    return bool(name) and name[-1] in ends


def _variants(row: dict) -> list[str]:
    return [v for v in (row.get("variants") or "").split("|") if v]


def agency_groups(reports: list[ReportTables], extra_names: list[str]) -> tuple[dict[str, str], UnionFind]:
    """folded name → agency_key over every agency row (and the agencies written in people rows)."""
    uf = UnionFind()
    names = set()
    for r in reports:
        for a in r.agencies:
            n = fold(a["name"])
            if not n:
                continue
            names.add(n)
            uf.find(n)
    for x in extra_names:
        if fold(x):
            names.add(fold(x))
            uf.find(fold(x))
    for r in reports:
        for a in r.agencies:
            n = fold(a["name"])
            for v in map(fold, _variants(a)):
                if v and v != n and (v in names or bracketed_in(v, n)) and (bracketed_in(v, n) or is_abbreviation(v, n)):
                    uf.union(n, v)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in sorted(names):
        by_ends[(n[0], n[-1])].append(n)
    for short in sorted(names):
        if not _org_end(short):
            continue
        fulls = [f for f in by_ends[(short[0], short[-1])] if is_abbreviation(short, f)]
        if len(fulls) == 1:
            uf.union(short, fulls[0])
    key_of = {}
    for root, members in uf.groups().items():
        full = sorted(members, key=lambda m: (-len(m), m))[0]  # the key comes from the fullest form
        for m in members:
            key_of[m] = stable_key("A", full)
    return key_of, uf


def build_agencies(reports: list[ReportTables], positions: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """(agency rows, agency_people rows, agency_reports rows: which report row is which agency)."""
    key_of, _ = agency_groups(reports, [p["agency"] for p in positions if p["agency"]])
    written: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    in_reports = []
    for r in reports:
        for a in r.agencies:
            key = key_of.get(fold(a["name"]))
            if not key:
                continue
            in_reports.append({"agency_key": key, "doc_id": r.doc_id, "agency_id": a.get("agency_id", ""), "name": a["name"],
                               "mention_count": a.get("mention_count", "")})
            written[key][a["name"]] += int(a.get("mention_count") or 1)
            docs[key].add(r.doc_id)
            for v in _variants(a):  # a report's own variants, unless the form names another agency
                if key_of.setdefault(fold(v), key) == key:
                    written[key][v] += 0
    links, people_at = [], defaultdict(set)
    for p in positions:
        key = key_of.get(fold(p["agency"])) if p["agency"] else None
        if not key:
            continue
        if key not in written:
            written[key][p["agency"]] += 1
        docs[key].add(p["doc_id"])
        people_at[key].add(p["person_key"])
        links.append({"agency_key": key, "person_key": p["person_key"], "title": p["title"], "doc_id": p["doc_id"], "date": p["date"]})
    rows = []
    for key, names in written.items():
        # the fullest written form names the agency; the others are its variants
        name = sorted(names, key=lambda n: (-len(fold(n)), -names[n], n))[0]
        rows.append({"agency_key": key, "name": name, "variants": "|".join(sorted(n for n in names if n != name)),
                     "report_count": len(docs[key]), "people_count": len(people_at[key])})
    rows.sort(key=lambda r: (r["name"], r["agency_key"]))
    links = sorted({tuple(sorted(d.items())): d for d in links}.values(),
                   key=lambda d: (d["agency_key"], d["date"] == "", d["date"], d["person_key"], d["doc_id"], d["title"]))
    return rows, links, in_reports
