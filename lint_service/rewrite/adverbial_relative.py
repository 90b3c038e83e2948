"""(rewrite29) A "where" or "when" clause the parser hung on a bare object as a relative
clause: "Oskar entered live where the form said test" is the place of the act (where the
form said otherwise), not a kind of "live". Fronted with the object it tangled the two
values ("Live where the form said test was entered": blind round 19, wrong); after the
passive verb it reads as written ("Live was entered where the form said test").

Only an object with no determiner, possessive or modifier of its own: "the rack where the
spare disks sit" is a real relative clause and stays with its noun.
"""
from __future__ import annotations

from spacy.tokens import Token


def adverbial_relative(clause: Token, obj: Token) -> bool:
    """``clause``, a relative clause on ``obj``, opened by "where"/"when", is the act's."""
    if clause.dep_ != "relcl" or clause.head != obj or clause.i < obj.i:
        return False
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ not in ("where", "when") or opener.head != clause:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    return all(c.dep_ == "relcl" for c in obj.children)
