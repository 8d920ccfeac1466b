"""doccano JSON lines: one line per report; spans in `label` ([start, end, LABEL]); doccano has no
span attributes, so each span's attributes ride in `meta.attributes` as rows {label, start, end,
text, <column>: value} matched to the spans by (start, end, label) on import (doccano keeps `meta`,
flattened into the record, through its own import and export)."""

from __future__ import annotations

import json
from pathlib import Path

from . import META_FORMAT, Span


def lines(recs: list[dict]) -> list[str]:
    out = []
    for r in recs:
        attributes = [{"label": sp.label, "start": sp.start, "end": sp.end, "text": r["text"][sp.start : sp.end], **sp.attrs}
                      for sp in r["spans"] if sp.attrs]
        meta = {**r["meta"], "attributes": attributes}
        out.append(json.dumps({"id": r["doc_id"], "text": r["text"], "label": [[sp.start, sp.end, sp.label] for sp in r["spans"]],
                               "meta": meta}, ensure_ascii=False))
    return out


def read(source: Path) -> list[tuple[str, str, list[Span], dict]]:
    docs = []
    for n, line in enumerate(source.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        obj = json.loads(line)
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        if not meta and obj.get("format") == META_FORMAT:  # doccano flattens meta into the record on export
            meta = obj
        text = obj["text"]
        doc_id = meta.get("doc_id") or (obj.get("id") if isinstance(obj.get("id"), str) else None)
        if not doc_id:
            raise ValueError(f"{source}, line {n}: no doc_id (meta.doc_id or a string id)")
        raw = []
        for item in obj.get("label", obj.get("labels", [])) or []:
            if isinstance(item, dict):
                item = [item.get("start_offset"), item.get("end_offset"), item.get("label")]
            raw.append((int(item[0]), int(item[1]), str(item[2])))
        for item in obj.get("entities", []) or []:  # doccano >= 1.6 export
            raw.append((int(item["start_offset"]), int(item["end_offset"]), str(item["label"])))
        attrs: dict[tuple, tuple[dict, str | None, str]] = {}
        for k, a in enumerate(meta.get("attributes") or [], start=1):
            key = (int(a["start"]), int(a["end"]), str(a["label"]))
            vals = {c: str(v) for c, v in a.items() if c not in ("label", "start", "end", "text")}
            attrs[key] = (vals, a.get("text"), f"{doc_id} (line {n}) meta.attributes row {k}")
        spans = []
        for k, (s, e, lab) in enumerate(raw, start=1):
            vals, shown, at = attrs.get((s, e, lab), (None, None, f"{doc_id} (line {n}) label row {k}"))
            spans.append(Span(s, e, lab, vals, shown, at))
        docs.append((doc_id, text, spans, meta))
    return docs
