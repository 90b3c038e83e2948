"""`blamelint metrics` as a table for the terminal: one row per incident, then the summary."""
from __future__ import annotations

from ..metrics import TIMES, MetricsReport

_HEAD = ("incident", "date", "detect", "mitigate", "resolve", "items", "open", "overdue", "note")


def duration(v: int | None) -> str:
    if v is None:
        return "-"
    return f"{v}m" if v < 120 else f"{v // 60}h{v % 60:02d}m"


def _dist(name: str, d) -> str:
    if not d.count:
        return f"{name}: no incident has both times"
    return f"{name}: median {duration(round(d.median))}, p90 {duration(round(d.p90))} (n={d.count})"


def render(report: MetricsReport) -> str:
    rows = [_HEAD]
    for m in report.incidents:
        a = m.action_items
        note = "; ".join(m.reasons)[:60]
        rows.append((m.path, m.date or "-", *(duration(m.minutes[k]) for k in TIMES),
                     f"{a.done}/{a.total}", str(a.open), str(a.overdue), note))
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEAD) - 1)]
    lines = ["  ".join(c.ljust(w) if i in (0, 1) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + "  " + r[-1]
             for r in rows]
    lines = [line.rstrip() for line in lines]
    items = report.items_summary()
    rec = report.recurrence
    lines.append("")
    lines.append(f"{len(report.incidents)} incidents, {sum(all(m.milestones.values()) for m in report.incidents)} with all four milestones")
    cov = report.coverage()
    lines.append("  all four: " + ", ".join(
        f"{c['with_all_milestones']} of {c['incidents']} {label}" + (f" ({c['rate']:.0%})" if c["rate"] is not None else "")
        for c, label in ((cov["timeline"], "with a timeline"), (cov["timeline_or_narrative"], "with a timeline or a narrative"))))
    lines.extend("  " + _dist(k.replace("_", " "), report.distribution(k)) for k in TIMES)
    rate = f"{items['closure_rate']:.0%}" if items["closure_rate"] is not None else "-"
    lines.append(f"action items: {items['total']} total, {items['done']} done ({rate} closed), {items['open']} open, "
                 f"{items['overdue']} overdue as of {report.as_of.isoformat()}")
    if rec.rate is None:
        lines.append("recurrence: -")
    else:
        lines.append(f"recurrence: {rec.repeats} of {len(report.incidents)} incidents repeat an earlier cause ({rec.rate:.0%})")
        for g in rec.groups:
            lines.append(f"  {g.cause[:80]!r}: {', '.join(g.paths)}")
    return "\n".join(lines) + "\n"
