"""The enumerated items of a recommendation (the `items` column), read in three shapes, each only
when the list is announced or bounded well enough to be read with confidence:

1. clauses separated by ； that the sentence announces (三大訴求，呼籲…：甲；乙；丙 / 例如：甲；乙 /
   一、甲；二、乙 / 首先，甲；再乙) — each clause is an item;
2. a 、 list in the clause right after the cue (建議從甲、乙、丙等面向推展 → 甲, 乙, 丙);
3. numbered lines after a sentence that ends in a colon (提出以下建議：⏎一、甲。⏎二、乙。).

Words are looked up in the Traditional `shadow` of the sentence (same length, names and words that
merely contain a cue character blanked), items are sliced from the report's own characters.
"""

from __future__ import annotations

import re

# what a masked character (a name, a word that merely contains a cue) is replaced with
BLANK = "\ue000"
NAME_BLANK = "\ue001"  # a person's name
_DIGITS = {"一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMERAL = "0-9０-９一二兩两三四五六七八九十"
# a numbered item marker: 一、 （一） (1) 1. 1、 第一，
_MARKER = re.compile(rf"(?:[{_NUMERAL}]{{1,2}}[、.．)）]|[（(][{_NUMERAL}]{{1,2}}[)）]|第[{_NUMERAL}]{{1,2}}(?:點|項)?[，,、：:]?)")
_CLAUSE_END = "，,。；;：:！？!?"
_FINAL = "。！？!?；;，,、 \u3000"
_QUOTES = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")"}


def _number(s: str) -> int | None:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if s in _DIGITS:
        return _DIGITS[s]
    if len(s) == 2 and s[0] == "十" and s[1] in _DIGITS:
        return 10 + _DIGITS[s[1]]
    return None


def _marker_number(marker: str) -> int | None:
    digits = re.search(rf"[{_NUMERAL}]+", marker)
    return _number(digits.group()) if digits else None


def read_items(sentence: str, masked: str, cue_at: int, cue_end: int, c, following: str = "") -> list[str]:
    """Items of the recommendation `sentence` whose cue spans masked[cue_at:cue_end]; `following` is
    the text after the sentence (for numbered lines after a closing colon)."""
    return (clause_items(sentence, masked, cue_at, cue_end, c)
            or phrase_items(sentence, masked, cue_end, c)
            or numbered_lines(sentence, following, c))


# -- 1. clauses separated by ； -------------------------------------------------------------------

