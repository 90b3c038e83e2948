"""structure.missing-section: the postmortem template's sections are all there."""
from __future__ import annotations

from typing import Iterable

from ..document.sections import canonical_section, normalize
from ..findings import Hit
from ._entries import first_line_span
from .registry import Context, check

_WHY = {
    "summary": "so readers cannot tell at a glance what happened",
    "impact": "so readers cannot tell who was affected and how badly",
    "timeline": "so the review cannot follow detection, response and recovery",
    "root causes": "so the review cannot see why the system allowed the failure",
    "action items": "so nothing records what will change to prevent a repeat",
    "lessons learned": "so what the team learned is not written down",
    "incident": "so the report has no incident id, title or severity",
}
_YAML_KEYS = {"root causes": "root_causes", "action items": "action_items", "lessons learned": "lessons_learned"}


def _first_line(ctx: Context) -> tuple[int, int]:
    text = ctx.document.text
    start = len(text) - len(text.lstrip())
    return first_line_span(text, start, len(text))


def _anchors(ctx: Context, required: list[str], present: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Where each missing section is reported: the heading of the template section it
    should follow (else the one it should precede, else the document's first line).

    Each missing section gets its own span, because findings with equal rule and
    span are merged downstream.
    """
    doc = ctx.document
    top = (doc.sections[0].start, doc.sections[0].end) if doc.sections and doc.format != "yaml" else _first_line(ctx)
    used: set[tuple[int, int]] = set()
    out: dict[str, tuple[int, int]] = {}
    order = [canonical_section(n) or n for n in required]
    for k, name in enumerate(order):
        if name in present:
            continue
        before = [present[n] for n in reversed(order[:k]) if n in present]
        after = [present[n] for n in order[k + 1:] if n in present]
        candidates = before + after + [top] + sorted(set(present.values()))
        span = next((c for c in candidates if c not in used), top)
        used.add(span)
        out[name] = span
    return out


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


@check("structure.missing-section")
def missing_sections(ctx: Context) -> Iterable[Hit]:
    doc = ctx.document
    # A snippet without any heading (a sentence typed into the web form) is not a postmortem.
    if doc.format != "yaml" and not doc.sections:
        return []
    required = doc.required_sections if doc.required_sections is not None else list(ctx.config.required_sections)
    present: dict[str, tuple[int, int]] = {}
    for s in doc.sections:
        names = {s.canonical, normalize(s.title)} | {n for n in required if canonical_section(s.title, (n,)) == n}
        for n in names:
            if n:
                present.setdefault(n, (s.start, s.end))
    anchors = _anchors(ctx, required, present)
    by_span: dict[tuple[int, int], list[str]] = {}
    for name in required:
        canonical = canonical_section(name) or name
        if canonical in anchors and canonical not in by_span.get(anchors[canonical], []):
            by_span.setdefault(anchors[canonical], []).append(canonical)
    hits = []
    for (start, end), names in by_span.items():
        why = _WHY.get(names[0], "which this team's template requires") if len(names) == 1 else \
            "so the review is missing parts of the template it walks through"
        if doc.format == "yaml":
            keys = [f"'{_YAML_KEYS.get(n, n)}'" for n in names]
            message = f"The report has no {_names(keys)} key, {why}."
        else:
            message = f"The postmortem has no {_names([n.capitalize() for n in names])} section, {why}."
        hits.append(Hit("structure.missing-section", start, end, message))
    return hits
