"""A passive whose agent has a clause of their own, said without them.

An attempt: "The orders table was truncated by a support engineer trying to remove one
duplicate row" -> "The orders table was truncated in an attempt to remove one duplicate
row"; "... by a developer who was trying to merge two accounts" -> "... in an attempt to
merge two accounts".

An act: "The broadcast was interrupted by a technician who pulled the wrong cable" ->
"The broadcast was interrupted when the wrong cable was pulled": the agent's act is how
the passive's event came about, and "when" ties the two without a doer (the agent alone
dropped, "The broadcast was interrupted" would lose the act; "caused by" verbs keep
theirs inside, ``relative.agent_act``).

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
from .text import participle_of, phrasing, render, span_text, trailing_punct, verb_lemma_of

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


def _agent_who(sent: Span) -> tuple[Token, Token, Token] | None:
    """(by, person, their act) of "by <person> who <act>"."""
    for by in sent:
        person = next((x for x in by.children if x.dep_ == "pobj"), None) if by.dep_ == "agent" else None
        act = next((x for x in person.children if x.dep_ == "relcl"), None) if person is not None else None
        if act is not None and any(k.dep_ == "nsubj" and k.lower_ in WHO for k in act.children):
            return by, person, act
    return None


def agent_act_when(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    found = _agent_who(sent)
    if found is None:
        return []
    by, person, act = found
    if any(k.dep_ not in ("det", "amod", "compound", "relcl") for k in person.children) or act.tag_ != "VBD":
        return []  # anything else said of the person; an act in another tense
    obj = next((k for k in act.children if k.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON" or any(k.dep_ not in ("nsubj", "dobj", "obj", "prep", "advmod", "prt", "punct") for k in act.children):
        return []  # no object to say the act of, or more than one act
    words = [t for t in act.subtree if t.i > act.i and not trailing_punct(t)]
    # past the agent only a clause with a subject of its own (", and the backup link failed too")
    own = {t.i for c in sent.root.children if c.dep_ in ("conj", "cc") and (c.dep_ == "cc" or any(
        k.dep_ in ("nsubj", "nsubjpass") for k in c.children)) for t in c.subtree}
    if any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in words) or any(
            t.i > by.right_edge.i and not t.is_punct and t.i not in own for t in sent):
        return []  # a pronoun of theirs; or the sentence says more of them past the agent
    if verb_lemma_of(act.text) in phrasing()["mental_verbs"]:
        return []  # "who believed the account was a test one": a belief, not an act
    event = by.head
    particle_of_event = next((k.lower_ for k in event.children if k.dep_ == "prt"), "")
    if ctx.cache["blame.lexicon"].verbs["fault"].has(verb_lemma_of(event.text), particle_of_event):
        # "was rushed through by a lead who brushed off every warning": the passive is the
        # person's own faulty act, not an event their act brought about; "when" would misjoin them
        return []
    be = "were" if obj.tag_ in ("NNS", "NNPS") else "was"
    particle = " ".join(k.text for k in act.children if k.dep_ == "prt")
    thing = span_text([t for t in obj.subtree])
    rest = span_text([t for t in words if t.i not in {x.i for x in obj.subtree} and t.dep_ != "prt"])
    said = " ".join(x for x in ("when", thing, be, participle_of(act), particle, rest) if x)
    return [Candidate(render(sent, {by.i: said}, {t.i for t in by.subtree} - {by.i}))]
