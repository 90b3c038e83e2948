"""A person's damaging act told as what came before a bad state: "The depot was without
power for a day after a fitter cut the feeder cable", "the site was down for hours when
an admin deleted the load balancer".

``risk.caused_failure`` reads the main clause's verb as an onset ("the crash happened
after ..."); here the main clause says how things stood, in its complement: a bad
word ("down", "offline") or a thing left without what it needs ("was left without
phone service"). The act must be one that can do damage, so a neutral or repairing act
("after the engineer restarted it") is left alone.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, verb_lemma
from .risk import bad_outcome

_STATE_DEPS = ("acomp", "advmod", "oprd", "attr")


def _bad_state(main: Token, lex: Lexicon) -> list[Token]:
    """The words of the main clause that say something was in a bad state."""
    if any(n.dep_ == "neg" for n in main.children):
        return []
    states = [x for x in main.children if x.dep_ in _STATE_DEPS]
    found = bad_outcome(states, lex)
    if found:
        return found[:1]
    # "was left without phone service", "were without power": deprived of a thing
    if verb_lemma(main) in ("be", "leave", "remain"):
        return [p for p in main.children if p.dep_ == "prep" and p.lower_ == "without" and any(o.dep_ == "pobj" for o in p.children)][:1]
    return []


def act_before_outage(c: Clause, lex: Lexicon) -> list[Token]:
    """The clause is a person's damaging act in an "after"/"when" clause of a main clause
    that says things were broken."""
    v = c.verb
    if c.passive or c.negated or c.modal:
        return []
    marks = {m.lower_ for m in v.children if m.dep_ in ("mark", "advmod")}
    if v.dep_ == "advcl" and marks & {"after", "when", "once"}:
        main = v.head
    elif v.dep_ == "relcl" and "when" in marks and v.head.dep_ == "pobj" and v.head.head.dep_ == "prep":
        main = v.head.head.head  # "was down for an hour when ...": the parser hangs "when" on the span
    else:
        return []
    if lex.verbs["recovery"].match(c.action) or not any(lex.verbs[k].match(c.action) for k in ("destructive", "breakage", "disable")):
        return []
    state = _bad_state(main, lex)
    return [c.action, state[0]] if state else []
