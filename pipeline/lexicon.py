"""Compiled lexicons for recognition: titles, surnames, organisation suffixes, the gazetteer.

Everything is read from configs/ and converted to simplified characters once, because matching runs
on the simplified shadow (one pattern serves 台/臺, 爲/為 and other variants).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .config import load
from .shadow import simplify


def _alt(words) -> str:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)


def _s(words) -> list[str]:
    return [simplify(w) for w in words]


@dataclass
class Lexicon:
    title_re: re.Pattern
    title_bases: frozenset
    title_generic_before: tuple
    verb_titles: frozenset
    fused: dict
    honorifics: frozenset
    surnames: frozenset
    compound_surnames: frozenset
    function_surnames: frozenset
    person_nouns: tuple
    works_after_name: tuple
    agency_links: tuple
    owner_prefixes: frozenset
    industry_heads: tuple
    predicate_links: tuple  # (word, kind) longest first; kind is current, former or copula
    bio_subject_reach: int
    acting_for: str
    words_before_place: tuple
    currency_words: frozenset
    transliteration_chars: frozenset
    transliteration_syllables: frozenset
    name_single_followers: frozenset
    person_noun_endings: tuple
    group_heads: frozenset
    address_terms: frozenset
    address_after_full_name: tuple
    named_after_heads: tuple
    not_given: frozenset
    given_in_bounded_names: frozenset
    given_after_compound: frozenset
    given_max_word_freq: int
    rare_word_max_freq: int
    name_followers: tuple
    pronouns: tuple
    role_only_titles: frozenset
    strong_followers: frozenset
    learned_name_trailers: frozenset
    trailing_word_tags: frozenset
    trailing_word_min_freq: int
    speech_verbs: tuple
    name_middles: frozenset
    honorifics_after_name: tuple
    bare_titles_count: bool
    pronoun_not_before: frozenset
    pronoun_not_after: frozenset
    latin_not_name: frozenset
    suffix_re: re.Pattern
    single_suffixes: frozenset
    not_agency: frozenset
    suffix_end_re: re.Pattern
    non_org_words: frozenset
    verbs_from_suffix: frozenset
    event_heads: tuple
    acronym_actor_tags: frozenset
    suffix_needs_place: dict
    generic_prefixes: tuple
    boundary_words: tuple
    boundary_set: frozenset
    boundary_lengths: tuple
    non_org_lengths: tuple
    gazetteer_re: re.Pattern
    gazetteer: frozenset
    acronyms: frozenset
    min_prefix_single: int
    stop_tags: frozenset
    glued_tags: frozenset
    verb_stop_min_freq: int
    venues: tuple
    counter_chars: frozenset
    legal_forms: tuple
    org_internal_words: frozenset
    countries: frozenset
    org_class_nouns: tuple
    appositive_nouns: frozenset
    named_only_suffixes: dict
    class_suffixes: frozenset
    verb_objects: frozenset
    taiwan_places: frozenset


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = load("titles")
    n = load("names")
    o = load("organisations")
    places = load("places")
    currencies = load("statistics")["currencies"]
    known = known_organisations()
    bases = _s(t["titles"]) + _s([field + base for base, fields in t.get("field_titles", {}).items() for field in fields])
    mods = _s(t["modifiers"])
    not_followed = _s(t["not_followed_by"])
    title_re = re.compile(
        rf"(?:{_alt(mods)}){{0,2}}(?:{_alt(bases)})(?!{_alt(not_followed)})"
    )
    singles = set(simplify("".join(n["single_surnames"].split())))
    suffixes = _s(o["suffixes"])
    return Lexicon(
        title_re=title_re,
        title_bases=frozenset(bases),
        title_generic_before=tuple(_s(t["generic_before"])),
        verb_titles=frozenset(_s(t.get("verb_titles", []))),
        fused={simplify(k): tuple(_s(v if isinstance(v, list) else [v])) for k, v in t["fused"].items()},
        honorifics=frozenset(_s(t["honorifics"])),
        surnames=frozenset(singles),
        compound_surnames=frozenset(_s(n["compound_surnames"])),
        function_surnames=frozenset(_s(n.get("function_surnames", []))),
        person_nouns=tuple(_s(n.get("person_nouns", []))),
        works_after_name=tuple(_s(n["works_after_name"])),
        agency_links=tuple(_s(o["agency_links_before_title"])),
        owner_prefixes=frozenset(_s(o.get("owner_prefixes", []))),
        industry_heads=tuple(_s(o.get("industry_heads", []))),
        predicate_links=tuple(sorted(((w, kind) for kind, key in (("current", "current"), ("former", "former"), ("copula", "copulas"))
                                      for w in _s((t.get("predicate_links") or {}).get(key, []))),
                                     key=lambda x: -len(x[0]))),
        bio_subject_reach=int((t.get("predicate_links") or {}).get("bio_subject_reach", 0)),
        acting_for=simplify(t.get("acting_for", "代表")),
        words_before_place=tuple(_s(n["words_before_place"])),
        currency_words=frozenset(_s([w for w in {**currencies["prefix"], **currencies["suffix"]} if len(w) >= 2])),
        transliteration_chars=frozenset(simplify(n.get("transliteration_chars", ""))),
        transliteration_syllables=frozenset(simplify("".join((n.get("transliteration_syllables") or "").split()))),
        name_single_followers=frozenset(_s(n.get("name_single_followers", []))),
        person_noun_endings=tuple(_s(n.get("person_noun_endings", []))),
        group_heads=frozenset(_s(n.get("group_heads", []))),
        address_terms=frozenset(_s(n.get("address_terms", []))),
        address_after_full_name=tuple(_s(n.get("address_after_full_name", []))),
        named_after_heads=tuple(_s(n.get("named_after_heads", []))),
        not_given=frozenset(simplify("".join(n["not_given_name_chars"].split()))),
        given_in_bounded_names=frozenset(_s(n.get("given_in_bounded_names", ""))),
        given_after_compound=frozenset(_s(n.get("given_after_two_character_surnames", ""))),
        given_max_word_freq=int(n.get("given_max_word_freq", 10000)),
        rare_word_max_freq=int(n["rare_word_max_freq"]),
        name_followers=tuple(sorted(_s(n["name_followers"]), key=len, reverse=True)),
        pronouns=tuple(_s(n["pronouns"])),
        role_only_titles=frozenset(_s(n.get("role_only_titles", []))),
        strong_followers=frozenset(_s(n.get("strong_followers", []))),
        learned_name_trailers=frozenset(_s(n.get("learned_name_trailers", []))),
        trailing_word_tags=frozenset(n["learned_name_trailing_words"]["tags"]),
        trailing_word_min_freq=int(n["learned_name_trailing_words"]["min_freq"]),
        speech_verbs=tuple(_s(n.get("speech_verbs", []))),
        name_middles=frozenset(_s(n.get("name_middles", []))),
        honorifics_after_name=tuple(_s(n.get("honorifics_after_name", []))),
        bare_titles_count=bool(t.get("bare_titles_count", True)),
        pronoun_not_before=frozenset(_s(n["pronoun_not_before"])),
        pronoun_not_after=frozenset(_s(n["pronoun_not_after"])),
        latin_not_name=frozenset(n["latin_not_name_words"]),
        suffix_re=re.compile(_alt(suffixes)),
        suffix_end_re=re.compile(f"(?:{_alt(suffixes)})$"),
        single_suffixes=frozenset(x for x in suffixes if len(x) == 1),
        not_agency=frozenset(_s(o["non_org_words"] + o["generic_org_words"])),
        non_org_words=frozenset(_s(o["non_org_words"])),
        verbs_from_suffix=frozenset(_s(o.get("verbs_from_suffix", []))),
        event_heads=tuple(sorted(_s(o["event_heads"]), key=len, reverse=True)),
        acronym_actor_tags=frozenset(o["acronym_actor_tags"]),
        suffix_needs_place={simplify(k): tuple(_s(v)) for k, v in o["suffix_needs_place"].items()},
        generic_prefixes=tuple(sorted(_s(o["generic_prefixes"]), key=len, reverse=True)),
        boundary_words=tuple(sorted(_s(o["boundary_words"]), key=len, reverse=True)),
        boundary_set=frozenset(_s(o["boundary_words"])),
        boundary_lengths=tuple(sorted({len(w) for w in _s(o["boundary_words"])}, reverse=True)),
        non_org_lengths=tuple(sorted({len(w) for w in _s(o["non_org_words"])})),
        gazetteer_re=re.compile(_alt(_s(known))),
        gazetteer=frozenset(_s(known)),
        acronyms=frozenset(o["acronyms"]),
        min_prefix_single=int(o.get("min_prefix_for_single_char_suffix", 2)),
        stop_tags=frozenset(o["stop_tags"]),
        glued_tags=frozenset(o["glued_before_model_start_tags"]),
        verb_stop_min_freq=int(o.get("verb_stop_min_freq", 0)),
        venues=tuple(_s(o["venues"])),
        counter_chars=frozenset(simplify(o.get("counter_chars", ""))),
        legal_forms=tuple(_s(o["legal_forms"])),
        org_internal_words=frozenset(_s(o["org_internal_words"])),
        countries=frozenset(_s(places["countries"] + places.get("countries_mainland_usage", []))),
        org_class_nouns=tuple(_s(o.get("org_class_nouns", []))),
        appositive_nouns=frozenset(_s(o.get("appositive_nouns", []))),
        class_suffixes=frozenset(_s(o.get("class_suffixes", []))),
        verb_objects=frozenset(_s(o.get("verb_objects", []))),
        named_only_suffixes={simplify(k): frozenset(v) for k, v in (o.get("named_only_suffixes") or {}).items()},
        taiwan_places=frozenset(_s(places["taiwan_places"])),
    )


def known_organisations() -> list[str]:
    """Every name of the gazetteer (configs/gazetteer.yml): its groups, and both sides of its abbreviations."""
    groups = load("gazetteer")
    names = [name for key, group in groups.items() if key != "abbreviations" for name in group]
    for short, full in (groups.get("abbreviations") or {}).items():
        names += [short, full]
    return list(dict.fromkeys(names))


@lru_cache(maxsize=1)
def common_words() -> dict:
    """jieba's dictionary with part-of-speech tags: word → tag (simplified)."""
    from .jieba_dictionary import dictionary

    return dictionary().tags


def is_common_word(word_simplified: str) -> bool:
    """A dictionary word that is not a personal name (中心, 表示, 同樣 …)."""
    tag = common_words().get(word_simplified)
    return tag is not None and not tag.startswith("nr")


def holds_common_word(piece_simplified: str) -> bool:
    """A common dictionary word of two or more characters lies within the piece (國腳, 等人)."""
    n = len(piece_simplified)
    return any(is_common_word(piece_simplified[x:y]) for x in range(n) for y in range(x + 2, n + 1))


@lru_cache(maxsize=1)
def _freq() -> dict:
    from .jieba_dictionary import dictionary

    return dictionary().freq


def release_dictionary() -> None:
    _freq.cache_clear()
    common_words.cache_clear()


def word_freq(word_simplified: str) -> int:
    return _freq().get(word_simplified) or 0


def word_tag(word_simplified: str) -> str | None:
    return common_words().get(word_simplified)
