"""(rewrite30) A place phrase that is the scope of a superlative stays with its noun.

A place phrase after the object usually says where the act was done and follows the
passive verb ("ran the migration against the replica" -> "The migration was run against
the replica"). After a superlative it says among what the thing stands out: "ran the
riskiest script in the repo" is not "the riskiest script was run in the repo" (where
it was run). "only" works the same way ("the only replica in Frankfurt"). Only a phrase
the parser hangs on the object is kept with it: one it hangs on the verb ("dropped the
largest table in the warehouse" often parses so) still follows the passive verb.
"""
from __future__ import annotations

from spacy.tokens import Token


def scoped_by_superlative(obj: Token) -> bool:
    """``obj`` is ranked by a superlative ("largest", "most fragile") or by "only"
    before it, so a phrase after it is the ranking's scope, not where the act was done."""
    for c in obj.children:
        if c.i > obj.i or c.dep_ not in ("amod", "advmod"):
            continue
        if c.tag_ in ("JJS", "RBS") or c.lower_ == "only":
            return True
        if any(a.tag_ == "RBS" for a in c.children):  # "most fragile", "least tested"
            return True
    return False
