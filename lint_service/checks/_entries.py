"""Helpers shared by the document checks (not a check module: the name starts with "_")."""
from __future__ import annotations

from ..document.model import Field


def first_line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) cut at the first line break, trailing spaces dropped (never empty if avoidable)."""
    nl = text.find("\n", start, end)
    stop = nl if nl != -1 else end
    while stop > start and text[stop - 1] in " \t\r":
        stop -= 1
    return (start, stop) if stop > start else (start, max(end, start))


def field_span(text: str, f: Field | None, fallback: tuple[int, int]) -> tuple[int, int]:
    """The span of a field when it covers something, else ``fallback``."""
    if f is not None and f.end > f.start:
        return f.start, f.end
    return fallback
