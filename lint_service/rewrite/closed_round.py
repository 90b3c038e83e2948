"""(rewrite29) A restated sentence taken round again, parsed as a sentence.

A chat line has no closing period ("i ran the backfill against prod instead of staging,
sorry all"). Its restated candidate, once the apology or the writer's lead is gone
("I ran the backfill against prod instead of staging"), is what the next round rewrites,
and the small model parses an unclosed clause worse: the "instead of staging" became a
verb of its own, and no passive was built. The next round reads the candidate closed
with a period, as the writer's sentence would be in a document; the rewrite is given
back unclosed, like the line it replaces.

(rewrite30) A headline is not a chat line: closed with a period, "Contractor deletes city
payroll database" (what is left once a judging "carelessly" went) reads as prose in the
present and came back as "City payroll database is deleted". A clause with the headline's
shape (a bare singular noun as subject at the start, a verb in the present: what
headline.py rewrites to a bare participle) is taken round as written.
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
    if not text or ends_sentence(text) or text[-1] in ",;-—–" or headline_shaped(sent):
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


def headline_shaped(sent: Span) -> bool:
    """(rewrite30) The root a verb in the present (VBZ) whose subject is a bare singular
    noun (no determiner, no possessive) opening the line: a headline, not a chat line."""
    root = sent.root
    if root.tag_ != "VBZ":
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (subj is not None and subj.tag_ in ("NN", "NNP") and subj.left_edge.i == sent.start
            and sent[0].is_title and not any(c.dep_ in ("det", "poss") for c in subj.children))
