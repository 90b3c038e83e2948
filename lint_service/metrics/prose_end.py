"""The end of an incident told in prose, for a document with no timeline.

A summary stating the impact's span ("was unavailable from 09:05 to 11:40 UTC") ends the impact
at its second time: that is the mitigation, and the resolution too unless the document
states a later time (a backlog worked through by the next morning). A sentence opening
with a ``windows.by`` word and a time whose clause says everything is back ("By
June 4, 7:45 AM UTC the queue was drained and every service had recovered") is the
resolution; the latest such sentence wins.

Only paragraphs holding such a sentence are parsed, and only when there is no timeline.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..document.model import Document
from ..document.timestamps import Timestamp
from ..rules import load_rule_file
from .clock import Moment, zone_in
from .milestones import Milestone, ParseFn, hits, milestone_words
from .prose_timeline import WRITTEN_CLOCK
from .windows import clock_times




@functools.lru_cache(maxsize=1)
def _by() -> re.Pattern[str]:
    words = load_rule_file("milestones")["windows"]["by"]
    return re.compile(r"(?:^|(?<=[.!?])\s{1,3})(?:" + "|".join(map(re.escape, words)) + r")\s{1,3}", re.IGNORECASE)


def _moment(ts: Timestamp, day: dt.date | None, zone: str | None) -> Moment | None:
    if ts.minutes is None:
        return None
    on = day
    if ts.date is not None:
        try:
            on = dt.date(ts.date[0] or (day.year if day else 0), ts.date[1], ts.date[2])
        except ValueError:
            return None
    return Moment(ts.minutes, on, zone=ts.timezone or zone)


def _stated_times(doc: Document, day: dt.date | None, zone: str | None) -> list[Moment]:
    out = []
    for p in doc.prose:
        if p.kind != "heading":
            # a written clock ("06:20", "6 AM"), not a bare number a prose sentence may hold ("1500")
            out += [m for t in clock_times(p.text) if WRITTEN_CLOCK.search(p.text[t.start:t.end])
                    and (m := _moment(t, day, zone_in(p.text) or zone)) is not None]
    return out


def end_in_prose(doc: Document, window_end: Milestone | None, day: dt.date | None, zone: str | None,
                 parse: ParseFn, line_of) -> tuple[Milestone | None, Milestone | None]:
    """(mitigation, resolution) the prose of a document with no timeline gives."""
    words = milestone_words()
    found: list[Milestone] = []
    candidates = []
    for p in doc.prose:
        if p.kind == "heading":
            continue
        for m in _by().finditer(p.text[:4000]):
            times = [t for t in clock_times(p.text[m.end():m.end() + 80]) if t.start == 0]
            if times:
                end = p.text.find(".", m.end() + times[0].end)
                candidates.append((p, m.end(), times[0], p.text[m.end():end if end > 0 else len(p.text)]))
    if candidates:
        for (p, at, ts, clause), d in zip(candidates, parse([c[3] for c in candidates])):
            said = hits(d, words)
            kinds = {k for k, _, t in said if t is not None}
            complete = any(t.lower_ in words.complete for t in d)
            moment = _moment(ts, day, zone_in(clause) or zone)
            if moment is not None and "resolved" in kinds and "pending" not in kinds and complete:
                where, _ = p.original_span(at, at + 1)
                found.append(Milestone("resolved", moment, line_of(where), "prose",
                                       "a sentence saying everything was back by this time"))
    resolved = max(found, key=lambda m: m.moment.absolute, default=None)
    mitigated = None
    if window_end is not None:
        mitigated = Milestone("mitigated", window_end.moment, window_end.line, "prose",
                              "the end of the impact window stated in the " + window_end.note.rsplit("the ", 1)[-1]
                              if window_end.note else None)
        later = [m for m in _stated_times(doc, day, zone) if m.date is not None and window_end.moment.date is not None
                 and m.absolute > window_end.moment.absolute]
        if resolved is None and not later:
            resolved = window_end
    return mitigated, resolved
