"""Where the removed agent was, kept with the act (rewrite28, issue 11): "The faulty order
was entered by a trader at the Osaka desk" -> "The faulty order was entered at the Osaka
desk" (a passive clause only: in a reduced relative, "a route pushed by an engineer at the
carrier", the place would read as the thing's and stays refused).

News prose names a person by where they work ("an employee at the bank", "a technician
in the data centre"). Dropping the whole agent lost the place, which is a fact of the
incident (and, for a reduced relative, left no rewrite at all). The place phrase is the
agent's only modifier after the noun, a preposition of place (rules/rewrites.yaml
``agent_places``) whose object names no person; it then stands after the participle,
where the agent was.
"""
from __future__ import annotations

from spacy.tokens import Token

from .faithful import names_person
from .text import phrasing


def agent_place(by: Token) -> Token | None:
    """The place phrase of the person after ``by`` that the rewrite keeps, or None."""
    person = next((x for x in by.children if x.dep_ == "pobj"), None)
    if person is None:
        return None
    after = [c for c in person.children if c.i > person.i]
    if len(after) != 1 or after[0].dep_ != "prep" or after[0].lower_ not in phrasing()["agent_places"]:
        return None
    place = after[0]
    if any(names_person(t) or t.pos_ == "PRON" or t.dep_ in ("relcl", "acl") for t in place.subtree):
        return None  # "by a trader at the desk of her manager", "... where she sat": more of the person
    return place if place.right_edge.i == by.right_edge.i else None
