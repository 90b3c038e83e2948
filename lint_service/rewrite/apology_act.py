"""(rewrite30) An apology whose act is a gerund: "Sorry for wiping the shared cache
yesterday." -> "The shared cache was wiped yesterday."

The apology says whose the act was and nothing of what happened; the gerund after "for"
or "about" is the act. It is said as the apologiser's clause of its own ("I wiped the
shared cache yesterday"), which the next round rewrites without its doer and the verifier
checks against the original, as any restated candidate. Only when nothing else stands
in the sentence: before the apology, discourse words ("Again,", "OK, so first,"); the
apology's own words ("my sincere apologies"); after the act, punctuation. An act
negated ("sorry for not renewing it") is a lapse, said by other strategies or not at
all; an act with no object ("sorry for being late") has no thing to become the
subject. Words are rule data (rules/rewrites.yaml ``apology_acts``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate
from .text import inflect, phrasing

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_DISCOURSE = ("INTJ", "ADV", "CCONJ", "PUNCT")


def _act(sent: Span) -> tuple[Token, Token] | None:
    """(the apology's head, the gerund of its act), or None."""
    words = phrasing()["apology_acts"]
    for head in sent:
        if head.lower_ not in words["heads"] or head.dep_ != "ROOT":
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words["prepositions"]:
                continue
            gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if gerund is not None:
                return head, gerund
    return None


def _idiom_tokens(gerund: Token) -> set[int]:
    """The tokens of an apology idiom inside the act's phrase ("in the first place")."""
    out: set[int] = set()
    for c in gerund.children:
        words = [t for t in c.subtree]
        if " ".join(t.lower_ for t in words) in phrasing()["apology_acts"]["idioms"]:
            out |= {t.i for t in words}
    return out


def apology_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    found = _act(sent)
    if found is None:
        return []
    head, gerund = found
    kids = list(gerund.children)
    if any(c.dep_ in ("neg", "nsubj", "aux", "auxpass") for c in kids) or not any(c.dep_ in ("dobj", "obj") for c in kids):
        return []
    act = {t.i for t in gerund.subtree}
    own = {t.i for t in head.subtree} - act
    for t in sent:
        if t.i in act or t.is_space:
            continue
        if t.i < head.i and t.pos_ in _DISCOURSE and t.dep_ != "prep":
            continue  # "Again,", "OK, so first,"
        if t.i in own and (t.i <= head.i or t.dep_ == "prep" and t.head == head) and t.pos_ in ("DET", "PRON", "ADJ", "NOUN", "INTJ", "ADP", "PUNCT"):
            continue  # "my sincere apologies for"
        if t.i > gerund.right_edge.i and t.is_punct:
            continue
        return []  # a word of its own: a fact, a reason, another clause
    idioms = _idiom_tokens(gerund)
    parts = [t for t in gerund.subtree if t.i not in idioms]
    past = inflect(gerund.lemma_, "VBD")
    if "-" in past and "-" not in gerund.lemma_:
        past = past.replace("-", "")  # "overwrote", not the inflector's first "over-wrote"
    if past == gerund.lemma_ and not past.endswith("t"):
        return []  # no past form known: the clause would not read as one
    body = "".join((past + gerund.whitespace_) if t.i == gerund.i else t.text_with_ws for t in parts).strip()
    end = sent[-1].text if sent[-1].is_punct and sent[-1].text in ".!" else "."
    return [Candidate(f"I {body.rstrip(',;')}{end}", restated=True)]
