"""``text``: ``path:line:column: severity rule message``, the suggestion below it."""
from __future__ import annotations

from ..findings import REMOVAL_LABEL
from .formats import Run

_COLORS = {"error": "31", "warning": "33", "info": "36", "path": "1", "rule": "2", "fix": "32"}


def _paint(on: bool, kind: str, s: str) -> str:
    return f"\x1b[{_COLORS[kind]}m{s}\x1b[0m" if on else s


def format_run(run: Run) -> str:
    c = run.color
    lines: list[str] = []
    for result, f in run.findings():
        # A message or suggestion never spans lines in the output, or grep and editors lose track.
        message = " ".join(f.message.split())
        lines.append(
            f"{_paint(c, 'path', result.path)}:{f.line}:{f.column}: "
            f"{_paint(c, f.severity, f.severity)} {_paint(c, 'rule', f.rule)} {message}"
        )
        for s in f.suggestions:
            lines.append(f"    {_paint(c, 'fix', 'suggestion:')} {' '.join(s.split()) or '(' + REMOVAL_LABEL.lower() + ')'}")
    if not run.quiet:
        if lines:
            lines.append("")
        lines.append(run.summary())
    return "\n".join(lines) + ("\n" if lines else "")
