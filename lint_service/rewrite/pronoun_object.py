"""(rewrite31) "The admin who set up the backups never verified them": the act's object is
a pronoun whose antecedent is in the clause that says who the person was. With the person
the clause goes, and the pronoun would be left with nothing to point at; the thing it
points at is said in its place ("The admin never verified the backups"), and the sentence
is rewritten in a further round ("The backups were never verified"). Only "it" or "them",
agreeing in number with the one object of a "who"/"that" clause on the subject; an
indefinite antecedent becomes definite ("wrote a script ... never tested it" -> "the script").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate, np_text
from .text import render

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_PLURAL = {"them": True, "it": False}


def pronoun_object(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or len(c.objects) != 1 or c.objects[0].lower_ not in _PLURAL:
        return []
    pron = c.objects[0]
    rel = [x for x in c.subject.children if x.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in x.children)]
    if len(rel) != 1 or c.subject.i > c.verb.i:
        return []
    things = [o for o in rel[0].children if o.dep_ in ("dobj", "obj") and o.pos_ in ("NOUN", "PROPN")]
    if len(things) != 1 or (things[0].tag_ in ("NNS", "NNPS")) != _PLURAL[pron.lower_]:
        return []
    thing = things[0]
    words = np_text(thing).split(" ")
    if words[0].lower() in ("a", "an"):
        words[0] = "the"
    cut = {t.i for t in rel[0].subtree}
    cut |= {t.i for t in sent if t.text == "," and (t.i == rel[0].left_edge.i - 1 or t.i == rel[0].right_edge.i + 1)}
    return [Candidate(render(sent, {pron.i: " ".join(words)}, cut), restated=True)]
