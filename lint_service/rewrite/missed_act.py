"""A should-have about an act with no object: "Marisol should have rolled back at the
first sign of errors" -> "There was no rollback at the first sign of errors".

The clause passive needs an object to front; an intransitive act has none, and "It was
not rolled back" would need one. Said as the act that did not happen, named by the
noun the rules give for it (``act_nouns`` in rules/rewrites.yaml: "roll back" ->
"rollback"), with the clause's own time and place phrases after it. Only a positive
"should have" (a "should not have" says the act happened) and never with a comparison
("should have escalated sooner" says it happened, later), which "no" would deny.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .people import replace_clause
from .text import is_present, phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def act_noun(v: Token) -> tuple[str | None, Token | None]:
    """The noun the rules give for the act of ``v`` and its particle: "rolled back" ->
    ("rollback", back)."""
    nouns = phrasing()["act_nouns"]
    lemma = verb_lemma_of(v.text)
    # "rolled back/prt", or "back/advmod" as the small model often reads it
    particle = next((x for x in v.children if x.dep_ == "prt" or (x.i == v.i + 1 and x.dep_ == "advmod" and f"{lemma} {x.lower_}" in nouns)), None)
    return nouns.get(f"{lemma} {particle.lower_}" if particle is not None else lemma), particle


def missed_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None:
        return []
    # "should have escalated", or (rewrite5) the omission said outright: "didn't escalate
    # until the outage had lasted an hour" -> "There was no escalation until ..."
    should = det.construction == "counterfactual" and c.modal in ("should", "ought") and not c.negated
    omitted = det.construction == "omission" and c.negated and not c.modal and not c.conditional
    v = c.action
    if not (should or omitted) or v is not c.verb or c.objects or c.subject.i > v.i:
        return []
    noun, particle = act_noun(v)
    if noun is None:
        return []
    rest = [x for x in v.children if x.i > v.i and (particle is None or x.i != particle.i) and not trailing_punct(x)
            and not (omitted and x.dep_ == "neg")]
    # a time clause with its own subject stays ("when the primary stalled")
    if any(x.dep_ not in ("prep", "npadvmod", "advmod") and not (x.dep_ == "advcl" and any(s.dep_ == "nsubj" for s in x.children))
           for x in rest) or any(
            t.tag_ in ("RBR", "JJR") or t.lower_ in PERSONAL_WORDS for x in rest for t in x.subtree):
        return []  # another clause, a comparison ("sooner"), or the person again
    first = min(t.i for t in c.subject.subtree)
    last = max([v.i] + ([particle.i] if particle is not None else []) + [t.i for x in rest for t in x.subtree])
    there = "there is no" if omitted and is_present(v) else "there was no"  # "doesn't escalate at night": a habit
    text = " ".join(x for x in (there, noun, span_text([t for x in rest for t in x.subtree])) if x)
    return [Candidate(replace_clause(sent, first, last, text))]
