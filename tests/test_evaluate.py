"""The scoring rules of CONTRACT §4 on small hand-made gold and predictions."""

from pipeline.evaluate import norm, score_agencies, score_people, score_recommendations, score_sessions, score_statistics


def test_normalisation():
    assert norm("國立臺灣 大學") == norm("国立台湾大學".replace("国立台湾", "國立台灣")) == "國立台灣大學".casefold()
    assert norm("ＡＢＣ") == "abc"


def test_people_match_through_aliases_and_affiliation_agency_containment():
    gold = [{"name": "史密斯", "aliases": "John Smith", "title": "發言人", "agency": "美國國務院"},
            {"name": "王小明", "aliases": "", "title": "", "agency": ""}]
    pred = [{"name": "John Smith", "title": "發言人", "agency": "國務院"},
            {"name": "李大華", "title": "", "agency": ""}]
    people, aff = score_people("d", gold, pred)
    assert (people.tp, people.fp, people.fn) == (1, 1, 1)
    assert (aff.tp, aff.fp, aff.fn) == (1, 0, 0)
    assert aff.attrs["agency"] == [1, 1]  # 國務院 is contained in 美國國務院


def test_agencies_match_a_variant_one_to_one():
    gold = [{"name": "國家發展委員會", "variants": "國發會"}]
    pred = [{"name": "國發會", "variants": ""}, {"name": "國家發展委員會", "variants": ""}]
    s = score_agencies("d", gold, pred)
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_statistics_need_overlap_and_equal_value():
    gold = [{"start": "0", "end": "5", "text": "逾40個部會", "value": "40", "value_max": "", "qualifier": "over", "unit": "個", "subject": "部會"},
            {"start": "10", "end": "13", "text": "3到4成", "value": "3", "value_max": "4", "qualifier": "exact", "unit": "成", "subject": ""}]
    pred = [{"start": "1", "end": "4", "text": "40個", "value": "40.0", "value_max": "", "qualifier": "exact", "unit": "個", "subject": ""},
            {"start": "10", "end": "13", "text": "3到4成", "value": "30", "value_max": "", "qualifier": "exact", "unit": "成", "subject": ""}]
    s = score_statistics("d", gold, pred)
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.attrs["qualifier"] == [0, 1] and s.attrs["unit"] == [1, 1]


def test_optional_recommendations_are_neither_missed_nor_spurious():
    gold = [{"start": "0", "end": "10", "text": "甲", "speaker": "王小明", "optional": ""},
            {"start": "20", "end": "30", "text": "乙", "speaker": "", "optional": "1"},
            {"start": "40", "end": "50", "text": "丙", "speaker": "", "optional": "1"}]
    pred = [{"start": "2", "end": "9", "text": "甲", "speaker": "王小明"},
            {"start": "21", "end": "29", "text": "乙", "speaker": ""}]
    s = score_recommendations("d", gold, pred, [])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert s.attrs["speaker"] == [1, 1]


def test_sessions_match_by_title():
    gold = [{"title": "開幕"}, {"title": "AI 治理"}, {"title": "閉幕"}]
    pred = [{"title": "開幕"}, {"title": "AI治理"}]
    s = score_sessions("d", gold, pred)
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
