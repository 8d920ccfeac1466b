"""What the annotation tools edit: spans with a label and per-span attributes (shared by the formats).

A span is a `Span`: offsets into text.txt, a label, the attributes (column → value) the tool carries
with it, the text the tool showed for it (checked against text.txt on import) and where it came from
(task/document and row, for messages). PERSON/TITLE/AGENCY spans are mentions.csv rows, STAT spans
statistics.csv rows, REC spans recommendations.csv rows; their other columns are the attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

META_FORMAT = "pipeline-gold/1"
MENTION_LABELS = ("PERSON", "TITLE", "AGENCY")
SPAN_TABLES = {"STAT": "statistics", "REC": "recommendations"}  # label -> gold table of its rows
LABELS = MENTION_LABELS + tuple(SPAN_TABLES)
QUALIFIERS = ("exact", "over", "at_least", "under", "at_most", "about")
FIXED_COLUMNS = ("doc_id", "label", "start", "end", "text")  # set by the span itself, never attributes

# per-region attribute controls: column -> (labels it is shown for, Label Studio control, choices)
ATTRS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "entity": (("PERSON", "AGENCY"), "TextArea", ()),
    "value": (("STAT",), "TextArea", ()),
    "value_max": (("STAT",), "TextArea", ()),
    "qualifier": (("STAT",), "Choices", QUALIFIERS),
    "unit": (("STAT",), "TextArea", ()),
    "subject": (("STAT",), "TextArea", ()),
    "speaker": (("REC",), "TextArea", ()),
    "cue": (("REC",), "TextArea", ()),
    "optional": (("REC",), "Choices", ("1",)),
    "items": (("REC",), "TextArea", ()),
}
LS_FROM, LS_TO = "label", "text"


@dataclass
class Span:
    start: int
    end: int
    label: str
    attrs: dict[str, str] | None = None  # None: the tool carried no attributes for this span
    shown: str | None = None  # the span's text as the tool holds it
    at: str = ""  # "task 3 (doc) region s2" / "doc, label row 5"
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


def attr_columns(header: list[str]) -> list[str]:
    return [c for c in header if c not in FIXED_COLUMNS]


def label_config() -> str:
    """The Label Studio labelling config (<View>) the exporter writes and the importer reads: the
    span labels, and per label the per-region controls of its attributes, shown when such a region
    is selected (Label Studio's View visibleWhen / whenLabelValue)."""
    out = ["<View>", f'  <Labels name="{LS_FROM}" toName="{LS_TO}">']
    out += [f'    <Label value="{lab}"/>' for lab in LABELS]
    out += ["  </Labels>", f'  <Text name="{LS_TO}" value="${LS_TO}"/>']
    groups: dict[tuple[str, ...], list[str]] = {}
    for col, (labels, _, _) in ATTRS.items():
        groups.setdefault(labels, []).append(col)
    for labels, cols in groups.items():
        when = f' whenLabelValue="{labels[0]}"' if len(labels) == 1 else ""
        out.append(f'  <View visibleWhen="region-selected"{when}>')
        out.append(f'    <Header value="{"/".join(labels)}" size="5"/>')
        for col in cols:
            _, control, choices = ATTRS[col]
            common = f'name="{col}" toName="{LS_TO}" perRegion="true"'
            if control == "TextArea":
                out.append(f'    <TextArea {common} editable="true" maxSubmissions="1" rows="1" placeholder="{col}"/>')
            else:
                out.append(f'    <Header value="{col}" size="6"/>')
                out.append(f'    <Choices {common} choice="single" showInline="true">')
                out += [f'      <Choice value="{c}"/>' for c in choices]
                out.append("    </Choices>")
        out.append("  </View>")
    out.append("</View>")
    return "\n".join(out) + "\n"
