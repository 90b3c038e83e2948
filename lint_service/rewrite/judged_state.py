"""(rewrite31) A verdict on the person joined to their act: "The reviewer was sloppy and
approved a broken change", "Tomas was careless and deleted the wrong volume". The "was
sloppy" half is only the judgement and goes with the person; the act is the sentence's
fact, restated without it ("The reviewer approved a broken change") and rewritten in a
further round ("A broken change was approved"). Only one act, coordinated with a "be" whose
every complement is a bare judgement adjective of the lexicon, with no modal or negation.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from .candidate import Candidate
from .text import render

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def judged_state(c: "Clause | None", sent: Span, lex: Any) -> list[Candidate]:
    if c is None or c.subject is None or c.verb.lemma_ != "be" or c.subject.i > c.verb.i or c.modal or c.negated:
        return []
    judged = set(lex.terms["judgement_adjectives"])
    states = [x for x in c.verb.children if x.dep_ == "acomp"]
    acts = [x for x in c.verb.children if x.dep_ == "conj" and x.pos_ == "VERB"
            and not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in x.children)]
    if not states or len(acts) != 1 or any(s.lower_ not in judged or list(s.children) for s in states):
        return []
    if any(x.dep_ in ("neg", "advmod", "prep") for x in c.verb.children):
        return []  # "was sloppy again", "was careless with X": more than the verdict
    act = acts[0]
    cut = {c.verb.i} | {s.i for s in states} | {x.i for x in c.verb.children if x.dep_ in ("cc", "punct") and x.i < act.i}
    return [Candidate(render(sent, {}, cut), restated=True)]
