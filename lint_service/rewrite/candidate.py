"""What a rewrite strategy proposes, and the small text helpers every strategy shares."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .text import span_text, tidy


@dataclass(frozen=True)
class Candidate:
    text: str
    # event: what happened; system: what a named system let happen; process: the same said
    # of "the process" (no system named); generic: "the process allowed ..." (never offered)
    kind: str = "event"
    restated: bool = False  # the person is still the subject: rewrite it in another round
    keeps: frozenset[str] = frozenset()  # names kept on purpose ("Owner: Kenji"): not the removed person
    drops: frozenset[str] = frozenset()  # objects dropped on purpose, with the blaming clause they were in
    gone: frozenset[int] = frozenset()  # tokens of the sentence dropped on purpose ("Not my finest hour: ...")


WHO = ("who", "that")
SEPARATORS = (":", ";", "—", "–")
# Words that point at a person: a phrase holding one cannot stand in a rewrite.
PERSONAL_WORDS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my", "they", "them", "their", "anyone", "anybody", "you"})


def np_text(tok: Token) -> str:
    """A noun phrase without its relative clause or trailing punctuation."""
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "punct" and c.i > tok.i) for t in c.subtree}
    return span_text([t for t in tok.subtree if t.i not in cut])


def finish(text: str) -> str:
    text = tidy(text)
    return text if text.endswith((".", "!", "?")) else text + "."
