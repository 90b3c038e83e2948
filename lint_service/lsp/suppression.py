"""Writing a suppression comment for one finding, in the document's own syntax.

Markdown takes ``<!-- blamelint-disable-next-line RULE -->`` on a line of its own;
YAML and plain text take ``# blamelint: disable=RULE``, alone above the line or at its
end (SPEC.md). Where a comment goes is decided by the document parser, not guessed:
each candidate edit is parsed again and kept only if the parser reads a suppression
covering the finding's line and the document's prose, timeline, action items and
sections are what they were (a comment inside a table, a YAML block scalar or an
indented code block would change them, or would not be a comment at all).
"""
from __future__ import annotations

from ..document import Document, YamlReportError, parse_document
from ..findings import Finding
from .positions import PositionMap


def disable_insertion(text: str, fmt: str, finding: Finding, positions: PositionMap) -> tuple[int, str] | None:
    """``(offset, text to insert)`` silencing ``finding.rule`` on its line, or None when
    the syntax has no place for a comment there."""
    try:
        before = parse_document(text, fmt)
    except (ValueError, YamlReportError):
        return None
    line = positions.line_of(finding.start)
    start, end = positions.line_span(line)
    eol = text[end:positions.line_end_with_eol(line)] or ("\r\n" if "\r\n" in text else "\n")
    content = text[start:end]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    rule = finding.rule
    if fmt == "markdown":
        candidates = [(start, f"{indent}<!-- blamelint-disable-next-line {rule} -->{eol}", line + 2)]
    else:
        candidates = [(start, f"{indent}# blamelint: disable={rule}{eol}", line + 2),
                      (end, f"  # blamelint: disable={rule}", line + 1)]
    for at, insert, target_line in candidates:
        if _silences(text[:at] + insert + text[at:], fmt, rule, target_line, before):
            return at, insert
    return None


def _silences(new_text: str, fmt: str, rule: str, line: int, before: Document) -> bool:
    try:
        after = parse_document(new_text, fmt)
    except (ValueError, YamlReportError):
        return False
    if not any(s.covers(rule, line) for s in after.suppressions):
        return False
    return _shape(after) == _shape(before)


def _shape(doc: Document) -> tuple:
    words = " ".join(" ".join(p.text for p in doc.prose).split())
    return words, len(doc.timeline), len(doc.action_items), [s.title for s in doc.sections]
