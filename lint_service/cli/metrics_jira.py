"""`blamelint metrics --format jira-csv`: open action items as a CSV for Jira's CSV import.

The columns are the ones Jira's importer maps without configuration: Summary, Assignee,
Due date (YYYY-MM-DD), Labels, Description. Nothing is sent: import the file yourself.
"""
from __future__ import annotations

import csv
import io

from ..metrics import MetricsReport
from .metrics_github_issues import item_body, item_labels, item_title

COLUMNS = ("Summary", "Assignee", "Due date", "Labels", "Description")


def render(report: MetricsReport) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for m in report.incidents:
        for item in m.open_items:
            assignee = (item.owner or "").lstrip("@")
            due = item.due.isoformat() if item.due else ""
            w.writerow([item_title(item), assignee, due, " ".join(item_labels(m, item)), item_body(m, item)])
    return out.getvalue()
