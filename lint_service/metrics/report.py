"""Across incidents: counts, medians and 90th percentiles (never a bare mean), action-item
closure and overdue items, closure over time, and recurring causes."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from .incident import IncidentMetrics
from .recurrence import Recurrence

TIMES = ("to_detect", "to_mitigate", "to_resolve")


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    value = xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
    return round(value, 1) if value != int(value) else int(value)


@dataclass(frozen=True)
class Distribution:
    count: int
    median: float | None
    p90: float | None
    min: float | None = None
    max: float | None = None

    @classmethod
    def of(cls, values: list[float]) -> "Distribution":
        return cls(len(values), percentile(values, 50), percentile(values, 90),
                   min(values) if values else None, max(values) if values else None)

    def to_dict(self) -> dict:
        return {"count": self.count, "median": self.median, "p90": self.p90, "min": self.min, "max": self.max}


@dataclass
class MetricsReport:
    incidents: list[IncidentMetrics]
    recurrence: Recurrence
    as_of: dt.date
    errors: list[str] = field(default_factory=list)  # files that could not be read

    def distribution(self, key: str) -> Distribution:
        return Distribution.of([m.minutes[key] for m in self.incidents if m.minutes[key] is not None])

    def items_summary(self) -> dict:
        total = sum(m.action_items.total for m in self.incidents)
        done = sum(m.action_items.done for m in self.incidents)
        return {"total": total, "done": done, "open": sum(m.action_items.open for m in self.incidents),
                "overdue": sum(m.action_items.overdue for m in self.incidents),
                "closure_rate": round(done / total, 3) if total else None}

    def closure_by_month(self) -> list[tuple[str, int, int]]:
        """(incident month, items, done) per month with items: how closure changes over time."""
        months: dict[str, list[int]] = {}
        for m in self.incidents:
            if m.date and m.action_items.total:
                row = months.setdefault(m.date[:7], [0, 0])
                row[0] += m.action_items.total
                row[1] += m.action_items.done
        return [(k, v[0], v[1]) for k, v in sorted(months.items())]

    def coverage(self) -> dict:
        """Incidents with all four milestones among those with a timeline, and among those
        with a timeline or a narrative telling dated times (docs/metrics.md)."""
        def share(told: tuple[str, ...]) -> dict:
            these = [m for m in self.incidents if m.timeline in told]
            full = sum(all(m.milestones.values()) for m in these)
            return {"incidents": len(these), "with_all_milestones": full,
                    "rate": round(full / len(these), 3) if these else None}
        return {"timeline": share(("timeline",)), "timeline_or_narrative": share(("timeline", "narrative"))}

    def to_dict(self) -> dict:
        return {
            "incidents": [m.to_dict() for m in self.incidents],
            "summary": {
                "incidents": len(self.incidents),
                "minutes": {k: self.distribution(k).to_dict() for k in TIMES},
                "action_items": self.items_summary(),
                "recurrence": self.recurrence.to_dict(),
                "closure_by_month": [{"month": k, "total": t, "done": d} for k, t, d in self.closure_by_month()],
                "as_of": self.as_of.isoformat(),
                "with_all_milestones": sum(all(m.milestones.values()) for m in self.incidents),
                "coverage": self.coverage(),
            },
            "errors": list(self.errors),
        }
