"""The incident's facts as metrics read them from ``Document.fields``.

The parsers record every labelled fact as written, keyed by its label ("incident_id",
"first_detected", "severity": YAML report keys, front matter, ``**Detected:**`` bold
labels, "Key: value" lines). This module

- adds what the parsers leave out: milestone labels written as list items with a time
  and no colon ("First detected 2023-03-14 10:42", "Resolved 2023-03-14 13:23"), read
  from the items' prose or from the labelled timeline entries the parser made of them
  under a timeline heading, and the title (the first top-level heading) when no field
  names one;
- reads the rows of two-column key/value tables ("| Detected | 10:05 |") as fields;
- answers :func:`incident_field`: the field behind a canonical key of
  ``rules/milestones.yaml`` ("id", "title", "date", "severity", "started_at",
  "detected_at", "mitigated_at", "resolved_at"), whichever of its labels the document
  used, the first one written winning.

Everything here reads the Document (fields, sections, prose with offsets), never the
raw text again.
"""
from __future__ import annotations

import functools
import re

from ..rules import load_rule_file
from .model import Document, Field, Prose
from .timestamps import leading_timestamp

_LABEL_SPACES = re.compile(r"[\s_\-]+")
_KEY_CHARS = re.compile(r"[^a-z0-9]+")
# Keys whose value is a point in time: only these are read from "Label <time>" items.
TIME_KEYS = ("started_at", "detected_at", "mitigated_at", "resolved_at")
# Keys whose value is a length of time: read from "Label: value" items ("- Time to detection:
# 64 minutes"); metrics decide whether the value is a duration.
DURATION_KEYS = ("time_to_detect", "time_to_mitigate", "time_to_resolve")
_MAX_DURATION_CHARS = 40
_MAX_LABEL_WORDS = 4


def normalise_label(label: str) -> str:
    return _LABEL_SPACES.sub(" ", label.strip().strip("*_:`").strip().lower()).strip()


@functools.lru_cache(maxsize=1)
def field_labels() -> dict[str, str]:
    """Normalised label -> canonical key, from rules/milestones.yaml."""
    labels: dict[str, str] = {}
    for key, names in load_rule_file("milestones")["fields"].items():
        labels.setdefault(normalise_label(key), key)
        for name in names:
            labels.setdefault(normalise_label(name), key)
    return labels


def fill_fields(doc: Document) -> Document:
    labels = field_labels()
    for prose in doc.prose:
        if prose.kind == "list-item":
            _time_label(doc, prose, labels)
            _duration_label(doc, prose, labels)
    _key_value_rows(doc, labels)
    for entry in doc.timeline:
        # Under a timeline heading ("Key events") the parser already split "Repaired 13:59"
        # into its label (the entry's text) and its time.
        if entry.labelled and entry.time is not None and labels.get(normalise_label(entry.text)) in TIME_KEYS:
            doc.fields.setdefault(_label_key(entry.text), entry.time)
    if "title" not in doc.fields and doc.format == "markdown":
        top = next((s for s in doc.sections if s.level == 1 and s.title.strip()), None)
        if top is not None:
            doc.fields["title"] = Field(top.title, top.start, top.end)
    return doc


def incident_field(doc: Document, key: str) -> Field | None:
    """The first field (in the text) whose label is one of ``key``'s names."""
    labels = field_labels()
    found = [f for label, f in doc.fields.items() if labels.get(normalise_label(label)) == key and f.value.strip()]
    return min(found, key=lambda f: f.start) if found else None


def _time_label(doc: Document, prose: Prose, labels: dict[str, str]) -> None:
    """ "First detected 2023-03-14 10:42": a milestone label, then a time, nothing else."""
    text = prose.text.strip()
    if "\n" in text or not text:
        return
    lead = len(prose.text) - len(prose.text.lstrip())
    words = text.split()
    for n in range(min(_MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        key = labels.get(normalise_label(" ".join(words[:n])))
        if key not in TIME_KEYS:
            continue
        at = lead + _word_end(text, n)
        while at < len(prose.text) and prose.text[at] in " :\t":
            at += 1
        ts = leading_timestamp(prose.text[at:])
        if ts is None or prose.text[at + ts.end:].strip(" .;"):
            return  # a label followed by more than a time is a sentence ("Resolved the backlog")
        name = _label_key(" ".join(words[:n]))
        if name not in doc.fields:
            s, e = prose.original_span(at, at + ts.end)
            doc.fields[name] = Field(prose.text[at:at + ts.end], s, e)
        return


def _duration_label(doc: Document, prose: Prose, labels: dict[str, str]) -> None:
    """ "Time to detection: 64 minutes": a duration label, a colon and a short value."""
    label, colon, value = prose.text.partition(":")
    if not colon or "\n" in prose.text or labels.get(normalise_label(label)) not in DURATION_KEYS:
        return
    name = _label_key(label)
    lead = len(value) - len(value.lstrip())
    if name in doc.fields or not value.strip() or len(value.strip()) > _MAX_DURATION_CHARS:
        return
    at = len(label) + 1 + lead
    s, e = prose.original_span(at, at + len(value.strip()))
    doc.fields[name] = Field(value.strip(), s, e)


def _key_value_rows(doc: Document, labels: dict[str, str]) -> None:
    """A table of two columns, label then value ("| Detected | 10:05 |", "| Time | 06:45 -
    13:00 |"): each row whose label is a known one is that field."""
    rows: dict[int, list[Prose]] = {}
    for prose in doc.prose:
        if prose.kind == "table-cell":
            start, _ = prose.original_span(0, 0)
            rows.setdefault(doc.text.count("\n", 0, start), []).append(prose)
    for cells in rows.values():
        if len(cells) != 2 or not cells[1].text.strip():
            continue
        label, value = cells
        if labels.get(normalise_label(label.text)) is None:
            continue
        lead = len(value.text) - len(value.text.lstrip())
        s, e = value.original_span(lead, len(value.text.rstrip()))
        doc.fields.setdefault(_label_key(label.text), Field(value.text.strip(), s, e))


def _label_key(label: str) -> str:
    """A label as the parsers key it ("First detected" -> "first_detected")."""
    return _KEY_CHARS.sub("_", label.lower()).strip("_")


def _word_end(text: str, n: int) -> int:
    """Where the ``n``-th whitespace-separated word of ``text`` ends."""
    pos = 0
    for _ in range(n):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        while pos < len(text) and not text[pos].isspace():
            pos += 1
    return pos
