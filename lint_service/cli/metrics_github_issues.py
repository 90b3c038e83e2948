"""`blamelint metrics --format github-issues`: open action items as JSON lines
(title, body, assignees, labels), ready for `gh issue create` or the REST API.
Nothing is sent: the file is the output."""
from __future__ import annotations

import json
import re

from ..metrics import IncidentMetrics, MetricsReport, OpenItem

_LABEL_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_HANDLE = re.compile(r"^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$")
TITLE_MAX = 120


def item_title(item: OpenItem) -> str:
    text = item.description
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"


def item_labels(m: IncidentMetrics, item: OpenItem) -> list[str]:
    labels = ["postmortem"]
    for value in (m.id, m.severity, item.priority):
        if value:
            labels.append(_LABEL_CHARS.sub("-", value.strip()).strip("-")[:50])
    if item.overdue:
        labels.append("overdue")
    return [label for label in labels if label]


def item_body(m: IncidentMetrics, item: OpenItem) -> str:
    lines = [item.description, "", f"From the postmortem {m.path}, line {item.line}" + (f" ({m.title})" if m.title else "") + "."]
    if item.owner:
        lines.append(f"Owner: {item.owner}")
    if item.deadline:
        lines.append(f"Due: {item.deadline}" + (" (overdue)" if item.overdue else ""))
    if item.ticket:
        lines.append(f"Ticket: {item.ticket}")
    return "\n".join(lines)


def render(report: MetricsReport) -> str:
    out = []
    for m in report.incidents:
        for item in m.open_items:
            handle = _HANDLE.match(item.owner or "")
            assignees = [handle.group(1)] if handle and (item.owner or "").startswith("@") else []
            out.append(json.dumps({"title": item_title(item), "body": item_body(m, item),
                                   "assignees": assignees, "labels": item_labels(m, item)}, ensure_ascii=False))
    return "".join(line + "\n" for line in out)
