"""Checks on a candidate rewrite beyond "no blame finding": a rewrite is better
absent than wrong, so each check names a way a rewrite can be wrong.

The candidate arrives parsed (through the same parser as the document); the
original sentence and the tokens the rewrite was allowed to lose come with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

# Pronouns that can only point at a person; once the person is gone nothing in the
# rewrite can be their antecedent.
_PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my", "mine", "myself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_NEGATION = {"not", "n't", "never", "no", "nothing", "nobody", "none", "without", "neither", "nor"}
_NUMBER = re.compile(r"\d")


@dataclass
class Original:
    """What the candidate must keep from the sentence it rewrites."""

    sent: Span
    dropped: set[int] = field(default_factory=set)  # token indices the rewrite may lose
    objects: list[str] = field(default_factory=list)  # the action's object heads, kept verbatim
    person: set[str] = field(default_factory=set)  # the removed person's name words
    others_plural: bool = False  # "they"/"their" cannot be the removed person (it was "I", "she"...)

    def kept(self) -> list[Token]:
        return [t for t in self.sent if t.i not in self.dropped]

    def carry(self, restated: Span, det: Any) -> "Original":
        """The same constraints for a sentence restated from this one, plus its own object."""
        c = det.clause
        more = [o.text for o in c.objects[:1] if o.pos_ != "PRON"] if c is not None and det.construction not in ("idiom", "judgement") else []
        return Original(self.sent, self.dropped, self.objects + more, self.person, self.others_plural)


def problems(cand: Span, orig: Original) -> list[str]:
    """Why ``cand`` cannot stand for ``orig`` (empty when it can)."""
    out: list[str] = []
    words = [t for t in cand if not t.is_punct]
    text = cand.text
    if "{" in text and "{" not in orig.sent.text:
        out.append("unfilled template")
    for t in words:
        low = t.lower_
        if low in _PERSONAL:
            out.append(f"pronoun {t.text!r} has no antecedent")
        elif low in _PLURAL and not any(x.tag_ in ("NNS", "NNPS") or x.lower_ == "we" or (orig.others_plural and x.pos_ in ("NOUN", "PROPN"))
                                        for x in cand if x.i < t.i):
            out.append(f"pronoun {t.text!r} has no antecedent")
    for t in words:
        if t.text in orig.person:
            out.append(f"still names {t.text!r}")
    for t in cand:
        # "The build broke by committing ...": nobody left to do the committing
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and any(c.tag_ == "VBG" and c.dep_ == "pcomp" for c in t.children):
            out.append("dangling 'by + -ing'")
    for t in orig.kept():
        if _NUMBER.search(t.text) and t.text not in text:
            out.append(f"number {t.text!r} lost or re-tokenised")
    for head in orig.objects:
        if head.lower() not in text.lower():
            out.append(f"object {head!r} changed")
    kept_neg = sum(1 for t in orig.kept() if t.lower_ in _NEGATION)
    cand_neg = sum(1 for t in cand if t.lower_ in _NEGATION)
    if kept_neg and cand_neg < kept_neg:
        out.append("negation lost")
    return out
