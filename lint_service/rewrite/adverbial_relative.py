"""(rewrite29) Adverbials the parser hung on the object, which follow the passive verb.

A "where" or "when" clause the parser hung on a bare object as a relative
clause: "Oskar entered live where the form said test" is the place of the act (where the
form said otherwise), not a kind of "live". Fronted with the object it tangled the two
values ("Live where the form said test was entered": blind round 19, wrong); after the
passive verb it reads as written ("Live was entered where the form said test").

Only an object with no determiner, possessive or modifier of its own: "the rack where the
spare disks sit" is a real relative clause and stays with its noun.

A span of time closed by a word the parser hung on the verb ("skipped the restore drill
for the fourth month running"): fronted with the object, the time went with the drill
and "running" stayed behind the verb ("The restore drill for the fourth month was
skipped running"); the whole span follows the verb.

What someone was (not) told, which the parser hung on the one told as a relative clause:
"didn't tell the on-call that the zone was moving" is a "that" clause with a subject of
its own, the content of the telling, and follows "was not told" ("The on-call that the
zone was moving was not told" was refused as the told thing fronted).
"""
from __future__ import annotations

from spacy.tokens import Token

from .text import phrasing


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


def split_time_span(prep: Token, obj: Token) -> bool:
    """``prep``, a phrase of ``obj``, is a span of time ("for the third week") that a word
    hung on the object's verb closes right after it ("| running", "| straight")."""
    if prep.dep_ != "prep" or prep.head != obj or prep.i < obj.i or prep.lower_ not in ("for", "during", "over"):
        return False
    units = set(phrasing()["time_span_units"])
    if not any(g.dep_ == "pobj" and g.lemma_.lower() in units for g in prep.children):
        return False
    at = prep.right_edge.i + 1
    if at >= len(obj.doc):
        return False
    nxt = obj.doc[at]
    return nxt.head == obj.head and nxt.dep_ in ("advcl", "advmod", "xcomp") and not list(nxt.children)


def told_content(clause: Token) -> bool:
    """``clause``, hung on the one told, opens with "that" and has a subject of its own."""
    if clause.dep_ not in ("relcl", "acl", "ccomp") or clause.i < clause.head.i:
        return False
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ != "that" or opener.dep_ not in ("mark",):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children)
