"""Turning prose into timeline entries and action items, the same way for every format."""
from __future__ import annotations

import re

from .fields import find_deadline, find_owner
from .model import ActionItem, Document, Field, Prose, TimelineEntry
from .timestamps import leading_timestamp, separator_end

_MISSING_TIME = re.compile(r"^\s{0,3}(?:\[\s{0,2}\?{1,3}\s{0,2}\]|\?{2,3}|--:--|tbd|xx:xx)\s{0,3}[:\-–—|]?\s{0,3}", re.IGNORECASE)


def cut(prose: Prose, start: int) -> Prose:
    """The prose from ``start`` on (offsets kept), with leading spaces dropped."""
    while start < len(prose.text) and prose.text[start].isspace():
        start += 1
    return Prose(prose.text[start:], prose.offsets[start:], prose.kind, prose.section)


def field_of(prose: Prose, start: int, end: int) -> Field:
    s, e = prose.original_span(start, end)
    return Field(prose.text[start:end], s, e)


def add_timeline_entry(
    doc: Document, prose: Prose, start: int, end: int, *, kind: str, day: tuple[int, int, int] | None
) -> None:
    """A free-text timeline entry: the time, if any, starts the text; the prose excludes it."""
    ts = leading_timestamp(prose.text)
    time: Field | None = None
    if ts is not None:
        time = field_of(prose, ts.start, ts.end)
        event = cut(prose, separator_end(prose.text, ts.end))
    else:
        # "[???] IOPS reached..." has no time, but the marker is not prose either.
        m = _MISSING_TIME.match(prose.text)
        event = cut(prose, m.end()) if m and m.end() < len(prose.text) else prose
    event.kind = "timeline"
    doc.timeline.append(TimelineEntry(start, end, event.text, time, structured=False, kind=kind, day=day))
    if event.text.strip():
        doc.prose.append(event)


def add_action_item(
    doc: Document,
    prose: Prose,
    start: int,
    end: int,
    *,
    kind: str,
    owner: Field | None = None,
    deadline: Field | None = None,
    structured: bool = False,
) -> None:
    """An action item; owner and deadline come from fields/columns, else from the text."""
    if owner is None:
        owner = find_owner(prose)
    if deadline is None:
        deadline = find_deadline(prose)
    prose.kind = "action-item"
    description = field_of(prose, 0, len(prose.text)) if prose.text else None
    doc.action_items.append(
        ActionItem(start, end, prose.text, description, owner, deadline, structured=structured, kind=kind)
    )
    if prose.text.strip():
        doc.prose.append(prose)
