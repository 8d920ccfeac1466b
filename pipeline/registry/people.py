"""People across reports: one row per person, and the timeline of every stated post.

Two rows are one person when their full names fold to the same form (folding.fold), or when a report
ties the two names together (its people.csv `aliases`: a Latin name and its transliteration). A name
with two different posts on the same date in different reports stays one row but gets a warning.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .folding import UnionFind, fold, stable_key
from .sources import ReportTables

PEOPLE_COLUMNS = ["person_key", "name", "aliases", "report_count", "first_date", "last_date"]
POSITION_COLUMNS = ["person_key", "name", "title", "agency", "former", "doc_id", "date", "start", "end", "mention_id"]
WARNING_COLUMNS = ["kind", "key", "name", "message", "doc_ids"]


def _int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def person_groups(reports: list[ReportTables]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """folded name → person_key, and person_key → the folded names of that person."""
    uf = UnionFind()
    for r in reports:
        for p in r.people:
            name = fold(p["name"])
            if not name:
                continue
            uf.find(name)
            for alias in filter(None, (p.get("aliases") or "").split("|")):
                if fold(alias):
                    uf.union(name, fold(alias))
    key_of, members = {}, {}
    for root, names in uf.groups().items():
        # the key comes from the group's smallest Chinese-script form (else its smallest form)
        cjk = sorted(n for n in names if any("\u4e00" <= c <= "\u9fff" for c in n))
        key = stable_key("P", (cjk or sorted(names))[0])
        members[key] = sorted(names)
        for n in names:
            key_of[n] = key
    return key_of, members


def _beside(ms, me, s, e) -> bool:
    """A name mention right after, right before (at most 2 characters away) or around the title."""
    if ms is None or me is None:
        return False
    return 0 <= ms - e <= 2 or 0 <= s - me <= 2 or (ms < e and s < me)


def position_span(report: ReportTables, person: dict) -> tuple[int | str, int | str, str]:
    """Offsets of the mention stating this post: the title mention of this person (with the name next
    to it), else the person's first mention. Returns (start, end, mention_id)."""
    pid, title = person["person_id"], person.get("title", "")
    own = report.by_entity().get(pid, [])
    titles = [m for m in own if m["label"] == "TITLE" and fold(m["text"]) == fold(title)]
    names = [m for m in own if m["label"] == "PERSON"]
    if titles:
        t = titles[0]
        s, e = _int(t["start"]), _int(t["end"])
        near = [m for m in names if _beside(_int(m["start"]), _int(m["end"]), s, e)]
        if near:
            n = near[0]
            return min(s, _int(n["start"])), max(e, _int(n["end"])), n["mention_id"]
        return s, e, t["mention_id"]
    first = _int(person.get("first_start"))
    at = [m for m in names if _int(m["start"]) == first] or names
    if at:
        return _int(at[0]["start"]), _int(at[0]["end"]), at[0]["mention_id"]
    return "", "", ""


def _date_key(date: str) -> tuple:
    return (date == "", date)


def build_people(reports: list[ReportTables]) -> tuple[list[dict], list[dict], list[dict]]:
    """(people rows, position rows, warnings) of the whole corpus."""
    key_of, members = person_groups(reports)
    written: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    positions = []
    for r in reports:
        for p in r.people:
            key = key_of.get(fold(p["name"]))
            if not key:
                continue
            written[key][p["name"]] += 1
            for alias in filter(None, (p.get("aliases") or "").split("|")):
                written[key][alias] += 0
            if r.doc_id not in docs[key]:
                docs[key].add(r.doc_id)
                if r.date:
                    dates[key].append(r.date)
            if p.get("title") or p.get("agency"):
                s, e, mid = position_span(r, p)
                positions.append({"person_key": key, "name": p["name"], "title": p.get("title", ""), "agency": p.get("agency", ""),
                                  "former": p.get("former", ""), "doc_id": r.doc_id, "date": r.date, "start": s, "end": e,
                                  "mention_id": mid})
    people = []
    for key, names in written.items():
        name = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        ds = sorted(dates[key])
        people.append({"person_key": key, "name": name, "aliases": "|".join(sorted(n for n in names if n != name)),
                       "report_count": len(docs[key]), "first_date": ds[0] if ds else "", "last_date": ds[-1] if ds else ""})
    people.sort(key=lambda r: (r["name"], r["person_key"]))
    order = {r["person_key"]: i for i, r in enumerate(people)}
    positions.sort(key=lambda r: (order[r["person_key"]], _date_key(r["date"]), r["doc_id"], r["start"] if r["start"] != "" else -1, r["title"]))
    return people, positions, conflicts(positions)


def _compatible(a: dict, b: dict) -> bool:
    """Two posts stated on one date can be one person's: the same title, or one agency inside the other."""
    if fold(a["title"]) == fold(b["title"]):
        return True
    fa, fb = fold(a["agency"]), fold(b["agency"])
    return bool(fa and fb and (fa in fb or fb in fa)) or not (a["title"] and b["title"])


def conflicts(positions: list[dict]) -> list[dict]:
    """A name holding two different posts on the same (full) date in different reports: maybe two people."""
    by: dict[tuple, list[dict]] = defaultdict(list)
    for p in positions:
        if len(p["date"]) == 10 and p["former"] != "true":
            by[(p["person_key"], p["date"])].append(p)
    out = []
    for (key, date), ps in sorted(by.items()):
        for i, a in enumerate(ps):
            b = next((b for b in ps[i + 1 :] if b["doc_id"] != a["doc_id"] and not _compatible(a, b)), None)
            if b:
                out.append({"kind": "same_name_two_posts", "key": key, "name": a["name"],
                            "message": f"{a['name']} is {a['agency']}{a['title']} in {a['doc_id']} and {b['agency']}{b['title']} in {b['doc_id']} on {date}: two people with one name?",
                            "doc_ids": f"{a['doc_id']}|{b['doc_id']}"})
                break
    return out
