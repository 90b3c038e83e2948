"""A system that let a person act: "The missing guard allowed an engineer to delete the
orders table" -> "The missing guard allowed the orders table to be deleted".

The sentence already names what let it happen; only the person inside goes. The act
they were let do is said as a passive infinitive of its object ("to be deleted", or
bare after "let": "The console let the purge be run against production"). Only for
the verbs of letting in ``passive_permissions`` (rules/rewrites.yaml), whose subject is
a system or none at all, never a person ("Jo allowed ..." would still be about them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..checks.blame.agents import Kind, classify
from .candidate import PERSONAL_WORDS, Candidate
from .clause import verb_phrase_passive
from .people import replace_clause
from .text import phrasing, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_BE = ("was", "were", "is", "are")


def permitted_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.negated or c.modal or not c.objects:
        return []
    act, head = c.verb, c.verb.head
    lemma = verb_lemma_of(head.text)
    if act.dep_ not in ("xcomp", "ccomp") or lemma not in phrasing()["passive_permissions"] or c.subject.i > act.i:
        return []
    system = next((x for x in head.children if x.dep_ == "nsubj"), None)
    lex = ctx.cache["blame.lexicon"]
    if system is None or classify(system, lex) not in (Kind.SYSTEM, Kind.NONE) or system.pos_ == "PRON":
        return []
    to = next((x for x in act.children if x.dep_ == "aux" and x.lower_ == "to"), None)
    if (to is None) != (lemma == "let") or any(x.dep_ in ("aux", "neg") and x != to for x in act.children):
        return []  # "allowed X delete", "let X to delete": a parse to leave alone
    own = [t for t in act.subtree if t.i not in {x.i for x in c.subject.subtree} and (to is None or t.i != to.i)
           and not trailing_punct(t)]
    if any(t.lower_ in PERSONAL_WORDS for t in own):
        return []
    phrase = verb_phrase_passive(act, own, False, set(phrasing()["dropped_adverbs"]), present=False)
    if phrase is None:
        return []
    thing, pred = phrase
    be, _, rest = pred.partition(" ")
    if be not in _BE or not rest:
        return []  # an outcome ("went unnoticed") has no infinitive
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in act.subtree if not trailing_punct(t))
    infinitive = f"{thing} {'be' if to is None else 'to be'} {rest}"
    return [Candidate(replace_clause(sent, first, last, infinitive))]  # the writer's own framing: an event anywhere
