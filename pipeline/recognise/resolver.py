"""The one place that decides: the order the sources of evidence run in (each reads what the ones
before it found) and the rules that choose among overlapping candidates — the longest organisation
wins, an organisation that swallowed a name or a title is dropped, of overlapping person mentions
the earliest and longest is kept."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .facts import Mention

if TYPE_CHECKING:
    from .affiliations import AffiliationShapes
    from .context import Findings, ReportText
    from .learned import LearnedEvidence
    from .lists import ListedNames
    from .names import NameShapes
    from .org_lists import ListedOrganisations
    from .organisations import OrganisationEvidence
    from .short_forms import ShortForms
    from .titles import TitleEvidence


@dataclass
class Components:
    """One report's sources of evidence, built over the same text and findings."""

    text: ReportText
    findings: Findings
    names: NameShapes
    titles: TitleEvidence
    organisations: OrganisationEvidence
    listed_organisations: ListedOrganisations
    affiliations: AffiliationShapes
    lists: ListedNames
    learned: LearnedEvidence
    short_forms: ShortForms


def steps(c: Components) -> list[Callable[[], None]]:
    """The sources in the order they run. Titles come first: every other source is anchored on them."""
    return [
        c.titles.find_titles,
        c.organisations.find_agencies,
        c.learned.bound_agencies_by_learned,
        c.learned.find_learned_agencies,
        c.listed_organisations.find_listed_agencies,
        c.organisations.drop_owner_prefixes,
        c.affiliations.find_people,
        c.lists.find_listed_people,
        c.lists.find_bilingual_people,
        c.lists.find_latin_people,
        c.learned.find_learned_people,
        c.lists.find_nr_people,
        c.lists.find_repeated_names,
        c.affiliations.share_list_titles,
        c.affiliations.share_list_agencies,
        c.affiliations.find_bracketed_titles,
        c.affiliations.find_titles_after_latin_names,
        c.short_forms.find_short_forms,
        c.short_forms.find_pronouns,
        c.affiliations.find_predicated_titles,
        c.affiliations.find_represented_agencies,
        lambda: drop_agencies_over_people(c.findings),
        c.organisations.find_declared_agency_forms,
        c.titles.keep_titles,
    ]


def resolve(c: Components) -> list[Mention]:
    """Run every step; the person mentions kept, without overlaps."""
    for step in steps(c):
        step()
    return dedupe(c.findings.mentions)


def maximal(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans (earliest first on ties)."""
    out: list[tuple[int, int]] = []  # kept spans, sorted and disjoint: only the neighbours can overlap
    for i, j in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        k = bisect.bisect_left(out, (j, j))  # out[:k] start before j
        if k and out[k - 1][1] > i:
            continue
        out.insert(k, (i, j))
    return out


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep the earliest, longest first."""
    kept, reach = [], -1  # kept mentions never overlap, so only the furthest end reached can overlap
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start < reach:
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return kept


def drop_agencies_over_people(findings: Findings) -> None:
    """An 'organisation' that swallowed a name or a kept title was a scanning error: drop it, and
    of the organisations left keep the longest where they overlap."""
    cover = findings.person_cover()
    kept = sorted(findings.kept_titles)
    kept_starts = [t[0] for t in kept]
    keep = []
    for i, j in findings.agencies:
        if any(k in cover for k in range(i, j)):
            continue
        k = bisect.bisect_left(kept_starts, i)
        if k < len(kept) and kept[k][1] <= j:
            continue
        keep.append((i, j))
    findings.set_agencies(maximal(keep))
