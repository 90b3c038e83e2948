"""The article a thing takes when its owner goes: "The on-call's script" -> "The script",
"A junior analyst's query" -> "A query", and a headline's bare owner, "Clerk's typo sends
payment to the wrong account" -> "A typo sends payment to the wrong account".

A possessive is definite only because of its owner: with the owner gone, a thing the
writer introduced with "a" or "one" ("How one developer's missing semicolon broke
checkout") is a thing not named before, and so is the thing of a headline, whose bare
nouns ("Clerk's typo") name nothing the reader knows yet. "The typo sends ..." would
point back at a typo nobody mentioned, and the tagger reads a headline's bare "Typo
sends ..." as a name.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

# the nouns that are a verdict, not a thing: "The whole mess was Teodor's error"
_VERDICT_TERMS = ("error_heads", "blame_nouns", "defect_nouns", "judgement_nouns", "sarcastic_nouns")
_INDEFINITE = frozenset({"a", "an", "one"})


def _headline(sent: Span, owner: Token) -> bool:
    """A headline opening with the owner: no closing punctuation, a capital first word,
    and a main verb in the headline's present or bare participle ("sends", "blamed for"),
    not prose's past ("Priyanka's rota change left the ward ..."), nor a chat line that
    trails off ("looks like Farid's deploy is what broke it")."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text in (".", "!", "?", ":", ";", '"', "”") or words[-1].text.endswith("."):
        return False
    return owner.i == sent.start and owner.text[:1].isupper() and sent.root.tag_ in ("VBZ", "VBN")


def owner_article(sent: Span, owner: Token, noun: Token, cut: set[int]) -> str:
    """The article that replaces the owner phrase starting at its first token."""
    first = sent.doc[min(t.i for t in owner.subtree)]
    bare = first.i == owner.i and not any(c.dep_ in ("det", "poss") for c in owner.children)
    if first.lower_ not in _INDEFINITE and not (bare and _headline(sent, owner) and noun.tag_ in ("NN", "NNP")):
        return "the"
    word = next((t for t in noun.subtree if t.i > max(cut) and t.i not in cut), noun).text
    article = "an" if word[:1].lower() in "aeiou" else "a"
    return article  # a sentence's first word is capitalised when the sentence is rendered


def names_a_verdict(noun: Token, lex: Any) -> bool:
    """"error", "fault", "blunder", "carelessness": a noun that says only what the owner
    did wrong. Without the owner "The whole mess was the error" says nothing; "The root
    cause was Lena's hardcoded timeout" -> "... the hardcoded timeout" keeps the thing."""
    words = {w for key in _VERDICT_TERMS for w in lex.terms.get(key, ())}
    return noun.lemma_.lower() in words or noun.lower_ in words
