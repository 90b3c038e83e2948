"""(rewrite31) A decision said of the person: "The team lead decided to ship without load
testing" -> "It was decided to ship without load testing". The decision and what it was
stay; who made it goes. Only a verb of deciding (rules/rewrites.yaml ``decision_verbs``)
in the past, with a "to" act and nothing else of the person's in the clause (no object,
negation or modal), and no pronoun of theirs in the act.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .people import replace_clause
from .text import participle_of, phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def decided(c: "Clause", sent: Span) -> list[Candidate]:
    verb = c.verb
    if c.subject is None or c.subject.i > verb.i or verb_lemma_of(verb.text) not in phrasing()["decision_verbs"] or verb.tag_ != "VBD":
        return []
    if c.modal or c.negated or any(x.dep_ in ("dobj", "obj", "neg", "aux", "ccomp", "conj", "advcl") for x in verb.children):
        return []
    act = next((x for x in verb.children if x.dep_ == "xcomp" and x.tag_ == "VB" and any(a.lower_ == "to" for a in x.children)), None)
    if act is None or any(t.lower_ in PERSONAL_WORDS for t in act.subtree):
        return []
    rest = [t for t in verb.subtree if t.i > verb.i and not trailing_punct(t)]
    first = min(t.i for t in c.subject.subtree)
    return [Candidate(replace_clause(sent, first, max(t.i for t in rest), f"it was {participle_of(verb)} {span_text(rest)}"))]
