"""What keeps a long report fast and within memory must not change a single output: token splits by
arrays, the token index of the recognisers, the interval checks, and releasing the learned tagger's
model on a huge report."""

import random

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from pipeline.config import settings
from pipeline.ingest import ingest
from pipeline.nlp import get_nlp, process
from pipeline.recognise.resolver import maximal
from pipeline.recognise.facts import Mention
from pipeline.recognise.resolver import dedupe
from pipeline.recognise.tokens import TokenIndex
from pipeline.segment import with_boundaries
from pipeline.write import render

SENTENCES = ["外交部長王小明今天表示，約有三百人參加。", "臺灣大學教授陳大文指出，逾40個部會參與。",
             "經濟部次長林美玲呼籲企業加強合作。", "主持人張志明提醒與會者準時出席。\n", "記者黃小華／台北報導\n"]


def _doc(text: str):
    return get_nlp().make_doc(text)


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.lists(st.integers(-3, 200), max_size=30))
@hsettings(max_examples=60, deadline=None)
def test_splitting_tokens_keeps_the_text_the_tags_and_makes_every_cut_an_edge(parts, cuts):
    text = "".join(parts)
    doc = _doc(text)
    words = [(t.idx, t.idx + len(t), t.tag_) for t in doc]
    new = with_boundaries(doc, cuts)
    assert new.text == text and new._.text == text
    starts = {t.idx for t in new}
    assert all(c in starts for c in cuts if 0 < c < len(text))
    for t in new:  # each piece keeps the tag of the word it was cut from
        owner = next(w for w in words if w[0] <= t.idx < w[1])
        assert t.idx + len(t) <= owner[1] and t.tag_ == owner[2]
    assert len(new) == len({w[0] for w in words} | {c for c in cuts if 0 < c < len(text)})


def test_splitting_carries_span_groups_and_user_data():
    text = SENTENCES[0] + SENTENCES[1]
    doc = _doc(text)
    doc.spans["X"] = [doc.char_span(0, 3, label="A", alignment_mode="expand")]
    doc.user_data["note"] = 1
    new = with_boundaries(doc, [text.index("王") + 1])
    assert [(s.start_char, s.end_char, s.label_) for s in new.spans["X"]] == [(s.start_char, s.end_char, s.label_) for s in doc.spans["X"]]
    assert new.user_data["note"] == 1


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
@hsettings(max_examples=40, deadline=None)
def test_the_token_index_answers_as_sets_and_dicts_of_the_tokens_would(parts):
    text = "".join(parts)
    doc = _doc(text)
    spans = [(t.idx, t.idx + len(t), t.tag_) for t in doc]
    index = TokenIndex(doc, len(text))
    for pos in range(-2, len(text) + 3):
        assert (pos in index.token_starts) == (pos in {s for s, _, _ in spans})
        assert (pos in index.token_ends) == (pos in {e for _, e, _ in spans})
        assert index.ending_at(pos) == {e: (s, tag) for s, e, tag in spans}.get(pos)
        assert index.tag_at(pos, "") == {s: tag for s, _, tag in spans}.get(pos, "")
        if 0 <= pos < len(text):
            assert index.covering(pos) == next(sp for sp in spans if sp[0] <= pos < sp[1])
    assert index.with_tag_prefix("nr") == [(s, e) for s, e, tag in spans if tag.startswith("nr")]
    start, _ = index.ending_at(spans[-1][1])
    assert type(start) is int and all(type(x) is int for x in index.covering(0)[:2])  # no numpy ints leak out


def _spans(draw_list):
    return [(i, i + n) for i, n in draw_list]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=40))
@hsettings(max_examples=300, deadline=None)
def test_interval_checks_match_the_pairwise_definitions(pairs):
    spans = _spans(pairs)
    kept = []  # maximal: longest first, earliest on ties, never overlapping a kept one
    for i, j in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(j <= a or i >= b for a, b in kept):
            kept.append((i, j))
    assert maximal(spans) == sorted(kept)
    mentions = [Mention("PERSON", i, j, f"P{k}") for k, (i, j) in enumerate(spans)]
    seen = []  # dedupe: earliest first, longest first, skip what overlaps a kept one
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(not (m.end <= o.start or m.start >= o.end) for o in seen):
            seen.append(m)
    assert dedupe(mentions) == seen


@pytest.mark.slow
def test_releasing_the_tagger_on_a_huge_report_changes_no_output(tmp_path, monkeypatch):
    rnd = random.Random(3)
    text = "\n".join("".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(2, 6))) for _ in range(300))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    whole = render(process(ingest(path, "long")))
    monkeypatch.setitem(settings(), "release_tagger_above_chars", 1000)
    released = render(process(ingest(path, "long")))
    assert released == whole
    assert len(text) > 1000 and b"PERSON" in whole["mentions.csv"]
