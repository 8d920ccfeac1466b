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
from .recognise.context import cover_of
from .sentences import split_sentences
from .shadow import traditionalise


@lru_cache(maxsize=1)
def _cfg():
    c = load("recommendations")
    not_cues = sorted(c["not_cues"], key=len, reverse=True)
    return c, re.compile("|".join(re.escape(w) for w in not_cues))


_NOUN_USE = re.compile(r"(?:給予|致|獻上)[^，。]{0,4}(?:勉勵|建議)|(?<=因)[須需]|(?<=所)[需須]")


def _mask(sentence: str, not_cue_re, spans=()) -> str:
    """Blank out words that merely contain a cue character (因應, 需求, a name such as 林宜君 …)."""
    out = list(not_cue_re.sub(lambda m: "\u3000" * len(m.group()), sentence))
    for m in _NOUN_USE.finditer(sentence):
        for k in range(m.start(), m.end()):
            out[k] = "\u3000"
    for s, e in spans:
        for k in range(max(0, s), min(len(out), e)):
            out[k] = "\u3000"
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


_LABEL = re.compile(r"\s*([^\s:：，。]{2,8})[:：]")


def find_recommendations(doc) -> list[dict]:
    c, _ = _cfg()
    text = doc._.text
    shadow = traditionalise(text)  # the cues are written in Traditional characters
    people = _person_mentions(doc)
    sessions = doc._.sessions or []
    blocks = doc._.blocks or [(0, len(text), "paragraph")]
    label_speaker = ""
    out = []
    starts = [p[0] for p in people]
    for bs, be, kind in blocks:
        if kind in ("title", "heading"):
            continue  # a heading such as 心得與建議 names a topic, it advises no one
        block_people = people[bisect_left(starts, bs) : bisect_left(starts, be)]
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
            out.append({"start": ss, "end": se, "speaker": speaker, "cue": text[ss + k : ss + k + len(word)], "session_id": session,
                        "items": split_items(text[ss:se], k + len(word), c, sent)})
    return out


def split_items(sentence: str, pos: int, c, shadow: str | None = None) -> list[str]:
    """The enumerated measures after the cue: 建議從甲、乙、丙等面向推展 → [甲, 乙, 丙]. Words are
    matched on the Traditional `shadow` of the sentence (same length); items keep the report's characters."""
    shadow = shadow or sentence
    m = re.match(r"[^，,。；;：:]*", shadow[pos:])
    start, end = pos, pos + (m.end() if m else 0)
    if shadow[end : end + 1] in ("：", ":"):  # 需掌握兩大重點：甲、乙 — the list follows the colon
        start = end + 1
        m = re.match(r"[^。；;]*", shadow[start:])
        end = start + (m.end() if m else 0)
    if "、" not in shadow[start:end]:
        return []
    for lead in sorted(c["item_lead"], key=len, reverse=True):
        if shadow.startswith(lead, start, end):
            start += len(lead)
            break
    for tail in sorted(c["item_tail"], key=len, reverse=True):
        k = shadow.find(tail, start, end)
        if k > start:
            end = k
            break
    # items are split at 、 (a 及/以及/和 right after it joins the last item); 與 and 和 inside an
    # item stay there (交流與合作)
    parts, at = [], start
    for sep in re.finditer(r"、(?:及|以及|和)?", shadow[start:end]):
        parts.append(sentence[at : start + sep.start()])
        at = start + sep.end()
    last = re.search(r"及|以及", shadow[at:end])
    if last and len(parts) >= 1:  # 甲、乙及丙: the last 及 also separates
        parts.append(sentence[at : at + last.start()])
        at += last.end()
    parts.append(sentence[at:end])
    if parts:  # 可聚焦甲、乙: the first item starts after the verb that introduces the list
        first_shadow = shadow_of(parts[0], sentence, shadow)
        cut = max((first_shadow.rfind(w) + len(w) for w in c["item_lead_inside"] if w in first_shadow), default=0)
        parts[0] = parts[0][cut:]
    parts = [p.strip() for p in parts if p.strip()]
    if parts:  # 從甲、乙與丙三面向: the count before the tail word is not part of the last item
        parts[-1] = re.sub(r"[0-9一二三四五六七八九十兩两]+大?$", "", parts[-1]).strip()
    # an empty cell is better than a wrong one: every item short, no modal, cue or clause inside
    if len(parts) < 2 or any(not p or len(p) > c.get("item_max_len", 12) or any(w in shadow_of(p, sentence, shadow) for w in c["modals"] + c["cues"])
                             for p in parts):
        return []
    if len(parts[0]) > 2 * min(len(p) for p in parts[1:]) + 1 or any(w in shadow_of(parts[0], sentence, shadow) for w in c["reference_verbs"]):
        return []  # 要求某部參考甲、乙: the first 'item' carries the clause that introduces a list of examples
    return parts


def shadow_of(part: str, sentence: str, shadow: str) -> str:
    k = sentence.find(part)
    return shadow[k : k + len(part)] if k != -1 else part
