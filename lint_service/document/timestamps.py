"""Recognising the times people write in postmortem timelines.

``leading_timestamp(text)`` finds a timestamp at the start of a timeline entry
("08:02", "8:20 AM", "[09:15]", "2024-03-02T14:05Z", "Mar 2, 10:40", "T+12m",
"14:20-14:35", "09:05 EDT (13:05 UTC)", ...) and returns where it ends, so the
parser can cut it (and the separator after it) off the entry's prose.
``find_timestamp(text)`` looks anywhere in a dedicated time field (a table
cell or YAML ``time:`` value), where a stray typo such as "20202-01-16 12:00"
must not hide a perfectly readable time.

Every pattern uses bounded repetition only, and matching is anchored (or
scans with a bounded pattern per position), so a 100 KB line costs linear
time: no nested unbounded quantifiers anywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_ORD = r"(?:st|nd|rd|th)?"
# Time zones: "UTC", "GMT+2", "PST", "CEST", "Z"; the generic form is upper case
# only, so words such as "First" or "at" after a time are never taken for a zone.
_TZ = r"(?:(?i:utc|gmt)|(?-i:Z|[A-Z]{1,4}T))(?:\s?[+-]\d{1,2}(?::?\d{2})?)?"
_AMPM = r"(?:[ap]\.?m\.?)"


def _clock(p: str) -> str:
    """One clock time ("8:02", "14:17 PM PST", "2pm", "23.15"); group names prefixed ``p``."""
    return (
        rf"(?P<{p}h>[01]?\d|2[0-4])(?:[:.](?P<{p}m>[0-5]\d)(?::[0-5]\d(?:\.\d{{1,9}})?)?"
        rf"(?:\s{{0,2}}(?P<{p}ap>{_AMPM}))?|\s{{0,2}}(?P<{p}ap2>{_AMPM})(?![a-z]))"
        rf"(?:\s{{0,2}}(?P<{p}tz>{_TZ})(?![a-z]))?"
    )


# Military time "0730" / "0730Z" / "0730 hrs": four digits that are a valid time.
def _military(p: str) -> str:
    return rf"(?P<{p}mil>(?:[01]\d|2[0-3])[0-5]\d)(?:\s{{0,2}}(?:hrs?\b|h\b|(?-i:Z|UTC|GMT|[A-Z]{{1,4}}T))(?![a-z]))?"

_ISO_DATE = r"(?P<y>\d{4})-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)"
# "11-03-2022", "03/11/2022", or "12-05" when a clock time follows ("[12-05 16:21]").
_NUM_DATE = r"(?P<n1>\d{1,2})(?:[/.-](?P<n2>\d{1,2})[/.-](?P<n3>\d{4}|\d{2}(?!\d))|[/-](?P<n4>\d{1,2})(?=\s{1,3}\d{1,2}:\d{2}))"
_NAMED_DATE = (
    r"(?:(?P<md1>[0-3]?\d)" + _ORD + r"\s{1,2}(?P<mn1>" + _MONTH + r")|(?P<mn2>" + _MONTH + r")\s{1,2}(?P<md2>[0-3]?\d)" + _ORD + r"(?![\d:]))"
    r"(?:,?\s{1,2}(?P<ny>\d{4})(?![\d:]))?"
)
_DATE = r"(?:" + _WEEKDAY + r",?\s{1,2})?(?:" + _ISO_DATE + r"|" + _NAMED_DATE + r"|" + _NUM_DATE + r")"

_RELATIVE = r"(?P<rel>[tTdD]\s?[+-]\s?(?P<rn>\d{1,4}(?:\.\d{1,2})?)\s?(?P<ru>s|secs?|m|mins?|minutes?|h|hrs?|hours?|d|days?)?(?:\s?\d{1,3}\s?(?:m|mins?|s))?)(?![a-z])"

def _range_tail(p: str) -> str:
    """The end of a range ("14:20-14:35", "17:15 - 23:00", "14:20 to ?")."""
    return r"(?:\s{0,2}(?:-|–|—|to|until)\s{0,2}(?:" + _clock(p) + r"|\?{1,3}|now|ongoing))?"


def _alt_time(p: str) -> str:
    """The same time in another zone, in parentheses ("09:05 EDT (13:05 UTC)")."""
    return r"(?:\s{0,2}\((?:" + _clock(p) + r")\))?"
_TRAILING_DAY = r"(?:,?\s{1,2}" + _WEEKDAY + r"(?![a-z]))?(?:,?\s{1,2}(?:" + _MONTH + r"\s{1,2}[0-3]?\d" + _ORD + r"|[0-3]?\d" + _ORD + r"\s{1,2}" + _MONTH + r")(?:,?\s{1,2}\d{4})?(?![a-z]))?"

_APPROX = r"(?:(?:~|≈|approx\.?|approximately|about|around|circa|ca\.|c\.)\s{0,2})?"

# Date, then optionally a time ("2024-03-02 14:05", "2024-03-02T14:05Z", "Mar 2, 10:40").
_DATE_TIME = (
    _DATE + r"(?:(?:t|,?\s{1,3}(?:at\s{1,2})?|\s{0,2}[-@]\s{0,2})(?:" + _clock("") + r"|" + _military("") + r"|--:--))?"
)
# Time, then optionally a date or weekday ("11:20 AM PST Friday Mar 12th").
_TIME_DATE = r"(?:" + _clock("t") + r"|" + _military("t") + r")"

_OPEN = r"(?P<open>[\[(])?"
_STAMP = (
    _OPEN + r"\s{0,2}" + _APPROX
    + r"(?:" + _RELATIVE + r"|" + _DATE_TIME + _range_tail("de") + _alt_time("dx") + r"|" + _TIME_DATE + _range_tail("te") + _alt_time("tx") + _TRAILING_DAY + r")"
    + r"\s{0,2}(?P<close>[\])])?"
)
# What may follow a timestamp: the end, a separator, or a word (but not a digit,
# a unit or a percent sign: "3,000 messages" and "2.5 GB" are not times).
_AFTER = r"(?![.,]\d)(?=$|[\s:,;|\-–—.)\]*_]|[^\w%])"
_LEADING = re.compile(_STAMP + _AFTER, re.IGNORECASE)
_SEPARATOR = re.compile(r"\s{0,3}(?:[:|\-–—,]{1,2}|\.(?=\s))?\s{0,3}")
# Units after a number mean it is a quantity, not a time ("2.5 GB", "1500 requests").
_UNITS_AFTER = re.compile(r"(?:\s{0,2}(?:%|[kmgt]i?b\b|ms\b)|x\b)", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"\s{0,2}(?:messages?|requests?|users?|errors?|times|customers?|nodes?|pods?|hosts?|items?|rows?|events?|tickets?)\b", re.IGNORECASE)


# A year after a quarter, half, fiscal year or month ("Q2 2024", "FY 2023", "June 2024") is
# no military time 20:24.
_PERIOD_BEFORE = re.compile(r"(?:\b(?:q[1-4]|h[12]|fy)|\b" + _MONTH + r")\s{1,2}$", re.IGNORECASE)


def _is_quantity(text: str, m: re.Match[str]) -> bool:
    if _UNITS_AFTER.match(text, m.end()):
        return True
    if (m.group("mil") or m.group("tmil")) and _PERIOD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return True
    # A bare number ("1500 requests") is a count; "15:00 requests spike" is a time.
    return ":" not in m.group() and _COUNT_AFTER.match(text, m.end()) is not None


@dataclass(frozen=True)
class Timestamp:
    """A recognised timestamp: where it is and what it means (for ordering)."""

    start: int
    end: int
    minutes: int | None = None  # minutes since midnight, when a clock time is given
    date: tuple[int, int, int] | None = None  # (year or 0, month, day) when a date is given
    relative: float | None = None  # minutes after the incident start for "T+12m"
    timezone: str | None = None  # the zone written with it ("14:05 UTC", "0730Z"), upper case

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


def _minutes(m: re.Match[str], p: str = "") -> int | None:
    if m.group(p + "h") is not None:
        hour = int(m.group(p + "h"))
        minute = int(m.group(p + "m") or 0)
        ap = (m.group(p + "ap") or m.group(p + "ap2") or "").lower().replace(".", "")
        # "13:55 PM" (seen in real timelines) is a 24-hour time with a stray PM.
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour == 24:
            hour = 0
        return hour * 60 + minute
    if m.group(p + "mil") is not None:
        v = m.group(p + "mil")
        return int(v[:2]) * 60 + int(v[2:])
    return None


def _date(m: re.Match[str]) -> tuple[int, int, int] | None:
    if m.group("y"):
        return int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    month_name = m.group("mn1") or m.group("mn2")
    if month_name:
        month = _MONTHS.get(month_name.lower().rstrip("."), 0)
        day = int(m.group("md1") or m.group("md2"))
        return int(m.group("ny") or 0), month, day
    if m.group("n1"):
        a, b = int(m.group("n1")), int(m.group("n2") or m.group("n4"))
        year = int(m.group("n3")) if m.group("n3") else 0
        # Month first unless the first number cannot be a month ("18/04/2024").
        month, day = (b, a) if a > 12 else (a, b)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return year, month, day
    return None


def _relative(m: re.Match[str]) -> float | None:
    if not m.group("rel"):
        return None
    n = float(m.group("rn"))
    unit = (m.group("ru") or "m").lower()
    scale = {"s": 1 / 60, "h": 60, "d": 1440}.get(unit[0], 1)
    sign = -1 if "-" in m.group("rel")[:3] else 1
    return sign * n * scale


def _zone(zone: str | None) -> str | None:
    if not zone:
        return None
    z = zone.upper().replace(" ", "")
    return "UTC" if z == "Z" else z


def _build(m: re.Match[str], offset: int) -> Timestamp | None:
    date = _date(m) if (m.group("y") or m.group("mn1") or m.group("mn2") or m.group("n1")) else None
    minutes = _minutes(m, "")
    if minutes is None:
        minutes = _minutes(m, "t")
    relative = _relative(m)
    if date is None and minutes is None and relative is None:
        return None
    end = m.start() + len(m.group().rstrip())
    zone = m.group("tz") or m.group("ttz")
    return Timestamp(offset + m.start(), offset + end, minutes, date, relative, _zone(zone))


def leading_timestamp(text: str, limit: int = 160) -> Timestamp | None:
    """The timestamp that starts ``text`` (after leading spaces), or None.

    Only the first ``limit`` characters are examined: a timestamp is short.
    """
    head = text[:limit]
    stripped = len(head) - len(head.lstrip())
    m = _LEADING.match(head, stripped)
    if not m or m.end() == m.start():
        return None
    if _is_quantity(head, m):
        return None
    return _build(m, 0)


def separator_end(text: str, pos: int) -> int:
    """Where the prose after a timestamp starts (skipping ":", "-", "|", spaces)."""
    m = _SEPARATOR.match(text, pos)
    return m.end() if m else pos


_ANYWHERE = re.compile(r"(?<![\w:.])" + _STAMP + _AFTER, re.IGNORECASE)


def find_timestamp(text: str, limit: int = 400) -> Timestamp | None:
    """The first timestamp anywhere in a short time field (table cell, YAML value)."""
    head = text[:limit]
    for m in _ANYWHERE.finditer(head):
        if m.end() == m.start() or _is_quantity(head, m):
            continue
        ts = _build(m, 0)
        if ts is not None:
            return ts
    return None


def is_timestamp(value: str) -> bool:
    """True when a time field holds a usable time, date-time, date or relative time."""
    return find_timestamp(value) is not None


_LABEL_WORDS = 6  # "First detected", "Customer impact began at"


def trailing_timestamp(text: str) -> Timestamp | None:
    """The timestamp that ends a short labelled line ("Repaired 2023-03-14 12:44",
    "First detected: 11:57"), or None. The label is at most a few words."""
    if len(text) > 160:
        return None
    for m in _ANYWHERE.finditer(text):
        if m.end() == m.start() or _is_quantity(text, m):
            continue
        ts = _build(m, 0)
        if ts is None or text[ts.end:].strip(" \t.;,)") or ts.start == 0:
            continue
        label = text[:ts.start].strip(" \t:-–—(")
        if label and len(label.split()) <= _LABEL_WORDS and not label.endswith((".", "!", "?")):
            return ts
    return None


def timestamps_in(text: str) -> list[Timestamp]:
    """Every timestamp in running prose ("At 14:05 UTC the probe failed; by 14:30 ..."),
    for telling a narrative told in paragraphs from a paragraph that quotes one time."""
    out = []
    for m in _ANYWHERE.finditer(text):
        if m.end() == m.start() or _is_quantity(text, m):
            continue
        ts = _build(m, 0)
        if ts is not None:
            out.append(ts)
    return out
