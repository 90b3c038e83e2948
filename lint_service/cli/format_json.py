"""``json``: ``{"files": [{"path", "findings", ...}], "stats": {...}}`` (SPEC.md).

A file that could not be linted has ``"findings": []`` and an ``"error"`` string.
"""
from __future__ import annotations

import json
from typing import Any

from .formats import Run


def to_data(run: Run) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for r in run.results:
        entry: dict[str, Any] = {"path": r.path, "findings": []}
        if r.report is not None:
            entry["findings"] = [f.to_dict() for f in r.report.findings]
            entry["stats"] = dict(r.report.stats)
        if r.error is not None:
            entry["error"] = r.error.reason
        files.append(entry)
    return {"files": files, "stats": run.stats()}


def format_run(run: Run) -> str:
    return json.dumps(to_data(run), indent=2, ensure_ascii=False) + "\n"
