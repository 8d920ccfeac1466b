"""Subjects are whole noun phrases: bounded by the segmenter's words (pipeline/subjects.py)."""

from pipeline.statistics import Statistic
from pipeline.subjects import bound_subjects


def stat(text, start, end, subject):
    return Statistic(start, end, text[start:end], 1.0, None, "exact", "個", subject, "count", "")


def test_an_after_subject_stops_where_a_verb_word_starts():
    text = "共有五個團隊開發新系統"
    tokens = [(0, 2, "v"), (2, 3, "m"), (3, 4, "q"), (4, 6, "n"), (6, 8, "v"), (8, 9, "a"), (9, 11, "n")]
    (s,) = bound_subjects([stat(text, 2, 8, "團隊開發")], text, tokens)
    assert (s.text, s.subject) == ("五個團隊", "團隊")


def test_an_after_subject_never_ends_inside_a_word():
    text = "兩個寶寶患病"
    tokens = [(0, 1, "m"), (1, 2, "q"), (2, 4, "n"), (4, 6, "v")]
    (s,) = bound_subjects([stat(text, 0, 5, "寶寶患")], text, tokens)
    assert (s.text, s.subject) == ("兩個寶寶", "寶寶")


def test_a_before_subject_takes_the_whole_noun_word():
    text = "商會總人數有51%"
    tokens = [(0, 2, "n"), (2, 3, "n"), (3, 5, "n"), (5, 6, "v"), (6, 9, "m")]
    (s,) = bound_subjects([stat(text, 6, 9, "會總人數")], text, tokens)
    assert s.subject == "商會總人數" and s.text == "51%"


def test_one_character_words_do_not_cut():
    text = "三位與談人"
    tokens = [(0, 1, "m"), (1, 2, "q"), (2, 3, "p"), (3, 5, "n")]
    (s,) = bound_subjects([stat(text, 0, 5, "與談人")], text, tokens)
    assert s.subject == "與談人"
