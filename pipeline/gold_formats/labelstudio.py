"""Label Studio tasks: one task per report; every span a `labels` region; its attributes per-region
`textarea`/`choices` results with the region's id (the controls of label_config())."""

from __future__ import annotations

import json
from pathlib import Path

from . import ATTRS, LS_FROM, LS_TO, Span


def _utf16_to_cp(text: str) -> list[int]:
    """Map UTF-16 code unit offsets (what JavaScript tools count) to Python str offsets."""
    m = []
    for i, ch in enumerate(text):
        m.append(i)
        if ord(ch) > 0xFFFF:
            m.append(i)
    m.append(len(text))
    return m


def resolve(text: str, s: int, e: int, shown: str | None) -> tuple[int, int]:
    """Offsets from a tool: code points normally; UTF-16 units when only that reading matches `shown`."""
    if shown is None or text[s:e] == shown or all(ord(c) <= 0xFFFF for c in text):
        return s, e
    m = _utf16_to_cp(text)
    if s < len(m) and e < len(m) and text[m[s] : m[e]] == shown:
        return m[s], m[e]
    return s, e


def tasks(recs: list[dict]) -> list[dict]:
    out = []
    for n, r in enumerate(recs, start=1):
        result = []
        for k, sp in enumerate(r["spans"], start=1):
            rid = f"m{k}"
            pos = {"start": sp.start, "end": sp.end}
            result.append({"id": rid, "from_name": LS_FROM, "to_name": LS_TO, "type": "labels",
                           "value": {**pos, "text": r["text"][sp.start : sp.end], "labels": [sp.label]}})
            for col, val in (sp.attrs or {}).items():
                if val == "":
                    continue
                control = ATTRS.get(col, ((), "TextArea", ()))[1]
                value = {**pos, "choices": [val]} if control == "Choices" else {**pos, "text": [val]}
                result.append({"id": rid, "from_name": col, "to_name": LS_TO, "type": control.lower(), "value": value})
        out.append({"id": n, "data": {"text": r["text"], "doc_id": r["doc_id"], "meta": r["meta"]},
                    "annotations": [{"result": result}]})
    return out


def read(source: Path) -> list[tuple[str, str, list[Span], dict]]:
    tasks_ = json.loads(source.read_text(encoding="utf-8-sig"))
    if isinstance(tasks_, dict):
        tasks_ = [tasks_]
    docs = []
    for n, task in enumerate(tasks_, start=1):
        data = task.get("data", {})
        text = data[LS_TO] if LS_TO in data else data["text"]
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else (task.get("meta") or {})
        doc_id = meta.get("doc_id") or data.get("doc_id")
        if not doc_id:
            raise ValueError(f"{source}, task {n}: no doc_id (data.doc_id or data.meta.doc_id)")
        anns = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        results = anns[0].get("result", []) if anns else (task.get("predictions") or [{}])[0].get("result", [])
        attrs: dict[str, dict[str, str]] = {}
        for item in results:  # per-region attributes: textarea {"text": [..]} / choices {"choices": [..]}
            if item.get("type") in ("textarea", "choices") and item.get("id") is not None:
                v = item.get("value", {})
                vals = v.get("text") if item["type"] == "textarea" else v.get("choices")
                vals = [vals] if isinstance(vals, str) else (vals or [])
                val = "|".join(str(x) for x in vals) if item["from_name"] == "items" else (str(vals[-1]) if vals else "")
                attrs.setdefault(str(item["id"]), {})[item["from_name"]] = val.strip("\n")
        spans = []
        for item in results:
            if item.get("type") != "labels":
                continue
            v = item["value"]
            shown = v.get("text")
            s, e = resolve(text, int(v["start"]), int(v["end"]), shown)
            rid = str(item.get("id"))
            for lab in v.get("labels", []):
                spans.append(Span(s, e, str(lab), attrs.get(rid), shown, f"task {n} ({doc_id}) region {rid}"))
        docs.append((doc_id, text, spans, meta))
    return docs
