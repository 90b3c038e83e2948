"""How an act was done, when the parser hung it on the act's object.

"I yanked the previous version by mistake": the small parser often attaches "by
mistake" to "version", and a passive built from the object then fronts it ("The
previous version by mistake was yanked", blind round 13: graded poor). The phrases are
the blame check's own (``rules/framing.yaml`` ``mistake_phrases``); a phrase found on
the object moves behind the verb with the other trailing phrases.
"""
from __future__ import annotations

import functools

from spacy.tokens import Token

from ..rules import load_rule_file


@functools.lru_cache(maxsize=1)
def _mistake_phrases() -> frozenset[str]:
    return frozenset(load_rule_file("framing")["mistake_phrases"])


def manner_of_act(prep: Token) -> bool:
    """A prepositional phrase that says how the act was done ("by mistake", "in a hurry")."""
    return prep.dep_ == "prep" and " ".join(t.lower_ for t in prep.subtree) in _mistake_phrases()
