"""Hindsight adjectives on what was missed: "missed an obvious off-by-one error" says
it should have been seen. Kept in a rewrite it still does (the verifier refuses it,
rules/rewrites.yaml ``hindsight_adjectives``), so the sentence is restated without
the adjective ("The reviewer missed an off-by-one error in the pagination code") and
rewritten in a further round; the article follows the word now after it.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import phrasing, render


def without_hindsight(sent: Span) -> str | None:
    """``sent`` without the hindsight adjectives that modify its nouns, or None if it has none."""
    words = set(phrasing()["hindsight_adjectives"])
    gone: set[int] = set()
    replace: dict[int, str] = {}
    for tok in sent:
        if tok.lower_ not in words or tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
            continue
        cut = {t.i for t in tok.subtree}
        # "an obvious, glaring bug": the comma between two of them goes with the first
        nxt = max(cut) + 1
        if nxt < sent.end and sent.doc[nxt].text == "," and sent.doc[nxt].head == tok.head:
            cut.add(nxt)
        gone |= cut
        replace.update(article_after(tok, gone))
    return render(sent, replace, gone) if gone else None


def article_after(adjective: Token, gone: set[int]) -> dict[int, str]:
    """The indefinite article of ``adjective``'s noun fitted to the word now after it,
    with the tokens ``gone`` taken out: "an obvious bug" -> "a bug"."""
    head = adjective.head
    article = next((c for c in head.children if c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < adjective.i), None)
    after = next((t for t in adjective.doc[article.i + 1 : head.i + 1] if t.i not in gone), None) if article is not None else None
    if article is None or after is None:
        return {}
    word = "an" if after.text[:1].lower() in "aeiou" else "a"
    return {article.i: word if article.text.islower() else word.capitalize()}
