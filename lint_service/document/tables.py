"""What the columns of a table mean, from its header row.

A table in the Timeline section is a timeline when some column holds times
("Time", "Date and Time in CET", "Timestamp", "Day"); a table in the Action
items section is a list of action items whose owner and due date come from
their columns ("Owner", "Assignee", "Due", "Deadline").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TIME = re.compile(r"\b(?:time|times|date|dates|when|timestamp|day|hour|utc|clock)\b", re.I)
_EVENT = re.compile(r"\b(?:event|events|description|what|note|notes|details|happened|summary|activity|action|update|message)\b", re.I)
_OWNER = re.compile(r"\b(?:owner|owners|assignee|assignees|assigned|who|responsible|dri|poc|team)\b", re.I)
_DEADLINE = re.compile(r"\b(?:due|deadline|eta|target|by when|date|when)\b", re.I)
_ACTION = re.compile(r"\b(?:action|actions|item|items|task|tasks|description|what|title|issue|todo|follow[- ]?up)\b", re.I)
_META = re.compile(r"\b(?:status|state|priority|type|ticket|link|issue id|id|jira|severity|done|category)\b", re.I)


@dataclass
class TableRoles:
    kind: str | None  # "timeline" | "action items" | None
    text: int | None = None  # the column holding the entry's prose
    times: list[int] = field(default_factory=list)
    owner: int | None = None
    deadline: int | None = None
    skip: list[int] = field(default_factory=list)  # columns that are not prose (status, ticket)


def table_roles(headers: list[str], section: str | None) -> TableRoles:
    if section == "timeline":
        times = [k for k, h in enumerate(headers) if _TIME.search(h) and not _EVENT.search(h)]
        if not times and headers:
            times = [0]  # an unlabelled first column of a timeline table holds the time
        rest = [k for k in range(len(headers)) if k not in times]
        text = next((k for k in rest if _EVENT.search(headers[k])), rest[-1] if rest else None)
        skip = [k for k in rest if k != text and _META.search(headers[k])]
        return TableRoles("timeline", text=text, times=times, skip=skip)
    if section == "action items":
        owner = next((k for k, h in enumerate(headers) if _OWNER.search(h)), None)
        deadline = next((k for k, h in enumerate(headers) if k != owner and _DEADLINE.search(h)), None)
        rest = [k for k in range(len(headers)) if k not in (owner, deadline)]
        text = next((k for k in rest if _ACTION.search(headers[k])), rest[0] if rest else None)
        skip = [k for k in rest if k != text and _META.search(headers[k])]
        return TableRoles("action items", text=text, owner=owner, deadline=deadline, skip=skip)
    return TableRoles(None)
