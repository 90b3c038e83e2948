"""An impact entry that says the impact had already lasted a while ("there have been no
orders in more than 6 minutes", "checkout had been failing for 20 minutes") is not when
it began: the start is earlier and, from that entry, unknown."""
from __future__ import annotations

import functools

from spacy.tokens import Doc

from ..rules import load_rule_file


@functools.lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(load_rule_file("milestones")["events"]["lasting"])


def already_lasting(doc: Doc) -> bool:
    """A perfect verb ("have been", "had been failing") with "for/in/over <n> <unit>"."""
    units = _units()
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ not in ("for", "in", "over"):
            continue
        verb = tok.head
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        unit = any(c.dep_ == "pobj" and c.lemma_.lower() in units and any(n.dep_ == "nummod" for n in c.children)
                   for c in tok.children)
        if perfect and unit:
            return True
    return False
