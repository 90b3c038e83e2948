"""``rdjson``: reviewdog's Diagnostic JSON (``reviewdog -f=rdjson``), with suggestions.

reviewdog counts columns in UTF-8 bytes, so the code-point columns of a finding
are converted with the file's text; nothing else is recomputed.
"""
from __future__ import annotations

import json
from typing import Any

from ..findings import Finding
from .formats import TOOL_NAME, Run

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _byte_column(lines: list[str], line: int, column: int) -> int:
    if not 1 <= line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def _range(lines: list[str], f: Finding) -> dict[str, Any]:
    return {
        "start": {"line": f.line, "column": _byte_column(lines, f.line, f.column)},
        "end": {"line": f.end_line, "column": _byte_column(lines, f.end_line, f.end_column)},
    }


def to_data(run: Run) -> dict[str, Any]:
    diagnostics: list[dict[str, Any]] = []
    for r in run.results:
        if r.report is None:
            diagnostics.append({"message": r.error.reason if r.error else "not checked",
                                "location": {"path": r.path}, "severity": "ERROR",
                                "code": {"value": "invalid-input"}})
            continue
        lines = r.text.split("\n")
        for f in r.report.findings:
            rng = _range(lines, f)
            diagnostics.append(
                {
                    "message": f.message,
                    "location": {"path": r.path, "range": rng},
                    "severity": _SEVERITY[f.severity],
                    "code": {"value": f.rule},
                    "suggestions": [{"range": rng, "text": s} for s in f.suggestions],
                    "original_output": f"{r.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}",
                }
            )
    return {"source": {"name": TOOL_NAME}, "diagnostics": diagnostics}


def format_run(run: Run) -> str:
    return json.dumps(to_data(run), ensure_ascii=False) + "\n"
