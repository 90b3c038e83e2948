"""A headline that names a person as the doer: "Contractor cuts wrong cable, city
traffic lights go dark" -> "Wrong cable cut, city traffic lights go dark".

Headlines drop articles and the auxiliary, so their agentless form is the bare
participle ("Production database deleted during cleanup"), not "is deleted". A
headline is read off the parse and the page: no closing punctuation, a bare singular
noun as subject (no determiner) and a verb in the present. What follows the clause with
a subject of its own (", city traffic lights go dark") stays as written.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import participle_of
from .people import replace_clause
from .text import span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def headline_passive(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.negated or c.passive or len(c.objects) != 1:
        return []
    text = sent.text.rstrip()
    v, subj, obj = c.verb, c.subject, c.objects[0]
    # (rewrite27) a compound subject ("Pharmacy technician mislabels ...") starts the headline too
    start = subj.left_edge.i
    if text[-1:] in ".!?:;\"”" or v.tag_ != "VBZ" or start != sent.start or subj.tag_ not in ("NN", "NNP") \
            or any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in subj.subtree):
        return []
    if any(x.dep_ in ("det", "poss") for x in subj.children) or any(x.dep_ == "det" for x in obj.children):
        return []  # "The contractor cuts ...": prose in the present, not a headline
    own = [x for x in v.children if x.i > v.i and not trailing_punct(x) and not (
        x.dep_ in ("ccomp", "parataxis", "conj") and any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children)) and x.dep_ != "cc"]
    if any(x.dep_ not in ("dobj", "obj", "prep", "advmod", "npadvmod", "prt") for x in own) or any(
            t.lower_ in PERSONAL_WORDS for x in own for t in x.subtree):
        return []
    words = [t for x in own for t in x.subtree if not (trailing_punct(t) and t.i == x.right_edge.i)]
    thing = span_text([t for t in obj.subtree if not (trailing_punct(t) and t.i == obj.right_edge.i)])
    rest = span_text([t for t in words if t.i not in {x.i for x in obj.subtree}])
    # (rewrite28) "Contractor accidentally deletes ..." -> "... accidentally deleted": how
    # it happened stays by the participle; a judgement of the doer ("carelessly") goes
    judged = set(ctx.cache["blame.lexicon"].terms["judgement_adverbs"]) if "blame.lexicon" in ctx.cache else set()
    how = span_text([x for x in v.children if x.dep_ == "advmod" and x.i < v.i and not list(x.children) and x.lower_ not in judged])
    said = " ".join(x for x in (thing[:1].upper() + thing[1:], how, participle_of(v), rest) if x)
    return [Candidate(replace_clause(sent, start, max(t.i for t in words), said))]

