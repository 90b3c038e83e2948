"""Owners and deadlines written inside action items' free text.

"(owner: @ayesha, due 2024-03-15)", "Owner - platform team", "@sre-oncall",
"assigned to Mia", "[MK]" initials, "Add a probe : Mia K write story",
"by 2024-05-01", "due end of Q2", "ETA: next sprint", "Q4 2025", "March 2026".
Patterns are bounded so a long line costs linear time.
"""
from __future__ import annotations

import functools
import re

from ..rules import load_rule_file
from .item_forms import forms
from .md_inline import CODE_PLACEHOLDER
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
# A period that is a deadline without a keyword: "Q4 2025", "Q1-Q2 2026", "H2 2025", "March 2026",
# "FY25 Q3" (in an item, a heading over items, or a parent bullet).
_PERIOD = re.compile(
    r"(?<![\w-])(?:(?:q[1-4]|h[12])(?:\s{0,2}[-–/]\s{0,2}(?:q[1-4]|h[12]))?\s{0,2}(?:fy\s{0,2})?(?:20)?\d{2}"
    r"|fy\s{0,2}\d{2,4}\s{0,2}(?:q[1-4]|h[12])|" + _MONTH + r"\s{1,2}(?:20\d{2})|\d{4}-\d{1,2}-\d{1,2})(?![\w-])",
    re.IGNORECASE,
)
# "[DB]", "[IBG]", "[CF to write story]": bracketed initials, upper case.
_INITIALS = re.compile(r"\[(?P<v>[A-Z]{2,4})(?:\s{1,3}to\s{1,3}[^\]\n]{1,40})?\]")
# "Write load tests : Dana K open ticket", "Add a probe - Platform team": a name
# (capitalised words, then perhaps an owner noun or an action) after a spaced separator.
_TRAILER = re.compile(
    r"\s(?:[:|]|[-–—])\s{1,3}(?P<v>[A-Z][\w'.]{0,30}(?:\s[A-Z][\w'.]{0,30}){0,2})"
    r"(?:\s{1,3}(?P<rest>[a-z][^\n:]{0,80}?))?\s{0,3}[.]?$"
)
_DATE_ONLY = re.compile(_DATE, re.IGNORECASE)
# "Leads to review token usage", "Mia K to write the runbook": who, then "to" and the action.
_LEADING_OWNER = re.compile(r"(?P<v>[A-Z][\w'.-]{1,30}(?:\s[A-Z][\w'.-]{0,30}){0,2}(?:\s(?P<noun>[a-z-]{2,12}))?)"
                            r"\s{1,3}to\s{1,3}(?P<verb>[a-z]{2,20})\b")


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(load_rule_file("actions")["verbs"])


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


def _not_owner_word(value: str) -> bool:
    v = value.lower()
    f = forms()
    return v in f.done_words or v in f.open_words or v in f.priority_words or v in MISSING_VALUES \
        or _DATE_ONLY.fullmatch(value) is not None or re.fullmatch(r"(?i:p[0-4]|sev\d)", value) is not None


def _trailer_owner(prose: Prose, line: str) -> Field | None:
    m = _TRAILER.search(line)
    if m is None or _not_owner_word(m.group("v").split()[0]):
        return None
    if CODE_PLACEHOLDER in m.group("v").split():
        return None  # inline code stands there, not a name
    rest = (m.group("rest") or "").split()
    if not rest:
        return _field(prose, m.start("v"), m.end("v"))
    if rest[0] in forms().owner_nouns:  # "Platform team"
        return _field(prose, m.start("v"), m.start("rest") + len(rest[0]))
    action = rest[1] if rest[0] == "to" and len(rest) > 1 else rest[0]
    if action in _verbs():  # "Dana K open ticket", "DK to write ticket"
        return _field(prose, m.start("v"), m.end("v"))
    return None


def find_owner(prose: Prose) -> Field | None:
    """The owner written in an action item's text: an ``owner:`` field, an @handle,
    bracketed initials or a name after the item ("... : Mia K write story")."""
    text = prose.text[:2000]
    m = _OWNER_KEY.search(text)
    if m:
        return _field(prose, m.start("v"), m.end("v"))
    m = _HANDLE.search(text)
    if m:
        return _field(prose, m.start(), m.end())
    for m in _INITIALS.finditer(text):
        if not _not_owner_word(m.group("v")) and m.group("v") != CODE_PLACEHOLDER:
            return _field(prose, m.start("v"), m.end("v"))
    m = _LEADING_OWNER.match(text)
    if m and m.group("verb") in _verbs() and not starts_with_action(m.group("v")) \
            and CODE_PLACEHOLDER not in m.group("v").split() and (m.group("noun") in (None, *forms().owner_nouns)):
        return _field(prose, m.start("v"), m.end("v"))
    return _trailer_owner(prose, text.split("\n", 1)[0])


def find_deadline(prose: Prose) -> Field | None:
    """The due date written in an action item's text ("due 2024-03-15", "by end of Q2")."""
    text = prose.text[:2000]
    m = _DEADLINE_KEY.search(text) or _BARE_DATE.search(text) or _PERIOD.search(text)
    if m:
        g = "v" if "v" in m.re.groupindex else 0
        return _field(prose, m.start(g), m.end(g))
    m = _DEADLINE_EMPTY.search(text)
    if m:
        return _field(prose, m.start("v"), m.end("v"))
    return None


def find_labelled(prose: Prose) -> tuple[Field | None, Field | None]:
    """Owner and deadline written with their labels ("Owner: Mia", "due 2024-05-01") in a
    detail of an item (a sub-bullet, a later paragraph), where a bare name or date is not one."""
    text = prose.text[:2000]
    o = _OWNER_KEY.search(text)
    d = _DEADLINE_KEY.search(text)
    return (_field(prose, o.start("v"), o.end("v")) if o else None,
            _field(prose, d.start("v"), d.end("v")) if d else None)


def find_period(prose: Prose) -> Field | None:
    """A deadline a heading or a parent bullet gives the items under it
    ("Later (Q3 2024 - Q2 2025)", "By end of March:", "2024-06-30")."""
    text = prose.text[:400]
    m = _DEADLINE_KEY.search(text)
    if m:
        return _field(prose, m.start("v"), m.end("v"))
    m = _PERIOD.search(text)
    if m:
        return _field(prose, m.start(), m.end())
    return None


_FIRST = re.compile(r"[A-Za-z][A-Za-z'-]{0,40}")


def starts_with_action(text: str) -> bool:
    """The text opens with a verb of the action lexicon ("Add ...", "Document ...", "Testing ...")."""
    m = _FIRST.match(text.lstrip(" *_[(#"))
    if not m:
        return False
    w = m.group().lower()
    verbs = _verbs()
    return any(form in verbs for form in (w, w.rstrip("s"), w[:-1] if w.endswith("es") else w,
                                           w[:-3] if w.endswith("ing") else w, w[:-3] + "e" if w.endswith("ing") else w))


def is_group_label(prose: Prose) -> bool:
    """A bullet that names a group of items rather than being one ("Short term:", "Q3 2025")."""
    text = prose.text.strip()
    if not text or "\n" in text or starts_with_action(text):
        return False
    return text.endswith(":") or find_period(prose) is not None and len(text.split()) <= 6
