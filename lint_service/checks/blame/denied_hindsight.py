"""A counterfactual the sentence itself denies (guidelines rule 16): "Neither reviewer
could have spotted the bug from the diff", "We do not think Jo should have caught this".

The hindsight is said of nobody ("neither", "no" on its subject), or it is what a negated
verb of believing or saying sets aside. "Jo should have caught this" and "We think Jo
should have caught this" still judge a person.
"""
from __future__ import annotations

from .clauses import Clause
from .lexicon import Lexicon

_NONE = {"neither", "no"}


def denied_hindsight(c: Clause, lex: Lexicon) -> bool:
    """The counterfactual clause ``c`` is denied by its own subject or by the verb over it."""
    if c.subject is not None and any(d.dep_ in ("det", "preconj") and d.lower_ in _NONE for d in c.subject.children):
        return True
    head = c.verb.head
    if c.verb.dep_ != "ccomp" or head is c.verb:
        return False
    denying = any(x.dep_ == "neg" for x in head.children)
    return denying and any(lex.verbs[k].match(head) for k in ("belief", "reporting", "speech", "judging"))
