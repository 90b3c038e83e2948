"""Labelled facts of a Markdown postmortem, for ``Document.fields``.

Front matter keys (``severity: SEV2``) and bold labels that open a line of a paragraph
or bullet ("**Detected:** 2024-03-11 08:20", "- **Severity**: SEV2"). A bold label with
nothing after it is a pseudo-heading, not a field. Keys are lower case with "_" for
spaces ("time_to_detect"); the first value written for a key wins.
"""
from __future__ import annotations

import re

import yaml

from .md_inline import InlineMarks
from .model import Document, Field, Prose

_LABEL = re.compile(r"(?P<k>[A-Za-z][\w /&().'-]{0,40}?)\s{0,2}:[ \t]{0,3}(?P<v>[^\s][^\n]{0,300})")
_KEY_CHARS = re.compile(r"[^a-z0-9]+")


def field_key(label: str) -> str:
    return _KEY_CHARS.sub("_", label.lower()).strip("_")


def record_bold_labels(doc: Document, prose: Prose, marks: InlineMarks) -> None:
    for at in marks.bold_line_starts:
        m = _LABEL.match(prose.text, at)
        if m is None:
            continue
        key = field_key(m.group("k"))
        value = m.group("v").rstrip()
        if not key or not value or key in doc.fields:
            continue
        start = m.start("v")
        s, e = prose.original_span(start, start + len(value))
        doc.fields[key] = Field(value, s, e)


def record_front_matter(doc: Document, text: str, start: int, end: int) -> None:
    """Scalar keys of YAML front matter at ``text[start:end]`` (the fences excluded)."""
    try:
        root = yaml.compose(text[start:end], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # front matter that is not YAML (TOML, or broken) gives no fields; it is still not prose
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)) or not value.value.strip():
            continue
        k = field_key(key.value)
        s, e = start + value.start_mark.index, start + value.end_mark.index
        if value.style in ("'", '"'):
            s, e = s + 1, e - 1
        if k and k not in doc.fields:
            doc.fields[k] = Field(value.value, s, e)
