"""The resolver: the order the components run in and the rules that choose among overlapping
candidates."""

from conftest import person_names, span_of, written
from pipeline.recognise.facts import Mention
from pipeline.recognise.resolver import dedupe, drop_agencies_over_people, maximal, resolve, steps


def test_titles_are_found_before_any_source_reads_them_and_kept_last(build):
    c = build("")
    order = steps(c)
    assert order[0] == c.titles.find_titles
    assert order[-1] == c.titles.keep_titles
    assert order.index(c.organisations.find_agencies) < order.index(c.affiliations.find_people)
    assert order.index(c.affiliations.find_people) < order.index(c.short_forms.find_short_forms)


def test_the_longest_of_overlapping_organisations_wins_the_earliest_on_ties():
    assert maximal([(0, 3), (2, 8), (7, 10), (12, 14), (13, 15)]) == [(2, 8), (12, 14)]


def test_of_overlapping_mentions_the_earliest_and_longest_is_kept():
    a, b, c, d = Mention("PERSON", 0, 2), Mention("PERSON", 0, 3), Mention("PERSON", 2, 5), Mention("PERSON", 5, 7)
    assert dedupe([c, a, d, b]) == [b, d]


def test_an_organisation_that_swallowed_a_name_or_a_title_is_dropped(build):
    c = build("內政部移民署王大明副署長出席今天的記者會。")
    f = c.findings
    f.add_person(*span_of(c, "王大明"), span_of(c, "王大明"))
    f.kept_titles.add(span_of(c, "副署長"))
    f.set_agencies([span_of(c, "內政部"), span_of(c, "移民署王大明"), span_of(c, "副署長出席")])
    drop_agencies_over_people(f)
    assert written(c, f.agencies) == ["內政部"]


def test_resolve_runs_every_source_and_returns_mentions_without_overlaps(build):
    c = build("交通部航港局副局長林建宏昨天視察港口。林副局長表示，他很滿意。")
    mentions = resolve(c)
    assert [c.text.a[m.start : m.end] for m in mentions] == ["林建宏", "林副局長", "他"]
    assert {m.entity for m in mentions} == {"林建宏"}
    assert written(c, c.findings.agencies) == ["交通部航港局"]
    assert person_names(c) == {"林建宏", "林副局長", "他"}
