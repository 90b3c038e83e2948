"""A resolution the Resolution or Recovery section states with its time: "On 2024-05-03 at
about 09:45 UTC the flood of requests stopped, and shortly after the service returned to
normal." A timeline that shows no event saying the incident is over may leave it to that
section.

The section's written times are read as events (as a narrative's are,
:mod:`.prose_timeline`); the first whose event says the service is back (``resolved``
words, not a recovery only begun) is the resolution (``source: "prose"``), kept only when
it is dated and no earlier than every other milestone. Parsed only when no resolution was
found.
"""
from __future__ import annotations

import functools

from ..document.model import Document
from ..rules import load_rule_file
from .milestones import Milestone, ParseFn, hits, milestone_words
from .prose_timeline import events_of


@functools.lru_cache(maxsize=1)
def _sections() -> frozenset[str]:
    return frozenset(load_rule_file("milestones")["ongoing_sections"])


def resolution_in_section(doc: Document, day, zone, parse: ParseFn, line_of) -> Milestone | None:
    events = []
    for p in doc.prose:
        if p.section in _sections() and p.kind in ("paragraph", "list-item"):
            events += events_of(p, day, zone, line_of)[0]
    events = [e for e in events if e.timed.moment is not None and e.timed.moment.date is not None]
    if not events:
        return None
    words = milestone_words()
    for e, d in zip(events, parse([e.timed.entry.text for e in events])):
        kinds = {k for k, _, t in hits(d, words) if t is not None}
        if "resolved" in kinds and not kinds & {"pending", "recovering"}:
            return Milestone("resolved", e.timed.moment, e.timed.line, "prose",  # type: ignore[arg-type]
                             "the time the resolution section gives")
    return None
