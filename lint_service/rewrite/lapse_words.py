"""A lapse participle on a thing ("one developer's forgotten semicolon", "Admin's
Forgotten Domain Renewal"): with the person gone, "forgotten" still says someone forgot.
It becomes what the lapse left, by the kind of thing (rules/rewrites.yaml
``lapse_things``): a part of a command or file is "missing", a step or check that was due
is "missed". A thing of neither kind keeps the participle, and the verifier refuses the
candidate (rewrite/garbled.py), as before.
"""
from __future__ import annotations

from spacy.tokens import Token

from .text import phrasing, verb_lemma_of


def lapse_words(noun: Token) -> dict[int, str]:
    """Replacements for the lapse participles on ``noun``: token index -> word."""
    data = phrasing()["lapse_things"]
    lemma = noun.lemma_.lower()
    kind = "operations" if lemma in data["operations"] else "parts" if lemma in data["parts"] else None
    if kind is None:
        return {}
    word = data["adjectives"][kind]
    out: dict[int, str] = {}
    # a title-case headline tags the participle a name in the compound ("Forgotten/compound")
    for c in noun.children:
        if c.dep_ not in ("amod", "compound") or c.i > noun.i or c.lower_ == verb_lemma_of(c.text):
            continue
        if verb_lemma_of(c.text) in phrasing()["lapse_participles"]:
            out[c.i] = word.capitalize() if c.text[:1].isupper() else word
    return out
