"""(rewrite30) Facts that hang on the removed person and are lost with them.

- A word that counts from its owner: "erased the billing archive on his first
  day" -> "... on a first day" (an indefinite article, or none: "the last release" for
  "their last release" still reads as the latest one and is kept). The person's first day is a time the reader can place;
  "a first day" is nobody's, and the sentence no longer says when it happened. Words
  of ``rules/rewrites.yaml`` ``owner_counted``; the candidate is refused (a rewrite is
  better absent than one that loses when).
- What followed a colon: "ran the riskiest script we had: the purge job" came back
  as "... was run in the X:" with the script after the colon gone, the sentence
  ending on the colon. A candidate that ends on a colon the original did not end on lost
  what the colon announced.
- A "that" clause whose frame went ("Really sorry that I wiped X" -> "That X was wiped."):
  half a sentence.
- A first-person doer the original never named: a restated candidate says an apology's
  act as the writer's clause ("Sorry for overwriting X" -> "I overwrote X") for the next
  round to rewrite; left as it is, it would name the writer as the doer in words the
  original did not use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .referents import FIRST, HE, PLURAL, SECOND, SHE
from .text import phrasing

if TYPE_CHECKING:
    from .verify import Original

_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})


def _counted_by_owner(cand: Span, orig: "Original") -> str | None:
    """The counted word whose owner went ("first" of "his first day"), or None."""
    counted = set(phrasing().get("owner_counted", []))
    personal = FIRST | HE | PLURAL | SECOND | SHE
    for t in orig.sent:
        if t.dep_ != "poss" or t.lower_ not in _POSSESSIVES or t.lower_ not in personal:
            continue
        noun = t.head
        count = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in counted and c.i > t.i), None)
        if count is None:
            continue
        # the same count before the same noun, now without a possessive of its own
        for c in cand:
            # "a first day" is nobody's; "the last release" still reads as the latest one
            if c.lower_ == count.lower_ and c.head.lower_ == noun.lower_ and not any(
                    x.dep_ == "poss" or (x.dep_ == "det" and x.lower_ not in ("a", "an")) for x in c.head.children):
                return count.text
    return None


def _colon_left_open(cand: Span, orig: "Original") -> bool:
    words = [t for t in cand if not t.is_space]
    said = [t for t in orig.sent if not t.is_space]
    return bool(words) and words[-1].text == ":" and not (said and said[-1].text == ":")


def lost_owner_problems(cand: Span, orig: "Original") -> list[str]:
    """Why ``cand`` lost a fact that hung on the removed person (empty when it did not)."""
    out = []
    if (count := _counted_by_owner(cand, orig)) is not None:
        out.append(f"{count!r} counted from the removed person, now nobody's")
    if _colon_left_open(cand, orig):
        out.append("what followed the colon lost")
    first = next((t for t in cand if not t.is_punct), None)
    if first is not None and first.lower_ == "that" and first.dep_ == "mark" and orig.sent[0].lower_ != "that":
        out.append("a 'that' clause left without the frame it hung on")  # "Really sorry that I X" -> "That X was done."
    for t in cand:
        # the doer of an active verb; "We were not warned" for "warn us" is who was told
        if t.dep_ == "nsubj" and t.lower_ in ("i", "we") and not any(o.lower_ == t.lower_ for o in orig.sent):
            out.append(f"{t.text!r} made the doer, which the original did not say")
            break
    return out
