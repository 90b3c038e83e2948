"""Scare quotes that mocked the removed person's work, taken off: "your "quick fix" took
out search" -> "The quick fix took out search"; "offline to "just check something""
-> "offline to check something"; a single quoted adjective was the sneer itself
("their "quick" upgrade") and goes with its quotes.

With the person gone the quotes have nobody left to mock and read as the rewrite's own
sneer (the verifier refuses them); the words inside are the writer's description of the
thing or act and stay, less the adverbs that only carried the emphasis
(``dropped_adverbs``). Only short quotes (a phrase, not a quoted sentence or message).
"""
from __future__ import annotations

from spacy.tokens import Span

from .hindsight_words import article_after
from .text import phrasing, render

QUOTES = ('"', "“", "”", "‘", "’", "'")
MAX_QUOTED = 6


def without_scare_quotes(cand: Span, pronouns: frozenset[str]) -> str | None:
    """``cand`` without its short quotes and the emphasis inside them, or None if it has
    none; a possessive of the removed person (one of ``pronouns``, or "your") before them
    becomes "the"."""
    pronouns = pronouns | {"your"}
    drop = set(phrasing()["dropped_adverbs"])
    marks = [t for t in cand if t.text in QUOTES and t.is_quote]
    if len(marks) % 2:
        return None
    gone: set[int] = set()
    closing: dict[int, str] = {}
    for a, b in zip(marks[::2], marks[1::2]):
        inside = cand.doc[a.i + 1 : b.i]
        owner = cand.doc[a.i - 1] if a.i > cand.start else None
        if owner is not None and owner.tag_ in ("PRP$", "POS"):
            # "your "small tweak"": unquoted it would still be theirs; the owner goes too
            if owner.tag_ == "POS" or owner.lower_ not in pronouns:
                return None
            closing[owner.i] = "the" if owner.i > cand.start else "The"
        if not 0 < len(inside) <= MAX_QUOTED or any(t.is_sent_end or t.text in ".!?" for t in inside):
            return None
        gone |= {a.i} | {t.i for t in inside if t.lower_ in drop and t.dep_ == "advmod"}
        closing[b.i] = ""  # emptied, not deleted: the space after it stays
        if len(inside) == 1 and inside[0].dep_ == "amod" and inside[0].pos_ == "ADJ":
            # "their "quick" upgrade": the quoted word was the sneer itself and goes
            gone |= {inside[0].i, b.i}
            closing.update(article_after(inside[0], gone))
    return render(cand, closing, gone) if gone else None
