"""The date of a report (pipeline/registry/dates.py): full, ISO, Chinese-numeral and ROC dates, datelines
and relative forms completed from the same report, the readable choice rule, and the file name as a
fallback only. Every example is invented."""

import pytest

from pipeline.registry.dates import date_of, file_name_date, report_date
from pipeline.report_meta import report_row


def check(text: str, date: str, date_text: str) -> None:
    d = report_date(text)
    assert (d.date, d.date_text, d.date_source) == (date, date_text, "text" if date else "")
    if date_text:
        assert text[d.date_start : d.date_start + len(date_text)] == date_text


@pytest.mark.parametrize("text,date,date_text", [
    ("研討會於2025年4月10日舉行。", "2025-04-10", "2025年4月10日"),
    ("發布 2025/04/10 上午", "2025-04-10", "2025/04/10"),
    ("發布 2025-4-9", "2025-04-09", "2025-4-9"),
    ("二〇二五年三月十五日上午開幕", "2025-03-15", "二〇二五年三月十五日"),
    ("２０２５年４月１０日", "2025-04-10", "２０２５年４月１０日"),  # full-width digits, offsets unchanged
    ("民國110年3月5日召開", "2021-03-05", "民國110年3月5日"),
    ("中華民國110年3月5日", "2021-03-05", "中華民國110年3月5日"),
    ("110年3月5日召開", "2021-03-05", "110年3月5日"),  # a 2–3 digit year before a month is ROC
    ("92年11月03日\n新聞稿", "2003-11-03", "92年11月03日"),
    ("會議於2024年5月舉行", "2024-05", "2024年5月"),
    ("「113年度志工表揚」登場", "2024", "113年"),  # only a year: the event's year
    ("本日無日期可言。", "", ""),
    ("活動7月2日登場。", "", ""),  # a month-day with no year anywhere: no date
])
def test_written_dates(text, date, date_text):
    check(text, date, date_text)


def test_dateline_completed_from_a_year_month_elsewhere():
    text = "（記者王小明／台北15日電）2025年4月的論壇今天登場。"
    check(text, "2025-04-15", "15日電")


def test_relative_day_against_a_date_of_the_same_report():
    text = "青年論壇今（15）日登場。\n\n本屆論壇自2025年4月1日起受理報名。"
    d = report_date(text)
    # the full date elsewhere wins over a day that needs completing only when it is in the header:
    # here both are in the first lines, the day-form comes first and is completed from the full date
    assert (d.date, d.date_text) == ("2025-04-15", "今（15）日")


def test_relative_year_moves_the_year():
    text = "今(2025)年的年會延續去年5月3日的討論。"
    assert report_date(text).date == "2024-05-03"


def test_a_labelled_date_wins():
    text = "第2次會議紀錄（112年6月20日核定）\n時　間：112年6月8日（星期四）上午10時\n地點：本部會議室"
    check(text, "2023-06-08", "112年6月8日")


def test_header_date_before_dates_in_the_body():
    text = "標題\n2019-03-08 09:15\n\n本案於2017年3月2日提出，2016年1月1日生效。"
    check(text, "2019-03-08", "2019-03-08")


def test_year_context_from_the_title():
    text = "2024年青年論壇紀實\n\n論壇於8月21日舉行，共有百人參加。"
    check(text, "2024-08-21", "8月21日")


def test_a_historic_year_is_no_year_context():
    text = "協會成立於1988年，本屆年會於9月3日舉行。"
    check(text, "", "")


@pytest.mark.parametrize("stem,date", [
    ("forum_2021", "2021"), ("20210415_minutes", "2021-04-15"), ("news-2021-04-15", "2021-04-15"),
    ("d3_item", ""), ("report_20219999", ""),
])
def test_file_name_dates(stem, date):
    assert file_name_date(stem) == date


def test_file_name_is_a_fallback_only():
    d = date_of("沒有日期的報導。", "forum_2021")
    assert (d.date, d.date_text, d.date_start, d.date_source) == ("2021", "", "", "file_name")
    d = date_of("2023年5月1日開幕", "forum_2021")
    assert (d.date, d.date_source) == ("2023-05-01", "text")


def test_report_row():
    text = "\n  研討會紀實 \n時間：2025年4月10日\n"
    row = report_row("x", "/tmp/raw/x_2024.txt", "ab" * 32, text)
    assert row["title"] == "研討會紀實" and row["source"] == "x_2024.txt" and row["chars"] == len(text)
    assert (row["date"], row["date_source"]) == ("2025-04-10", "text")
    assert text[row["date_start"] :].startswith(row["date_text"])


def test_simplified_reports_read_the_same_dates():
    from pipeline.shadow import simplify

    for text in ("（記者王小明／台北15日電）2025年4月的論壇今天登場。", "中華民國110年3月5日召開",
                 "第2次會議紀錄（112年6月20日核定）\n時　間：112年6月8日（星期四）上午10時", "今(2025)年的年會延續去年5月3日的討論。"):
        assert report_date(simplify(text)).date == report_date(text).date != ""
