"""Stage 4 — link: mentions become entities. Full names become people with their affiliations;
short forms and pronouns point to them; agency spellings (台/臺, with or without an acronym) merge.

Writes doc._.link = {"people": [...], "agencies": [...], "mention_entity": {...},
"warnings": [...]}, all in analysis offsets; the writer maps offsets to text.txt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .config import load
from .shadow import simplify

if not Doc.has_extension("link"):
    Doc.set_extension("link", default=None)


def norm_key(text: str) -> str:
    """The scoring normalisation of CONTRACT §4 plus simplified characters (爲/為 …)."""
    t = unicodedata.normalize("NFKC", text).replace("臺", "台")
    t = re.sub(r"\s+", "", t).casefold()
    return simplify(t)


def agency_key(text: str) -> str:
    m = re.search(r"[(（]([A-Za-z][A-Za-z0-9&\-]{1,15})[)）]$", text)
    if m:
        return m.group(1).casefold()
    return norm_key(text)


def _merge_short_forms(groups: dict[str, dict], eligible, names_it) -> None:
    """Fold each eligible short group into the longest group whose key `names_it(short, key)`."""
    for short in sorted(groups, key=len):
        if short not in groups or not eligible(short):
            continue
        longer = next((k for k in sorted(groups, key=len, reverse=True) if k != short and names_it(short, k)), None)
        if longer:
            g, into = groups.pop(short), groups[longer]
            into["forms"] += g["forms"]
            into["count"] += g["count"]
            into["spans"] += g["spans"]
            into["first"] = min(into["first"], g["first"])


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, str]:
    """The gazetteer's abbreviations, short form → full name, both as agency keys."""
    pairs = (load("gazetteer").get("abbreviations") or {}).items()
    return {norm_key(short): norm_key(full) for short, full in pairs}


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def link(doc: Doc) -> Doc:
    rec = doc._.recognition
    a = doc._.text
    persons = rec["persons"]  # key -> (name, start, end, surname)

    # -- agencies: group mentions by normalised key; name = fullest form, variants = other spellings
    groups: dict[str, dict] = {}
    declared = {agency_key(k): agency_key(v) for k, v in rec.get("agency_aliases", {}).items()}
    for i, j in rec["agencies"]:
        text = a[i:j]
        key = agency_key(text)
        key = declared.get(key, key)
        g = groups.setdefault(key, {"forms": [], "first": i, "count": 0, "spans": []})
        g["forms"].append(text)
        g["count"] += 1
        g["spans"].append((i, j))
    # a unit written without its parent (移民署) joins the full name written elsewhere (內政部移民署)
    _merge_short_forms(groups, lambda short: len(short) >= 3 and re.search(r"[\u4e00-\u9fff]", short),
                       lambda short, k: len(k) > len(short) and k.endswith(short))
    # an abbreviation written in the report (疾管署 for 衛生福利部疾病管制署, 衛福部 for 衛生福利部): its
    # characters appear in order in the full name and it keeps the same final (suffix) character
    _merge_short_forms(groups, lambda short: 3 <= len(short) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", short),
                       lambda short, k: len(k) >= len(short) + 2 and k[-1] == short[-1] and _subsequence(short, k))
    # a known abbreviation (立院, 工總) joins the full name written elsewhere in the report (立法院, 中華民國全國工業總會)
    known = known_abbreviations()
    _merge_short_forms(groups, lambda short: short in known, lambda short, k: k != short and k.endswith(known[short]))
    agencies = []
    span_agency: dict[tuple[int, int], str] = {}
    for n, (key, g) in enumerate(sorted(groups.items(), key=lambda kv: kv[1]["first"]), start=1):
        aid = f"A{n:03d}"
        forms = list(dict.fromkeys(g["forms"]))
        name = max(forms, key=lambda f: (len(f), -forms.index(f)))
        variants = [f for f in forms if f != name]
        agencies.append({"agency_id": aid, "name": name, "variants": variants, "mention_count": g["count"], "first": g["first"]})
        for sp in g["spans"]:
            span_agency[sp] = aid

    # -- people: one row per (person, title, agency); a person with no title gets one empty row
    order = sorted(persons, key=lambda k: persons[k][1])
    person_id = {k: f"P{n:03d}" for n, k in enumerate(order, start=1)}
    aff: dict[str, list[dict]] = {k: [] for k in order}
    title_owner: dict[tuple[int, int], str] = {}
    for pkey, title, agency, former, _ in rec["facts"]:
        if pkey not in aff or not title:
            continue
        t_text = a[title[0] : title[1]]
        ag_text = a[agency[0] : agency[1]] if agency else ""
        title_owner[tuple(title)] = pkey
        rows = aff[pkey]
        same = next((r for r in rows if norm_key(r["title"]) == norm_key(t_text)), None)
        if same is None:
            rows.append({"title": t_text, "agency": ag_text, "former": former, "start": title[0]})
        elif not same["agency"] and ag_text:
            same["agency"] = ag_text
        elif same["agency"] and ag_text and agency_key(same["agency"]) != agency_key(ag_text) and not (
            norm_key(ag_text) in norm_key(same["agency"]) or norm_key(same["agency"]) in norm_key(ag_text)
        ):
            rows.append({"title": t_text, "agency": ag_text, "former": former, "start": title[0]})
    # aliases: other written full forms of the same person
    written: dict[str, list[str]] = {k: [] for k in order}
    for label, i, j, ent in rec["mentions"]:
        if label == "PERSON" and ent in written:
            form = a[i:j]
            if simplify(form) == ent or norm_key(form) == norm_key(persons[ent][0]):
                written[ent].append(form)
    people = []
    extra = rec.get("aliases", {})
    for k in order:
        name, start, _, _ = persons[k]
        aliases = [f for f in dict.fromkeys(written[k] + list(extra.get(k, []))) if f != name]
        base = {"person_id": person_id[k], "name": name, "aliases": aliases, "first": start}
        rows = aff[k] or [{"title": "", "agency": "", "former": False, "start": start}]
        for r in rows:
            people.append({**base, **r})

    mention_entity = []
    for label, i, j, ent in rec["mentions"]:
        mention_entity.append([label, i, j, person_id.get(ent, "")])
    for i, j in rec["agencies"]:
        mention_entity.append(["AGENCY", i, j, span_agency.get((i, j), "")])
    for i, j in rec["titles"]:
        mention_entity.append(["TITLE", i, j, person_id.get(title_owner.get((i, j), ""), "")])

    doc._.link = {
        "people": people,
        "agencies": agencies,
        "mention_entity": mention_entity,
        "person_names": {k: persons[k][0] for k in order},
        "person_ids": person_id,
        "warnings": entity_warnings(doc, people, agencies, rec),
    }
    return doc


