"""Putting a date and a zone on every timeline time.

A timeline writes "08:02" and means a day the document says elsewhere: on the entry
itself ("2024-03-02 08:02"), on a date line or heading above it (``TimelineEntry.day``),
on an earlier entry, in a field (``date``, ``started_at``), in the title or in the file
name. An entry whose clock goes back by more than :data:`ROLLOVER_MINUTES` on the same
day has crossed midnight. Zones come from the time itself ("14:05 PST"), the entry's
note (``TimelineEntry.timezone``) or the document's note, and are turned into UTC
offsets by ``rules/milestones.yaml`` so that minutes between two times are right.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..document.incident_fields import incident_field
from ..document.model import Document, Field, TimelineEntry
from ..document.timestamps import find_timestamp
from ..rules import load_rule_file
from .stated_day import stated_day

_TIME_LIKE = re.compile(r"\s{0,3}[\[(]?(\d{1,4}[:.h]\w{1,6}(?::\w{1,4})?)[\])]?(?=\s|$)")
_IMPOSSIBLE_YEAR = re.compile(r"(?<!\d)\d{5,}-\d{1,2}-\d{1,2}(?!\d)")
ROLLOVER_MINUTES = 360  # a clock going back further than this on one day has crossed midnight
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WORDS = re.compile(r"[A-Za-z]{1,5}")


@functools.lru_cache(maxsize=1)
def zone_offsets() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in load_rule_file("milestones")["timezones"].items()}


def zone_in(text: str | None) -> str | None:
    """The first zone name written in ``text`` ("14:05 PST" -> "PST")."""
    if not text:
        return None
    zones = zone_offsets()
    for m in _WORDS.finditer(text):
        word = m.group()
        if word.lower() in zones and (word.isupper() or word.lower() == "utc"):
            return word.upper()
    return None


@dataclass(frozen=True)
class Moment:
    """A resolved point in time of one document."""

    minutes: int  # minutes since midnight
    date: dt.date | None  # None when the document never gives a day
    day_offset: int = 0  # days after the first entry, when ``date`` is None
    zone: str | None = None
    relative: bool = False  # "T+12m": minutes after the start, not a clock time

    @property
    def absolute(self) -> float:
        """Minutes on one axis for the document (UTC when the zone is known)."""
        day = self.date.toordinal() if self.date is not None else self.day_offset
        offset = zone_offsets().get((self.zone or "").lower(), 0)
        return day * 1440 + self.minutes - offset

    def iso(self) -> str:
        if self.relative:
            return f"T+{self.minutes}m"
        clock = f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"
        if self.date is not None:
            return f"{self.date.isoformat()}T{clock}"
        return clock if not self.day_offset else f"{clock} (+{self.day_offset}d)"


def parse_day(value: str | None) -> dt.date | None:
    """A full date written in a field or a title ("2024-03-11", "March 11th, 2024")."""
    if not value:
        return None
    ts = find_timestamp(value)
    if ts is None or ts.date is None or not ts.date[0]:
        return None
    return _date(ts.date)


def _date(parts: tuple[int, int, int], year: int | None = None) -> dt.date | None:
    y, m, d = parts
    try:
        y = y or year or 0
        return dt.date(y + 2000 if 0 < y < 100 else y, m, d) if y else None
    except ValueError:
        return None


def document_day(doc: Document, path: str | None) -> dt.date | None:
    """The incident's day: a date field, a start field, the day the text states, the title,
    then the file name."""
    for key in ("date", "started_at", "detected_at", "resolved_at"):
        f = incident_field(doc, key)
        day = parse_day(f.value) if f else None
        if day is not None:
            return day
    title = incident_field(doc, "title")
    day = parse_day(title.value) if title else None
    if day is None and path:
        m = _ISO_DAY.search(path.rsplit("/", 1)[-1])
        if m:
            day = _date((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return stated_day(doc, day) or day


@dataclass(frozen=True)
class TimedEntry:
    """A timeline entry with its resolved time (None when it has none) and its line."""

    entry: TimelineEntry
    line: int
    moment: Moment | None
    problem: str | None = None  # why a written time could not be read
    note: str | None = None  # how a written time was repaired to be read (a year typo)


def moment_of(value: Field | str, fallback_day: dt.date | None, zone: str | None = None) -> Moment | None:
    """A field's value ("2024-03-02 14:05 UTC") as a Moment on its own day or ``fallback_day``."""
    text = value.value if isinstance(value, Field) else value
    ts = find_timestamp(text)
    if ts is None or ts.minutes is None:
        return None
    day = _date(ts.date, fallback_day.year if fallback_day else None) if ts.date else fallback_day
    return Moment(ts.minutes, day, zone=zone_in(text) or zone)


