"""What the columns of a table mean, from its header row.

A table in the Timeline section is a timeline when some column holds times
("Time", "Date and Time in CET", "Timestamp", "Day"); a table in the Action
items section is a list of action items whose owner and due date come from
their columns ("Owner", "Assignee", "DRI", "Who", "Due", "ETA", "Target", "By",
"When"), and whose status, ticket and priority have columns of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TIME = re.compile(r"\b(?:time|times|date|dates|when|timestamp|day|hour|utc|clock)\b", re.I)
_EVENT = re.compile(r"\b(?:event|events|description|what|note|notes|details|happened|summary|activity|action|update|message)\b", re.I)
_OWNER = re.compile(r"\b(?:owner|owners|assignee|assignees|assigned|who|responsible|accountable|dri|poc|team|lead)\b", re.I)
_DEADLINE = re.compile(r"\b(?:due|deadline|eta|target|by when|date|when|completion|by)\b", re.I)
_STATUS = re.compile(r"\b(?:status|state|done|progress|resolution)\b", re.I)
_TICKET = re.compile(r"\b(?:ticket|tickets|jira|link|links|tracker|tracking|issue (?:id|#|link)|pr)\b|^\s*bugs?\s*$", re.I)
_PRIORITY = re.compile(r"\b(?:priority|prio|pri|severity|urgency)\b", re.I)
# A column that certainly holds the time of a timeline row (for tables outside the Timeline section).
_TIME_LABEL = re.compile(r"\b(?:time|times|timestamp|when|utc|clock)\b", re.I)
_ACTION = re.compile(r"\b(?:action|actions|item|items|task|tasks|description|what|title|issue|todo|follow[- ]?up)\b", re.I)
_META = re.compile(r"\b(?:status|state|priority|type|ticket|link|issue id|id|jira|severity|done|category)\b", re.I)


@dataclass
class TableRoles:
    kind: str | None  # "timeline" | "action items" | None
    text: int | None = None  # the column holding the entry's prose
    times: list[int] = field(default_factory=list)
    owner: int | None = None
    deadline: int | None = None
    status: int | None = None
    ticket: int | None = None
    priority: int | None = None
    skip: list[int] = field(default_factory=list)  # columns that are not prose (status, ticket)


def _first(headers: list[str], pattern: re.Pattern[str], taken: tuple[int | None, ...]) -> int | None:
    return next((k for k, h in enumerate(headers) if k not in taken and pattern.search(h)), None)


def table_roles(headers: list[str], section: str | None, labelled_only: bool = False) -> TableRoles:
    """What each column holds. ``labelled_only``: a timeline only when a header says "Time"
    (used for tables outside the Timeline section)."""
    if section == "timeline":
        label = _TIME_LABEL if labelled_only else _TIME
        times = [k for k, h in enumerate(headers) if label.search(h) and not _EVENT.search(h)]
        if labelled_only and not times:
            return TableRoles(None)
        if not times and headers:
            times = [0]  # an unlabelled first column of a timeline table holds the time
        rest = [k for k in range(len(headers)) if k not in times]
        # "Time | Event Type | Description": the event column, not a column about its type.
        text = next((k for k in rest if _EVENT.search(headers[k]) and not _META.search(headers[k])),
                    next((k for k in rest if _EVENT.search(headers[k])), rest[-1] if rest else None))
        skip = [k for k in rest if k != text and _META.search(headers[k])]
        return TableRoles("timeline", text=text, times=times, skip=skip)
    if section == "action items":
        status = _first(headers, _STATUS, ())
        priority = _first(headers, _PRIORITY, (status,))
        ticket = _first(headers, _TICKET, (status, priority))
        owner = _first(headers, _OWNER, (status, priority, ticket))
        deadline = _first(headers, _DEADLINE, (status, priority, ticket, owner))
        roles = (owner, deadline, status, ticket, priority)
        rest = [k for k in range(len(headers)) if k not in roles]
        text = next((k for k in rest if _ACTION.search(headers[k])), rest[0] if rest else None)
        if text is None and ticket is not None:
            text, ticket = ticket, None  # "| Issue | Owner | Due |": the only other column is the item
        skip = [k for k in rest if k != text and _META.search(headers[k])]
        return TableRoles("action items", text=text, owner=owner, deadline=deadline, status=status,
                          ticket=ticket, priority=priority, skip=skip)
    return TableRoles(None)
