"""Roles named by a phrase whose head alone is a system noun: "the air traffic
controller", "a rookie tower controller", "the signal box operator". "Controller" alone
is software ("the ingress controller dropped the routes"); with the words before it
that make it a job (``compound_roles`` in rules/agents.yaml) it is a person.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon


def _modifier_words(tok: Token) -> list[str]:
    """The compound and adjective words right before ``tok`` in its phrase, nearest last
    ("air traffic" for "air traffic controller"), however the parser chained them."""
    words: list[str] = []
    i = tok.i - 1
    while i >= tok.sent.start:
        t = tok.doc[i]
        if t.dep_ not in ("compound", "amod", "nmod") or t.head.i > tok.i or not (t.head == tok or t.head.i > t.i):
            break
        words.insert(0, t.lower_)
        i -= 1
    return words


def compound_role(tok: Token, lex: Lexicon) -> bool:
    """True when ``tok`` heads one of the multi-word roles."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    phrases = lex.agents["compound_roles"]
    head = tok.lemma_.lower()
    if not any(p.endswith(" " + head) or p.endswith(" " + tok.lower_) for p in phrases):
        return False  # the cheap test first: most nouns head no multi-word role
    mods = _modifier_words(tok)
    for n in range(1, len(mods) + 1):
        stem = " ".join(mods[-n:])
        if f"{stem} {head}" in phrases or f"{stem} {tok.lower_}" in phrases:
            return True
    return False
