"""ShortForms: SURNAME + TITLE and pronouns resolved to the full-name person they refer to."""

from conftest import span_of


def find_full_names(c):
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.affiliations.find_people()


def test_surname_and_title_refer_to_the_person_with_that_surname_and_title(build):
    c = build("交通部航港局副局長林建宏昨天視察港口。林副局長表示很滿意。")
    find_full_names(c)
    c.short_forms.find_short_forms()
    short = span_of(c, "林副局長")
    [m] = [m for m in c.findings.mentions if (m.start, m.end) == short]
    assert m.entity == "林建宏"
    assert short in c.findings.persons["林建宏"].forms
    assert span_of(c, "副局長", 1) in c.findings.kept_titles


def test_a_surname_nobody_carries_is_no_short_form(build):
    c = build("交通部航港局副局長林建宏昨天視察港口。王副局長表示很滿意。")
    find_full_names(c)
    c.short_forms.find_short_forms()
    assert [c.text.a[m.start : m.end] for m in c.findings.mentions] == ["林建宏"]


def test_a_pronoun_refers_to_the_person_named_last_before_it(build):
    c = build("她說明後，教授陳怡君出席。她表示支持。")
    find_full_names(c)
    c.short_forms.find_pronouns()
    pronouns = [m for m in c.findings.mentions if c.text.a[m.start : m.end] == "她"]
    assert [(m.start, m.entity) for m in pronouns] == [(span_of(c, "她", 1)[0], "陈怡君")]  # not the first: nobody before it
