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


def money(text, start, end, subject):
    return Statistic(start, end, text[start:end], 1.0, None, "exact", "元", subject, "money", "TWD")


def test_a_one_character_verb_closes_an_after_subject():
    text = "共有25位貴賓來參觀"
    tokens = [(0, 2, "v"), (2, 5, "m"), (5, 7, "n"), (7, 8, "v"), (8, 10, "v")]
    (s,) = bound_subjects([stat(text, 2, 8, "貴賓來")], text, tokens)
    assert (s.text, s.subject) == ("25位貴賓", "貴賓")


def test_a_one_character_verb_before_an_enumeration_comma_is_left_out():
    text = "12個社團動、靜態展示"
    tokens = [(0, 3, "m"), (3, 5, "n"), (5, 6, "v"), (6, 7, "x"), (7, 9, "n"), (9, 11, "v")]
    (s,) = bound_subjects([stat(text, 0, 6, "社團動")], text, tokens)
    assert s.subject == "社團"


def test_after_an_amount_a_verb_with_its_object_is_a_new_clause():
    text = "撥款200萬元興建活動中心"
    tokens = [(0, 2, "v"), (2, 7, "m"), (7, 9, "v"), (9, 11, "n"), (11, 13, "n")]
    (s,) = bound_subjects([money(text, 2, 13, "興建活動中心")], text, tokens)
    assert (s.text, s.subject) == ("200萬元", "")


def test_an_after_subject_does_not_end_on_an_adjective():
    text = "動用5億元特別預算支應"
    tokens = [(0, 2, "v"), (2, 5, "m"), (5, 7, "a"), (7, 9, "n"), (9, 11, "v")]
    (s,) = bound_subjects([money(text, 2, 7, "特別")], text, tokens)
    assert (s.text, s.subject) == ("5億元特別預算", "特別預算")


def test_a_topic_is_the_whole_noun_phrase_back_to_a_boundary():
    text = "以及美國各州友好協會團體共120人"
    tokens = [(0, 2, "c"), (2, 4, "ns"), (4, 6, "n"), (6, 8, "a"), (8, 10, "n"), (10, 12, "n"), (12, 13, "d"),
              (13, 16, "m"), (16, 17, "n")]
    (s,) = bound_subjects([stat(text, 13, 17, "協會團體")], text, tokens)
    assert s.subject == "美國各州友好協會團體"


def test_a_topic_headed_by_a_verb_keeps_out_its_agent():
    text = "總預算多舉債800億元"
    tokens = [(0, 1, "a"), (1, 3, "n"), (3, 4, "d"), (4, 6, "v"), (6, 11, "m")]
    (s,) = bound_subjects([money(text, 6, 11, "舉債")], text, tokens)
    assert s.subject == "舉債"
    text = "地方總舉債將達到800億元"
    tokens = [(0, 2, "n"), (2, 3, "a"), (3, 5, "vn"), (5, 6, "d"), (6, 8, "v"), (8, 13, "m")]
    (s,) = bound_subjects([money(text, 8, 13, "舉債")], text, tokens)
    assert s.subject == "地方總舉債"


def test_a_lone_character_after_punctuation_is_not_taken_into_a_topic():
    text = "上(3)月出生人數僅8000人"
    tokens = [(0, 1, "f"), (1, 2, "x"), (2, 3, "m"), (3, 4, "x"), (4, 5, "n"), (5, 7, "vn"), (7, 9, "n"),
              (9, 10, "d"), (10, 14, "m"), (14, 15, "n")]
    (s,) = bound_subjects([stat(text, 10, 15, "出生人數")], text, tokens)
    assert s.subject == "出生人數"


def test_a_count_written_right_after_another_shares_its_topic():
    text = "亞洲地區12團95人;歐洲地區3團8人"
    stats = [stat(text, 4, 7, "亞洲地區"), stat(text, 7, 10, ""), stat(text, 15, 17, "歐洲地區"), stat(text, 17, 19, "")]
    tokens = [(0, 4, "n"), (4, 7, "m"), (7, 10, "m"), (10, 11, "x"), (11, 15, "n"), (15, 17, "m"), (17, 19, "m")]
    out = bound_subjects(stats, text, tokens)
    assert [s.subject for s in out] == ["亞洲地區", "亞洲地區", "歐洲地區", "歐洲地區"]


