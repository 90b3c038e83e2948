"""Impact windows: the incident's span written as two times.

- a field whose value is a time range and nothing else (a key/value table row
  ``| Time | 2024-03-02 06:45 - 2024-03-03 13:00 (UTC) |``, ``**Outage window:** 14:05-14:50``)
  gives the impact start and the resolution (``source: "field"``);
- a sentence of the summary or impact section stating the span ("On 2024-03-02 between
  08:40 and 09:05 UTC every upload failed", "from 09:10 until 09:55 checkout was down")
  gives the impact start (``source: "prose"``): the document says when impact began,
  which an inferred timeline start (the first entry that names the impact, often a
  report of it) may only approximate. Its end is not taken as the resolution: such
  sentences often give the impact's end while the timeline goes on to the fix.

The connecting words live in ``rules/milestones.yaml`` (``windows``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

from ..document.incident_fields import incident_field
from ..document.model import Document
from ..document.timestamps import Timestamp, timestamps_in
from ..rules import load_rule_file
from .clock import Moment, zone_in
from .milestones import Milestone

_WORD = re.compile(r"[A-Za-z]+")
_SECTIONS = ("summary", "impact")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = load_rule_file("milestones")["windows"]
    return {k: frozenset(v) for k, v in data.items()}


def _moments(first: Timestamp, second: Timestamp, day: dt.date | None, zone: str | None) -> tuple[Moment, Moment] | None:
    """Both ends as Moments: the second takes the first's day, the next one when its clock
    goes back ("23:40 - 00:20")."""
    if first.minutes is None or second.minutes is None:
        return None
    try:
        d1 = dt.date(first.date[0] or (day.year if day else 0), first.date[1], first.date[2]) if first.date else day
        d2 = dt.date(second.date[0] or (day.year if day else 0), second.date[1], second.date[2]) if second.date else d1
    except ValueError:
        return None
    z1 = (first.timezone or second.timezone or zone)
    z2 = (second.timezone or first.timezone or zone)
    a = Moment(first.minutes, d1, zone=z1)
    b = Moment(second.minutes, d2, zone=z2)
    if second.date is None and d1 is not None and b.absolute < a.absolute:
        b = Moment(second.minutes, d1 + dt.timedelta(days=1), zone=z2)
    if d1 is None and b.absolute < a.absolute:
        b = Moment(second.minutes, None, day_offset=1, zone=z2)
    return (a, b) if b.absolute >= a.absolute else None


def field_window(doc: Document, day: dt.date | None, zone: str | None, line_of) -> tuple[Milestone, Milestone] | None:
    """(start, resolution) from a "window" field that holds a time range and nothing else."""
    f = incident_field(doc, "window")
    if f is None:
        return None
    stamps = [t for t in timestamps_in(f.value) if t.minutes is not None]
    if len(stamps) != 2:
        return None
    rest = f.value[:stamps[0].start] + " " + f.value[stamps[0].end:stamps[1].start] + " " + f.value[stamps[1].end:]
    joins = _words()["range"]
    if any(w.lower() not in joins and not zone_in(w) for w in _WORD.findall(rest)):
        return None  # "06:45, then again at 13:00 for a second run" is no range
    ends = _moments(stamps[0], stamps[1], day, zone_in(f.value) or zone)
    if ends is None:
        return None
    line = line_of(f.start)
    note = "the incident's time window"
    return (Milestone("started", ends[0], line, "field", note), Milestone("resolved", ends[1], line, "field", note))


_RANGE_MARK = re.compile(r"\s{0,2}(?:-|–|—|\bto\b|\buntil\b)\s{0,2}", re.IGNORECASE)
_DASHES = ("-", "–", "—")


def clock_times(text: str) -> list[Timestamp]:
    """Clock times of ``text``, a range read as one timestamp ("2:10pm - 4:45pm", "09:05 to
    18:10 UTC") split into its two ends."""
    out: list[Timestamp] = []
    for t in timestamps_in(text):
        if t.minutes is None:
            continue
        inner = text[t.start:t.end]
        for m in _RANGE_MARK.finditer(inner):
            tail = [x for x in timestamps_in(inner[m.end():]) if x.start == 0 and x.minutes is not None]
            if m.start() > 0 and tail:
                out += [dataclasses.replace(t, end=t.start + m.start()),
                        dataclasses.replace(tail[0], start=t.start + m.end(), end=t.end,
                                            timezone=tail[0].timezone or t.timezone)]
                break
        else:
            out.append(t)
    return out


def _opening(doc: Document, p) -> bool:
    """A paragraph before any heading of a document with no sections of its own for it: the
    document's opening, its summary in all but name."""
    return p.section is None and (not doc.sections or p.original_span(0, 1)[0] < doc.sections[0].start)


def in_summary(doc: Document, p) -> bool:
    """A paragraph of the summary or impact section, or of the opening: before any heading,
    or under the document's title when that is its only heading above it."""
    if p.section in _SECTIONS or _opening(doc, p):
        return True
    at = p.original_span(0, 1)[0]
    above = [s for s in doc.sections if s.start < at]
    return p.section is None and len(above) == 1 and above[0] is doc.sections[0] and above[0].level == 1


def prose_window(doc: Document, day: dt.date | None, zone: str | None, line_of) -> tuple[Milestone, Milestone] | None:
    """(start, end) of the impact a summary or impact sentence states as a span ("between
    T1 and T2", "from T1 until T2", "(between 2:10pm - 4:45pm)"); the first such sentence.
    The end is the resolution only in a document with no timeline, where it is all the
    document says of it."""
    words = _words()
    for p in doc.prose:
        if not in_summary(doc, p) or p.kind == "heading" or not p.text:
            continue
        stamps = clock_times(p.text)
        for first, second in zip(stamps, stamps[1:]):
            before = _WORD.findall(p.text[max(0, first.start - 12):first.start].lower())
            gap = p.text[first.end:second.start]
            between = [w for w in _WORD.findall(gap) if not zone_in(w)]
            opener = before[-1] if before else None
            if opener not in words["opening"]:
                continue
            if not between and any(d in gap for d in _DASHES):
                join = "-"  # "between 2:10pm - 4:45pm": the dash joins a range after either opener
            elif len(between) == 1 and between[0].lower() in words["range"]:
                join = between[0].lower()
                if (opener == "between") != (join == "and"):
                    continue  # "between 08:40 and 09:05", "from 09:10 until 09:55"
            else:
                continue
            dated = next((t for t in timestamps_in(p.text) if t.date is not None), None)
            on = day
            if dated is not None and dated.date is not None:
                try:
                    on = dt.date(dated.date[0] or (day.year if day else 0), dated.date[1], dated.date[2])
                except ValueError:
                    on = day
            ends = _moments(first, second, on, zone_in(p.text) or zone)
            if ends is None:
                continue
            start, _ = p.original_span(first.start, first.end)
            where = p.section or "opening paragraph"
            began = Milestone("started", ends[0], line_of(start), "prose", f"the impact window stated in the {where}")
            return began, Milestone("resolved", ends[1], line_of(start), "prose",
                                    f"the end of the impact window stated in the {where}")
    return None
