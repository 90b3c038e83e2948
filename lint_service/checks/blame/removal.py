"""The finding of a sentence whose rewrite is its removal (rewrite/verdict_only.py).

Its message says why the rewrite is a deletion, and its span is what the sentence
occupies (removal_span.py), so applying the empty suggestion leaves clean text on every
surface. A removal is offered only in running prose (a paragraph or an ordinary list
item): a table cell, a heading, a timeline entry, an action item or a YAML string left
empty would break the structure the sentence stood in, so there it is left without.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...findings import Hit
from .removal_span import LINE_MARKERS, removal_span

if TYPE_CHECKING:
    from ...document.model import Prose
    from ..registry import Context
    from .recognizers import Detection

REMOVABLE_KINDS = ("paragraph", "list-item")
WHY = "the sentence says whose fault it was and nothing of what happened, so remove it and let the sentences about the events stand."
MESSAGE = "This sentence only says whose fault it was, not what happened: remove it and let the sentences about the events stand."


def removal_hit(ctx: "Context", prose: "Prose", found: "Detection", start: int, end: int,
                suggestions: tuple[str, ...]) -> Iterator[Hit]:
    """The finding for a sentence that is only a verdict or an apology."""
    doc = ctx.document
    others = tuple(s for s in suggestions if s)
    inside_entry = any(e.start < end and start < e.end for e in (*doc.timeline, *doc.action_items))
    labelled = after_label(doc.text, start)
    if prose.kind not in REMOVABLE_KINDS or inside_entry or doc.format == "yaml" or labelled:
        yield Hit(found.rule, start, end, found.message, others)
        return
    first, last = removal_span(doc.text, start, end)
    yield Hit(found.rule, first, last, removal_message(found.message), ("",) + others)


def removal_message(message: str) -> str:
    """The detection's own diagnosis (it names who is blamed) with why the rewrite is a
    removal in place of its advice to restate: still one sentence."""
    head, sep, _advice = message.partition("; ")
    if not sep:
        return MESSAGE
    return f"{head}; {WHY}"


# emphasis and spaces around a label: "**Note:**", "_Root cause_:"
_DECOR = re.compile(r"[*_`\s]+")


def after_label(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` is the first thing after a label ending in ':' --
    on its own line ("Note: it was my fault.", "**Note:** ...") or on the line before,
    blank lines and list markers between ("Root cause:" then "- Operator error."). Removing
    it would leave the label standing over nothing, or over the next, unrelated sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _DECOR.sub("", before).endswith(":"):
        return True
    if not LINE_MARKERS.fullmatch(before):
        return False  # other sentences before it on its line
    lines = text[:line_start].splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return bool(lines) and _DECOR.sub("", lines[-1]).endswith(":")
