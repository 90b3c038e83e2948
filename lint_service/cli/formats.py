"""Output formats of `blamelint check` (modules ``format_*.py``). Each turns a
:class:`Run` into the text printed on standard output; none re-runs checks or
recomputes positions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..findings import SEVERITIES, SEVERITY_RANK, Finding
from .runner import FileResult

TOOL_NAME = "blamelint"


@dataclass
class Run:
    """Everything a formatter may show: per-file results (sorted by path) and options."""

    results: list[FileResult]
    fail_on: str = "warning"
    elapsed_ms: float = 0.0
    color: bool = False
    quiet: bool = False
    version: str = ""

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    def findings(self) -> list[tuple[FileResult, Finding]]:
        return [(r, f) for r in self.results if r.report is not None for f in r.report.findings]

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` is at or above ``--fail-on`` (never, for ``never``)."""
        return self.fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]

    def stats(self) -> dict[str, Any]:
        by_severity = {s: 0 for s in SEVERITIES}
        by_category: dict[str, int] = {}
        for _, f in self.findings():
            by_severity[f.severity] += 1
            by_category[f.category] = by_category.get(f.category, 0) + 1
        return {
            "files": len(self.results),
            "files_with_findings": sum(1 for r in self.results if r.report is not None and r.report.findings),
            "errors": len(self.errors),
            "total": sum(by_severity.values()),
            "by_severity": by_severity,
            "by_category": dict(sorted(by_category.items())),
            "elapsed_ms": round(self.elapsed_ms, 2),
        }

    def summary(self) -> str:
        """One line: what was found where, e.g. for the end of text output."""
        s = self.stats()
        sev = s["by_severity"]
        counts = ", ".join(f"{sev[k]} {k}{'s' if k != 'info' and sev[k] != 1 else ''}" for k in SEVERITIES)
        checked = s["files"] - s["errors"]
        files = f"{checked} file{'s' if checked != 1 else ''}"
        head = (
            f"{s['total']} problem{'s' if s['total'] != 1 else ''} ({counts}) in {s['files_with_findings']} of {files}"
            if s["total"]
            else f"No problems found in {files}"
        )
        if s["errors"]:
            head += f"; {s['errors']} file{'s' if s['errors'] != 1 else ''} could not be checked"
        return head + "."


def _formatters() -> dict[str, Callable[[Run], str]]:
    # Imported on use: each format module imports Run from here.
    from . import format_github, format_json, format_junit, format_rdjson, format_sarif, format_text

    return {
        "text": format_text.format_run,
        "json": format_json.format_run,
        "sarif": format_sarif.format_run,
        "github": format_github.format_run,
        "junit": format_junit.format_run,
        "rdjson": format_rdjson.format_run,
    }


FORMAT_NAMES = ("text", "json", "sarif", "github", "junit", "rdjson")


def render(name: str, run: Run) -> str:
    return _formatters()[name](run)

