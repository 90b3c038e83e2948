"""`blamelint metrics --format json`: the JSON of SPEC.md ("Incident metrics")."""
from __future__ import annotations

import json

from ..metrics import MetricsReport


def render(report: MetricsReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
