"""Subjects and statistics in plain prose (the news-statistics set of bench/news_statistics.py): topics
written right against an amount, what a subject leaves out (time words, adverbs, pronouns, places,
names, the predicate), the noun after 的, a list before 等, and what is not a count (一 as an article,
ranks). The whole pipeline runs, so the segmenter's real words bound each subject. Sentences are
invented."""

from __future__ import annotations

import pytest

from helpers import extract_string

CASES = [
    # (sentence, [(span, subject), …]) — every statistic of the sentence, in order
    # the same amount restated in brackets, the same measure in a clause that only says when
    ("合併後的市值為1500億馬克（約合800億美元），創下紀錄。", [("1500億馬克", "市值"), ("約合800億美元", "市值")]),
    # the count is the object of the verb before it: the noun before that verb is its agent, no topic
    ("活動共吸引逾千人參加。", [("逾千人", "")]),
    ("平均每人每月可節省約3千元。", [("約3千元", "")]),
    # a change stated right after a noun is stated of that noun
    ("九月出口值年減5.2%，進口則成長2成。", [("5.2%", "出口值"), ("2成", "進口")]),
    ("來台旅客達589萬人次，年增42.5%。", [("589萬人次", "來台旅客"), ("42.5%", "")]),  # a change alone names no topic
    # a change from an old value to a new one: both are of the topic before 由/從; a verb is no counted noun
    ("失業率由3.8%降至3.4%。", [("3.8%", "失業率"), ("3.4%", "失業率")]),
    ("補助上限從10萬元提高到20萬元。", [("10萬元", "補助上限"), ("20萬元", "補助上限")]),
    # a noun the segmenter cut or tagged a verb is taken whole; 占比 'share' is a noun, not 占 'accounts for'
    ("國內再生能源發電占比為9.5%。", [("9.5%", "再生能源發電占比")]),
    ("全國長照服務使用人數已突破50萬人。", [("突破50萬人", "長照服務使用人數")]),
    # a one-character place after a verb of motion is a modifier with it, no topic's start
    ("去年來台旅客人次為1,050萬人次。", [("1,050萬人次", "來台旅客人次")]),
    ("基本工資由每月27,470元調高至28,590元。", [("27,470元", "基本工資"), ("28,590元", "基本工資")]),
    ("學生人數減少了3成。", [("3成", "學生人數")]),  # the change with its particle 了
    # a stop character inside a noun is part of it (因 in 海洛因, 對 in 反對者)
    ("全案共查獲毒品海洛因2.5公斤。", [("2.5公斤", "毒品海洛因")]),
    ("反對者30票，贊成者45票。", [("30票", "反對者"), ("45票", "贊成者")]),
    # common nouns joined to the counted noun share its count
    ("共有來自15個國家、地區的代表參加。", [("15個國家、地區", "國家、地區")]),
    ("每戶的電費為238元，2020年只需98元。", [("238元", "電費"), ("98元", "電費")]),
    # a topic written right against an amount of money or a measure
    ("全鄉稻米產量2500噸，產值900萬元。", [("2500噸", "稻米產量"), ("900萬元", "產值")]),
    ("他家裡負債3000多元。", [("3000多元", "負債")]),  # a place word (家裡) says where, not what
    # a time word between the topic and the number dates the statement
    ("校長今年58歲。", [("58歲", "校長")]),
    # a one-character adverb before the topic belongs to the predicate
    ("去年就收入近5萬元。", [("近5萬元", "收入")]),
    # 時 after an age starts a clause of time; a pronoun after a counter is no counted noun
    ("他15歲時就離開家鄉。", [("15歲", "")]),
    ("姊妹6個她最小。", [("6個", "")]),
    # an adverb, a time word or a one-character passive verb ends a counted noun
    ("使近2萬名失業工人重新就業。", [("近2萬名失業工人", "失業工人")]),
    ("20個模範單位今天受到表揚。", [("20個模範單位", "模範單位")]),
    ("10個先進集體受表彰。", [("10個先進集體", "先進集體")]),
    # a doubled counter means "every": no counted noun
    ("全村150戶家家有果園。", [("150戶", "")]),
    # the noun after 的 ends where the predicate starts; it is outside the span
    ("300元的車費實在付不起。", [("300元", "車費")]),
    # a topic does not start inside a dictionary word the segmenter split (租|屋補貼費)
    ("市府提供租屋補貼費3000元。", [("3000元", "租屋補貼費")]),
    # a verb with the noun it qualifies stays whole in a topic (報名人數, 畢業學分)
    ("本系畢業學分128。", [("128", "畢業學分")]),
    # a place before an age: the people after 的 are its subject; a name after them is not
    ("林家村42歲的農民王大同說。", [("42歲", "農民")]),
    # a share of a whole (Y的N%) is of the part before the verb of comparison
    ("企業的無形資產已超過了總資產的60%。", [("60%", "無形資產")]),
    # an adjective ending in 等 belongs to the noun phrase it qualifies
    ("中等收入國家約佔35%。", [("約佔35%", "中等收入國家")]),
    # the items listed before 等 are counted
    ("教師、家長等共15人出席。", [("15人", "教師、家長")]),
    # link words of duration (將, 持續) stand between a topic and its number
    ("展覽將持續兩個星期。", [("兩個星期", "展覽")]),
    # a time word alone names no topic
    ("目前約佔40%。", [("約佔40%", "")]),
    # X占Y…N%: the part before 占, found where it is written, not at a later copy of its words
    ("男性就業人口占全部就業人口不到60%。", [("不到60%", "男性就業人口")]),
    # an adjective and 的 between the counter and its noun
    ("有3位年輕的學者出席。", [("3位", "學者")]),
    # counters of plants and records, a currency, 約合
    ("種下3萬多株樹苗。", [("3萬多株樹苗", "樹苗")]),
    ("戰績是2勝5負。", [("2勝", "戰績"), ("5負", "戰績")]),
    ("約合3億馬克。", [("約合3億馬克", "")]),
    # a count of times names the event after it (outside the span), rather than who had it;
    # a pronoun there is none
    ("球隊連續8次失誤。", [("8次", "失誤")]),
    ("我們做過三次全縣性的調查。", [("三次", "調查")]),
    ("這兩次他都沒來。", [("兩次", "")]),
    # a score is stated of the noun before the verb; a count keeps its verb, as a heading of minutes does
    ("主隊領先8分。", [("8分", "主隊")]),
    ("委員出席 85人。", [("85人", "委員出席")]),
    # rounds won and a shooting score are counts; an adverb and a verb before them are no topic
    ("於梅玲四段能連闖兩關。", [("兩關", "")]),
    ("他今天只打了580環，被淘汰。", [("580環", "")]),
    # not counts: 一 as an article, a rank, a road, an idiom
    ("三環路上塞車。", []),
    ("過五關斬六將。", []),
    ("但沒有一個人有穩定的表現。", []),  # 一 after a negation: "none"
    ("共有一個人出席。", [("一個人", "人")]),
    ("二十國集團峰會今天開幕。", []),  # a group of countries named by their number
    ("曾舉辦過一場座談會。", []),
    ("球隊進入前八名。", []),
]


@pytest.fixture(scope="module")
def by_line(tmp_path_factory):
    """One report of all the sentences, one a line: the statistics of each line in order."""
    text = "\n".join(sentence for sentence, _ in CASES) + "\n"
    tables = extract_string(text, tmp_path_factory.mktemp("subjects"))
    starts = [0]
    for sentence, _ in CASES:
        starts.append(starts[-1] + len(sentence) + 1)
    lines: dict[int, list[tuple[str, str]]] = {}
    for r in sorted(tables["statistics"], key=lambda r: int(r["start"])):
        assert text[int(r["start"]) : int(r["end"])] == r["text"]
        line = next(i for i in range(len(CASES)) if starts[i] <= int(r["start"]) < starts[i + 1])
        lines.setdefault(line, []).append((r["text"], r["subject"]))
    return lines


@pytest.mark.parametrize("i", range(len(CASES)), ids=[s for s, _ in CASES])
def test_statistics_and_subjects(by_line, i):
    assert by_line.get(i, []) == CASES[i][1]


def test_the_currency_of_a_named_unit(tmp_path):
    (row,) = extract_string("約合3億馬克。\n", tmp_path)["statistics"]
    assert (row["unit"], row["currency"], row["qualifier"]) == ("馬克", "DEM", "about")
