"""(rewrite29) "with <thing> <state>" after an object, whose state the parser hung on the
verb as an adverb: "pushed the build with the feature gate still on" reads "the build
with the feature gate" as the object and "still on" as the verb's. Fronted, the object
left its state behind the passive verb ("The build with the feature gate was pushed
still on": blind round 19, wrong). The "with" phrase is the act's, like the absolute
phrases rewrite/clause.py already moved ("with the CI badge still red"), and follows the
passive verb with its state after it.
"""
from __future__ import annotations

from spacy.tokens import Token

# what a state after a noun is: "on", "off", "open", "enabled", "still on"
_STATES = ("ADV", "ADJ", "ADP", "PART", "VERB")


def state_left_behind(prep: Token, verb: Token) -> bool:
    """``prep``, a "with" phrase on the object, is followed right away by a state the
    parser hung on ``verb`` (or on a word hung on it): "with the flag | still on"."""
    at = prep.right_edge.i + 1
    if at >= len(prep.doc):
        return False
    nxt = prep.doc[at]
    if nxt.pos_ not in _STATES or nxt.is_punct or nxt.dep_ in ("cc", "prep", "conj"):
        return False  # "with the new key on the old host": a phrase of its own
    if nxt.pos_ == "VERB" and nxt.tag_ not in ("VBN", "JJ"):
        return False
    head = nxt if nxt.head == verb else nxt.head
    # the state: an adverb or participle of the verb's, or an adverb of one ("still/advmod on/advmod")
    return head.head == verb and head.dep_ in ("advmod", "advcl", "acomp", "oprd", "prt") and head.left_edge.i == at \
        and not any(c.dep_ in ("pobj", "dobj", "nsubj") for c in head.children)
