"""A judgement word taken out of the sentence it judges, before the act is rewritten in
a further round: "handled the rollout sloppily" -> "handled the rollout" (unless the
verb only says how), "bungling engineers cut the cables" -> "engineers cut the cables",
"was reckless of Farid" -> "was risky" (rules/rewrites.yaml ``judgement_neutral``). A
judgement adverb goes with its intensifier and the "and" and commas that set it beside
another adverb ("accidentally, and really stupidly, deleted" -> "accidentally deleted").
Moved out of ``rewrite/__init__.py`` (rewrite17) to keep that module under its size.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .faithful import names_person
from .text import render, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection


def judgement_variants(det: "Detection", sent: Span, rw: dict[str, Any]) -> list[str]:
    word = det.evidence[0]
    low = word.lower_
    if word.dep_ in ("advmod",):  # "handled the rollout sloppily" -> "handled the rollout"
        if verb_lemma_of(word.head.text) in rw["manner_only_verbs"]:
            # "The release team handled the rollout": without its manner the act says
            # nothing, and the team stays its subject (blind grading: poor)
            return []
        return [render(sent, *_adverb_aside(sent, word))]
    if word.dep_ == "amod" and len(det.evidence) == 2 and det.evidence[1].dep_ in ("nsubj", "nsubjpass"):
        head = det.evidence[1]
        ideal = any(c.lower_ == "more" or c.tag_ == "JJR" for c in [word, *word.children]) and any(
            a.tag_ == "MD" for a in head.head.children)
        if ideal:  # "A more careful engineer would have spotted": only with a replacement in the rules
            if rw["ideal_person_replacement"] is None:
                return []
            np = [t for t in head.subtree if t.i <= head.i]
            first = min(t.i for t in np)
            return [render(sent, {first: rw["ideal_person_replacement"]}, {t.i for t in np} - {first})]
        # "bungling engineers cut through the cables": the judgement goes, the act is
        # rewritten in a further round (the caller marks these as restated)
        # "A botched migration by Ravi ...": the maker the judgement was about goes with it
        by = {t.i for p in head.children if p.dep_ == "prep" and p.lower_ == "by" and any(
              o.dep_ == "pobj" and (names_person(o) or any(x.pos_ == "PROPN" and x.i <= o.i for x in o.subtree)) for o in p.children)
              for t in p.subtree}
        if by and not any(c.dep_ in ("det", "poss") for c in head.children) and head.lower_.endswith("ing"):
            return []  # "Lazy reviewing by the lead let X in" -> "Reviewing let X in": a bare act as the doer
        return [render(sent, {}, {t.i for t in word.subtree} | by)]
    if low in rw["judgement_neutral"]:
        cut = {t.i for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
        if cut:  # "was reckless of Farid" -> "was risky"
            return [render(sent, {word.i: rw["judgement_neutral"][low]}, cut)]
    return []


def _adverb_aside(sent: Span, word: Token) -> tuple[dict[int, str], set[int]]:
    """The judgement adverb with what only goes with it, as (replacements, deletions): its
    intensifier ("really stupidly": a kept "really" would stress the act, "was really
    deleted"), and the "and" and commas that set it beside another adverb ("accidentally,
    and really stupidly, deleted" -> "accidentally deleted")."""
    cut = {t.i for t in word.subtree}
    doc = sent.doc
    before = min(cut) - 1
    if before >= sent.start and doc[before].dep_ == "advmod" and doc[before].head == word.head and doc[before].tag_ == "RB" \
            and not list(doc[before].children) and doc[before].lower_ not in ("never", "not", "n't") and doc[before].whitespace_:
        cut.add(before)  # "really stupidly" parsed as two adverbs of the verb: the first grades the second
        before -= 1
    after = max(cut) + 1
    replace: dict[int, str] = {}
    if before >= sent.start and doc[before].dep_ == "cc":
        cut.add(before)
        if before - 1 >= sent.start and doc[before - 1].text == "," and after < sent.end and doc[after].text == ",":
            # the aside closes with the comma that opened it; the word before keeps a space
            cut |= {before - 1, after}
            if before - 2 >= sent.start:
                replace[before - 2] = doc[before - 2].text + " "
    return replace, cut
