"""Stage 3 — recognise PERSON, TITLE and AGENCY mentions: one component per source of evidence
(titles, affiliation shapes, lists and bylines, organisations, the learned tagger, short forms and
pronouns), each built over a read-only view of the report (`context.ReportText`), the findings so far
(`context.Findings`) and the collaborators it calls (the name shapes, the organisation or title
evidence); `resolver.py` orders them and decides between overlapping candidates.

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
from .affiliations import AffiliationShapes
from .context import Findings, ReportText
from .learned import LearnedEvidence
from .lists import ListedNames
from .names import NameShapes
from .org_lists import ListedOrganisations
from .organisations import OrganisationEvidence
from .resolver import Components, resolve
from .short_forms import ShortForms
from .text import is_cjk
from .titles import TitleEvidence

__all__ = ["build_components", "recognise", "is_cjk"]

for _name in ("recognition", "evidence"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def build_components(doc: Doc) -> Components:
    """Every source of evidence over one segmented Doc, each given the collaborators it calls."""
    text = ReportText(doc)
    findings = Findings(text)
    names = NameShapes(text, findings)
    titles = TitleEvidence(text, findings)
    organisations = OrganisationEvidence(text, findings, names)
    return Components(
        text=text,
        findings=findings,
        names=names,
        titles=titles,
        organisations=organisations,
        listed_organisations=ListedOrganisations(text, findings),
        affiliations=AffiliationShapes(text, findings, names, titles, organisations),
        lists=ListedNames(text, findings, names),
        learned=LearnedEvidence(text, findings, names),
        short_forms=ShortForms(text, findings),
    )


def _recognised(doc: Doc):
    """The span groups, the facts for the link stage and the evidence table; the components and their
    indexes are dropped on return, before the Doc is rebuilt with the spans' edges."""
    components = build_components(doc)
    mentions = resolve(components)
    findings = components.findings
    groups = {
        "PERSON": [(m.start, m.end, "PERSON") for m in mentions],
        "TITLE": [(i, j, "TITLE") for i, j in sorted(findings.kept_titles)],
        "AGENCY": [(i, j, "AGENCY") for i, j in findings.agencies],
    }
    recognition = {
        "mentions": [(m.label, m.start, m.end, m.entity) for m in mentions],
        "titles": sorted(findings.kept_titles),
        "agencies": findings.agencies,
        "facts": [(fact.person, fact.title, fact.agency, fact.former, fact.order) for fact in findings.facts],
        "persons": {k: (p.name, p.start, p.end, p.surname) for k, p in findings.persons.items()},
        "aliases": findings.aliases,
        "agency_aliases": findings.agency_aliases,
    }
    return groups, recognition, findings.evidence_table(mentions)


def recognise(doc: Doc) -> Doc:
    groups, recognition, evidence = _recognised(doc)
    if is_huge(len(doc._.text)):
        give_back()
    doc = set_span_groups(doc, groups)
    doc._.recognition = recognition
    doc._.evidence = evidence
    return doc


@Language.component("report_recogniser")
def report_recogniser(doc: Doc) -> Doc:
    return recognise(doc)
