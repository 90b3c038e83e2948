"""A long object's relative clause said after the passive verb.

"someone pushed a config that turned off the health checks on all the load balancers":
fronted whole, the act waits a dozen words ("A config that ... was pushed", graded
end-heavy in blind rounds); with the clause after the verb it comes first ("A config
was pushed that turned off ..."). Short objects stay fronted, where they read well.
"""
from __future__ import annotations

from spacy.tokens import Token

from .text import phrasing


def extraposed(obj: Token, c: Token) -> bool:
    """``c`` is a restrictive relative clause ending the long object ``obj``, led by its
    own "that"/"which" subject, so it can follow the passive verb."""
    words = [t for t in obj.subtree if not t.is_punct]
    lead = c.doc[c.left_edge.i]
    return c.dep_ == "relcl" and c.right_edge.i == obj.right_edge.i and c.doc[c.left_edge.i - 1].text != "," \
        and lead.lower_ in ("that", "which") and lead.dep_ == "nsubj" and lead.head == c \
        and len(words) > phrasing()["extraposed_relative_words"]
