"""Document parsers: turn Markdown, plain text or a YAML report into a Document."""
from __future__ import annotations

from .detect import detect_format
from .incident_fields import fill_fields
from .markdown import parse_markdown
from .model import ActionItem, Document, Field, Prose, Section, Suppression, TimelineEntry
from .plaintext import parse_text
from .yaml_report import YamlReportError, parse_yaml_report

FORMATS = ("markdown", "text", "yaml")


def parse_document(text: str, format: str | None = None) -> Document:
    """Parse ``text`` in ``format`` (detected from the content when None).

    Raises ValueError for an unknown format or a YAML report that cannot be read
    (the message names line and column).
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    if format is None:
        format = detect_format(text)
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    if format == "markdown":
        doc = parse_markdown(text)
    elif format == "yaml":
        doc = parse_yaml_report(text)
    else:
        doc = parse_text(text)
    return fill_fields(doc)


__all__ = [
    "ActionItem", "Document", "Field", "Prose", "Section", "Suppression", "TimelineEntry",
    "FORMATS", "YamlReportError", "detect_format", "parse_document",
]
