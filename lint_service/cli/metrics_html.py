"""`blamelint metrics --format html`: a self-contained report (charts inline as SVG,
styles inline, no script, nothing fetched at view time)."""
from __future__ import annotations

from html import escape

from ..metrics import KINDS, TIMES, MetricsReport
from .metrics_charts import closure_chart, recurrence_chart, times_chart
from .metrics_text import duration

_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1f23}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e2e4e8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #e2e4e8;border-radius:6px;padding:.6rem 1rem;min-width:10rem}
.card b{display:block;font-size:1.3rem}.muted{color:#6b7078}figure{margin:1rem 0;max-width:60rem}figure svg{width:100%;height:auto}
.src{font-size:11px;color:#6b7078}
"""


def _card(label: str, value: str, note: str = "") -> str:
    return f'<div class="card"><b>{escape(value)}</b>{escape(label)}<div class="muted">{escape(note)}</div></div>'


def _milestone_cell(m) -> str:
    if m is None:
        return '<td class="muted">-</td>'
    return f'<td>{escape(m.moment.iso())}<div class="src">line {m.line}, {escape(m.source)}</div></td>'


def render(report: MetricsReport) -> str:
    items = report.items_summary()
    rec = report.recurrence
    cards = [_card("incidents", str(len(report.incidents)),
                   f"{sum(all(m.milestones.values()) for m in report.incidents)} with all four milestones")]
    for key in TIMES:
        d = report.distribution(key)
        value = f"{duration(round(d.median))} / {duration(round(d.p90))}" if d.count else "-"
        cards.append(_card(f"{key.replace('_', ' ')}: median / p90", value, f"n={d.count}"))
    rate = f"{items['closure_rate']:.0%}" if items["closure_rate"] is not None else "-"
    cards.append(_card("action items closed", rate, f"{items['done']} of {items['total']}, {items['overdue']} overdue"))
    cards.append(_card("recurrence rate", f"{rec.rate:.0%}" if rec.rate is not None else "-",
                       f"{rec.repeats} repeat an earlier cause"))
    rows = []
    for m in report.incidents:
        a = m.action_items
        rows.append(
            "<tr>" + f"<td>{escape(m.path)}<div class='src'>{escape(m.title or '')}</div></td>"
            + f"<td>{escape(m.date or '-')}</td>" + "".join(_milestone_cell(m.milestones[k]) for k in KINDS)
            + "".join(f'<td class="n">{escape(duration(m.minutes[k]))}</td>' for k in TIMES)
            + f'<td class="n">{a.done}/{a.total}</td><td class="n">{a.overdue}</td>'
            + f"<td class='muted'>{escape('; '.join(m.reasons))}</td></tr>"
        )
    open_rows = [
        f"<tr><td>{escape(i.description)}</td><td>{escape(i.owner or '-')}</td><td>{escape(i.deadline or '-')}"
        + ("<b> overdue</b>" if i.overdue else "") + f"</td><td>{escape(m.path)}:{i.line}</td></tr>"
        for m in report.incidents for i in m.open_items
    ]
    groups = [f"<li>{escape(g.cause)}<div class='src'>{escape(', '.join(g.paths))}</div></li>" for g in rec.groups]
    head = "".join(f"<th>{h}</th>" for h in ("postmortem", "date", "impact start", "detected", "mitigated", "resolved",
                                              "to detect", "to mitigate", "to resolve", "items done", "overdue", "note"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Incident metrics</title><style>{_STYLE}</style></head>
<body>
<h1>Incident metrics</h1>
<p class="muted">{len(report.incidents)} postmortems; action items overdue as of {report.as_of.isoformat()}.
Times are minutes from impact start; every milestone names the line it came from.</p>
<section class="cards" id="summary">{''.join(cards)}</section>
<h2>Time to detect, mitigate and resolve</h2>
<figure id="chart-times">{times_chart(report)}</figure>
<h2>Action-item closure over time</h2>
<figure id="chart-closure">{closure_chart(report)}</figure>
<h2>Recurring causes</h2>
<figure id="chart-recurrence">{recurrence_chart(report)}</figure>
<ul>{''.join(groups) or '<li class="muted">No root cause matches an earlier incident’s.</li>'}</ul>
<h2>Incidents</h2>
<table id="incidents"><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>
<h2>Open action items</h2>
<table id="open-items"><thead><tr><th>action</th><th>owner</th><th>due</th><th>from</th></tr></thead>
<tbody>{''.join(open_rows) or '<tr><td colspan="4" class="muted">None.</td></tr>'}</tbody></table>
</body></html>
"""
