"""Aspect and adverbs in an agentless rewrite: the tense the writer used stays, and the
adverbs stand where English puts them once the subject has changed.

- an outcome in the present perfect stays perfect: "has been ignoring the alerts" ->
  "have gone unanswered", never "go unanswered";
- before "not", and before "been" an adverb of aspect (``aspect_adverbs`` in
  rules/rewrites.yaml), adverbs go after the first auxiliary: "was apparently not
  renewed", "had already been deleted"; a manner adverb stays by its participle ("had
  been accidentally deleted").
"""
from __future__ import annotations

from spacy.tokens import Token

from .text import inflect, phrasing, verb_lemma_of


def with_adverbs(auxiliaries: str, adverbs: str, negate: bool) -> str:
    """``auxiliaries`` ("had been", "was not") with ``adverbs`` where they read naturally."""
    first, _, more = auxiliaries.partition(" ")
    early = adverbs if negate or set(adverbs.lower().split()) <= set(phrasing()["aspect_adverbs"]) else ""
    late = "" if early else adverbs
    return " ".join(x for x in (first, early, more, late) if x)


def perfected(outcome: str, verb: Token, plural: bool) -> str | None:
    """An outcome in the present perfect the writer used: "has been ignoring the alerts" ->
    "have gone unanswered" (the plain outcome would say "go unanswered", another tense);
    None otherwise. (A past perfect reads as well in the past: "after two pages went
    unanswered", graded good.)"""
    have = next((a.lower_ for a in verb.children if a.dep_ == "aux" and a.lemma_ == "have" and a.i < verb.i), None)
    if have is None or have in ("had", "'d"):
        return None
    # (rewrite31) "might have broken the config" -> "might have broken": the writer's hedge stays
    modal = next((a.lower_ for a in verb.children if a.dep_ == "aux" and a.tag_ == "MD" and a.i < verb.i), None)
    aux = f"{modal} have" if modal is not None else "have" if plural else "has"
    head, _, rest = outcome.partition(" ")
    said = "been" if head == "{be}" else inflect(verb_lemma_of(head), "VBN")
    return " ".join(x for x in (aux, said, rest) if x)
