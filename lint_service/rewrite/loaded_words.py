"""A word that judges the act, taken out of a candidate that keeps it.

"I made a silly typo in the zone file" -> "A typo was made in the zone file": with the
person gone, "silly" still calls the mistake foolish (``rules/rewrites.yaml``
``loaded_words``), and it says nothing the facilitator needs. Only a modifier of a noun
goes, when it is the noun's only one; a loaded word that heads its phrase or stands
among other modifiers ("a colossal bonehead move") is left for the verifier to refuse,
unless its phrase is a lead that only judges how the act was done ("In a careless
moment, ..."): that goes whole (rewrite17).
"""
from __future__ import annotations

from spacy.tokens import Span

from .text import phrasing

_VOWEL_SOUND = tuple("aeiou")


def unloaded(cand: Span) -> str | None:
    """``cand``'s text without its loaded modifiers, or None when it has none to drop.
    The blame check's own judgement words ("a reckless disregard") are not dropped: they
    often carry what the sentence says and the verifier refuses them."""
    loaded = set(phrasing()["loaded_words"])
    # the only modifier of its noun: "a colossal bonehead move" without it is "a colossal move"
    drop = {t.i for t in cand if t.lower_ in loaded and t.dep_ == "amod" and t.head.i > t.i
            and not any(c.dep_ in ("amod", "compound") and c.i != t.i for c in t.head.children)}
    if not drop:
        return None
    out: list[str] = []
    for t in cand:
        if t.i in drop:
            continue
        word = t.text
        if t.lower_ in ("a", "an") and t.i + 1 in drop:
            # the article now stands before the next kept word: "an idiotic typo" -> "a typo"
            nxt = next((x for x in cand.doc[t.i + 1 : cand.end] if x.i not in drop), None)
            if nxt is not None:
                article = "an" if nxt.lower_.startswith(_VOWEL_SOUND) else "a"
                word = article.capitalize() if t.text[0].isupper() else article
        out.append(word + t.whitespace_)
    text = "".join(out).strip()
    return text[0].upper() + text[1:] if cand[0].text[0].isupper() and text else text


# the words a lead phrase of judgement may hold besides the judging one ("In a classic
# rookie move,"): anything else (a verb, a second phrase, a number) is a fact it carries
_LEAD_DEPS = frozenset({"prep", "det", "amod", "compound", "advmod", "pobj", "punct"})


def without_judging_lead(cand: Span, judged: frozenset[str]) -> str | None:
    """"In a careless moment, the shared bucket was deleted." -> "The shared bucket was
    deleted.": a phrase before the clause that only judges how the act was done goes
    whole (without its judging word, "In a moment" would say nothing), or None."""
    lead = cand[0]
    if lead.dep_ != "prep" or lead.head.pos_ not in ("VERB", "AUX") or lead.head.i < lead.i:
        return None
    words = list(lead.subtree)
    if not any(t.lower_ in judged or t.lower_ in set(phrasing()["loaded_words"]) for t in words):
        return None
    if any(t.dep_ not in _LEAD_DEPS or (t.dep_ == "prep" and t != lead) or t.like_num for t in words):
        return None
    rest = cand.doc[words[-1].i + 1 : cand.end]
    while len(rest) and rest[0].text in (",", "-", "—", "–"):
        rest = cand.doc[rest.start + 1 : cand.end]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head == lead.head for t in rest):
        return None
    text = rest.text.strip()
    return text[:1].upper() + text[1:] if text else None
