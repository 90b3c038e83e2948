"""What the web form shows, independent of Flask: categories and their wording,
the verdict sentence, findings grouped by category, the draft cut into
highlighted segments, and rewrites applied to a draft.

``static/page.js`` re-implements the small algorithms here (segments, verdict,
apply-all) for the JavaScript path, but reads every word and colour class from
:func:`client_config`, so the two paths cannot drift apart in wording.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, Sequence

from ..findings import Finding

FORMATS: tuple[tuple[str, str], ...] = (
    ("", "Auto-detect"),
    ("markdown", "Markdown"),
    ("text", "Plain text"),
    ("yaml", "YAML report"),
)

_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".yaml": "yaml", ".yml": "yaml"}


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    legend: str  # what a highlight of this colour means, for the legend
    one: str  # verdict wording for one finding with no rule-specific wording
    many: str


# Display order: what a facilitator should fix first comes first.
CATEGORIES: tuple[Category, ...] = (
    Category("blame", "Blame", "names or judges a person as the cause", "sentence blames a person", "sentences blame people"),
    Category("action-item", "Action items", "an action item lacks an owner or a deadline", "action-item problem", "action-item problems"),
    Category("timeline", "Timeline", "a timeline entry lacks a time", "timeline problem", "timeline problems"),
    Category("structure", "Structure", "a required section is missing", "structure problem", "structure problems"),
    Category("style", "Style", "wording that weakens the review", "style note", "style notes"),
)
_BY_ID = {c.id: c for c in CATEGORIES}

# Rules whose wording in the verdict is more precise than their category's.
RULE_PHRASES: dict[str, tuple[str, str]] = {
    "action-item.missing-owner": ("action item has no owner", "action items have no owner"),
    "action-item.missing-deadline": ("action item has no deadline", "action items have no deadline"),
    "timeline.missing-timestamp": ("timeline entry has no time", "timeline entries have no time"),
    "structure.missing-section": ("required section is missing", "required sections are missing"),
}

CLEAN_VERDICT = "No problems found: the draft reads as blameless and complete."


def category_for(category_id: str) -> Category:
    """The known category, or a neutral one for categories added later."""
    known = _BY_ID.get(category_id)
    if known is not None:
        return known
    words = category_id.replace("-", " ")
    label = words[:1].upper() + words[1:]
    return Category(category_id, label, f"{words} finding", f"{category_id} finding", f"{category_id} findings")


def css_class(category_id: str) -> str:
    """The colour class; unknown categories share the neutral ``other`` colour."""
    return category_id if category_id in _BY_ID else "other"


def format_for_filename(filename: str) -> str | None:
    lower = filename.lower()
    return next((fmt for ext, fmt in _EXTENSIONS.items() if lower.endswith(ext)), None)


def _order(category_id: str) -> tuple[int, str]:
    ids = [c.id for c in CATEGORIES]
    return (ids.index(category_id), "") if category_id in ids else (len(ids), category_id)


def verdict(findings: Sequence[Finding]) -> str:
    """One plain sentence: "3 sentences blame people; 2 action items have no owner."."""
    if not findings:
        return CLEAN_VERDICT
    counts: dict[tuple[tuple[int, str], str], int] = {}
    for f in findings:
        key = f.rule if f.rule in RULE_PHRASES else f"category:{f.category}"
        sort_key = (_order(f.category), key)
        counts[sort_key] = counts.get(sort_key, 0) + 1
    parts = []
    for (cat_order, key), n in sorted(counts.items()):
        if key.startswith("category:"):
            cat = category_for(key.split(":", 1)[1])
            one, many = cat.one, cat.many
        else:
            one, many = RULE_PHRASES[key]
        parts.append(f"{n} {one if n == 1 else many}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def grouped(findings: Sequence[Finding]) -> list[tuple[Category, str, list[tuple[int, Finding]]]]:
    """Findings by category in display order, numbered 1..N in that order.

    The list is the meeting's agenda, so it reads 1, 2, 3...; each number is
    also the badge on the finding's span in the highlighted draft.
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.category, []).append(f)
    out: list[tuple[Category, str, list[tuple[int, Finding]]]] = []
    n = 0
    for c in sorted(groups, key=_order):
        items = []
        for f in groups[c]:
            n += 1
            items.append((n, f))
        out.append((category_for(c), css_class(c), items))
    return out


