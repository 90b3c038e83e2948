"""Getting a thing into a wrong state: "I got the region wrong in the terraform command"
-> "The region was wrong in the terraform command".

The parser reads "the region wrong" as a small clause (region/nsubj wrong/ccomp). The
state is the writer's adjective and stays; the person who got it so goes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present
from .people import replace_clause
from .text import phrasing, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def wrong_state(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.conditional or c.negated or c.objects:
        return []
    v = c.verb
    if verb_lemma_of(v.text) not in phrasing()["state_verbs"] or c.subject.i > v.i:
        return []
    state = next((x for x in v.children if x.dep_ in ("ccomp", "oprd") and x.pos_ == "ADJ" and x.i > v.i), None)
    thing = next((s for s in state.children if s.dep_ == "nsubj" and s.i < state.i), None) if state is not None else None
    if thing is None or thing.pos_ == "PRON" or any(x.dep_ not in ("nsubj", "prep", "advmod", "punct") for x in state.children):
        return []
    words = [t for t in state.subtree if not (t.is_punct and t.i == state.right_edge.i)]
    if any(t.lower_ in PERSONAL_WORDS for t in words) or any(x.i > state.right_edge.i and not x.is_punct for x in v.children):
        return []
    rest = span_text([t for t in words if t.i > state.i])
    plural = thing.tag_ in ("NNS", "NNPS")
    be = ("are" if plural else "is") if is_present(v) else ("were" if plural else "was")
    text = " ".join(x for x in (span_text(list(thing.subtree)), be, state.text, rest) if x)
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in words)
    return [Candidate(replace_clause(sent, first, last, text))]
