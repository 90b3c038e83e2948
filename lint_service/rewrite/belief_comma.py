"""A belief participle the parser took for the object: "wiped the disk thinking it was
the spare" reads "disk thinking" as one noun phrase (the participle as the object or
part of it), and the passive said "The disk thinking was wiped it was the spare". With
the comma the writer left out, "thinking" is the act's adverbial clause again and
``belief.belief_edits`` says what the object was taken for: "The disk was wiped,
mistaken for the spare" (branch rewrite12).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import phrasing, verb_lemma_of


def believed(g: Token) -> bool:
    """``g`` is a belief participle right after a noun, not read as a clause of its own:
    "thinking it was X", "believing they were Y", the pronoun the object's."""
    if g.tag_ != "VBG" or g.dep_ == "advcl" or g.i == 0 or g.i + 1 >= len(g.doc) or verb_lemma_of(g.text) not in phrasing()["mental_verbs"]:
        return False
    before, nxt = g.doc[g.i - 1], g.doc[g.i + 1]
    said = nxt.head if nxt.dep_ == "nsubj" and nxt.lower_ in ("it", "they") else None
    return before.pos_ in ("NOUN", "PROPN") and said is not None and said.lemma_ == "be" and said.i == nxt.i + 1


def with_belief_comma(sent: Span) -> str | None:
    """``sent`` with a comma before its misread belief participle, or None when there is none."""
    for g in sent:
        if g.i > sent.start and believed(g):
            cut = g.idx - sent.start_char
            return sent.text[:cut].rstrip() + ", " + sent.text[cut:]
    return None
