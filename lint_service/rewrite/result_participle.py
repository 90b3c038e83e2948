"""An act with its result said as a participle: "The operator confirmed the alert,
accidentally triggering a city-wide panic" -> "The alert was confirmed, accidentally
triggering a city-wide panic".

The blame check reads the participle as the person's second act; it is the first act's
result, and a passive event can have one ("The primary was restarted, causing a
failover"), so the participle stays as written and only the act before it is said
without the person. Only for a participle of a causal verb (``causal_verbs`` in
rules/rewrites.yaml) set off by a comma, with no subject of its own.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import verb_phrase_passive
from .people import replace_clause
from .text import phrasing, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def act_with_result(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None:
        return []
    result, act = c.verb, c.verb.head
    if result.tag_ != "VBG" or result.dep_ != "advcl" or verb_lemma_of(result.text) not in phrasing()["causal_verbs"] \
            or any(x.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for x in result.children):
        return []
    if c.subject.head != act or c.subject.i > act.i or any(x.dep_ in ("aux", "auxpass", "neg") for x in act.children):
        return []
    tail = {t.i for t in result.subtree}
    comma = result.left_edge.i - 1
    if comma <= act.i or sent.doc[comma].text != ",":
        return []
    who = {t.i for t in c.subject.subtree}
    own = [t for t in act.subtree if t.i not in tail | who and t.i != comma and not trailing_punct(t)]
    if any(t.lower_ in PERSONAL_WORDS for t in own) or any(t.lower_ in PERSONAL_WORDS for t in result.subtree):
        return []
    phrase = verb_phrase_passive(act, own, False, set(phrasing()["dropped_adverbs"]))
    if phrase is None:
        return []
    first = min(who)
    last = max(t.i for t in own)
    if last >= comma:
        return []  # words of the act after its result: no clean cut
    return [Candidate(replace_clause(sent, first, last, f"{phrase[0]} {phrase[1]}"))]
