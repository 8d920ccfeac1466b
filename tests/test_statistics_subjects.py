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


@pytest.mark.parametrize("text, span, subject", [
    # a distributive 每 + counter stands between the topic and the number
    ("市府發給獎助金每人3萬元。", "3萬元", "獎助金"),
    # … and is the topic itself when nothing names one before it
    ("主橋由鋼梁組成，每段20公尺。", "20公尺", "每段"),
    ("車票每張500元。", "500元", "車票"),
    ("補助金每學期5,000元。", "5,000元", "補助金"),  # a distributive of two characters
    # link words between topic and number, also a verb of change (提高至)
    ("補助金額提高至2萬元。", "2萬元", "補助金額"),
    # a qualifier links the topic as a link word does
    ("補助期間最多為4個月。", "最多為4個月", "補助期間"),
    # a total after its topic across a comma; the determiner 各 starts the phrase
    ("本屆年會的各國代表，共計45團。", "45團", "各國代表"),
    # spending words are the topic of the amount after them; what follows is its purpose
    ("該公司將投資150億元興建新廠。", "150億元", "投資"),
    ("政府已經舉債4千多億，", "4千多億", "舉債"),
    # a verb that is never a noun is no topic
    ("集團斥資近80億在南部設廠。", "近80億", ""),
    # a one-character link word between a counter and the next number is no counted noun
    ("日本有5團共32位貴賓出席。", "5團", "日本"),
    # the 大 of N大 is no part of the noun, the 大 of 大陸 is
    ("吸引5大廠商進駐園區。", "5大廠商", "廠商"),
    ("參訪2大陸企業。", "2大陸企業", "大陸企業"),
    # nouns that begin with 在 (在台外商) and 使 (駐外使節)
    ("有近40%在台外商不滿。", "近40%在台外商", "在台外商"),
    ("共有60名駐外使節返國述職。", "60名駐外使節", "駐外使節"),
    # a measure with its noun after 的 when no topic stands before it
    ("將新增3萬平方公尺的研發空間，", "3萬平方公尺", "研發空間"),
    # 各 starts a counted noun (各界人士) but is none alone
    ("另有30餘位各界人士參加。", "30餘位各界人士", "各界人士"),
    ("道路寬度達30公尺的路段。", "30公尺", "道路寬度"),
    # the people of an age are counted after it, also after 以上
    ("補助55歲以上失業者。", "55歲以上失業者", "失業者"),
    # two nouns joined by 及 are one subject
    ("邀請20位專家及學者出席。", "20位專家及學者", "專家及學者"),
    # adverbs, 累計, 一度 and a final 中 stand between a topic and its number
    ("報名人數更高達500人。", "500人", "報名人數"),
    ("線上收看累計超過2,000人次。", "超過2,000人次", "線上收看"),
    ("住院率一度達到95%。", "95%", "住院率"),
    ("公會會員中約三成已轉型。", "約三成", "公會會員"),
    # a heading of minutes names its count with the verb (委員出席 85人)
    ("委員出席 85人\n", "85人", "委員出席"),
    # a relative clause (來自…的) between the counter and its noun: the noun is the subject, not in the span
    ("共有12位來自各國的青年代表出席。", "12位", "青年代表"),
    # 以 and time adverbials (明起) between a topic and its number
    ("每戶以5口為限。", "5口", "每戶"),
    ("年會明起一連3天在台中舉行。", "3天", "年會"),
    # an age written right after the people it is about
    ("另有工程師55歲退休後返校任教。", "55歲", "工程師"),
    # 至 after a verb of change links the topic to its new value
    ("今年提高補助名額至20人。", "20人", "補助名額"),
    ("將審查期程縮短至15天以內。", "15天以內", "審查期程"),
    ("集團的負債率降到35%。", "35%", "負債率"),  # … and the same verbs with 到
    ("平均房價提高到3萬元。", "3萬元", "平均房價"),
    # a change compared with something: the topic stands before 較/比
    ("第二季事故件數較去年同期下降約2成。", "約2成", "事故件數"),
    # cases are counted (例), 例如 is no count
    ("累計重症個案已達120例，", "120例", "重症個案"),
    # X占Y的N%: the share is of the part before 占, of the whole only when no part stands there
    ("惟報名人數僅占全體會員的約15%。", "約15%", "報名人數"),
    ("會員回覆問卷，占會員總數的45%，", "45%", "會員總數"),
])
def test_topic_and_counted_noun_rules(text, span, subject):
    stats = find_statistics(text)
    assert [(s.text, s.subject) for s in stats][:1] == [(span, subject)]
    assert all(text[s.start : s.end] == s.text for s in stats)


@pytest.mark.parametrize("text, value, qualifier", [
    ("已有2,4 18家廠商加入。", 2418, "exact"),  # a space inside a thousands group
    ("預算已達3千多億，", 3e11, "over"),  # 多 between two multipliers
])
def test_numbers_written_loosely(text, value, qualifier):
    (s,) = find_statistics(text)
    assert (s.value, s.qualifier) == (value, qualifier)


def test_the_double_tenth_is_a_name_not_a_count():
    assert find_statistics("各界歡度雙十國慶。") == []


def test_one_year_past_is_no_span_of_time():
    assert find_statistics("學員展現一年來的學習成果。") == []
    assert [s.text for s in find_statistics("學員展現近一年來的學習成果。")] == ["近一年"]


def test_a_counted_noun_reads_as_the_report_writes_it(tmp_path):
    from helpers import extract_string

    text = "計畫預估創造3,200個在地就業 機會。\n"
    (row,) = extract_string(text, tmp_path)["statistics"]
    assert row["text"] == text[int(row["start"]) : int(row["end"])] == "3,200個在地就業 機會"
    assert row["subject"] == "在地就業 機會"


def test_for_example_is_no_count():
    assert [s.text for s in find_statistics("共3項，例如交通與住宿。")] == ["3項"]


@pytest.mark.parametrize("text, span, qualifier", [
    ("並在3個月內提出報告。", "3個月內", "at_most"),  # 內 after a span of time: within it
    ("須在2年內完成。", "2年內", "at_most"),  # … and the 年 is a span, not a calendar year
    ("每戶以5口為限。", "5口", "at_most"),  # 以N為限: a limit, outside the span
])
def test_limits_after_the_quantity(text, span, qualifier):
    (s,) = find_statistics(text)
    assert (s.text, s.qualifier) == (span, qualifier)


def test_a_year_followed_by_nei_is_still_a_calendar_year():
    assert find_statistics("預計於2025年內完成。") == []
