"""Section-aware wording: which of a finding's candidate rewrites are offered, and in
what order, by the section the sentence stands in (issue 11, part 3). Timeline entries
stay factual events; analysis sections (root causes, lessons) get system framing first;
elsewhere the plain event comes first and framing that asserts a safeguard nobody named
is left out."""
from __future__ import annotations

from .candidate import Candidate

# Where the sentence stands decides the wording: timeline entries are factual
# events, analysis sections name what the system let happen.
TIMELINE_SECTIONS = {"timeline", "detection", "resolution"}
ANALYSIS_SECTIONS = {"root causes", "lessons learned"}


def order(found: list[Candidate], section: str | None) -> list[str]:
    """Events first, then system framing, and the generic "The process allowed ..." only
    when nothing more specific exists; system framing first in analysis sections, never
    in a timeline entry."""
    # "The process allowed X to be done" named no system the text names: blind grading
    # found none of them acceptable as written (a verdict on a made-up subject, lost
    # "accidentally", claims put in a quoted speaker's mouth), so it is never offered.
    found = [c for c in found if c.kind != "generic"]
    if section not in ANALYSIS_SECTIONS:
        # "Nothing required a canary before ..." is analysis; elsewhere it reads as an excuse
        # and so does "Nothing stopped the index from being deleted" for "should not have
        # deleted the index": outside analysis it asserts a missing safeguard the writer
        # never named (blind grading: wrong)
        found = [c for c in found if c.kind not in ("requirement", "safeguard")]
    if section not in ANALYSIS_SECTIONS and any(c.kind == "event" for c in found):
        # "Nothing in the process ensured that ..." names no system: beside the plain event
        # blind grading found it vague every time ("'was not renewed' is more direct"), so
        # outside analysis it is offered only when nothing else is
        found = [c for c in found if c.kind != "process"]
    if section in TIMELINE_SECTIONS:
        found = [c for c in found if c.kind == "event"]
    elif section in ANALYSIS_SECTIONS:
        found = sorted(found, key=lambda c: {"requirement": 0, "safeguard": 0, "system": 0, "process": 0, "event": 1}.get(c.kind, 2))
    return [c.text for c in found]
