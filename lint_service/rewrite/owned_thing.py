"""A thing said to be the person's, said as the thing: "The bad regex in the WAF rule
was mine" -> "There was a bad regex in the WAF rule".

"X was mine" says two things: X existed (the writer names it, with what and where it
was), and whose it was. The second is the blame; the first stays, as an existential
with X's own words. Only a thing the sentence describes (a modifier and a place:
"in the WAF rule"), never a verdict noun ("The mistake was mine": that is all it
says) or a bare one ("The last commit was mine" says nothing without its owner).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate, finish
from .text import span_text

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_OWNERS = frozenset({"mine", "his", "hers", "theirs", "yours"})


def owned_thing(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    who = det.target
    if det.construction != "possessive" or who is None or who.lower_ not in _OWNERS or who.dep_ != "attr":
        return []
    be = who.head
    thing = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if be.lemma_ != "be" or thing is None or thing.pos_ != "NOUN" or any(c.dep_ == "neg" for c in be.children):
        return []
    lex = ctx.cache["blame.lexicon"]
    verdicts = {w for key in ("error_heads", "judgement_nouns", "sarcastic_nouns") for w in lex.terms.get(key, ())}
    if thing.lemma_.lower() in verdicts:
        return []
    kids = list(thing.children)
    det_ = next((c for c in kids if c.dep_ == "det"), None)
    if det_ is None or det_.lower_ not in ("the", "that", "this") or not any(c.dep_ == "prep" and c.i > thing.i for c in kids) \
            or not any(c.dep_ in ("amod", "compound") and c.i < thing.i for c in kids):
        return []
    words = [t for t in thing.subtree if t.i != det_.i]
    # the sentence is the thing, "was" and the owner: anything else would be lost
    said = {t.i for t in thing.subtree} | {be.i, who.i}
    if any(t.i not in said and not t.is_punct for t in sent) or any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in words):
        return []
    plural = thing.tag_ in ("NNS", "NNPS")
    verb = ("were" if plural else "was") if be.lower_ in ("was", "were") else ("are" if plural else "is")
    body = span_text(words)
    article = "" if plural else ("an " if body[:1].lower() in "aeiou" else "a ")
    return [Candidate(finish(f"There {verb} {article}{body}"))]
