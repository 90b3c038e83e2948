"""Detection told only in prose: "the fault was spotted quickly by the on-call", "we were
alerted immediately". When the timeline has no detection event, a summary or detection
sentence saying the impact was noticed (or alerted on) at once puts the detection at the
impact start's entry: that is the time it belongs to. Without such an adverb of
immediacy the sentence gives no time, and the detection stays unknown.

Only the prose of those sections is parsed, and only when the detection is missing.
"""
from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from ..document.model import Document
from ..rules import load_rule_file
from .event_words import word_index
from .milestones import Milestone, MilestoneWords, ParseFn, match_term, milestone_words, negated

_SECTIONS = ("summary", "detection")


@functools.lru_cache(maxsize=1)
def _immediate() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in load_rule_file("milestones")["events"]["immediate"])


def _at_once(verb: Token, immediate: frozenset[tuple[str, ...]]) -> bool:
    """The verb modified by "quickly", "immediately", "right away", "at once"."""
    for c in verb.children:
        if c.dep_ not in ("advmod", "prep", "npadvmod"):
            continue
        words = tuple(t.lower_ for t in c.subtree)
        if words in immediate or (c.lower_,) in immediate:
            return True
    return False


def _noticed_at_once(doc: Doc, words: MilestoneWords, immediate: frozenset[tuple[str, ...]]) -> bool:
    index = word_index(doc)
    for kind in ("perceived", "signals"):
        for term in words.events[kind]:
            for tok in match_term(doc, term, index):
                if tok.pos_ == "VERB" and not negated(tok) and _at_once(tok, immediate):
                    return True
    return False


def detection_in_prose(doc: Document, start: Milestone, parse: ParseFn, line_of) -> Milestone | None:
    """The detection at the impact start's time when the summary says it was noticed at once."""
    prose = [p for p in doc.prose if p.section in _SECTIONS and p.kind != "heading" and p.text.strip()]
    if not prose:
        return None
    words, immediate = milestone_words(), _immediate()
    for p, parsed in zip(prose, parse([p.text for p in prose])):
        if _noticed_at_once(parsed, words, immediate):
            where, _ = p.original_span(0, 0)
            return Milestone("detected", start.moment, start.line, "prose",
                             f"noticed at once (line {line_of(where)}): the impact start's time")
    return None
