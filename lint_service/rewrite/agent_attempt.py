"""A passive whose agent was trying to do something, said as the attempt without them:
"The orders table was truncated by a support engineer trying to remove one duplicate
row" -> "The orders table was truncated in an attempt to remove one duplicate row"; "...
by a developer who was trying to merge two accounts" -> "... in an attempt to merge two
accounts".

What the person tried is why the act was done: dropped with them, the sentence would
lose it (the main passive strategy refuses "by the staff affected for an hour" for that
reason). "in an attempt to" keeps the purpose and needs nobody to hold it. Only an
attempt verb (rules ``attempt_verbs``) with a "to" clause of its own, nothing else said
of the person, and no pronoun in the clause that pointed at them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, WHO, Candidate
from .text import phrasing, render, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _attempt(person: Token) -> tuple[Token, Token] | None:
    """(the attempt verb, its "to" clause) said of ``person``: "trying to V" or "who was trying to V"."""
    tries = set(phrasing()["attempt_verbs"])
    for c in person.children:
        if verb_lemma_of(c.text) not in tries or c.tag_ != "VBG":
            continue
        if c.dep_ == "relcl":
            kids = {k.dep_ for k in c.children}
            if not any(k.dep_ == "nsubj" and k.lower_ in WHO for k in c.children) or kids - {"nsubj", "aux", "xcomp", "punct"}:
                return None
        elif c.dep_ != "acl" or any(k.dep_ not in ("xcomp", "punct") for k in c.children):
            return None
        to = next((k for k in c.children if k.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in k.children)), None)
        return (c, to) if to is not None else None
    return None


def agent_attempt(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if det.construction != "passive-agent" or c is None or c.agent is None:
        return []
    by = c.agent.head
    person = next((x for x in by.children if x.dep_ == "pobj"), None)
    if by.dep_ != "agent" or person is None:
        return []
    found = _attempt(person)
    if found is None:
        return []
    tried, to = found
    judged = set(ctx.cache["blame.lexicon"].terms["judgement_adjectives"])
    if any(k.i != tried.i and not (k.dep_ in ("det", "compound") or (k.dep_ == "amod" and k.lower_ in judged)) for k in person.children):
        return []  # anything else said of the person ("a tired engineer") would go with them; a verdict may
    words = [t for t in to.subtree if not (t.is_punct and t.i == to.right_edge.i)]
    if any(t.lower_ in PERSONAL_WORDS for t in words):
        return []  # "trying to fix his own typo": the pronoun would lose its person
    gone = {t.i for t in by.subtree}
    return [Candidate(render(sent, {by.i: "in an attempt " + span_text(words)}, gone - {by.i}))]
