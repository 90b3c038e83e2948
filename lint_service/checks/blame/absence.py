"""A person who never came, answered or joined: "The on-call never answered the page",
"the night crew that was meant to watch the queue never logged in", "the DBA didn't
reply to the escalation".

A response or an appearance that did not happen, said in the past of a person, role or
team, frames them as the one who failed to act (rules 1 and 6), even with a reason
attached ("never answered because the page went to an old number", rule 1). Not blame:
what someone did not *have* or *need* to do ("didn't have to answer": the act is another
verb's), a status not yet past ("hasn't replied yet"), a present-tense policy ("the
on-call doesn't answer staging pages"), "nobody"/"no one" (rule 5), outsiders (rule 10),
and a system that never answered (the caller asks of person subjects only).
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon


def absent(c: Clause, lex: Lexicon) -> list[Token]:
    """The negation and the verb of a response or appearance a person never made, or []."""
    v = c.verb
    if not c.negated or c.modal or c.conditional or c.passive or c.action is not v or not lex.verbs["attendance"].match(v):
        return []
    neg = next((x for x in v.children if x.dep_ == "neg" or x.lower_ == "never"), None)
    auxes = [x for x in v.children if x.dep_ == "aux"]
    # the past: "never answered", "didn't answer", "had never replied" (not "hasn't replied yet")
    past = (v.tag_ == "VBD" and not auxes) or any(x.lower_ == "did" for x in auxes) or any(
        x.lower_ in ("had", "'d") for x in auxes)
    return [neg, v] if neg is not None and past else []
