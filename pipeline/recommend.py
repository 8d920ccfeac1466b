"""Recommendations: sentences in which a named speaker advises, urges, proposes or reminds.

The speaker is resolved in order: a person mention (full name, short form or pronoun, already linked
to the full-name person by the recogniser) before the cue in the same sentence; else the current
speaker of the paragraph (the last person named in it, or a minutes label such as 曾委員銘宗：).
Normative modals (應, 須 …) count only when such a speaker exists.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .config import load
from .rec_items import BLANK, NAME_BLANK, read_items
from .recognise.context import cover_of
from .sentences import split_sentences
from .shadow import traditionalise


@lru_cache(maxsize=1)
def _cfg():
    c = load("recommendations")
    not_cues = sorted(c["not_cues"], key=len, reverse=True)
    return c, re.compile("|".join(re.escape(w) for w in not_cues))


_NOUN_USE = re.compile(r"(?:給予|致|獻上)[^，。]{0,4}(?:勉勵|建議)|(?<=因)[須需]|(?<=所)[需須]")


def _mask(sentence: str, not_cue_re, spans=(), fill: str = "\u3000", name_fill: str | None = None) -> str:
    """Blank out words that merely contain a cue character (因應, 需求, a name such as 林宜君 …);
    `name_fill` marks the names (`spans`) apart when given."""
    out = list(not_cue_re.sub(lambda m: fill * len(m.group()), sentence))
    for m in _NOUN_USE.finditer(sentence):
        for k in range(m.start(), m.end()):
            out[k] = fill
    for s, e in spans:
        for k in range(max(0, s), min(len(out), e)):
            out[k] = name_fill or fill
    return "".join(out)


def find_cue(sentence: str, has_speaker: bool, names=()) -> tuple[str, int] | None:
    """The first cue of the sentence and its offset; `names` are spans to ignore (people's names)."""
    c, not_cue_re = _cfg()
    masked = _mask(sentence, not_cue_re, names)
    hits = []
    for w in c["cues"]:
        k = masked.find(w)
        if k != -1:
            hits.append((k, -len(w), w))
    k = masked.find(c["proposal_verb"])
    if k != -1:
        clause_end = min([x for x in (masked.find("，", k), masked.find("。", k), masked.find("「", k)) if x != -1] + [len(masked), k + 12])
        for obj in c["proposal_objects"]:
            j = masked.find(obj, k, clause_end)
            if j != -1:
                hits.append((k, -(j + len(obj) - k), masked[k : j + len(obj)]))
                break
    if has_speaker:
        for w in c["modals"]:
            k = masked.find(w)
            if k != -1:
                hits.append((k, -len(w), w))
    if not hits:
        return None
    k, _, w = min(hits)
    window = masked[k + len(w) : k + len(w) + c.get("event_object_window", 6)]
    if any(e in window for e in c.get("event_objects", [])) and w in ("期許", "期勉"):
        return None  # 期許本次研討會能…: a wish about the event
    if w in c["wish_cues"] and masked.startswith(tuple(c["means_words"]), k + len(w)):
        return None  # 期許藉此次投資達成雙贏: a hoped-for outcome, no one is advised
    # a wish about the event with no advice word is not a recommendation
    if w in c["modals"] and any(x in masked[:k] for x in c["wish_words"]):
        return None
    return w, k


def _person_mentions(doc):
    """Person mentions with the full name they refer to, and bare titles (總統表示…) that only one
    named person of the report holds: the title then names its holder."""
    link = doc._.link or {}
    names = link.get("person_names", {})
    rec = doc._.recognition or {}
    out = []
    for label, i, j, ent in rec.get("mentions", []):
        if label == "PERSON" and ent in names:
            out.append((i, j, names[ent]))
    holders: dict[str, set] = {}
    for row in link.get("people", []):
        if row.get("title"):
            holders.setdefault(row["title"], set()).add(row["name"])
    text = doc._.text
    covered = cover_of((i, j) for i, j, _ in out)
    for i, j in rec.get("titles", []):
        who = holders.get(text[i:j], set())
        if len(who) == 1 and not any(k in covered for k in range(i, j)):
            out.append((i, j, next(iter(who))))
    return sorted(out)


_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def _byline_speaker(text: str, bs: int, be: int, block_people, c) -> str:
    """A heading that is only a person, with a section word and a bracketed post at most
    (前言 王大明（某基金會董事長）): the paragraphs below are that person's words."""
    names = {p[2] for p in block_people}
    if len(names) != 1:
        return ""
    rest = list(text[bs:be])
    for i, j, _ in block_people:
        rest[i - bs : j - bs] = [" "] * (j - i)
    rest = _BRACKETED.sub("", "".join(rest))
    rest = re.sub(r"[\s:：，,、·‧【】〔〕]", "", rest)
    return next(iter(names)) if len(rest) <= c.get("byline_label_max", 4) else ""


_LABEL = re.compile(r"\s*([^\s:：，。]{2,8})[:：]")


def find_recommendations(doc) -> list[dict]:
    c, not_cue_re = _cfg()
    text = doc._.text
    shadow = traditionalise(text)  # the cues are written in Traditional characters
    people = _person_mentions(doc)
    sessions = doc._.sessions or []
    blocks = doc._.blocks or [(0, len(text), "paragraph")]
    label_speaker = ""
    out = []
    starts = [p[0] for p in people]
    for bs, be, kind in blocks:
        block_people = people[bisect_left(starts, bs) : bisect_left(starts, be)]
        if kind in ("title", "heading"):
            label_speaker = _byline_speaker(text, bs, be, block_people, c) or label_speaker
            continue  # a heading such as 心得與建議 names a topic, it advises no one
        m = _LABEL.match(text, bs, be)
        if m:
            lab = [p for p in block_people if p[0] >= m.start(1) and p[1] <= m.end(1)]
            if lab:
                label_speaker = lab[0][2]
        current = label_speaker
        for ss, se in split_sentences(text, bs, be):
            sent = shadow[ss:se]
            in_sent = [p for p in block_people if ss <= p[0] < se]
            names = [(p[0] - ss, p[1] - ss) for p in in_sent]
            cue = find_cue(sent, has_speaker=bool(in_sent or current), names=names)
            if cue is None:
                if in_sent:
                    current = in_sent[0][2]
                continue
            word, k = cue
            before = [p for p in in_sent if p[0] < ss + k]
            speaker = before[0][2] if before else (current or (in_sent[0][2] if in_sent and word not in c["modals"] else ""))
            if word in c["modals"] and not speaker:
                continue
            if in_sent:
                current = before[0][2] if before else current
            session = next((s["session_id"] for s in sessions if s["start"] <= ss < s["end"]), "")
            masked = _mask(sent, not_cue_re, names, fill=BLANK, name_fill=NAME_BLANK)  # blanks that are no space
            items = read_items(text[ss:se], masked, k, k + len(word), c, following=text[se : se + c["following_window"]])
            out.append({"start": ss, "end": se, "speaker": speaker, "cue": text[ss + k : ss + k + len(word)], "session_id": session,
                        "items": items})
    return out
