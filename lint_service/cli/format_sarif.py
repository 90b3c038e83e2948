"""``sarif``: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), like every
other blamelint surface; ``charOffset``/``charLength`` are the finding's
``start``/``end``. Each suggestion becomes a ``fix`` replacing the span.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ..findings import REMOVAL_LABEL, Finding
from .formats import TOOL_NAME, Run

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (GitHub resolves it against the checkout)."""
    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def _rule_descriptor(info: Any) -> dict[str, Any]:
    help_text = info.explanation
    help_md = info.explanation
    if info.example:
        help_text += f"\n\nExample: {info.example}"
        help_md += f"\n\n**Example:** {info.example}"
    if info.rewrite:
        help_text += f"\nRewrite: {info.rewrite}"
        help_md += f"\n\n**Rewrite:** {info.rewrite}"
    return {
        "id": info.id,
        "name": "".join(part.capitalize() for part in info.id.replace("-", ".").split(".")),
        "shortDescription": {"text": info.description},
        "fullDescription": {"text": info.explanation or info.description},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[info.severity], "enabled": bool(info.enabled)},
        "properties": {"category": info.category, "tags": [info.category, "postmortem"]},
    }


def _region(f: Finding) -> dict[str, Any]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def _fingerprint(f: Finding, occurrence: int) -> str:
    # Stable when lines above move: rule, flagged words and which occurrence they are.
    key = "\0".join((f.rule, " ".join(f.text.split()).lower(), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_data(run: Run) -> dict[str, Any]:
    from ..checks.registry import rule_infos

    infos = rule_infos()
    index = {rid: i for i, rid in enumerate(infos)}
    rules = [_rule_descriptor(info) for info in infos.values()]
    results: list[dict[str, Any]] = []
    for r in run.results:
        if r.report is None:
            continue
        uri = artifact_uri(r.path)
        seen: dict[tuple[str, str], int] = {}
        for f in r.report.findings:
            key = (f.rule, f.text.lower())
            seen[key] = seen.get(key, 0) + 1
            message = f.message
            if f.suggestions:
                message += " Suggestion: " + " / ".join(f"\u201c{s}\u201d" if s else REMOVAL_LABEL.lower() for s in f.suggestions)
            location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(f)}}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _LEVEL[f.severity],
                "message": {"text": message},
                "locations": [location],
                "partialFingerprints": {"blamelint/v1": _fingerprint(f, seen[key])},
                "properties": {"category": f.category, "text": f.text},
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            if f.suggestions:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace \u201c{f.text}\u201d with \u201c{s}\u201d" if s
                                        else f"{REMOVAL_LABEL}: \u201c{f.text.strip()}\u201d"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": uri},
                                "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": s}}],
                            }
                        ],
                    }
                    for s in f.suggestions
                ]
            results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error.reason},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
        }
        for r in run.results
        if r.error is not None
    ]
    driver: dict[str, Any] = {"name": TOOL_NAME, "rules": rules}
    if run.version:
        driver["version"] = driver["semanticVersion"] = run.version
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def format_run(run: Run) -> str:
    return json.dumps(to_data(run), indent=2, ensure_ascii=False) + "\n"
