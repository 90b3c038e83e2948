"""A standard the act was measured by, carried into the passive's subject: "The fitter
did not mount the rail per the guide" said as "The rail per the guide was not mounted".

The parser hangs "per the guide" (or "according to the runbook") on the object, so a
passive that moves the object's phrase to the front moves the standard with it, and
the sentence now says which rail, not how it was mounted. Such a candidate is refused.
"""
from __future__ import annotations

from spacy.tokens import Span

_STANDARD_PREPS = ("per", "according")


def standard_fronted(cand: Span) -> bool:
    """The candidate's passive subject holds a "per ..." or "according to ..." phrase."""
    for t in cand:
        if t.dep_ == "nsubjpass" and any(p.dep_ == "prep" and p.lower_ in _STANDARD_PREPS for p in t.subtree):
            return True
    return False
