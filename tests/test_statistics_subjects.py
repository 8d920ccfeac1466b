"""The counted noun stops where the sentence's predicate starts."""

import pytest

from pipeline.statistics import find_statistics


@pytest.mark.parametrize("text, subject", [
    ("市府結合轄內5所大學開設夜間課程。", "大學"),
    ("已有14案地方創生計畫獲中央核定。", "地方創生計畫"),
    ("全國約300個就業服務據點提供諮詢。", "就業服務據點"),
    ("共召開2場區域會報。", "區域會報"),
])
def test_subject_is_the_noun_before_the_predicate(text, subject):
    stats = find_statistics(text)
    assert [s.subject for s in stats] == [subject]
    assert text[stats[0].start : stats[0].end] == stats[0].text
