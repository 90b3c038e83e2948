"""Document parsers: turn Markdown, plain text or a YAML report into a Document."""
from __future__ import annotations

from .model import ActionItem, Document, Field, Prose, Section, Suppression, TimelineEntry
from .plaintext import parse_text

FORMATS = ("markdown", "text", "yaml")


def parse_document(text: str, format: str | None = None) -> Document:
    """Parse ``text`` in ``format`` (detected when None)."""
    if format is None:
        format = "text"
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    return parse_text(text)


__all__ = [
    "ActionItem", "Document", "Field", "Prose", "Section", "Suppression", "TimelineEntry",
    "FORMATS", "parse_document",
]