def entity_warnings(doc: Doc, people, agencies, rec) -> list[dict]:
    """What a reviewer must look at: near-identical names with one title, agencies written two ways,
    titles that no person holds."""
    out = []
    by_title: dict[tuple[str, str], list[dict]] = {}
    for p in people:
        if p["title"] and len(p["name"]) >= 2:
            by_title.setdefault((p["name"][0], norm_key(p["title"])), []).append(p)
    for (surname, _), rows in by_title.items():
        names = sorted({r["name"] for r in rows})
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                n1, n2 = names[x], names[y]
                if len(n1) == len(n2) and sum(c1 != c2 for c1, c2 in zip(n1, n2)) == 1:
                    r2 = next(r for r in rows if r["name"] == n2)
                    out.append({
                        "kind": "name_variant",
                        "message": f"{n1} and {n2} share surname and title {rows[0]['title']}: one person written two ways?",
                        "start": r2["first"], "end": r2["first"] + len(n2),
                    })
    for ag in agencies:
        if ag["variants"]:
            out.append({
                "kind": "agency_variants",
                "message": f"agency written {len(ag['variants']) + 1} ways: {ag['name']} | " + " | ".join(ag["variants"]),
                "start": ag["first"], "end": ag["first"] + len(ag["name"]),
            })
    text = doc._.text
    owned = {tuple(f[1]) for f in rec["facts"] if f[1]}
    short_form_titles = {(i, j) for label, i, j, _ in rec["mentions"] if label == "PERSON"}
    for i, j in rec["titles"]:
        if (i, j) not in owned and not any(s <= i and j <= e for s, e in short_form_titles):
            out.append({"kind": "title_without_person", "message": f"title {text[i:j]} with no named holder", "start": i, "end": j})
    return out


@Language.component("report_linker")
def report_linker(doc: Doc) -> Doc:
    return link(doc)
