"""The incident's facts under the keys metrics read, in ``Document.fields``.

The parsers record every labelled fact as written, keyed by its label ("incident_id",
"first_detected", "severity": YAML report keys, front matter, ``**Detected:**`` bold
labels, "Key: value" lines). This adds, without removing anything:

- the canonical keys of ``rules/milestones.yaml`` (``fields``): "id", "title", "date",
  "severity", "started_at", "detected_at", "mitigated_at", "resolved_at", each pointing
  at the first field whose label is one of its names;
- milestone labels written as list items with a time and no colon ("First detected
  2022-01-22 11:57", "Resolved 2022-01-22 14:38"), read from the items' prose, or from
  the labelled timeline entries the parser made of them under a timeline heading;
- the title: the first top-level heading when no field names one.

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
# Keys whose value is a point in time: only these are read from "Label <time>" items.
TIME_KEYS = ("started_at", "detected_at", "mitigated_at", "resolved_at")
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
    for label, value in list(doc.fields.items()):
        key = labels.get(normalise_label(label))
        if key is not None and key not in doc.fields and value.value.strip():
            doc.fields[key] = value
    for prose in doc.prose:
        if prose.kind == "list-item":
            _time_label(doc, prose, labels)
    for entry in doc.timeline:
        # Under a timeline heading ("Key events") the parser already split "Repaired 13:59"
        # into its label (the entry's text) and its time.
        if entry.labelled and entry.time is not None:
            key = labels.get(normalise_label(entry.text))
            if key in TIME_KEYS and key not in doc.fields:
                doc.fields[key] = entry.time
    if "title" not in doc.fields:
        top = next((s for s in doc.sections if s.level == 1 and s.title.strip()), None)
        if top is not None and doc.format == "markdown":
            doc.fields["title"] = Field(top.title, top.start, top.end)
    return doc


def _time_label(doc: Document, prose: Prose, labels: dict[str, str]) -> None:
    """ "First detected 2022-01-22 11:57": a milestone label, then a time, nothing else."""
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
        if key not in doc.fields:
            s, e = prose.original_span(at, at + ts.end)
            doc.fields[key] = Field(prose.text[at:at + ts.end], s, e)
        return


def _word_end(text: str, n: int) -> int:
    """Where the ``n``-th whitespace-separated word of ``text`` ends."""
    pos = 0
    for _ in range(n):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        while pos < len(text) and not text[pos].isspace():
            pos += 1
    return pos
