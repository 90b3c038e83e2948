"""`blamelint metrics --format csv`: one row per incident, for a spreadsheet."""
from __future__ import annotations

import csv
import io

from ..metrics import KINDS, TIMES, MetricsReport

COLUMNS = ("path", "id", "title", "date", "severity",
           *(f"{k}_at" for k in KINDS), *(f"{k}_line" for k in KINDS), *(f"{k}_source" for k in KINDS),
           *(f"minutes_{t}" for t in TIMES), "items_total", "items_done", "items_open", "items_overdue",
           "root_causes", "reasons")


def render(report: MetricsReport) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for m in report.incidents:
        ms = m.milestones
        a = m.action_items
        w.writerow([
            m.path, m.id or "", m.title or "", m.date or "", m.severity or "",
            *((ms[k].moment.iso() if ms[k] else "") for k in KINDS),
            *((ms[k].line if ms[k] else "") for k in KINDS),
            *((ms[k].source if ms[k] else "") for k in KINDS),
            *(("" if m.minutes[t] is None else m.minutes[t]) for t in TIMES),
            a.total, a.done, a.open, a.overdue, " | ".join(m.root_causes), "; ".join(m.reasons),
        ])
    return out.getvalue()