def _trailing_date(raw: str) -> tuple[int, int, int] | None:
    """The date in "14:10 PM PST Friday Mar 12th" (the timestamp spans it but keeps no date)."""
    for m in re.finditer(r"\s", raw):
        t = find_timestamp(raw[m.end():])
        if t is not None and t.date is not None and t.minutes is None:
            return t.date
    return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def written_years(doc: Document, path: str | None) -> frozenset[int]:
    """The years the document's prose, headings and file name write ("PM2020-003",
    "March 2020"): what a five-digit year typo may be checked against."""
    texts = [p.text for p in doc.prose] + [s.title for s in doc.sections] + [path.rsplit("/", 1)[-1] if path else ""]
    return frozenset(int(m.group()) for t in texts for m in _YEAR.finditer(t))


def _repaired_year(raw: str, years: frozenset[int]) -> tuple[str, str] | None:
    """ "20202-01-16 12:00" with 2020 the one year the document names that dropping one
    digit of 20202 gives: (the repaired text, a note saying so). None when no such year,
    or more than one, is named: a guess would be worse than no time."""
    m = _IMPOSSIBLE_YEAR.search(raw)
    if m is None:
        return None
    typo = m.group().split("-", 1)[0]
    fits = {int(typo[:i] + typo[i + 1:]) for i in range(len(typo))} & years if len(typo) == 5 else set()
    if len(fits) != 1:
        return None
    year = fits.pop()
    fixed = raw[:m.start()] + str(year) + raw[m.start() + len(typo):]
    return fixed, f"the year {typo} read as {year}, the only year one digit shorter that the document names"


def resolve_timeline(doc: Document, line_of, day: dt.date | None, zone: str | None,
                     path: str | None = None) -> list[TimedEntry]:
    """Every timeline entry with its Moment, dates carried down and midnights crossed."""
    out: list[TimedEntry] = []
    years: frozenset[int] | None = None
    current = day
    offset = 0
    last: Moment | None = None
    # A written day that crossed midnight without saying so ("[03-26 23:04]" then
    # "[03-26 02:50]") means the next day from then on.
    remap: dict[dt.date, dt.date] = {}
    for entry in doc.timeline:
        line = line_of(entry.start)
        raw = entry.time.value if entry.time is not None else ""
        note = None
        if _IMPOSSIBLE_YEAR.search(raw):
            # "20202-01-16 12:00": the timestamp parser would read "01-16 12:00" out of it.
            years = written_years(doc, path) if years is None else years
            repaired = _repaired_year(raw, years)
            if repaired is None:
                out.append(TimedEntry(entry, line, None, f"impossible date in {raw.strip()!r}"))
                continue
            raw, note = repaired
        ts = find_timestamp(raw) if raw.strip() else None
        if ts is None:
            # A free-text entry starting with what was meant as a time ("9:7x Consumers
            # restarted") has no time field, but its writer wants to hear about it.
            looks = _TIME_LIKE.match(entry.text) if entry.time is None and not entry.structured else None
            shown = raw.strip() or (looks.group(1) if looks else "")
            problem = f"unreadable time {shown!r}" if shown else None
            out.append(TimedEntry(entry, line, None, problem))
            continue
        if ts.relative is not None:
            out.append(TimedEntry(entry, line, Moment(int(round(ts.relative)), None, relative=True)))
            continue
        year = current.year if current else (day.year if day else None)
        if ts.date is None:
            # "14:10 PM PST Friday Mar 12th": the day written after the clock time.
            written_day = _trailing_date(raw[:200])
            if written_day is not None:
                ts = dataclasses.replace(ts, date=written_day)
        if ts.date is not None:
            written = _date(ts.date, year)
            if written is None and ts.date[0] == 0 and year is None:
                written = None  # a month and day with no year anywhere: keep the carried day
            elif written is None:
                out.append(TimedEntry(entry, line, None, f"impossible date in {raw.strip()!r}"))
                continue
            if written is not None:
                current, offset = remap.get(written, written), 0
        elif entry.day is not None:
            carried = _date(entry.day, year)
            if carried is not None and carried != current:
                current, offset = carried, 0
        if ts.minutes is None:
            out.append(TimedEntry(entry, line, None))  # a date alone: no clock time to measure from
            continue
        # "09:05 EDT (13:05 UTC)": the zone of the first time, not of the one in parentheses.
        moment = Moment(ts.minutes, current, offset, zone_in(raw.split("(")[0]) or entry.timezone or zone)
        if last is not None and moment.date == last.date and moment.day_offset == last.day_offset \
                and moment.absolute < last.absolute - ROLLOVER_MINUTES:
            if current is not None:
                remap[current] = current + dt.timedelta(days=1)
                current = remap[current]
            else:
                offset += 1
            moment = Moment(ts.minutes, current, offset, moment.zone)
        last = moment
        out.append(TimedEntry(entry, line, moment, None, note))
    return out

