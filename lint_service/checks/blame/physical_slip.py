"""A body's slip against the hardware: "he bumped the network cable", "you kicked out
the plug to the wiring closet", "she tripped over the power strip", "I knocked the patch
lead loose".

These verbs of touch (``contact_verbs``) do no harm to most things ("bumped the pool
size", "kicked off the deploy"), but on a connector (``connector_nouns``: a plug, a
cord, a cable, a switch) they say a person disconnected the service by accident (rule
1). Putting it back ("kicked the plug back in") is repair, and an act with a purpose
("tripped the breaker to test the UPS") is a deliberate step.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, particle_of, verb_lemma


def _connector(o: Token, lex: Lexicon) -> bool:
    nouns = lex.framing["connector_nouns"]
    return o.lemma_.lower() in nouns or o.lower_ in nouns


def physical_slip(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    a = c.action
    if c.negated or c.modal or c.conditional or c.passive or verb_lemma(a) not in lex.framing["contact_verbs"]:
        return None
    if particle_of(a) in ("off", "around") or any(x.lower_ == "back" for x in a.subtree):
        return None  # "kicked off the deploy", "kicked the plug back in"
    if any(x.dep_ in ("xcomp", "advcl") and any(m.lower_ == "to" and m.dep_ == "aux" for m in x.children) for x in a.children):
        return None  # "tripped the breaker to test the UPS": a step with a purpose
    if particle_of(a) == "up" or any(p.dep_ == "prep" and p.lower_ in ("to", "by") and any(t.like_num for t in p.subtree) for p in a.children):
        return None  # "bumped connections up/to 500": "bump" as raising a setting
    hit = [o for o in c.objects if _connector(o, lex)]
    # "tripped over the power strip", "leaned on the switch": the thing touched after a preposition
    hit += [o for p in a.children if p.dep_ == "prep" and p.lower_ in ("over", "on", "against", "into")
            for o in p.children if o.dep_ == "pobj" and _connector(o, lex)]
    return ("framing", [a, hit[0]]) if hit else None