def category_info(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """Legend and summary rows: every known category, plus any unknown one found."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    ids = [c.id for c in CATEGORIES] + sorted(set(counts) - set(_BY_ID))
    return [
        {"id": i, "css": css_class(i), "label": category_for(i).label, "legend": category_for(i).legend, "count": counts.get(i, 0)}
        for i in ids
    ]


@dataclass(frozen=True)
class Segment:
    """A run of the draft covered by the same findings.

    ``css`` is the colour of the innermost (shortest) covering finding, so a
    blame span inside a flagged action-item row still shows as blame.
    ``badges`` are the finding numbers (and colour classes) that end here.
    """

    text: str
    css: str | None
    numbers: tuple[int, ...]
    badges: tuple[tuple[int, str, str], ...]  # (number, css class, label)


def highlight_segments(text: str, numbered: Sequence[tuple[int, Finding]]) -> list[Segment]:
    """The draft cut at every finding's start and end, in one sweep.

    The findings covering a run are kept as an active set (added at their start,
    removed at their end) and the innermost one in a heap by length, so the cost
    grows with the findings and the output, not with their product.
    """
    spans = sorted(((n, f) for n, f in numbered if 0 <= f.start <= f.end <= len(text)), key=lambda nf: nf[0])
    starts: dict[int, list[tuple[int, Finding]]] = {}
    ends: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in spans:
        if f.start < f.end:
            starts.setdefault(f.start, []).append((n, f))
        ends.setdefault(f.end, []).append((n, f))  # zero-width findings too: they are badges
    cuts = sorted({0, len(text)} | set(starts) | set(ends))
    active: dict[int, Finding] = {}
    shortest: list[tuple[int, int]] = []  # (length, number); entries of ended findings are skipped lazily
    segments: list[Segment] = []
    previous = 0
    for point in cuts:
        # The run (previous, point), then the badges of the findings ending at point
        # (a zero-width finding, e.g. a missing section, is just a badge).
        inner: Finding | None = None
        if point > previous:
            while shortest and shortest[0][1] not in active:
                heapq.heappop(shortest)
            inner = active[shortest[0][1]] if shortest else None
        badges = tuple((n, css_class(f.category), category_for(f.category).label) for n, f in ends.get(point, ()))
        if point > previous or badges:
            segments.append(
                Segment(
                    text=text[previous:point],
                    css=css_class(inner.category) if inner else None,
                    numbers=tuple(sorted(active)) if inner else (),
                    badges=badges,
                )
            )
        for n, f in ends.get(point, ()):
            active.pop(n, None)
        for n, f in starts.get(point, ()):
            active[n] = f
            heapq.heappush(shortest, (f.end - f.start, n))
        previous = point
    return segments


def apply_all(text: str, findings: Sequence[Finding], *, category: str) -> tuple[str, int]:
    """Apply the first suggestion of every finding in ``category``.

    Later spans are applied first so earlier offsets stay valid; a span that
    overlaps one already applied is skipped (the re-check will report it again).
    """
    chosen = sorted((f for f in findings if f.category == category and f.suggestions), key=lambda f: f.start, reverse=True)
    applied, floor = 0, len(text) + 1
    for f in chosen:
        if f.end > floor:
            continue
        text = text[: f.start] + f.suggestions[0] + text[f.end :]
        floor, applied = f.start, applied + 1
    return text, applied


def client_config(page_url: str) -> dict[str, Any]:
    """What page.js needs, embedded as JSON in the page."""
    root = page_url.rstrip("/")
    return {
        "apiUrl": f"{root}/v1/lint",
        "incidentUrl": f"{root}/v1/incident",
        "storageKey": "blamelint.draft",
        "categories": [
            {"id": c.id, "label": c.label, "legend": c.legend, "one": c.one, "many": c.many} for c in CATEGORIES
        ],
        "rulePhrases": {rule: {"one": one, "many": many} for rule, (one, many) in RULE_PHRASES.items()},
        "cleanVerdict": CLEAN_VERDICT,
        "extensions": _EXTENSIONS,
    }
