"""The stages hand on their results in registered Doc extensions (doc._.link, doc._.statistics …);
the DocBin written between stages must keep every one of them."""

from pipeline.ingest import ingest
from pipeline.nlp import REPORT_EXTENSIONS, make_doc, run_components
from pipeline.stages import _load_doc, _save_doc
from pipeline.write import tables_from_doc

HANDED_ON = REPORT_EXTENSIONS + ("learned_entities", "recognition", "evidence", "link", "statistics", "sessions", "roles", "recommendations")


def test_every_hand_off_survives_the_docbin_between_stages(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("綠能發展協會理事長王建華表示，今年會員成長15%。他建議政府應加強補助。\n", encoding="utf-8")
    doc = run_components(make_doc(ingest(path)))
    assert all(getattr(doc._, name) is not None for name in HANDED_ON)
    _save_doc(doc, tmp_path / "doc.spacy")
    loaded = _load_doc(tmp_path / "doc.spacy", "write")
    assert [name for name in HANDED_ON if getattr(loaded._, name) is None] == []
    assert loaded._.doc_id == "report" and loaded._.source_text == doc._.source_text
    assert tables_from_doc(loaded) == tables_from_doc(doc)
    assert tables_from_doc(loaded)["people"][0]["name"] == "王建華"
