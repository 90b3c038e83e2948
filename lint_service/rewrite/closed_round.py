"""(rewrite29) A restated sentence taken round again, parsed as a sentence.

A chat line has no closing period ("i ran the backfill against prod instead of staging,
sorry all"). Its restated candidate, once the apology or the writer's lead is gone
("I ran the backfill against prod instead of staging"), is what the next round rewrites,
and the small model parses an unclosed clause worse: the "instead of staging" became a
verb of its own, and no passive was built. The next round reads the candidate closed
with a period, as the writer's sentence would be in a document; the rewrite is given
back unclosed, like the line it replaces.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from spacy.tokens import Span

from .text import ends_sentence

if TYPE_CHECKING:
    from ..checks.registry import Context


def closed_for_next_round(sent: Span, ctx: "Context", blame: Callable[[Span], object]) -> tuple[object, Span] | None:
    """(its blame detection, the sentence) for ``sent`` closed with a period, or None when
    it ends a sentence already, or closed it is no longer one blamed sentence."""
    text = sent.text.strip()
    if not text or ends_sentence(text) or text[-1] in ",;-—–":
        return None
    parsed = list(ctx.parse([text + "."])[0].sents)
    if len(parsed) != 1:
        return None
    found = blame(parsed[0])
    return (found, parsed[0]) if found is not None else None


def reopened(text: str, original: Span) -> str:
    """``text`` without the period the round closed it with, when ``original`` had none."""
    if ends_sentence(original.text.strip()) or not text.endswith(".") or text.endswith(".."):
        return text
    return text[:-1]
