"""Turning prose into timeline entries and action items, the same way for every format."""
from __future__ import annotations

import re

from .fields import find_deadline, find_owner
from .item_forms import find_done_marker, find_priority, find_ticket
from .model import ActionItem, Document, Field, Prose, TimelineEntry
from .timestamps import leading_timestamp, separator_end, trailing_timestamp

_MISSING_TIME = re.compile(r"^\s{0,3}(?:\[\s{0,2}\?{1,3}\s{0,2}\]|\?{2,3}|--:--|tbd|xx:xx)\s{0,3}[:\-–—|]?\s{0,3}", re.IGNORECASE)


# An item with nothing in it but an empty checkbox ("- [ ]" with no text, which the
# task-list plugin leaves as text): a template's placeholder, not an action item.
_PLACEHOLDER = re.compile(r"^\s{0,3}(?:\[[ \t]?\]\s{0,3})?$")

_LABEL_TAIL = re.compile(r"(?:\s{1,3}(?:at|on))?[\s:\-–—(]{0,6}$")


def is_placeholder(text: str) -> bool:
    """True for an empty item: no text, or only an unticked box."""
    return _PLACEHOLDER.match(text) is not None


def cut(prose: Prose, start: int) -> Prose:
    """The prose from ``start`` on (offsets kept), with leading spaces dropped."""
    while start < len(prose.text) and prose.text[start].isspace():
        start += 1
    return Prose(prose.text[start:], prose.offsets[start:], prose.kind, prose.section)


def field_of(prose: Prose, start: int, end: int) -> Field:
    s, e = prose.original_span(start, end)
    return Field(prose.text[start:end], s, e)


def add_timeline_entry(
    doc: Document, prose: Prose, start: int, end: int, *, kind: str, day: tuple[int, int, int] | None,
    timezone: str | None = None,
) -> None:
    """A free-text timeline entry: the time, if any, starts the text; the prose excludes it.

    ``timezone`` is the zone a note above said the times are in; the entry's own zone wins."""
    ts = leading_timestamp(prose.text)
    time: Field | None = None
    labelled = False
    if ts is None and (ts := trailing_timestamp(prose.text)) is not None:
        # "Repaired 2023-03-14 12:44": a key moment; the label is the event.
        time = field_of(prose, ts.start, ts.end)
        label_end = _LABEL_TAIL.search(prose.text[:ts.start]).start()
        event = Prose(prose.text[:label_end], prose.offsets[:label_end], prose.kind, prose.section)
        labelled = True
    elif ts is not None:
        time = field_of(prose, ts.start, ts.end)
        event = cut(prose, separator_end(prose.text, ts.end))
    else:
        # "[???] IOPS reached..." has no time, but the marker is not prose either.
        m = _MISSING_TIME.match(prose.text)
        event = cut(prose, m.end()) if m and m.end() < len(prose.text) else prose
    event.kind = "timeline"
    if ts is not None and ts.date is not None:
        # The entry's own date wins; "Mar 3 10:40" under a "2024-03-02" line keeps the year.
        day = (day[0], *ts.date[1:]) if ts.date[0] == 0 and day is not None else ts.date
    zone = (ts.timezone if ts is not None else None) or timezone
    doc.timeline.append(TimelineEntry(start, end, event.text, time, structured=False, kind=kind, day=day,
                                      timezone=zone, labelled=labelled))
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
    status_field: Field | None = None,
    done: bool | None = None,
    ticket: Field | None = None,
    priority: Field | None = None,
    links: list[tuple[str, int, int]] = (),
) -> ActionItem:
    """An action item; owner, deadline, status, ticket and priority come from fields or
    columns (or markup: a checkbox, strikethrough), else from the text.

    ``done`` is what a structured status said (True/False), None when nothing did;
    then a done marker in the text ("[done]", "done on 10 Jan") decides."""
    if owner is None:
        owner = find_owner(prose)
    if deadline is None:
        deadline = find_deadline(prose)
    if done is None:
        marker = find_done_marker(prose)
        if marker is not None:
            done, status_field = True, marker
    if ticket is None:
        ticket = find_ticket(prose, list(links))
    if priority is None:
        priority = find_priority(prose)
    prose.kind = "action-item"
    description = field_of(prose, 0, len(prose.text)) if prose.text else None
    item = ActionItem(start, end, prose.text, description, owner, deadline, structured=structured, kind=kind,
                      status="done" if done else "open", status_field=status_field, ticket=ticket, priority=priority)
    doc.action_items.append(item)
    if prose.text.strip():
        doc.prose.append(prose)
    return item
