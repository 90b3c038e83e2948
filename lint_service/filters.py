"""After the checks: configuration (enabled rules, severities) and inline suppression.

This is the one place findings are dropped or re-graded, so every surface
behaves the same.
"""
from __future__ import annotations

from .checks.registry import RuleInfo
from .config import Config
from .document.model import Document
from .document.suppress import SuppressionIndex
from .findings import Finding, Hit, LineIndex


def to_findings(hits: list[Hit], document: Document, infos: dict[str, RuleInfo], config: Config) -> list[Finding]:
    """Turn hits into findings: drop disabled and suppressed ones, add positions."""
    index = LineIndex(document.text)
    silenced = SuppressionIndex(document.suppressions)
    seen: set[tuple[str, int, int, str]] = set()
    findings: list[Finding] = []
    for hit in hits:
        info = infos[hit.rule]
        if not config.is_enabled(hit.rule, info.enabled):
            continue
        key = (hit.rule, hit.start, hit.end, hit.message)
        if key in seen:
            continue
        line, column = index.position(hit.start)
        if silenced.covers(hit.rule, line):
            continue
        seen.add(key)
        end_line, end_column = index.position(hit.end)
        findings.append(
            Finding(
                rule=hit.rule,
                category=info.category,
                severity=config.severity_for(hit.rule, info.severity),
                message=hit.message,
                start=hit.start,
                end=hit.end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                text=document.text[hit.start : hit.end],
                suggestions=list(dict.fromkeys(hit.suggestions)),
            )
        )
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