def _top_level_splits(masked: str, start: int, end: int) -> list[int]:
    """Offsets of ；/; outside brackets and quotes."""
    out, depth = [], []
    for i in range(start, end):
        ch = masked[i]
        if ch in _QUOTES:
            depth.append(_QUOTES[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and ch in "；;":
            out.append(i)
    return out


def _announced_count(masked: str, start: int, end: int, c) -> tuple[int, int] | None:
    """三大訴求 / 兩點建議 / 三項措施 in masked[start:end]: (the count, where its clause ends)."""
    nouns = "|".join(re.escape(w) for w in sorted(c["list_nouns"], key=len, reverse=True))
    m = None
    for m in re.finditer(rf"([{_NUMERAL}]{{1,2}})(?:大|項|點|個|條|種)[^{_CLAUSE_END}]{{0,8}}?(?:{nouns})", masked[start:end]):
        pass  # the last count before the list is the one that announces it
    if m is None or _number(m.group(1)) is None:
        return None
    k = start + m.end()
    while k < end and masked[k] not in _CLAUSE_END:
        k += 1
    return _number(m.group(1)), min(k + 1, end)


def _skip_addressee_and_modal(masked: str, at: int, end: int, c) -> int:
    """After a cue: 呼籲政府應從… / 勉勵學員參與… → where the recommended action begins."""
    while at < end and masked[at] in "，,：: \u3000":
        at += 1
    window = masked[at : min(end, at + c.get("addressee_window", 8))]
    cut = re.match(rf"[^{_CLAUSE_END}]*?(?:{'|'.join(map(re.escape, c['modals']))})", window)
    if cut:  # 呼籲政府應…: the addressee and the modal are not the action
        return at + cut.end()
    for w in sorted(c["addressees"], key=len, reverse=True):
        if masked.startswith(w, at) and at + len(w) < end and masked[at + len(w)] not in _CLAUSE_END:
            return at + len(w)
    return at


def _list_lead(masked: str, start: int, end: int, cue_at: int, cue_end: int, count, c) -> tuple[int, bool]:
    """Where the clause list begins in its first clause, and whether a count, an opener (例如：,
    包括) or a colon announces it."""
    leads = [count[1]] if count else []
    for w in sorted(c["list_openers"], key=len, reverse=True):
        k = masked.find(w, start, end)
        if k == -1:
            continue
        opens_sentence = not masked[start:k].strip("\u3000 ")
        in_cue_clause = cue_at <= k and not any(ch in masked[cue_end:k] for ch in _CLAUSE_END)
        if opens_sentence or in_cue_clause or count:
            after = k + len(w)
            while after < end and masked[after] in "：:":
                after += 1
            leads.append(after)
        break
    colon = next((k for k in range(start, end) if masked[k] in "：:"), None)
    if colon is not None and masked[colon + 1 : colon + 2] not in ("「", "『", "“") and (count or start <= cue_at < colon):
        leads.append(colon + 1)
    if leads:
        at = max(leads)
        while at < end and masked[at] in "，,：: \u3000":
            at += 1
        if at == cue_at:  # 提出三大訴求，呼籲政府應甲；乙: the cue, its addressee and modal open the list
            at = _skip_addressee_and_modal(masked, cue_end, end, c)
        return at, True
    if start <= cue_at and cue_end <= end:  # 建議，首先，甲；再乙: the list follows the cue
        return _skip_addressee_and_modal(masked, cue_end, end, c), False
    return start, False


def _sequence_marker(masked: str, at: int, end: int, c, first: bool) -> str | None:
    """一、 / 第一， / （1） / 首先， at masked[at] (first=True: one that opens a sequence)."""
    while at < end and masked[at] in "，,：: \u3000":
        at += 1
    m = _MARKER.match(masked, at, end)
    if m:
        n = _marker_number(m.group())
        return m.group() if (n == 1) == first else None
    words = c["sequence_first"] if first else c["sequence_next"]
    for w in sorted(words, key=len, reverse=True):
        if masked.startswith(w, at):
            k = at + len(w)
            while k < end and masked[k] in "，,、：:":
                k += 1
            return masked[at:k]
    return None


def _strip_marker(masked: str, at: int, end: int, c, first: bool) -> tuple[int, str | None]:
    """Skip the punctuation and the sequence marker at the start of an item."""
    while at < end and masked[at] in "，,：: \u3000":
        at += 1
    marker = _sequence_marker(masked, at, end, c, first)
    return (at + len(marker), marker) if marker else (at, None)


def _drop_purpose_clause(masked: str, start: int, end: int, c) -> int:
    """…，藉此強化競爭力 at the end of the last clause sums up the whole list: not part of the item."""
    words = "|".join(map(re.escape, c["purpose_connectives"]))
    m = re.search(rf"[，,](?:{words})", masked[start:end])
    return start + m.start() if m else end


def clause_items(sentence: str, masked: str, cue_at: int, cue_end: int, c) -> list[str]:
    end = len(masked)
    while end > 0 and masked[end - 1] in _FINAL:
        end -= 1
    splits = _top_level_splits(masked, 0, end)
    if not splits:
        return []
    bounds = list(zip([0] + [s + 1 for s in splits], splits + [end]))
    count = _announced_count(masked, 0, splits[0], c)
    if count and count[0] != len(bounds):
        return []  # 三大訴求 but two clauses: not read with confidence
    start, announced = _list_lead(masked, 0, splits[0], cue_at, cue_end, count, c)
    first_at, first_marker = _strip_marker(masked, start, splits[0], c, first=True)
    spans = [(first_at, splits[0])]
    for s, e in bounds[1:]:
        at, marker = _strip_marker(masked, s, e, c, first=False)
        if first_marker and not marker:
            return []  # 一、甲；乙: a numbered list with an unnumbered clause is not one list
        if not first_marker and _MARKER.match(masked, at, e):
            return []
        spans.append((at if first_marker else s, e))
    if not (announced or first_marker):
        return []  # no count, opener, colon or sequence marker announces the clauses as one list
    s, e = spans[-1]
    spans[-1] = (s, _drop_purpose_clause(masked, s, e, c))
    items = [sentence[s:e].strip(" \u3000，,") for s, e in spans]
    if any(not it or len(it) > c.get("clause_item_max_len", 80) for it in items):
        return []
    return items


# -- 2. a 、 list after the cue ---------------------------------------------------------------------

def _content_clause(masked: str, pos: int) -> tuple[int, int]:
    """The clause the cue introduces: the rest of the cue's clause; the next clause when the cue
    closes its own (建議，甲應…); after a colon, everything up to ；/。."""
    m = re.match(rf"[^{_CLAUSE_END}]*", masked[pos:])
    start, end = pos, pos + m.end()
    if end == start and masked[end : end + 1] in ("，", ","):
        start = end + 1
        end = start + re.match(rf"[^{_CLAUSE_END}]*", masked[start:]).end()
    if masked[end : end + 1] in ("：", ":"):  # 需掌握兩大重點：甲、乙 — the list follows the colon
        start = end + 1
        end = start + re.match(r"[^。；;！？!?]*", masked[start:]).end()
    return start, end


def _after_modal(masked: str, start: int, end: int, c) -> int:
    """修法應該側重於甲、乙: the subject before a modal is no item; the list begins after the modal."""
    first_sep = masked.find("、", start, end)
    best = None
    for w in c["modals"]:
        k = masked.find(w, start, first_sep)
        if k != -1 and (best is None or k < best[0]):
            best = (k, k + len(w))
    return best[1] if best else start


def _count_after(masked: str, at: int, end: int) -> int | None:
    """甲、乙與丙三個面向 / 等四大面向: the count right after the list."""
    m = re.match(rf"等?([{_NUMERAL}]{{1,2}})(?:大|個|項|點|種)?", masked[at:end])
    return _number(m.group(1)) if m else None


def _count_before(masked: str, start: int) -> int | None:
    """需透過三大策略因應：甲、乙、丙 — a count in the clause that the colon closes."""
    head = masked[:start].rstrip("：: \u3000")
    clause = re.split(rf"[{_CLAUSE_END}]", head)[-1]
    m = re.search(rf"([{_NUMERAL}]{{1,2}})(?:大|個|項|點|種)", clause)
    return _number(m.group(1)) if m and masked[start - 1 : start] in ("：", ":") else None


def phrase_items(sentence: str, masked: str, pos: int, c) -> list[str]:
    start, end = _content_clause(masked, pos)
    if "、" not in masked[start:end] or _MARKER.match(masked, start, end):
        return []  # 一、甲；二、乙 is numbered clauses, not a 、 list
    colon_count = _count_before(masked, start)
    start = _after_modal(masked, start, end, c)
    start = _skip_addressee_and_modal(masked, start, end, c)
    for lead in sorted(c["item_lead"], key=len, reverse=True):
        if masked.startswith(lead, start, end):
            start += len(lead)
            break
    clause_end = end
    for tail in sorted(c["item_tail"], key=len, reverse=True):
        k = masked.find(tail, start, end)
        if k > start:
            end = k
            break
    rest = masked[end:clause_end]
    if any(w in rest for w in c["modals"]):
        return []  # 台北、台中等城市應率先試辦: the list is the subject of the advice, not its content
    # items are split at 、 (a 及/以及/和 right after it joins the last item); 與 and 和 inside an
    # item stay there (交流與合作)
    bounds, at = [], start
    for sep in re.finditer(r"、(?:及|以及|和)?", masked[start:end]):
        bounds.append((at, start + sep.start()))
        at = start + sep.end()
    last = re.search(r"及|以及", masked[at:end])
    if last and bounds:  # 甲、乙及丙: the last 及 also separates
        bounds.append((at, at + last.start()))
        at += last.end()
    bounds.append((at, end))
    # 從甲、乙與丙三面向: the count before the tail word is not part of the last item
    s, e = bounds[-1]
    m = re.search(rf"等?([{_NUMERAL}]{{1,2}})(?:大|個|項|點|種)?$|等$", masked[s:e])
    count = colon_count
    if m:
        count = (_number(m.group(1)) if m.group(1) else None) or count
        bounds[-1] = (s, s + m.start())
    elif count is None:
        count = _count_after(masked, end, clause_end)
    if count and count == len(bounds) + 1:  # 產業、教育與交通三個面向: the count says 與 separates too
        s, e = bounds[-1]
        joints = [j for j in re.finditer(r"與|和", masked[s:e])]
        if len(joints) == 1:
            bounds[-1:] = [(s, s + joints[0].start()), (s + joints[0].end(), e)]
    if count and count != len(bounds):
        return []
    first_s, first_e = bounds[0]  # 可聚焦甲、乙: the first item starts after the verb that introduces the list
    inside = masked[first_s:first_e]
    cut = max((inside.rfind(w) + len(w) for w in c["item_lead_inside"] if w in inside), default=0)
    bounds[0] = (first_s + cut, first_e)
    parts = [(sentence[s:e].strip(), masked[s:e]) for s, e in bounds]
    parts = [(p, m) for p, m in parts if p]
    # an empty cell is better than a wrong one: every item short, no modal, cue or clause inside
    if len(parts) < 2 or any(len(p) > c.get("item_max_len", 12) or any(w in m for w in c["modals"] + c["cues"])
                             for p, m in parts):
        return []
    if len(parts[0][0]) > 2 * min(len(p) for p, _ in parts[1:]) + 1 or any(w in parts[0][1] for w in c["reference_verbs"]):
        return []  # 要求某部參考甲、乙: the first 'item' carries the clause that introduces a list of examples
    if any(NAME_BLANK in m for _, m in parts) or any(_names_people(m, c) for _, m in parts[:-1]):
        return []  # 呼籲長者、幼兒及患者儘速接種: the list names whom the advice addresses, not what it advises
    return [p for p, _ in parts]


def _names_people(item: str, c) -> bool:
    """An item that is an addressee (企業, 政府) or ends in a noun for people (長者, 患者)."""
    return item in c["addressees"] or item.endswith(tuple(c["person_heads"]))


# -- 3. numbered lines after a colon ----------------------------------------------------------------

def numbered_lines(sentence: str, following: str, c) -> list[str]:
    """提出以下建議：⏎一、甲。⏎二、乙。 — consecutive numbered lines right after the sentence."""
    if not sentence.rstrip().endswith(("：", ":")):
        return []
    items, expected = [], 1
    for line in following.lstrip("\n").split("\n"):
        line = line.strip(" \u3000")
        m = _MARKER.match(line)
        if not line or not m or _marker_number(m.group()) != expected:
            break
        item = line[m.end() :].strip(" \u3000，,：:").rstrip(_FINAL)
        if not item or len(item) > c.get("clause_item_max_len", 80):
            return []
        items.append(item)
        expected += 1
    return items if len(items) >= 2 else []
