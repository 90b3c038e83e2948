"""Findings and reports: the data every surface (library, CLI, HTTP) shares.

Checks produce :class:`Hit` objects (rule, offsets, message, suggestions); the
linter turns them into :class:`Finding` objects by adding the category and
severity from the rule registry/config and the line/column positions.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")

# An empty suggestion removes its span: a blame finding's whole sentence that only says
# whose fault it was (rewrite/verdict_only.py). Surfaces show it in these words, never as
# an empty string.
REMOVAL_LABEL = "Remove this sentence"


def suggestion_label(suggestion: str) -> str:
    """How a surface names a suggestion: its text, or the removal label when it is empty."""
    return suggestion if suggestion else REMOVAL_LABEL
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Hit:
    """What a check reports: a rule, a span of the original text, and why."""

    rule: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()


@dataclass
class Finding:
    """One problem in a document, with the fields of SPEC.md."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class LineIndex:
    """Maps code-point offsets of one text to 1-based (line, column).

    Lines end at "\\n"; a "\\r" before it belongs to the line it ends, so CRLF
    text gets the same line numbers as LF text.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


@dataclass
class Report:
    """The result of linting one text."""

    findings: list[Finding]
    stats: dict[str, Any] = field(default_factory=dict)
    # True when findings were cut at a cap (``Linter.lint(max_findings=...)``);
    # ``stats["total"]`` still counts them all.
    truncated: bool = False
    # [start, end) code-point spans of the prose sentences as the parser split them,
    # sorted; surfaces that report sentences (LanguageTool's sentenceRanges) read them
    # here instead of splitting the text again. Not part of to_dict().
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {"findings": [f.to_dict() for f in self.findings], "stats": dict(self.stats)}
        if self.truncated:  # only then, so an untruncated answer keeps the contract's two fields
            out["truncated"] = True
        return out

    def count(self, *, category: str | None = None, min_severity: str = "info") -> int:
        floor = SEVERITY_RANK[min_severity]
        return sum(
            1
            for f in self.findings
            if (category is None or f.category == category) and SEVERITY_RANK[f.severity] >= floor
        )


def summarize(findings: list[Finding]) -> dict[str, Any]:
    """Counts per category and per severity, for `Report.stats`."""
    by_category: dict[str, int] = {}
    by_severity = {s: 0 for s in SEVERITIES}
    for f in findings:
        by_category[f.category] = by_category.get(f.category, 0) + 1
        by_severity[f.severity] += 1
    return {"total": len(findings), "by_category": by_category, "by_severity": by_severity}
