"""timeline.missing-timestamp and timeline.out-of-order."""
from __future__ import annotations

import re
from typing import Iterable

from ..document.model import TimelineEntry
from ..document.timestamps import Timestamp, find_timestamp, leading_timestamp
from ..findings import Hit
from ._entries import field_span, first_line_span
from .registry import Context, check

_ROLLOVER = 12 * 60
# A clock written without its digits: "--:--", "??:??", "xx:xx".
_BLANK_CLOCK = re.compile(r"(?<![\w:])(?:--|\?\?|xx|XX):(?:--|\?\?|xx|XX)(?![\w:])")  # going back more than 12 hours without a date reads as "the next day"


def _stamps(entry: TimelineEntry) -> list[Timestamp]:
    fields = ([entry.time] if entry.time is not None else []) + list(entry.extra_times)
    out = []
    for f in fields:
        ts = (find_timestamp if entry.structured or entry.labelled else leading_timestamp)(f.value)
        if ts is not None:
            out.append(ts)
    return out


@check("timeline.missing-timestamp")
def missing_timestamp(ctx: Context) -> Iterable[Hit]:
    text = ctx.document.text
    for entry in ctx.document.timeline:
        blank = _BLANK_CLOCK.search(entry.time.value) if entry.time is not None else None
        if _stamps(entry) and blank is None:
            continue
        if blank is not None:
            # A date with its clock left blank ("2031-04-02 --:--"): the time is unknown.
            start, end = field_span(text, entry.time, first_line_span(text, entry.start, entry.end))
            yield Hit("timeline.missing-timestamp", start, end,
                      f"This timeline entry's time of day is left blank ({blank.group()!r}), so readers cannot "
                      "tell how long detection and mitigation took; estimate it from logs or monitoring.")
            continue
        fallback = first_line_span(text, entry.start, entry.end)
        start, end = field_span(text, entry.time, fallback)
        value = entry.time.value.strip() if entry.time is not None else ""
        if value:
            message = (f"The time {value!r} of this timeline entry is not a time of day, date or T+ offset, "
                       "so readers cannot tell how long detection and mitigation took.")
        else:
            message = "This timeline entry has no time, so readers cannot tell how long detection and mitigation took."
        yield Hit("timeline.missing-timestamp", start, end, message)


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@check("timeline.out-of-order")
def out_of_order(ctx: Context) -> Iterable[Hit]:
    text = ctx.document.text
    prev: tuple[tuple[int, int, int] | None, int] | None = None  # (day, minutes) of the last clock time
    prev_rel: float | None = None
    current_date: tuple[int, int, int] | None = None  # the last date written, carried to later entries
    for entry in ctx.document.timeline:
        stamps = _stamps(entry)
        if not stamps or entry.labelled:
            continue  # key moments ("Repaired 13:59") are listed by kind, not in time order
        minutes = next((s.minutes for s in stamps if s.minutes is not None), None)
        date = next((s.date for s in stamps if s.date is not None), None) or entry.day
        if date is not None and current_date is not None and date[0] == 0 and date[1:] == current_date[1:]:
            date = current_date  # "Mar 2" after "2024-03-02" is the same day
        if date is None:
            date = current_date
        current_date = date
        rel = next((s.relative for s in stamps if s.relative is not None), None)
        span = field_span(text, entry.time, first_line_span(text, entry.start, entry.end))
        if rel is not None and minutes is None:
            if prev_rel is not None and rel < prev_rel:
                yield Hit("timeline.out-of-order", *span,
                          "This entry's offset is earlier than the entry before it, so the order of events is unclear.")
            prev_rel = rel
            continue
        if minutes is None:
            if date is not None and prev is not None and prev[0] != date:
                prev = (date, -1)  # a new day starts; the next time is not compared with yesterday's
            continue
        if prev is not None and prev[1] >= 0:
            prev_date, prev_minutes = prev
            same_day = date == prev_date if (date is not None and prev_date is not None) else True
            backwards = prev_minutes - minutes
            explicit_same_day = date is not None and date == prev_date
            if same_day and backwards > 0 and (explicit_same_day or backwards <= _ROLLOVER):
                yield Hit(
                    "timeline.out-of-order", *span,
                    f"This entry's time ({_fmt(minutes)}) is earlier than the entry before it ({_fmt(prev_minutes)}), "
                    "so the order of events and the durations are unclear.",
                )
        prev = (date, minutes)
