"""A resolution the Resolution or Recovery section states with its time: "On 2024-05-03 at
about 09:45 UTC the flood of requests stopped, and shortly after the service returned to
normal." A timeline that shows no event saying the incident is over may leave it to that
section.

The section's written times are read as events (as a narrative's are,
:mod:`.prose_timeline`); the first whose event says the service is back (``resolved``
words, not a recovery only begun) is the resolution (``source: "prose"``), kept only when
it is dated and no earlier than every other milestone. With none, the section's last dated
event, when it is a mitigating act done ("The bad packages were removed at 11:05 UTC on March
3, 2024") and no time told after it, closes the incident, as a timeline's last mitigating
act does (:func:`.milestones._closing`). Parsed only when no resolution was found.
"""
from __future__ import annotations

import functools

from ..document.model import Document
from ..rules import load_rule_file
from .milestones import CLOSED_BY_LAST, Milestone, ParseFn, hits, milestone_words
from .prose_timeline import events_of


_NOT_OVER = frozenset({"pending", "ongoing", "persisted", "recovering", "started"})


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
    docs = parse([e.timed.entry.text for e in events])
    told = [{k for k, _, t in hits(d, words) if t is not None} for d in docs]
    for e, kinds in zip(events, told):
        if "resolved" in kinds and not kinds & {"pending", "recovering"}:
            return Milestone("resolved", e.timed.moment, e.timed.line, "prose",  # type: ignore[arg-type]
                             "the time the resolution section gives")
    last, kinds = events[-1], told[-1]
    latest = max(e.timed.moment.absolute for e in events)  # type: ignore[union-attr]
    # an act, and nothing said of the service still failing or not back ("the chain was
    # still slow", "did not return to normal"): the section's account ends with it
    said_otherwise = kinds & _NOT_OVER or any(t.dep_ == "neg" for t in docs[-1])
    if "mitigated" in kinds and not said_otherwise and last.timed.moment.absolute == latest:  # type: ignore[union-attr]
        return Milestone("resolved", last.timed.moment, last.timed.line, "prose",  # type: ignore[arg-type]
                         f"{CLOSED_BY_LAST}: the last mitigating act the resolution section dates")
    return None


def acted_before(doc: Document, closing: Milestone, parse: ParseFn, line_of) -> bool:
    """The resolution section tells a mitigating act done before the one that closed it,
    with no time ("The crates were yanked ... immediately after the report"): that act,
    not the closing one, cut the impact, and when is not stated."""
    before = [p for p in doc.prose if p.section in _sections() and p.kind in ("paragraph", "list-item")
              and p.text.strip() and line_of(p.original_span(0, len(p.text))[1] - 1) < closing.line]
    words = milestone_words()
    for d in parse([p.text for p in before]) if before else []:
        kinds = {k for k, _, t in hits(d, words) if t is not None}
        if "mitigated" in kinds and not kinds & {"pending", "ongoing"}:
            return True
    return False
