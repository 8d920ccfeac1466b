"""OrganisationNaming: whether the words before a suffix name an organisation or describe a kind of
one, and where a name starts after the words that describe it. Each check is asked directly, on the
real segmenter's and learned tagger's reading of an invented sentence."""

from conftest import span_of


def _parts(c, phrase: str, suffix: str) -> tuple[int, int, int]:
    """(start, suffix start, end) of phrase, whose last characters are suffix."""
    i, j = span_of(c, phrase)
    return i, j - len(suffix), j


def test_a_noun_in_apposition_is_skipped(build):
    c = build("主辦單位青松棋藝協會宣布名單。")
    i, ss, _ = _parts(c, "主辦單位青松棋藝協會", "協會")
    assert c.text.a[c.organisations.naming.start_after_appositive(i, ss) : ss] == "青松棋藝"


def test_a_rank_before_a_kind_names_nothing_unless_a_name_follows(build):
    c = build("兩大電信公司合併後，比利時第二大銀行青松銀行也出售。")
    i, ss, _ = _parts(c, "兩大電信公司", "公司")
    assert c.organisations.naming.start_after_rank(i, ss) is None
    i, ss, _ = _parts(c, "比利時第二大銀行青松銀行", "銀行")
    assert c.text.a[c.organisations.naming.start_after_rank(i, ss) : ss] == "青松"


def test_a_kind_of_institution_after_common_words_is_described(build):
    c = build("食品公司與政治系都參加了。")
    naming = c.organisations.naming
    assert naming.described(*_parts(c, "食品公司", "公司"))
    assert not naming.described(*_parts(c, "政治系", "系"))  # a unit named by its subject


def test_an_institution_a_verb_takes_is_its_object(build):
    c = build("她要考大學。")
    i, _, j = _parts(c, "考大學", "大學")
    assert c.organisations.naming.object_of_verb(i, j)


def test_a_team_is_named_by_its_place_and_starts_there(build):
    c = build("衛冕冠軍丹麥男隊出賽，七所國小的棒球隊也來了。")
    naming = c.organisations.naming
    i, ss, j = _parts(c, "衛冕冠軍丹麥男隊", "隊")
    start = naming.start_at_place(i, ss, "队")
    assert c.text.a[start:j] == "丹麥男隊" and naming.named(start, j, "队")
    assert not naming.named(*span_of(c, "棒球隊"), "队")  # a sport is no name, and the tagger reads none
