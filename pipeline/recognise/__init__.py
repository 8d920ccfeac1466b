"""Stage 3 — recognise PERSON, TITLE and AGENCY mentions: one module per source of evidence
(titles, name shapes, affiliation shapes, lists and bylines, organisations, the learned tagger,
short forms and pronouns) over a shared context, and `resolver.py`, which orders them and decides
between overlapping candidates.

The genre names people in a few fixed shapes: ORG + NAME + TITLE, ORG + TITLE + NAME, SURNAME + TITLE +
GIVEN NAME, lists of names, bylines. Titles are the anchor; the learned tagger (LAC) adds names and
organisations in any context, confirmed or bounded by the rules. Matching runs on the simplified
shadow (same length as the analysis text), so offsets are shared.

Output: doc.spans["PERSON"|"TITLE"|"AGENCY"], `doc._.recognition` (the affiliation facts that the link
stage turns into tables) and `doc._.evidence` (why each span was chosen, for the review page).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..memory import give_back, is_huge
from ..segment import set_span_groups
from .resolver import Recogniser, resolve
from .text import is_cjk

__all__ = ["Recogniser", "recognise", "is_cjk"]

for _name in ("recognition", "evidence"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def recognise(doc: Doc) -> Doc:
    r, mentions = resolve(doc)
    groups = {
        "PERSON": [(m.start, m.end, "PERSON") for m in mentions],
        "TITLE": [(i, j, "TITLE") for i, j in sorted(r.kept_titles)],
        "AGENCY": [(i, j, "AGENCY") for i, j in r.agencies],
    }
    recognition = {
        "mentions": [(m.label, m.start, m.end, m.entity) for m in mentions],
        "titles": sorted(r.kept_titles),
        "agencies": r.agencies,
        "facts": [(f.person, f.title, f.agency, f.former, f.order) for f in r.facts],
        "persons": {k: (p.name, p.start, p.end, p.surname) for k, p in r.persons.items()},
        "aliases": r.aliases,
        "agency_aliases": r.agency_aliases,
    }
    evidence = r.evidence_table(mentions)
    del r, mentions  # the recognisers' indexes go before the Doc is rebuilt with the spans' edges
    if is_huge(len(doc._.text)):
        give_back()
    doc = set_span_groups(doc, groups)
    doc._.recognition = recognition
    doc._.evidence = evidence
    return doc


@Language.component("report_recogniser")
def report_recogniser(doc: Doc) -> Doc:
    return recognise(doc)
