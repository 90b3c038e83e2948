"""An impact start the summary states with its time, in a document whose timeline does not
give one: "On 2024-05-02 at 6:48 AM PDT the ledger stopped creating blocks."

The summary's (or opening's) written times are read as events (:mod:`.prose_timeline`); the
first whose event names an impact, and not its discovery or report, is the start (``source: "prose"``), unless the timeline
writes that very clock as an entry's time in another zone ("15:20 (8:20 PDT)"): the
document's own conversion then places the start on that entry. Either is kept only when
it comes no later than every other milestone. Parsed only when no start was found.
"""
from __future__ import annotations

import re

from ..document.model import Document
from ..document.timestamps import find_timestamp
from .clock import TimedEntry
from .milestones import Milestone, ParseFn, hits, milestone_words
from .prose_timeline import prose_events

_ALTERNATE = re.compile(r"\(([^)]{1,40})\)")


def _written_as(timed: list[TimedEntry], minutes: int, zone: str | None) -> TimedEntry | None:
    """The entry whose time column also writes ``minutes`` in ``zone`` ("15:20 (8:20 PDT)")."""
    for t in timed:
        raw = t.entry.time.value if t.entry.time is not None else t.entry.text[:40]
        for m in _ALTERNATE.finditer(raw):
            alt = find_timestamp(m.group(1))
            if t.moment is not None and alt is not None and alt.minutes == minutes and zone and \
                    (alt.timezone or "").upper() == zone.upper():
                return t
    return None


def start_in_summary(doc: Document, timed: list[TimedEntry], day, zone, parse: ParseFn, line_of) -> Milestone | None:
    events = [e for e in prose_events(doc, day, zone, line_of) if e.timed.moment is not None]
    if not doc.timeline or not events:
        return None
    words = milestone_words()
    for e, d in zip(events, parse([e.timed.entry.text for e in events])):
        kinds = {k for k, _, t in hits(d, words) if t is not None}
        if "started" not in kinds or kinds & {"detected", "perceived", "signals"}:
            continue  # no impact, or its discovery ("a user discovered ..."): the learning, not the start
        m = e.timed.moment
        entry = _written_as(timed, m.minutes, m.zone)  # type: ignore[union-attr]
        if entry is not None:
            return Milestone("started", entry.moment, entry.line, "timeline",  # type: ignore[arg-type]
                             f"the start the summary states (line {e.timed.line}), written on this entry")
        return Milestone("started", m, e.timed.line, "prose", "the start the summary states")  # type: ignore[arg-type]
    return None


__all__ = ["start_in_summary"]
