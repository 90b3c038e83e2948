"""``github``: GitHub Actions workflow commands, one annotation per finding.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per
step, so a plain summary line follows: the log always tells how many there are.
"""
from __future__ import annotations

from ..findings import suggestion_label
from .formats import Run

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    """The message part, escaped as GitHub's toolkit does (``escapeData``)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """A property value (``file=``, ``title=``), escaped as ``escapeProperty``."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_run(run: Run) -> str:
    lines: list[str] = []
    for result, f in run.findings():
        props = ",".join(
            f"{k}={escape_property(str(v))}"
            for k, v in (
                ("file", result.path),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"blamelint {f.rule}"),
            )
        )
        message = f.message
        if f.suggestions:
            message += "\nSuggestion: " + "\nSuggestion: ".join(suggestion_label(s) for s in f.suggestions)
        lines.append(f"::{_COMMAND[f.severity]} {props}::{escape_data(message)}")
    for r in run.results:
        if r.error is None:
            continue
        props = f"file={escape_property(r.path)},title={escape_property('blamelint: file not checked')}"
        lines.append(f"::error {props}::{escape_data(r.error.reason)}")
    summary = "blamelint: " + run.summary()
    kinds = [line.split(" ", 1)[0] for line in lines]
    if any(kinds.count(k) > 10 for k in set(kinds)):
        summary += " GitHub shows at most 10 annotations of each kind per step: this log lists them all (or upload SARIF)."
    lines.append(summary)
    return "\n".join(lines) + "\n"
