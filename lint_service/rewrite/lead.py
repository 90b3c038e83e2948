"""A lead that only says who owns up ("Yeah that was me, ...", "I feel awful; ..."):
when the rewritten clause after it is clean and the lead's pronoun is the only thing
left pointing at the removed person, the lead goes, as an apology does.
"""
from __future__ import annotations

from spacy.tokens import Span

from .candidate import SEPARATORS, finish

_LEAD_END = SEPARATORS + (",",)
_MAX_LEAD_WORDS = 5  # "Yeah that was me": longer leads say something of their own


def without_lead(cand: Span, pronouns: frozenset[str]) -> str | None:
    """The candidate after its first separator, when everything before it is a short
    clause about the person: no noun, no number, one of ``pronouns``, its own verb."""
    sep = next((t for t in cand if t.text in _LEAD_END), None)
    if sep is None:
        return None
    lead = [t for t in cand[: sep.i - cand.start] if not t.is_punct]
    if not lead or len(lead) > _MAX_LEAD_WORDS or not any(t.lower_ in pronouns for t in lead):
        return None
    if any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in lead) or not any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    rest = cand.doc[sep.i + 1 : cand.end]
    if any(t.lower_ in pronouns for t in rest) or not any(t.dep_ in ("nsubj", "nsubjpass", "csubj") for t in rest):
        return None
    if not len(rest) or rest[0].pos_ in ("CCONJ", "SCONJ") or rest[0].dep_ in ("cc", "mark", "advmod"):
        return None  # "I was tired, so ...": the lead is the reason the rest gives, not an owning-up
    text = rest.text.strip()
    return finish(text[:1].upper() + text[1:])
