"""Charts for the HTML metrics report, drawn with matplotlib as inline SVG.

matplotlib's object API (``Figure``, no pyplot): no global state, no display, safe in
a server thread. Text is drawn as paths, so the SVG needs no font at view time.
"""
from __future__ import annotations

import io
import re

from ..metrics import TIMES, MetricsReport

_LABELS = {"to_detect": "to detect", "to_mitigate": "to mitigate", "to_resolve": "to resolve"}
_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)  # RDF boilerplate, nothing a reader sees
_COLOURS = ("#3b6ea8", "#d08c2a", "#3f8f5a")


class ChartsUnavailable(RuntimeError):
    """matplotlib is not installed (it comes with the `report` extra)."""


def _figure(width: float, height: float):
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ChartsUnavailable(
            "the HTML report draws its charts with matplotlib; install it with pip install 'lint_service[report]'"
        ) from exc
    fig = Figure(figsize=(width, height), dpi=100)
    fig.set_layout_engine("constrained")
    return fig


def _svg(fig, title: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Title": title, "Date": None, "Creator": None})
    svg = _METADATA.sub("", _XML_HEAD.sub("", buf.getvalue(), count=1), count=1)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{title}" ', 1)


def times_chart(report: MetricsReport) -> str:
    """Each incident's minutes to detect / mitigate / resolve as points, with median and p90 marks."""
    fig = _figure(7.5, 2.8)
    ax = fig.add_subplot()
    any_value = False
    for row, (key, colour) in enumerate(zip(TIMES, _COLOURS)):
        values = [m.minutes[key] for m in report.incidents if m.minutes[key] is not None]
        d = report.distribution(key)
        if values:
            any_value = True
            jitter = [row + ((k * 37) % 11 - 5) / 40 for k in range(len(values))]
            ax.scatter([max(v, 0.5) for v in values], jitter, s=18, alpha=0.7, color=colour, label=_LABELS[key])
            for q, style in ((d.median, "-"), (d.p90, "--")):
                if q is not None:
                    ax.plot([max(q, 0.5)] * 2, [row - 0.3, row + 0.3], style, color="#222", linewidth=1.4)
    ax.set_yticks(range(len(TIMES)), [f"{_LABELS[k]} (n={report.distribution(k).count})" for k in TIMES])
    ax.invert_yaxis()
    ax.set_xlabel("minutes from impact start (log scale; solid: median, dashed: 90th percentile)")
    if any_value:
        ax.set_xscale("log")
    else:
        ax.text(0.5, 0.5, "no incident has both times", transform=ax.transAxes, ha="center")
    ax.grid(axis="x", alpha=0.3)
    return _svg(fig, "Distribution of minutes to detect, mitigate and resolve")


def closure_chart(report: MetricsReport) -> str:
    """Action items per incident month: done and still open."""
    rows = report.closure_by_month()
    fig = _figure(7.5, 2.6)
    ax = fig.add_subplot()
    if rows:
        months = [r[0] for r in rows]
        done = [r[2] for r in rows]
        still_open = [r[1] - r[2] for r in rows]
        ax.bar(months, done, color="#3f8f5a", label="done")
        ax.bar(months, still_open, bottom=done, color="#c9ccd1", label="open")
        ax.set_ylabel("action items")
        ax.legend(loc="upper left", frameon=False)
        ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    else:
        ax.text(0.5, 0.5, "no dated incident has action items", transform=ax.transAxes, ha="center")
        ax.set_xticks([])
    return _svg(fig, "Action-item closure by incident month")


def recurrence_chart(report: MetricsReport) -> str:
    """Recurring causes by how many incidents share them."""
    groups = sorted(report.recurrence.groups, key=lambda g: len(g.paths), reverse=True)[:12]
    fig = _figure(7.5, max(1.6, 0.45 * len(groups) + 0.8))
    ax = fig.add_subplot()
    if groups:
        labels = [g.cause if len(g.cause) <= 60 else g.cause[:59] + "…" for g in groups]
        ax.barh(range(len(groups)), [len(g.paths) for g in groups], color="#a8463b")
        ax.set_yticks(range(len(groups)), labels, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("incidents sharing the cause")
        ax.xaxis.get_major_locator().set_params(integer=True)
    else:
        ax.text(0.5, 0.5, "no cause recurs", transform=ax.transAxes, ha="center")
        ax.set_xticks([])
        ax.set_yticks([])
    return _svg(fig, "Recurring root causes")
