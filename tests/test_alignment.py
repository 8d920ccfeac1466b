"""Offsets stay honest: the analysis text (page breaks joined, spaced words closed) maps back exactly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.alignment import Alignment, apply_deletions
from pipeline.ingest import ingest, page_break_joins, spaced_word_deletions, table_row_joins


@st.composite
def text_and_deletions(draw):
    text = draw(st.text(alphabet="甲乙丙丁戊己庚 \n。", min_size=0, max_size=60))
    n = draw(st.integers(0, 5))
    dels = []
    for _ in range(n):
        if not text:
            break
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s, min(len(text), s + 4)))
        dels.append((s, e))
    return text, dels


@given(text_and_deletions())
@settings(max_examples=300, deadline=None)
def test_every_analysis_span_maps_to_the_same_characters(data):
    text, dels = data
    analysis, al = apply_deletions(text, dels)
    deleted = set()
    for s, e in dels:
        deleted.update(range(s, e))
    assert len(analysis) == len(text) - len(deleted)
    for i in range(len(analysis)):
        o = al.to_original(i)
        assert text[o] == analysis[i]
        assert o not in deleted
    for i in range(len(analysis)):
        for j in range(i + 1, min(len(analysis), i + 6) + 1):
            s, e = al.span(i, j)
            kept = "".join(text[k] for k in range(s, e) if k not in deleted)
            assert kept == analysis[i:j]


def test_alignment_serialises():
    _, al = apply_deletions("甲乙丙丁戊", [(1, 2), (3, 4)])
    assert Alignment.from_json(al.to_json()).span(0, 3) == al.span(0, 3)


def test_page_break_inside_a_sentence_is_joined(tmp_path):
    para = "本研究指出國內中小企業在數位轉型過程中面臨人才不足與資金短缺等問題，因此需要政府提供更多資源與輔導措施，協助企業逐步建立數位能"
    text = f"{para}\n\n\n\n力並提升競爭力。\n\n下一段落。\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    report = ingest(path)
    assert "數位能力並提升" in report.analysis
    i = report.analysis.index("能力")
    s, e = report.alignment.span(i, i + 2)
    assert report.text[s:e] == "能\n\n\n\n力"
    assert page_break_joins("短標題\n\n正文開始。") == []


def test_spaced_labels_are_closed_but_name_lists_kept():
    text = "主  席 王委員大明\n出席委員：王小明 李大華 陳志強 林美惠\n"
    dels = spaced_word_deletions(text)
    analysis, _ = apply_deletions(text, dels)
    assert analysis.startswith("主席王委員大明\n")
    assert "王小明 李大華 陳志強" in analysis


def test_the_cells_of_a_table_row_stay_apart_but_spaced_out_words_close():
    text = "王大明　台灣經濟研究院　研究員\n本計畫由國 會委員推動，台 灣經濟受益。\n"
    analysis, _ = apply_deletions(text, spaced_word_deletions(text))
    assert analysis == "王大明　台灣經濟研究院　研究員\n本計畫由國會委員推動，台灣經濟受益。\n"


def test_a_table_copied_one_cell_per_line_reads_one_row_per_line():
    text = "列席官員 |\n行政院院長 |\n王大同 |\n|\n內政部部長|\n林小華 |\n|\n會議開始。\n"
    analysis, alignment = apply_deletions(text, table_row_joins(text))
    assert analysis == "列席官員行政院院長王大同 |\n|\n內政部部長林小華 |\n|\n會議開始。\n"
    i = analysis.index("院長王")
    s, e = alignment.span(i, i + 3)
    assert text[s:e] == "院長 |\n王"
    assert table_row_joins("甲 |\n乙丙。\n|\n") == []  # a cell beside prose is no row


def test_blocks_have_kinds(tmp_path):
    text = "研討會紀實\n\n第一場次\n\n本場次由吳明哲教授主持，邀請三位與談人分享經驗。他們也討論了未來合作方向與具體作法。\n\n吳明哲教授主持會議。\n\n■\n"
    path = tmp_path / "b.txt"
    path.write_text(text, encoding="utf-8")
    kinds = [b.kind for b in ingest(path).blocks]
    assert kinds == ["title", "heading", "paragraph", "caption", "end_mark"]
