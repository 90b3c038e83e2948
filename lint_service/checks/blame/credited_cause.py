"""A person named as the reason the harm was small is credited, not blamed: "Because of
her, the outage lasted only ten minutes", "the outage was contained quickly because of
Ravi", "thanks to him the data loss was minimal".

The sentence still holds a failure word ("outage"), so a test for harm alone reads the
credit as blame. What was said of the harm decides: it was limited ("only", "just",
"barely" on an amount; one of ``lessened_outcomes``), or a recovery verb is the
sentence's predicate.
"""
from __future__ import annotations

from spacy.tokens import Span

from .lexicon import Lexicon

_LIMITERS = {"only", "just", "barely", "merely"}
# Pronouns that can only be one person, for assertions.person_cause ("because of me", "due
# to him"); "them" and "it" are as often things ("because of them being unable to ...").
ONE_PERSON = ("me", "him", "her")


def harm_lessened(sent: Span, lex: Lexicon, exclude: set[int]) -> bool:
    """The sentence (outside ``exclude``, the "because of ..." phrase) says the harm was
    limited or repaired."""
    for t in sent:
        if t.i in exclude:
            continue
        if t.lower_ in lex.framing["lessened_outcomes"]:
            return True
        if t.lower_ in _LIMITERS and (t.head.pos_ == "NUM" or any(c.pos_ == "NUM" for c in t.head.children)):
            return True  # "lasted only ten minutes", "just two customers"
        if t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj") and lex.verbs["recovery"].match(t) and not any(c.dep_ == "neg" for c in t.children):
            return True  # "was contained quickly because of her"
    return False
