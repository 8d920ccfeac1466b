"""Phrase table for pipeline.statistics.find_statistics (CONTRACT.md §3 STATISTIC, issue 4).

Every phrase here was written for this test from the annotation rules; none is taken from a report.
Positive rows: the phrase holds exactly one statistic with the given attributes. Negative rows: the phrase
holds no statistic (or none that covers the given substring).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root, when run without install

from pipeline.statistics import Statistic, find_statistics  # noqa: E402

ANY = object()  # attribute not checked in this row

# (phrase, text, value, value_max, qualifier, unit, subject, kind, currency)
POSITIVE = [
    # counters, qualifiers before the number
    ("本計畫共有逾50個單位參與", "逾50個單位", 50, None, "over", "個", "單位", "count", ""),
    ("活動吸引超過800人次報名", "超過800人次", 800, None, "over", "人次", ANY, "count", ""),
    ("全年辦理逾25場研習", "逾25場研習", 25, None, "over", "場", "研習", "count", ""),
    ("提案獲得17個經濟體的連署", "17個經濟體", 17, None, "exact", "個", "經濟體", "count", ""),
    ("共有五項技術獲得專利", "五項技術", 5, None, "exact", "項", "技術", "count", ""),
    ("全年舉辦近百場講座", "近百場講座", 100, None, "about", "場", "講座", "count", ""),
    ("約有3萬多名學生受惠", "約有3萬多名學生", 30000, None, "about", "名", "學生", "count", ""),
    # 多/餘 before a multiplier: the rough count is scaled (3百多萬 = over three million)
    ("全縣有3百多萬人受惠", "3百多萬人", 3000000, None, "over", "人", ANY, "count", ""),
    ("吸引五十多萬名旅客", "五十多萬名旅客", 500000, None, "over", "名", "旅客", "count", ""),
    ("總預算已舉債3千多億，", "3千多億", 300000000000, None, "over", "", ANY, "count", ""),
    ("舉債達2千多億元", "2千多億元", 200000000000, None, "over", "元", ANY, "money", "TWD"),
    ("現場有十餘位記者", "十餘位記者", 10, None, "over", "位", "記者", "count", ""),
    ("任職於20餘個委員會，", "20餘個委員會", 20, None, "over", "個", "委員會", "count", ""),
    ("百餘人出席說明會", "百餘人", 100, None, "over", "人", "", "count", ""),
    ("上千人參加遊行", "上千人", 1000, None, "about", "人", "", "count", ""),
    ("數百位志工投入服務", "數百位志工", 100, None, "about", "位", "志工", "count", ""),
    ("數十萬人受影響", "數十萬人", 100000, None, "about", "人", "", "count", ""),
    ("當天約百位民眾到場", "約百位民眾", 100, None, "about", "位", "民眾", "count", ""),
    ("會場容納千人", "千人", 1000, None, "about", "人", ANY, "count", ""),
    ("不到10人到場", "不到10人", 10, None, "under", "人", "", "count", ""),
    ("參加者不足20名", "不足20名", 20, None, "under", "名", ANY, "count", ""),
    ("少於5家業者表態", "少於5家業者", 5, None, "under", "家", "業者", "count", ""),
    ("至少5項建議", "至少5項建議", 5, None, "at_least", "項", "建議", "count", ""),
    ("不少於8所學校", "不少於8所學校", 8, None, "at_least", "所", "學校", "count", ""),
    ("最多3位代表", "最多3位代表", 3, None, "at_most", "位", "代表", "count", ""),
    ("不超過20名學員", "不超過20名學員", 20, None, "at_most", "名", "學員", "count", ""),
    ("約莫200人聚集", "約莫200人", 200, None, "about", "人", "", "count", ""),
    ("大約35家廠商", "大約35家廠商", 35, None, "about", "家", "廠商", "count", ""),
    ("將近90位校友，", "將近90位校友", 90, None, "about", "位", "校友", "count", ""),
    ("多於12隻候鳥", "多於12隻候鳥", 12, None, "over", "隻", "候鳥", "count", ""),
    ("與會者約30人左右", "約30人左右", 30, None, "about", "人", ANY, "count", ""),
    ("報名者需3人以上", "3人以上", 3, None, "at_least", "人", ANY, "count", ""),
    ("每隊5名以下", "5名以下", 5, None, "at_most", "名", ANY, "count", ""),
    # subjects before the number
    ("報名人數已超過450位", "超過450位", 450, None, "over", "位", "報名人數", "count", ""),
    ("出席委員9人", "9人", 9, None, "exact", "人", "出席委員", "count", ""),
    ("列席官員6人", "6人", 6, None, "exact", "人", "列席官員", "count", ""),
    # counted nouns and counters of the genre
    ("共9人組團", "9人", 9, None, "exact", "人", ANY, "count", ""),
    ("共有205家外商回覆問卷", "205家外商", 205, None, "exact", "家", "外商", "count", ""),
    ("迄今8屆", "8屆", 8, None, "exact", "屆", "", "count", ""),
    ("共15場次論壇", "15場次論壇", 15, None, "exact", "場次", "論壇", "count", ""),
    ("5位次長與會", "5位次長", 5, None, "exact", "位", "次長", "count", ""),
    ("召開2場區域會報", "2場區域會報", 2, None, "exact", "場", "區域會報", "count", ""),
    ("共計12件提案", "12件提案", 12, None, "exact", "件", "提案", "count", ""),
    ("拜會6所大學", "6所大學", 6, None, "exact", "所", "大學", "count", ""),
    ("由兩位與談人回應", "兩位與談人", 2, None, "exact", "位", "與談人", "count", ""),
    ("訪問團走訪14國", "14國", 14, None, "exact", "國", "", "count", ""),
    ("參訪4座電廠", "4座電廠", 4, None, "exact", "座", "電廠", "count", ""),
    ("展出三種作物", "三種作物", 3, None, "exact", "種", "作物", "count", ""),
    ("舉辦兩場研討會", "兩場研討會", 2, None, "exact", "場", "研討會", "count", ""),
    ("共廿個單位。", "廿個單位", 20, None, "exact", "個", "單位", "count", ""),
    ("一百二十位學員與會", "一百二十位學員", 120, None, "exact", "位", "學員", "count", ""),
    ("兩千三百萬人", "兩千三百萬人", 23000000, None, "exact", "人", "", "count", ""),
    ("全年達1.2萬人次", "1.2萬人次", 12000, None, "exact", "人次", "全年", "count", ""),
    ("去年有3,500人參加", "3,500人", 3500, None, "exact", "人", "", "count", ""),
    ("約１２０名學員", "約１２０名學員", 120, None, "about", "名", "學員", "count", ""),
    ("十幾個國家", "十幾個國家", 10, None, "over", "個", "國家", "count", ""),
    ("兩三個國家", "兩三個國家", 2, 3, "exact", "個", "國家", "count", ""),
    ("全市約260萬人口", "約260萬人口", 2600000, None, "about", "", "人口", "count", ""),
    ("應修總學分數132", "132", 132, None, "exact", "", ANY, "count", ""),
    # enumerations
    ("提出三大要素", "三大要素", 3, None, "exact", "", "要素", "count", ""),
    ("面臨四大挑戰", "四大挑戰", 4, None, "exact", "", "挑戰", "count", ""),
    ("聚焦五大結構性議題", "五大結構性議題", 5, None, "exact", "", "結構性議題", "count", ""),
    ("分兩步驟進行", "兩步驟", 2, None, "exact", "", "步驟", "count", ""),
    ("推動十大建設", "十大建設", 10, None, "exact", "", "建設", "count", ""),
    ("歸納3大方向", "3大方向", 3, None, "exact", "", "方向", "count", ""),
    # money
    ("該國預計投入120萬美元", "120萬美元", 1200000, None, "exact", "美元", "", "money", "USD"),
    ("政府編列新臺幣3億元預算", "新臺幣3億元預算", 300000000, None, "exact", "元", "預算", "money", "TWD"),
    ("總經費新台幣1.5億元", "新台幣1.5億元", 150000000, None, "exact", "元", ANY, "money", "TWD"),
    ("計畫補助人民幣200萬元", "人民幣200萬元", 2000000, None, "exact", "元", ANY, "money", "CNY"),
    ("採購金額為50萬歐元", "50萬歐元", 500000, None, "exact", "歐元", ANY, "money", "EUR"),
    ("損失約30億日圓", "約30億日圓", 3000000000, None, "about", "日圓", ANY, "money", "JPY"),
    ("捐贈500萬美金", "500萬美金", 5000000, None, "exact", "美金", "捐贈", "money", "USD"),
    ("每人補助8,000元", "8,000元", 8000, None, "exact", "元", "補助", "money", "TWD"),
    ("預算3億5千萬元", "3億5千萬元", 350000000, None, "exact", "元", ANY, "money", "TWD"),
    ("新臺幣1億2,000萬元", "新臺幣1億2,000萬元", 120000000, None, "exact", "元", "", "money", "TWD"),
    ("編列臺幣 300 萬元", "臺幣 300 萬元", 3000000, None, "exact", "元", "", "money", "TWD"),
    ("籌得100萬台幣", "100萬台幣", 1000000, None, "exact", "台幣", "", "money", "TWD"),
    # percentages
    ("公司營收成長3到4成", "3到4成", 3, 4, "exact", "成", "公司營收", "percent", ""),  # a change stated of the noun before it
    ("支持度落在15-25%之間", "15-25%", 15, 25, "exact", "%", "", "percent", ""),
    ("比例介於12%至18%", "12%至18%", 12, 18, "exact", "%", "", "percent", ""),
    ("受訪者有47%表示同意", "47%", 47, None, "exact", "%", ANY, "percent", ""),
    ("百分之五十的民眾不滿意", "百分之五十", 50, None, "exact", "%", ANY, "percent", ""),
    ("近六成受訪者", "近六成受訪者", 6, None, "about", "成", "受訪者", "percent", ""),
    ("受訪者有七成五表示滿意", "七成五", 7.5, None, "exact", "成", ANY, "percent", ""),  # the tenths digit after 成
    ("約有8成3的民眾支持", "約有8成3", 8.3, None, "about", "成", ANY, "percent", ""),
    ("支持度增加三成多", "三成多", 3, None, "over", "成", ANY, "percent", ""),  # 多 after 成 is 'over'
    ("九月出口值年減5.2%", "5.2%", 5.2, None, "exact", "%", ANY, "percent", ""),
    ("近72%的業者", "近72%", 72, None, "about", "%", ANY, "percent", ""),
    ("燃煤比重35%", "35%", 35, None, "exact", "%", "燃煤比重", "percent", ""),
    ("出口成長12.5%", "12.5%", 12.5, None, "exact", "%", ANY, "percent", ""),
    ("滿意度達８８％", "８８％", 88, None, "exact", "%", ANY, "percent", ""),
    ("降至3%以下", "3%以下", 3, None, "at_most", "%", ANY, "percent", ""),
    ("下降0.5個百分點", "0.5個百分點", 0.5, None, "exact", "個百分點", ANY, "percent", ""),
    ("約三四成", "約三四成", 3, 4, "about", "成", "", "percent", ""),
    # durations and ages
    ("每位講者分享5分鐘", "5分鐘", 5, None, "exact", "分鐘", ANY, "duration", ""),
    ("會議長達3小時", "3小時", 3, None, "exact", "小時", ANY, "duration", ""),
    ("訓練為期兩個月", "兩個月", 2, None, "exact", "個月", "訓練", "duration", ""),
    ("計畫執行3年多", "3年多", 3, None, "over", "年", ANY, "duration", ""),
    ("任職已10年餘", "10年餘", 10, None, "over", "年", ANY, "duration", ""),
    ("停留三個多月", "三個多月", 3, None, "over", "個月", "", "duration", ""),
    ("耗時兩個半小時", "兩個半小時", 2.5, None, "exact", "個小時", "", "duration", ""),
    ("留學3年半", "3年半", 3.5, None, "exact", "年", ANY, "duration", ""),
    ("展期高達95天", "95天", 95, None, "exact", "天", ANY, "duration", ""),
    ("連續5年獲獎", "5年", 5, None, "exact", "年", ANY, "duration", ""),
    ("課程一連三天", "三天", 3, None, "exact", "天", ANY, "duration", ""),
    ("為期五日的研習", "五日", 5, None, "exact", "日", "", "duration", ""),
    ("未來8至12年", "8至12年", 8, 12, "exact", "年", ANY, "duration", ""),
    ("近10年來", "近10年", 10, None, "about", "年", ANY, "duration", ""),
    ("為期一年", "一年", 1, None, "exact", "年", "", "duration", ""),
    ("參與者年齡介於20至30歲", "20至30歲", 20, 30, "exact", "歲", ANY, "age", ""),
    ("年滿18歲以上", "18歲以上", 18, None, "at_least", "歲", ANY, "age", ""),
    ("未滿16歲的青少年", "未滿16歲", 16, None, "under", "歲", ANY, "age", ""),
    ("多數員工在45歲後轉職", "45歲", 45, None, "exact", "歲", ANY, "age", ""),
    ("災情波及數10萬人", "數10萬人", 100000, None, "about", "人", "", "count", ""),
    ("報名人數60人", "60人", 60, None, "exact", "人", ANY, "count", ""),
    ("五六十人圍觀", "五六十人", 50, 60, "exact", "人", "", "count", ""),
    ("約三四百位會員", "約三四百位會員", 300, 400, "about", "位", "會員", "count", ""),
    ("一年多來", "一年多", 1, None, "over", "年", "", "duration", ""),
    ("過去30年", "30年", 30, None, "exact", "年", "", "duration", ""),
    ("已有60年歷史", "60年", 60, None, "exact", "年", ANY, "duration", ""),
    ("逾百年", "逾百年", 100, None, "over", "年", "", "duration", ""),
    ("停留一個多月", "一個多月", 1, None, "over", "個月", "", "duration", ""),
    ("共１，２００人", "１，２００人", 1200, None, "exact", "人", "", "count", ""),
    ("預算爲新台幣1億2千萬元", "新台幣1億2千萬元", 120000000, None, "exact", "元", ANY, "money", "TWD"),
    # other units
    ("產能增加3倍", "3倍", 3, None, "exact", "倍", ANY, "other", ""),
    ("管線長5公里", "5公里", 5, None, "exact", "公里", ANY, "other", ""),
    # variant characters and spacing
    ("本案預算約爲新台幣1200萬元", "約爲新台幣1200萬元", 12000000, None, "about", "元", ANY, "money", "TWD"),
    ("爲期兩天", "兩天", 2, None, "exact", "天", "", "duration", ""),
    # signs: the quantity keeps its sign, in value and span (a change word is no sign)
    ("今年經濟成長率為-1.5%", "-1.5%", -1.5, None, "exact", "%", ANY, "percent", ""),
    ("出口年增率負2.3%", "負2.3%", -2.3, None, "exact", "%", ANY, "percent", ""),
    ("山區氣溫降至零下3度", "零下3度", -3, None, "exact", "度", ANY, "count", ""),
    ("營收比去年減少5%", "5%", 5, None, "exact", "%", ANY, "percent", ""),
    # 兆 with 億, stray spaces in thousands, amounts whose unit is unsaid
    ("累計吸引超過2兆3,456億元投資", "超過2兆3,456億元投資", 2345600000000, None, "over", "元", "投資", "money", "TWD"),
    ("總投資約7, 250億元，", "約7, 250億元", 725000000000, None, "about", "元", ANY, "money", "TWD"),
    ("政府再舉債3500億，", "3500億", 350000000000, None, "exact", "", "舉債", "count", ""),
    # counts without a counter, with a bare countable noun
    ("尚有12企業等待審查", "12企業", 12, None, "exact", "", "企業", "count", ""),
    ("走訪八部落進行調查", "八部落", 8, None, "exact", "", "部落", "count", ""),
    ("參訪5海外姊妹校", "5海外姊妹校", 5, None, "exact", "", "海外姊妹校", "count", ""),
    ("補助花蓮縣六所國小的樂團", "六所國小", 6, None, "exact", "所", "國小", "count", ""),
    # win-loss, distance and household counts
    ("本季拿下十勝", "十勝", 10, None, "exact", "勝", ANY, "count", ""),
    ("他推進35碼", "35碼", 35, None, "exact", "碼", ANY, "other", ""),
    ("每戶以4口為限", "4口", 4, None, "at_most", "口", ANY, "count", ""),
    # Simplified input reads with the same lexicons
    ("约有300人参加", "约有300人", 300, None, "about", "人", ANY, "count", ""),
    ("超过500人次报名", "超过500人次", 500, None, "over", "人次", ANY, "count", ""),
]

# (phrase, substring that must not be inside any statistic; None = no statistic at all)
NEGATIVE = [
    ("曾舉辦過一場研討會", None),  # 一 + counter with its noun and nothing that stresses the number: an article
    ("課程型號A-5款推出", None),
    ("—2025年研習營", None),
    ("東吳大學 104 學年度第 4 次會議", None),
    ("校長為二度訪問該校", None),
    ("拜訪四川大學", None),
    ("中央研究院研究八所", None),
    ("研討會於4月12日舉行", None),
    ("會議訂於6月14日至16日召開", None),
    ("6月20日至7月5日將舉行相關會議", None),
    ("於今年3月9日至4月2日間出訪", None),
    ("活動自2021年起辦理", None),
    ("2024年的年會", None),
    ("中華民國100年成立", None),
    ("於99年舉辦", None),
    ("107年度預算", None),
    ("本(2012)年落實", None),
    ("今(18)日開幕", None),
    ("昨(15)日表示", None),
    ("本月15日舉行", None),
    ("他5日在台北發表演說", None),
    ("上午9時開始", None),
    ("9時4分至12時8分", None),
    ("下午3點半散會", None),
    ("5年前曾來訪", None),
    ("第5屆年會", None),
    ("第十二屆營隊", None),
    ("第3度來訪", None),
    ("第3名", None),
    ("場次一", None),
    ("研究五所所長", None),
    ("SOM3會議", None),
    ("大樓2F展區", None),
    ("版本5.0上線", None),
    ("推動工業4.0", None),
    ("核三廠除役", None),
    ("在205會議室", None),
    ("COVID-19疫情", None),
    ("5G網路", None),
    ("電話02-2345-6789", None),
    ("一、確認議程", None),
    ("(二)討論提案", None),
    ("照片(右3)為局長", None),
    ("推動百工百業轉型", None),
    ("參與一帶一路", None),
    ("三心二意", None),
    ("大家一起努力", None),
    ("一些問題", None),
    ("一定要做", None),
    ("一直以來", None),
    ("一般民眾", None),
    ("統一發票", None),
    ("唯一的方法", None),
    ("一方面", None),
    ("進一步合作", None),
    ("同一時間", None),
    ("第一次", None),
    ("萬一發生", None),
    ("意見一致", None),
    ("參差不一", None),
    ("一貫立場", None),
    ("單一窗口", None),
    ("十分重要", None),
    ("這一份問卷", None),
    ("此一原則", None),
    ("一個重要的平台", None),
    ("一次到位", None),
    ("以及一位來自日本的學者", None),
    ("教授黃三千、", None),
    ("兩岸關係", None),
    ("美日兩國", None),
    ("近幾十年來", None),
    ("1990年代", None),
    ("2019年代表團", None),
    ("3週年", None),
    ("成立50周年", None),
    ("三分之一", None),
    ("2018-2020年", None),
    ("今年11月", None),
    ("二〇二五年", None),
    ("全國三級警戒", None),
    ("位於3樓", None),
    ("第九屆第3會期", None),
    ("APEC 2026年會", None),
    ("十九大報告", None),
    ("第1、2屆", None),
    ("第3至5屆", None),
    ("二OO八年", None),
    ("99年是關鍵的一年", None),
    ("1.本計畫說明", None),
    ("附件3", None),
    ("3所學校在研究四所旁", "研究四所"),
    ("一連五天", "一連"),
]


def _one(phrase: str) -> Statistic:
    stats = find_statistics(phrase)
    assert len(stats) == 1, f"{phrase!r}: expected one statistic, got {stats}"
    return stats[0]


@pytest.mark.parametrize(
    "phrase,text,value,value_max,qualifier,unit,subject,kind,currency", POSITIVE, ids=[p[0] for p in POSITIVE]
)
def test_positive(phrase, text, value, value_max, qualifier, unit, subject, kind, currency):
    s = _one(phrase)
    assert s.text == text
    assert phrase[s.start:s.end] == s.text
    assert s.value == pytest.approx(value, rel=0, abs=1e-9)
    if value_max is None:
        assert s.value_max is None
    else:
        assert s.value_max == pytest.approx(value_max, rel=0, abs=1e-9)
    assert s.qualifier == qualifier
    assert s.unit == unit
    if subject is not ANY:
        assert s.subject == subject
    assert s.kind == kind
    assert s.currency == currency


@pytest.mark.parametrize("phrase,forbidden", NEGATIVE, ids=[p[0] for p in NEGATIVE])
def test_negative(phrase, forbidden):
    stats = find_statistics(phrase)
    if forbidden is None:
        assert stats == [], f"{phrase!r}: expected no statistic, got {stats}"
    else:
        at = phrase.index(forbidden)
        for s in stats:
            assert s.end <= at or s.start >= at + len(forbidden), f"{phrase!r}: {s} covers {forbidden!r}"


def test_table_size():
    assert len(POSITIVE) + len(NEGATIVE) >= 90


def test_in_running_text_sorted_and_independent():
    text = "今年4月3日起，共有逾30所學校、超過600人次參加，並舉辦12場座談；滿意度達91%。"
    stats = find_statistics(text)
    assert [s.text for s in stats] == ["逾30所學校", "超過600人次", "12場座談", "91%"]
    assert [s.value for s in stats] == [30, 600, 12, 91]
    assert all(text[s.start:s.end] == s.text for s in stats)


def test_newline_does_not_join_number_and_unit():
    assert find_statistics("編號12\n人員名單") == []


def test_empty_text():
    assert find_statistics("") == []


# ---------------------------------------------------------------------------------------------------------
# Property: never raises, offsets slice to the text, sorted, non-overlapping.

ALPHABET = list(
    "0123456789０１２３４５６７８９.,，、。；：%％-~～()（）「」 \n"
    "零〇一二三四五六七八九十百千萬億兩廿"
    "個位名人次場項件所家國座隻種屆天日年月歲成倍分鐘小時元美幣"
    "逾超過約近以上下左右餘多至到不少於最第大"
    "的會議學生經濟體產品委員爲臺台AaBF"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_property_offsets(text):
    stats = find_statistics(text)
    last_end = -1
    for s in stats:
        assert isinstance(s, Statistic)
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.start >= last_end
        last_end = s.end
        assert s.qualifier in {"exact", "over", "at_least", "under", "at_most", "about"}
        assert s.kind in {"count", "money", "percent", "duration", "age", "other"}
        assert s.value == s.value  # not NaN
        if s.value_max is not None:
            assert s.value_max > s.value
