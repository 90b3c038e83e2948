"""Labelled facts about an incident, filled into ``Document.fields``.

Where they come from, by format:

- YAML report: keys of the ``incident`` mapping and top-level keys (``id``, ``title``,
  ``severity``, ``started_at``, ``detected_at``, ``mitigated_at``, ``resolved_at``, ...).
- Markdown: front matter keys; ``**Detected:** 14:05``-style bold labels; list items
  that are a milestone label followed by a time ("First detected 2022-01-22 11:57");
  the first level-1 heading as the title.

Labels are mapped to canonical keys by ``rules/milestones.yaml`` (``fields``). Every
value keeps its span in the original text. Markdown facts come from markdown-it
tokens (the block's raw inline source and line map), never from scanning the text.
"""
from __future__ import annotations

import functools
import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..rules import load_rule_file
from .markdown import _FRONT_MATTER, mask_front_matter
from .md_inline import SourceLines
from .model import Document, Field
from .timestamps import leading_timestamp

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_LABEL_SPACES = re.compile(r"[\s_\-]+")
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)(?P<label>[^*_\n]{1,40}?)\s*(?P<c1>:)?\s*(?:\*\*|__)\s*(?P<c2>:)?\s*")
# Keys whose value is a point in time: only these are read from "Label <time>" lines.
TIME_KEYS = ("started_at", "detected_at", "mitigated_at", "resolved_at")


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
    """Fill ``doc.fields`` for its format (first value found for a key wins)."""
    if doc.format == "yaml":
        _yaml_fields(doc)
    elif doc.format == "markdown":
        _front_matter_fields(doc)
        _markdown_fields(doc)
    return doc


def _put(doc: Document, label: str, value: Field) -> None:
    key = field_labels().get(normalise_label(label))
    if key is not None and value.value.strip() and key not in doc.fields:
        doc.fields[key] = value


def _scalar_field(node: yaml.ScalarNode, base: int) -> Field:
    s, e = node.start_mark.index, node.end_mark.index
    if node.style in ("'", '"'):
        s, e = s + 1, e - 1
    return Field(node.value.strip(), base + s, base + e)


def _mapping_fields(doc: Document, node: yaml.Node, base: int, nested: tuple[str, ...] = ()) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if isinstance(value, yaml.ScalarNode):
            _put(doc, key.value, _scalar_field(value, base))
        elif key.value.strip().lower() in nested:
            _mapping_fields(doc, value, base)


def _yaml_fields(doc: Document) -> None:
    try:
        root = yaml.compose(doc.text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # the report parser has already accepted it; nothing more to read
    if isinstance(root, yaml.MappingNode):
        # The incident mapping first: its "title" is the incident's, not a section's.
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value.strip().lower() == "incident":
                _mapping_fields(doc, value, 0)
        _mapping_fields(doc, root, 0)


def _front_matter_fields(doc: Document) -> None:
    m = _FRONT_MATTER.match(doc.text)
    if not m or m.group("fence") != "---":
        return
    block = m.group("fm")
    body_start = block.find("\n") + 1
    body = block[body_start:block.rstrip().rfind("\n") + 1]  # up to the closing fence
    try:
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # front matter that is not YAML is not ours to read
    _mapping_fields(doc, node, m.start("fm") + body_start, nested=("incident",))


def _markdown_fields(doc: Document) -> None:
    src = SourceLines(doc.text)
    tokens = _MD.parse(mask_front_matter(doc.text))
    title: Field | None = None
    for k, tok in enumerate(tokens):
        if tok.type != "inline" or tok.map is None:
            continue
        start = doc.text.find(tok.content, src.line_start(tok.map[0]))
        if start < 0:
            continue
        prev = tokens[k - 1] if k else None
        if prev is not None and prev.type == "heading_open":
            if title is None and prev.tag == "h1" and tok.content.strip():
                title = Field(tok.content.strip(), start, start + len(tok.content.strip()))
            continue
        _bold_label(doc, tok, start) or _time_label(doc, tok, start, _in_list_item(tokens, k))
    if title is not None and "title" not in doc.fields:
        doc.fields["title"] = title


def _in_list_item(tokens: list[Token], k: int) -> bool:
    return k >= 2 and tokens[k - 1].type == "paragraph_open" and tokens[k - 2].type == "list_item_open"


def _bold_label(doc: Document, tok: Token, start: int) -> bool:
    """``**Detected:** 14:05`` or ``**Severity**: SEV-2``, one per line of the paragraph:
    a label in bold (the inline token has strong children), then its value."""
    if not any(c.type == "strong_open" for c in tok.children or []):
        return False
    found = False
    pos = 0
    for line in tok.content.split("\n"):
        m = _BOLD_LABEL.match(line)
        if m and (m.group("c1") or m.group("c2")):
            value = line[m.end():].rstrip()
            lead = len(value) - len(value.lstrip("*_ "))
            value = value.strip("*_ ")
            if value:
                vstart = start + pos + m.end() + lead
                _put(doc, m.group("label"), Field(value, vstart, vstart + len(value)))
                found = True
        pos += len(line) + 1
    return found


def _time_label(doc: Document, tok: Token, start: int, in_list: bool) -> bool:
    """A list item that is a milestone label and a time: "First detected 2022-01-22 11:57"."""
    if not in_list or "\n" in tok.content.strip():
        return False
    text = tok.content.strip()
    labels = field_labels()
    words = text.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        label = " ".join(words[:n])
        key = labels.get(normalise_label(label))
        if key not in TIME_KEYS:
            continue
        rest_at = text.find(words[n], len(label))
        rest = text[rest_at:]
        ts = leading_timestamp(rest.lstrip(": "))
        if ts is None:
            return False
        offset = len(rest) - len(rest.lstrip(": "))
        vstart = start + rest_at + offset
        _put(doc, label, Field(rest.lstrip(": ")[:ts.end], vstart, vstart + ts.end))
        return True
    return False
