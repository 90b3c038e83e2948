"""(rewrite31) "turned off paging for the night", "switched off alerting": the parser reads a
bare "-ing" noun after a particle verb as the verb's complement, so the clause has no
object for its passive. The "-ing" is the thing turned off ("Paging was turned off for the
night"). Only a bare one (no object, subject or particle of its own) after a verb with a
particle.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .clause import verb_phrase_passive

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def gerund_object(c: "Clause", own: list[Token], negate: bool, drop: set[str]) -> str | None:
    verb = c.action
    if c.objects or not any(x.dep_ == "prt" for x in verb.children):
        return None
    g = next((x for x in verb.children if x.dep_ == "xcomp" and x.tag_ == "VBG" and x.i > verb.i), None)
    if g is None or any(k.dep_ in ("dobj", "obj", "nsubj", "aux", "prt", "advmod", "xcomp", "ccomp") for k in g.children):
        return None
    phrase = verb_phrase_passive(verb, [t for t in own if t.i != g.i], negate, drop, obj_text=g.text)
    return None if phrase is None else f"{phrase[0]} {phrase[1]}"