def test_a_topic_leaves_out_its_scope_and_time_words():
    text = "全國就診人數逾8萬人次"
    tokens = [(0, 2, "n"), (2, 4, "vn"), (4, 6, "n"), (6, 7, "v"), (7, 9, "m"), (9, 11, "q")]
    (s,) = bound_subjects([stat(text, 6, 11, "就診人數")], text, tokens)
    assert s.subject == "就診人數"
    text = "南投縣老年人口已超過9萬人"
    tokens = [(0, 3, "ns"), (3, 5, "n"), (5, 7, "n"), (7, 8, "d"), (8, 10, "v"), (10, 12, "m"), (12, 13, "n")]
    (s,) = bound_subjects([stat(text, 8, 13, "南投縣老年人口")], text, tokens)
    assert s.subject == "老年人口"
    text = "該系目前學生約800名"
    tokens = [(0, 1, "r"), (1, 2, "n"), (2, 4, "t"), (4, 6, "n"), (6, 7, "d"), (7, 11, "m")]
    (s,) = bound_subjects([stat(text, 6, 11, "系目前學生")], text, tokens)
    assert s.subject == "學生"


def test_a_lone_character_left_after_a_preposition_is_not_part_of_a_topic():
    text = "在臺外籍人士約3萬人"
    tokens = [(0, 1, "p"), (1, 2, "ns"), (2, 4, "n"), (4, 6, "n"), (6, 7, "d"), (7, 10, "m")]
    (s,) = bound_subjects([stat(text, 6, 10, "臺外籍人士")], text, tokens)
    assert s.subject == "外籍人士"


def test_a_verb_alone_is_no_topic_but_a_heading_with_its_verb_is():
    text = "已核發超過1萬張"
    tokens = [(0, 1, "d"), (1, 3, "v"), (3, 5, "v"), (5, 8, "m")]
    (s,) = bound_subjects([stat(text, 3, 8, "核發")], text, tokens)
    assert s.subject == ""
    text = "委員出席 80人"
    tokens = [(0, 2, "n"), (2, 4, "v"), (4, 5, "_SP"), (5, 7, "m"), (7, 8, "n")]
    (s,) = bound_subjects([stat(text, 5, 8, "委員出席")], text, tokens)
    assert s.subject == "委員出席"


def test_an_adverb_and_verb_after_the_topic_are_its_predicate():
    text = "疫苗共採購約90萬劑"
    tokens = [(0, 2, "n"), (2, 3, "d"), (3, 5, "v"), (5, 6, "d"), (6, 10, "m")]
    (s,) = bound_subjects([stat(text, 5, 10, "疫苗共採購")], text, tokens)
    assert s.subject == "疫苗"


def test_a_place_and_a_verb_before_a_duration_are_no_topic():
    text = "在高雄展開為期兩日的營隊"
    tokens = [(0, 1, "p"), (1, 3, "ns"), (3, 5, "v"), (5, 7, "v"), (7, 9, "m"), (9, 10, "u"), (10, 12, "n")]
    st = Statistic(7, 9, "兩日", 2.0, None, "exact", "日", "高雄展開", "duration", "")
    (s,) = bound_subjects([st], text, tokens)
    assert s.subject == ""


def test_a_topic_holds_a_time_word_that_qualifies_its_noun():
    text = "全縣日間照顧中心僅有28處"
    tokens = [(0, 2, "n"), (2, 4, "t"), (4, 6, "vn"), (6, 8, "n"), (8, 9, "d"), (9, 10, "v"), (10, 13, "m")]
    (s,) = bound_subjects([stat(text, 10, 13, "照顧中心")], text, tokens)
    assert s.subject == "日間照顧中心"


def test_a_topic_grows_over_two_nouns_joined_by_a_conjunction():
    text = "在臺產業及社福移工合計約76萬人"
    tokens = [(0, 1, "p"), (1, 2, "ns"), (2, 4, "n"), (4, 5, "c"), (5, 7, "n"), (7, 9, "n"), (9, 11, "v"),
              (11, 12, "d"), (12, 16, "m")]
    (s,) = bound_subjects([stat(text, 11, 16, "社福移工")], text, tokens)
    assert s.subject == "產業及社福移工"


def test_a_scope_alone_names_no_topic():
    text = "優先地區，占全國約36%"
    tokens = [(0, 2, "n"), (2, 4, "n"), (4, 5, "x"), (5, 6, "v"), (6, 8, "n"), (8, 9, "d"), (9, 12, "m")]
    (s,) = bound_subjects([stat(text, 8, 12, "全國")], text, tokens)
    assert s.subject == ""


