"""A leading "As <role>, ..." that said who the removed subject was ("As the approver on
that change, I didn't check ..."): with the subject gone it describes nobody, so it goes
with them ("It was not checked that ..."). The verifier finds it (rewrite/faithful.py,
``opener ... described the removed person``); this is the repair.
"""
from __future__ import annotations

from spacy.tokens import Span

from .text import tidy


def without_role_opener(cand: Span, phrase_start: str) -> str | None:
    """``cand`` without the opening "as" phrase the verifier named (``phrase_start``, its
    first words) and the comma closing it, or None when it does not open the candidate."""
    first = cand[0]
    if first.lower_ != "as" or not cand.text.lower().startswith(phrase_start.lower()):
        return None
    comma = next((t for t in cand if t.text == "," and t.head.i in {x.i for x in first.subtree} | {first.head.i}
                  and t.i > first.right_edge.i - 1), None)
    if comma is None or comma.i != first.right_edge.i + 1:
        return None  # no comma closes the phrase: where it ends is the parser's guess
    rest = cand.doc[comma.i + 1: cand.end].text.strip()
    if not rest:
        return None
    return tidy(rest[0].upper() + rest[1:])
