"""Findings as LSP diagnostics: same rule, message and span, in the client's units."""
from __future__ import annotations

from typing import Callable

from lsprotocol import types

from ..findings import Finding, Report
from .positions import PositionMap

SOURCE = "blamelint"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def to_diagnostic(f: Finding, positions: PositionMap, rule_href: Callable[[str], str]) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.range(f.start, f.end),
        message=f.message,
        severity=SEVERITIES[f.severity],
        code=f.rule,
        code_description=types.CodeDescription(href=rule_href(f.rule)),
        source=SOURCE,
        # lets a client that caches diagnostics offer the fixes without asking again
        data={"suggestions": list(f.suggestions)},
    )


def to_diagnostics(report: Report, positions: PositionMap, rule_href: Callable[[str], str]) -> list[types.Diagnostic]:
    return [to_diagnostic(f, positions, rule_href) for f in report.findings]


def problem_diagnostic(message: str, positions: PositionMap, offset: int = 0) -> types.Diagnostic:
    """A document blamelint cannot read (a YAML report that is not one, a text too long):
    one error at the start, so the editor says why there are no findings."""
    return types.Diagnostic(
        range=positions.range(offset, offset),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