def test_a_noun_before_a_verb_is_the_giver_of_an_amount_but_part_of_a_counted_topic():
    text = "協會補助每人3萬元"
    tokens = [(0, 2, "n"), (2, 4, "v"), (4, 6, "r"), (6, 9, "m")]
    (s,) = bound_subjects([money(text, 6, 9, "會補助")], text, tokens)
    assert s.subject == "補助"
    text = "製造業移工占多數"
    tokens = [(0, 3, "n"), (3, 5, "v"), (5, 6, "v"), (6, 8, "m")]
    (s,) = bound_subjects([stat(text, 6, 8, "造業移工")], text, tokens)
    assert s.subject == "製造業移工"


def test_a_scope_word_split_by_the_segmenter_still_bounds_a_topic():
    text = "我國農業人口約50萬人"
    tokens = [(0, 1, "r"), (1, 2, "n"), (2, 4, "n"), (4, 6, "n"), (6, 7, "d"), (7, 11, "m")]
    (s,) = bound_subjects([stat(text, 6, 11, "農業人口")], text, tokens)
    assert s.subject == "農業人口"


def test_after_an_amount_a_preposition_starts_a_new_clause():
    text = "斥資50億元在台中興建新廠"
    tokens = [(0, 2, "v"), (2, 6, "m"), (6, 7, "p"), (7, 9, "ns"), (9, 11, "v"), (11, 13, "n")]
    (s,) = bound_subjects([money(text, 2, 13, "在台中興建新廠")], text, tokens)
    assert (s.text, s.subject) == ("50億元", "")


def test_a_verb_alone_after_the_counter_is_no_counted_noun():
    text = "共有32隊參賽，"
    tokens = [(0, 2, "v"), (2, 5, "m"), (5, 7, "v"), (7, 8, "x")]
    (s,) = bound_subjects([stat(text, 2, 7, "參賽")], text, tokens)
    assert (s.text, s.subject) == ("32隊", "")


def test_a_noun_tagged_a_verb_is_kept_by_its_suffix():
    text = "約有4萬名外籍看護工，"
    tokens = [(0, 1, "d"), (1, 2, "v"), (2, 5, "m"), (5, 7, "n"), (7, 10, "v"), (10, 11, "x")]
    (s,) = bound_subjects([stat(text, 2, 7, "外籍")], text, tokens)
    assert (s.text, s.subject) == ("4萬名外籍看護工", "外籍看護工")
    (s,) = bound_subjects([stat(text, 2, 10, "外籍看護工")], text, tokens)
    assert s.subject == "外籍看護工"
    text = "三個面向同步推動"
    tokens = [(0, 2, "m"), (2, 4, "v"), (4, 6, "d"), (6, 8, "v")]
    (s,) = bound_subjects([stat(text, 0, 4, "面向")], text, tokens)
    assert s.subject == "面向"


def test_a_counter_after_mei_is_not_part_of_a_topic():
    text = "提供每名學生最高5000元"
    tokens = [(0, 2, "v"), (2, 3, "r"), (3, 4, "q"), (4, 6, "n"), (6, 8, "a"), (8, 13, "m")]
    (s,) = bound_subjects([money(text, 6, 13, "名學生")], text, tokens)
    assert s.subject == "學生"


def test_common_nouns_joined_to_the_counted_noun_share_its_count():
    text = "來自15個國家、地區的代表"
    tokens = [(0, 2, "v"), (2, 5, "m"), (5, 7, "n"), (7, 8, "x"), (8, 10, "n"), (10, 11, "u"), (11, 13, "n")]
    (s,) = bound_subjects([stat(text, 2, 7, "國家")], text, tokens)
    assert (s.text, s.subject) == ("15個國家、地區", "國家、地區")


def test_an_item_with_a_number_or_a_determiner_of_its_own_starts_a_new_item():
    for text, tokens in [
        ("共有15個國家、200位代表", [(0, 2, "v"), (2, 5, "m"), (5, 7, "n"), (7, 8, "x"), (8, 12, "m"), (12, 14, "n")]),
        ("共有3個部會、各縣市參與", [(0, 2, "v"), (2, 4, "m"), (4, 6, "n"), (6, 7, "x"), (7, 8, "r"), (8, 11, "n"), (11, 13, "v")]),
        ("共12所大學、研究機構及企業", [(0, 1, "d"), (1, 4, "m"), (4, 6, "n"), (6, 7, "x"), (7, 9, "vn"), (9, 11, "n"),
                                    (11, 12, "c"), (12, 14, "n")]),
    ]:
        start = text.index("個") - 1 if "個" in text else text.index("12")
        end = text.index("、")
        (s,) = bound_subjects([stat(text, start, end, text[end - 2 : end])], text, tokens)
        assert s.subject == text[end - 2 : end], text
