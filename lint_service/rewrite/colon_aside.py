"""An aside after the object, set off by a colon or a dash: "deleted one of the load
balancers: the one that routes the search traffic". It says which one the object was;
fronted with the object as the passive's subject, it would run into the verb ("One of
the load balancers: the one that routes ... was deleted"), so it follows the verb
("One of the load balancers was deleted: the one that routes ...").
"""
from __future__ import annotations

from spacy.tokens import Token

_MARKS = (":", "—", "–")


def colon_aside(c: Token) -> bool:
    """``c``, a child of an object, is an appositive after it opened by a colon or dash."""
    return c.dep_ == "appos" and c.i > c.head.i and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in _MARKS
