"""Sessions of an event (opening, each titled panel, closing) and who took which role in each.

A session starts at a heading whose text below names a moderator or panelists, or at the first
sentence that mentions the opening or closing. Roles come from cue words (configs/events.yml): people
written before a `before` cue (甲、乙擔任與談人) or after an `after` cue (主持人為甲), within the
sentence and after the last word that opens a new list (邀請, 由 …). Photo captions confirm roles;
the role table is a set, so they never duplicate them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .config import load
from .sentences import split_sentences
from .shadow import is_simplified, simplify, traditionalise

# Words after which a new list of people starts (應邀 is "at the invitation", not a new list).
_LIST_START = re.compile(r"邀請|之後|隨後|接著|分別由|由|(?<!應)邀|[)）](?!、)")  # an aside in brackets inside a list (甲(…)、乙) does not start one
_CANCELLED = re.compile(r"原訂|原定|原本預定|原先預定|未能出席|不克出席|因故")
_CLAUSE_END = re.compile(r"[，,；;](?!\s*(?:以及|及|和|與|暨))|由")
_EVENT_WORDS = ("研討會", "論壇", "會議", "研習營", "座談會", "營隊", "工作坊", "研習", "大會", "年會", "典禮")


def _people(doc) -> list[tuple[int, int, str]]:
    """PERSON mentions that are names or short forms (pronouns do not take roles): (start, end, name)."""
    link = doc._.link or {}
    names = link.get("person_names", {})
    out = []
    text = doc._.text
    for label, i, j, ent in (doc._.recognition or {}).get("mentions", []):
        if label != "PERSON" or ent not in names or j - i < 2 or text[i:j] in ("本人",):
            continue
        out.append((i, j, names[ent]))
    return sorted(out)


def _first_cue(text: str, cues, start: int = 0) -> int:
    best = -1
    for c in cues:
        k = text.find(c, start)
        if k != -1 and (best == -1 or k < best):
            best = k
    return best


def find_sessions(doc):
    cfg = load("events")
    text = doc._.text
    cue_text = traditionalise(text)  # cues matched here; titles are read from the report's own characters
    blocks = doc._.blocks or []
    sentences = split_sentences(text)

    sentence_starts = [s for s, _ in sentences]

    def sentence_start(pos: int) -> int:
        k = bisect_left(sentence_starts, pos + 1) - 1
        if k >= 0 and sentences[k][0] <= pos < sentences[k][1]:
            return sentences[k][0]
        return pos

    starts: list[tuple[int, str]] = []
    headings = []
    for k, (bs, be, kind) in enumerate(blocks):
        if kind != "heading":
            continue
        nxt = next((b for b in blocks[k + 1 :] if b[2] in ("paragraph", "caption")), None)
        if nxt and any(c in cue_text[nxt[0] : nxt[1]] for c in cfg["session_body_cues"]) and "場次" not in cue_text[bs:be]:
            headings.append((bs, text[bs:be].strip().strip("「」")))
    first_heading = headings[0][0] if headings else len(text)
    last_heading = headings[-1][0] if headings else 0

    op = _first_cue(cue_text, cfg["opening_cues"])
    if op == -1 and any(w in cue_text for w in _EVENT_WORDS):
        # no word for the opening, but someone named gives remarks early in an event's report
        people_starts = [p[0] for p in _people(doc)]
        k = _first_cue(cue_text, ("致詞", "致辭"))
        if k != -1 and k < min(first_heading, len(text) * 0.3):
            s0 = sentence_start(k)
            if any(s0 <= p < k for p in people_starts):
                op = k
    if op != -1 and op < first_heading:
        starts.append((sentence_start(op), "開幕"))
    for hs, title in headings:
        starts.append((hs, title))
    cl = _first_cue(cue_text, cfg["closing_cues"], last_heading)
    if cl != -1 and (not starts or sentence_start(cl) > starts[-1][0]):
        starts.append((sentence_start(cl), "閉幕"))

    if is_simplified(text):  # the fixed titles are written in the report's own script
        starts = [(st, simplify(t) if t in ("開幕", "閉幕") else t) for st, t in starts]
    starts.sort()
    sessions = []
    for n, (s, title) in enumerate(starts, start=1):
        end = starts[n][0] if n < len(starts) else len(text)
        sessions.append({"session_id": f"S{n}", "title": title, "start": s, "end": end})
    roles = find_roles(doc, sessions, sentences, cfg)
    return sessions, roles


def _session_at(sessions, pos: int):
    for s in sessions:
        if s["start"] <= pos < s["end"]:
            return s
    return None


def find_roles(doc, sessions, sentences, cfg) -> list[dict]:
    text = traditionalise(doc._.text)  # the cues are Traditional; names come from the people, not from here
    people = _people(doc)
    cues = []
    for role, spec in cfg["roles"].items():
        for direction in ("before", "after"):
            for c in spec.get(direction, []):
                cues.append((c, role, direction))
    cues.sort(key=lambda c: -len(c[0]))
    only = cfg["session_only_roles"]
    starts = [p[0] for p in people]
    roles: dict[tuple, dict] = {}
    for ss, se in sentences:
        sent = text[ss:se]
        found = []
        taken = set()
        for c, role, direction in cues:
            for m in re.finditer(re.escape(c), sent):
                if any(k in taken for k in range(m.start(), m.end())):
                    continue
                taken.update(range(m.start(), m.end()))
                found.append((ss + m.start(), ss + m.end(), role, direction))
        if not found:
            continue
        found.sort()
        in_sent = people[bisect_left(starts, ss) : bisect_left(starts, se)]
        prev_end = ss
        cancelled: list[str] = []
        for k, (cs, ce, role, direction) in enumerate(found):
            session = _session_at(sessions, cs)
            if role in only:
                # remarks belong to the opening or closing session; which one is told by the session
                title = session["title"] if session else ""
                role = next((r for r, t in only.items() if simplify(t) == simplify(title)), None)
                if role is None:
                    prev_end = ce
                    continue
            if role == "moderator" and session is None and not any(w in sent for w in cfg.get("moderated_events", [])):
                prev_end = ce
                continue  # 主持試乘活動: presiding over a ceremony, not moderating a meeting
            if direction == "before":
                lo = prev_end
                for m in _LIST_START.finditer(text, prev_end, cs):
                    lo = max(lo, m.end())
                chosen = [p for p in in_sent if lo <= p[0] and p[1] <= cs]
            else:
                hi = found[k + 1][0] if k + 1 < len(found) else se
                m = _CLAUSE_END.search(text, ce, hi)
                if m:
                    hi = m.start()
                chosen = [p for p in in_sent if ce <= p[0] and p[1] <= hi]
            prev_end = ce
            clause_start = max(text.rfind("，", ss, cs), text.rfind(",", ss, cs), ss)
            if _CANCELLED.search(text, clause_start, cs) or _CANCELLED.search(text, ce, min(se, ce + 12)):
                cancelled += [p[2] for p in chosen]
                continue  # 原訂由甲主講，因甲臨時出國…: a plan that did not happen
            behalf = ""
            if role == "speaker" and direction == "before":
                d = text.rfind(cfg["on_behalf_cue"], lo if direction == "before" else ce, cs)
                if d != -1:
                    absent = [p for p in chosen if p[0] >= d]
                    chosen = [p for p in chosen if p[1] <= d]
                    behalf = absent[0][2] if absent else (cancelled[0] if cancelled else "")
            for _, _, name in chosen:
                sid = session["session_id"] if session else ""
                roles.setdefault((sid, name, role, behalf), {"session_id": sid, "name": name, "role": role, "on_behalf_of": behalf})
    speaking_remarks(text, sessions, people, starts, only, cfg, roles)
    return sorted(roles.values(), key=lambda r: (int(r["session_id"][1:]) if r["session_id"] else 0, r["role"], r["name"]))


def speaking_remarks(text, sessions, people, starts, only, cfg, roles) -> None:
    """In the opening or closing session, a paragraph that opens with a person speaking
    (甲理事長表示，…) is that person's remarks."""
    verbs = tuple(cfg.get("remarks_speech_verbs", []))
    for s in sessions:
        role = next((r for r, t in only.items() if simplify(t) == simplify(s["title"])), None)
        if role is None:
            continue
        pos = s["start"]
        for line in text[s["start"] : s["end"]].split("\n"):
            head = line.strip()
            lead = pos + len(line) - len(line.lstrip())
            pos += len(line) + 1
            if not head or head[-1] not in "。！？!?" and len(head) < 40:
                continue  # a caption's words or a heading are not a speech
            first = people[bisect_left(starts, lead) : bisect_left(starts, lead + 40)]
            if not first:
                continue
            i, j, name = first[0]
            after = text[j : j + 12]
            m = re.match(r"[^，。,；]{0,8}?(" + "|".join(map(re.escape, verbs)) + ")", after)
            if m and not any(r["name"] == name and r["session_id"] == s["session_id"] for r in roles.values()):
                roles.setdefault((s["session_id"], name, role, ""), {"session_id": s["session_id"], "name": name, "role": role, "on_behalf_of": ""})
