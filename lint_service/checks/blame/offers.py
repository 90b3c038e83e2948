"""A counterfactual whose result is the speaker's offer: "If you had asked, I'd have helped
with the cutover", "Had I known you were on call, I would have brought coffee".

A counterfactual blames when a person is the one who should have acted and what would have
followed is the failure avoided ("If Maya had read the runbook, she would have failed over
to the right region", "Had I checked, none of this would have happened"). When what would
have followed is the speaker ("I", "we") doing something for someone (``offer`` in
rules/verbs.yaml), the sentence is an offer of help in hindsight, not a missed step.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon

_SPEAKER = {"i", "we"}
_WOULD = {"would", "'d", "d"}


def offered(c: Clause, lex: Lexicon) -> bool:
    """``c`` is the condition of a counterfactual whose result is the speaker's offer, or
    that result itself."""
    if c.conditional and c.verb.dep_ == "advcl":
        return _offer(c.verb.head, lex)
    return _offer(c.verb, lex) and any(x.dep_ == "advcl" for x in c.verb.children)


def _offer(result: Token, lex: Lexicon) -> bool:
    """"I'd have helped", "we would have brought coffee": the speaker's offer in hindsight."""
    subject = next((s for s in result.children if s.dep_ == "nsubj"), None)
    auxes = {a.lower_ for a in result.children if a.dep_ == "aux"}
    return (subject is not None and subject.lower_ in _SPEAKER and bool(auxes & _WOULD)
            and not any(x.dep_ == "neg" for x in result.children) and lex.verbs["offer"].match(result))
