"""Which pronouns may still point at the person a rewrite removes: with "I" gone, "me"
and "my" are theirs; with "Ravi" gone, "he" or "their" may be. The verifier refuses a
candidate that leaves one of them with nothing to refer to."""
from __future__ import annotations

from spacy.tokens import Token

FIRST = frozenset({"i", "me", "my", "mine", "myself"})
SECOND = frozenset({"you", "your", "yours", "yourself"})
HE = frozenset({"he", "him", "his", "himself"})
SHE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})


def pronouns_of(removed: Token | None) -> frozenset[str]:
    """The pronouns that may refer to ``removed`` once it is gone from the sentence."""
    if removed is None:
        return frozenset()  # "human error": no person was in the sentence to leave pronouns behind
    low = removed.lower_
    for group in (FIRST, SECOND, HE, SHE, PLURAL):
        if low in group:
            return group
    if removed.tag_ in ("NNS", "NNPS") and not _name_read_as_plural(removed):
        return PLURAL
    return HE | SHE | PLURAL


def _name_read_as_plural(tok: Token) -> bool:
    """(rewrite29) "Ines/NNS overlooked ...": a capitalised bare word ending in "s" that is
    no English word is a name, one person, and "she" or "he" may still stand for them."""
    from ..checks.blame.agents import is_english_word

    return tok.is_title and not list(tok.children) and not is_english_word(tok.lower_)
