"""The one place that decides: runs each source of evidence in order and resolves overlapping
candidates — the longest organisation wins, an organisation that swallowed a name or a title is
dropped, of overlapping person mentions the earliest and longest is kept."""

from __future__ import annotations

from spacy.tokens import Doc

from .affiliations import AffiliationShapes
from .facts import Mention
from .learned import LearnedEvidence
from .lists import ListedNames
from .names import NameShapes
from .organisations import OrganisationEvidence
from .short_forms import ShortForms
from .titles import TitleEvidence


class Recogniser(ShortForms, ListedNames, LearnedEvidence, AffiliationShapes, OrganisationEvidence, TitleEvidence, NameShapes):
    """All sources of evidence over one report's shared context; `run` orders them."""

    def run(self):
        self.find_titles()
        self.find_agencies()
        self.bound_agencies_by_learned()
        self.find_learned_agencies()
        self.find_people()
        self.find_listed_people()
        self.find_bilingual_people()
        self.find_latin_people()
        self.find_learned_people()
        self.find_nr_people()
        self.find_repeated_names()
        self.share_list_titles()
        self.find_bracketed_titles()
        self.find_short_forms()
        self.find_pronouns()
        self.drop_agencies_over_people()
        self.find_declared_agency_forms()
        self.keep_titles()
        return self


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep the earliest, longest first."""
    kept, reach = [], -1  # kept mentions never overlap, so only the furthest end reached can overlap
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start < reach:
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return kept


def resolve(doc: Doc) -> tuple[Recogniser, list[Mention]]:
    r = Recogniser(doc).run()
    return r, dedupe(r.mentions)
