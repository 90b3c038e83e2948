"""A conjunction left on the new subject (rewrite28, issue 11): "I deleted the tag and now
the page is broken" -> "The tag and was deleted now the page is broken". The parser hung
the "and" that joins the next clause on the object; moved with the object into the
subject, it joins nothing. clause._object_parts now leaves such an "and" after the verb;
this verifier check refuses any candidate whose parse still shows one: a coordinating
word on a noun with no conjunct of its own, right before a verb.
"""
from __future__ import annotations

from spacy.tokens import Span

# the words that join clauses ("instead of/cc" is a preposition the parser misread)
_JOINERS = frozenset({"and", "or", "but", "nor"})


def dangling_cc(cand: Span) -> str | None:
    """The conjunction left hanging on a noun before a verb, or None."""
    for t in cand:
        if t.dep_ != "cc" or t.lower_ not in _JOINERS or t.head.pos_ not in ("NOUN", "PROPN") or t.i + 1 >= cand.end:
            continue
        nxt = cand.doc[t.i + 1]
        if nxt.pos_ in ("AUX", "VERB") and not any(x.dep_ == "conj" for x in t.head.children):
            return t.text
    return None
