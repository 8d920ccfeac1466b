"""Short forms (張副司長) and pronouns (她) resolved to the full-name person they refer to."""

from __future__ import annotations

import re

from .text import SPEECH_AFTER_PRONOUN
from .facts import Mention, Person
from .context import Findings, ReportText


class ShortForms:
    """Proposes the mentions that refer back to a person found in full: SURNAME + TITLE and pronouns."""

    def __init__(self, text: ReportText, findings: Findings):
        self.text, self.findings = text, findings
        self.s, self.lex = text.s, text.lex
        self.tok_starts = text.tok_starts

    def find_short_forms(self):
        """SURNAME + TITLE (張副司長) → the full-name person with that surname, preferring the title."""
        taken = self.findings.person_cover()
        by_surname: dict[str, list[Person]] = {}
        for p in self.findings.persons.values():
            if p.surname:
                by_surname.setdefault(p.surname, []).append(p)
        person_titles = self._person_title_texts()
        for ts, te in self.findings.titles:
            for sl in (2, 1):
                ss = ts - sl
                if ss < 0 or any(k in taken for k in range(ss, te)):
                    continue
                sur = self.s[ss:ts]
                if sur not in by_surname:
                    continue
                if not (self.text.is_boundary_before(ss) or ss in self.tok_starts or self.findings.after_chunk_end(ss)
                        or any(self.s.endswith(w, 0, ss) for w in self.lex.boundary_words)):
                    continue
                cands = by_surname[sur]
                title = self.s[ts:te]
                best = [p for p in cands if any(t == title or t.endswith(title) or title.endswith(t) for t in person_titles.get(p.key, ()))]
                pool = best or cands
                # most recently introduced before this point, else the first
                before = [p for p in pool if p.start < ss]
                chosen = max(before, key=lambda p: max(f[0] for f in p.forms if f[0] < ss) if any(f[0] < ss for f in p.forms) else -1) if before else pool[0]
                self.findings.mentions.append(Mention("PERSON", ss, te, chosen.key))
                chosen.forms.append((ss, te))
                self.findings.kept_titles.add((ts, te))
                taken.update(range(ss, te))
                break
        self._address_forms(by_surname, taken)

    def _address_forms(self, by_surname: dict[str, list[Person]], taken: set):
        """SURNAME + a term of address (盧大姐, 陳老師) → the one full-name person with that surname."""
        terms = [w for w in self.lex.address_terms if len(w) >= 2]
        if not terms or not by_surname:
            return
        pattern = re.compile(f"({'|'.join(map(re.escape, sorted(by_surname, key=len, reverse=True)))})(?:{'|'.join(map(re.escape, terms))})")
        for m in pattern.finditer(self.s):
            ss, te = m.span()
            cands = by_surname[m.group(1)]
            if len(cands) != 1 or any(k in taken for k in range(ss, te)) or not (self.text.is_boundary_before(ss) or ss in self.tok_starts):
                continue
            self.findings.mentions.append(Mention("PERSON", ss, te, cands[0].key))
            self.findings.note(ss, te, "PERSON", "surname + a term of address, the one person of that surname")
            cands[0].forms.append((ss, te))
            taken.update(range(ss, te))

    def _person_title_texts(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for f in self.findings.facts:
            if f.title:
                out.setdefault(f.person, []).append(self.s[f.title[0] : f.title[1]])
        return out

    def find_pronouns(self):
        taken = self.findings.person_cover()
        people = sorted((m for m in self.findings.mentions if m.label == "PERSON"), key=lambda m: m.start)
        if not people:
            return
        starts = [m.start for m in people]
        import bisect

        for pron in self.lex.pronouns:
            for m in re.finditer(re.escape(pron), self.s):
                i, j = m.span()
                if i in taken:
                    continue
                if len(pron) == 1:
                    if j < len(self.s) and self.s[j] in self.lex.pronoun_not_before:
                        continue
                    if i > 0 and self.s[i - 1] in self.lex.pronoun_not_after:
                        continue
                    if not (self.text.is_boundary_before(i) or self.text.starts_with_word(j, SPEECH_AFTER_PRONOUN)):
                        continue
                k = bisect.bisect_left(starts, i)
                if k == 0:
                    continue
                ref = people[k - 1].entity
                self.findings.mentions.append(Mention("PERSON", i, j, ref))
