"""Owners and deadlines written inside action items' free text.

"(owner: @ayesha, due 2024-03-15)", "Owner - platform team", "@sre-oncall",
"assigned to Mia", "by 2024-05-01", "due end of Q2", "ETA: next sprint".
Patterns are bounded so a long line costs linear time.
"""
from __future__ import annotations

import re

from .model import Field, Prose

MISSING_VALUES = frozenset({"", "tbd", "tba", "tbc", "?", "??", "???", "none", "n/a", "na", "-", "--", "—",
                            "nobody", "no one", "unassigned", "unknown", "todo", "null", "nil", "pending"})

_VALUE = r"(?P<v>[^,;()\n|]{0,60}?)\s{0,3}(?=$|[,;()\n|]|\s(?:due|by|deadline|eta)\b)"
_OWNER_KEY = re.compile(
    r"\b(?:owners?|assignees?|assigned\s{1,3}to|responsible(?:\s{1,3}party)?|dri|poc|who)\s{0,3}(?:[:=\-–—]\s{0,3}|(?<=to)\s{1,3})" + _VALUE,
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9][\w.\-/]{0,60}")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|" + _MONTH + r"\s{1,2}\d{1,2}(?:st|nd|rd|th)?(?:,?\s{1,2}\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s{1,2}" + _MONTH + r"(?:\s{1,2}\d{4})?"
    r"|(?:end\s{1,3}of\s{1,3}(?:the\s{1,3})?|eo)(?:day|week|month|quarter|sprint|year|q[1-4]|[dwmqy])\b(?:\s{0,2}\d{4})?"
    r"|q[1-4](?:\s{0,2}(?:fy)?\d{2,4})?|h[12]\s{0,2}\d{4}|(?:next|this)\s{1,3}(?:week|sprint|month|quarter|release)"
    r"|sprint\s{0,2}\d{1,4}|tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
_DEADLINE_KEY = re.compile(
    r"\b(?:due(?:\s{1,3}(?:date|by|on))?|deadline|eta|target(?:\s{1,3}date)?|by|before|until|no\s{1,3}later\s{1,3}than)\s{0,3}[:=\-–—]?\s{0,3}(?P<v>" + _DATE + r")",
    re.IGNORECASE,
)
_DEADLINE_EMPTY = re.compile(r"\b(?:due(?:\s{1,3}date)?|deadline|eta)\s{0,3}[:=]\s{0,3}(?P<v>tbd|tba|\?{1,3}|none|n/a|)(?=\s{0,3}(?:$|[,;)\n]))", re.IGNORECASE)
_BARE_DATE = re.compile(r"(?<![\w-])\d{4}-\d{1,2}-\d{1,2}(?![\w-])")


def is_missing(value: Field | None) -> bool:
    """An owner or deadline that is absent, empty, TBD, "?", "none"..."""
    if value is None:
        return True
    return value.value.strip().strip("*_`").strip().lower() in MISSING_VALUES


def _field(prose: Prose, start: int, end: int) -> Field:
    if end <= start:
        o = prose.offsets[start] if start < len(prose.offsets) else (prose.offsets[-1] + 1 if prose.offsets else 0)
        return Field(prose.text[start:end], o, o)
    s, e = prose.original_span(start, end)
    return Field(prose.text[start:end], s, e)


def find_owner(prose: Prose) -> Field | None:
    """The owner written in an action item's text: an ``owner:`` field or an @handle."""
    text = prose.text[:2000]
    m = _OWNER_KEY.search(text)
    if m:
        return _field(prose, m.start("v"), m.end("v"))
    m = _HANDLE.search(text)
    if m:
        return _field(prose, m.start(), m.end())
    return None


def find_deadline(prose: Prose) -> Field | None:
    """The due date written in an action item's text ("due 2024-03-15", "by end of Q2")."""
    text = prose.text[:2000]
    m = _DEADLINE_KEY.search(text) or _BARE_DATE.search(text)
    if m:
        g = "v" if "v" in m.re.groupindex else 0
        return _field(prose, m.start(g), m.end(g))
    m = _DEADLINE_EMPTY.search(text)
    if m:
        return _field(prose, m.start("v"), m.end("v"))
    return None
