"""Stage 5 — extract: statistics, sessions and roles, recommendations, as spaCy components."""

from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from .segment import set_spans

for _name in ("statistics", "sessions", "roles", "recommendations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("report_statistics")
def report_statistics(doc: Doc) -> Doc:
    from .statistics import find_statistics
    from .subjects import bound_subjects

    text = doc._.text
    stats = bound_subjects(find_statistics(text), text, [(t.idx, t.idx + len(t), t.tag_) for t in doc])
    doc._.statistics = [{k: v for k, v in asdict(s).items() if k != "subject_start"} for s in stats]
    return set_spans(doc, "STATISTIC", [(s.start, s.end, "STATISTIC") for s in stats])


@Language.component("report_sessions")
def report_sessions(doc: Doc) -> Doc:
    from .sessions import find_sessions

    sessions, roles = find_sessions(doc)
    doc._.sessions = sessions
    doc._.roles = roles
    return doc


@Language.component("report_recommendations")
def report_recommendations(doc: Doc) -> Doc:
    from .recommend import find_recommendations

    recs = find_recommendations(doc)
    doc._.recommendations = recs
    return set_spans(doc, "RECOMMENDATION", [(r["start"], r["end"], "RECOMMENDATION") for r in recs])
