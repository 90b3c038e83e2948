"""Moving something away from trouble: "drained the traffic away from the bad zone",
"took the broken node out of the pool", "moved the job to keep it away from peak
traffic". A bad or risky word in what the act moves away from, or on what it takes
out, says why the act was done, not that it was done wrongly."""
from __future__ import annotations

from spacy.tokens import Token

# The words that turn a motion into a motion away: "away from", "out of", "clear of".
AWAY = ("away", "out", "clear")


def takes_out(verb: Token) -> bool:
    """The verb takes its object out of or away from somewhere ("took the node out of the
    pool", "moved the traffic away"); a bare "out" is as often a release ("rolled out
    the faulty firmware")."""
    return any(x.lower_ in AWAY and x.dep_ in ("prt", "advmod", "prep") and (
        x.lower_ == "away" or any(p.lower_ in ("of", "from") for p in x.children)) for x in verb.children)


def moved_away_from(tok: Token) -> bool:
    """``tok`` is in the place something is moved away from: the object of "from" or
    "of" under "away", "out" or "clear"."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "pobj" and anc.head.lower_ in ("from", "of") and anc.head.head.lower_ in AWAY:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False
