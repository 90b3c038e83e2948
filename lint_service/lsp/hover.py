"""Hover on a finding: its message, suggestions and the rule's explanation (as `blamelint explain`)."""
from __future__ import annotations

from lsprotocol import types

from ..checks.registry import RuleInfo
from ..findings import REMOVAL_LABEL, Finding


def hover_markdown(findings: list[Finding], infos: dict[str, RuleInfo]) -> str:
    parts = []
    for f in findings:
        info = infos.get(f.rule)
        lines = [f"**{f.rule}** ({f.severity}): {f.message}"]
        if f.suggestions:
            lines.append("Suggestions: " + "; ".join(f"“{s}”" if s else REMOVAL_LABEL.lower() for s in f.suggestions))
        if info is not None:
            lines.append(f"*What it reports:* {_flat(info.description)}")
            lines.append(f"*Why:* {_flat(info.explanation)}")
            if info.example:
                lines.append(f"*Example:* {_flat(info.example)}")
            if info.rewrite:
                lines.append(f"*Rewrite:* {_flat(info.rewrite)}")
        parts.append("\n\n".join(lines))
    return "\n\n---\n\n".join(parts)


def to_hover(findings: list[Finding], infos: dict[str, RuleInfo], rng: types.Range) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(findings, infos)),
        range=rng,
    )


def _flat(text: str) -> str:
    return " ".join(text.split())
