"""Recovery still under way when the document was written.

A timeline with no event saying the incident is over is closed by its last event (the
last mitigating act, or a fix released: ``milestones._closing``). When the resolution or
recovery section says the work is still going on ("the hosts are being rebuilt", "we are
rotating every secret"), that last event did not end the incident: the resolution is left
empty. Said by the parse: a clause in the present progressive (a present "be" and a verb
in -ing, or "being" and a participle), which no past-tense report uses, in the sections
named in ``rules/milestones.yaml`` (``ongoing_sections``).
"""
from __future__ import annotations

import functools

from spacy.tokens import Token

from ..document.model import Document
from ..rules import load_rule_file
from .milestones import ParseFn


@functools.lru_cache(maxsize=1)
def _sections() -> frozenset[str]:
    return frozenset(load_rule_file("milestones")["ongoing_sections"])


def _present_be(tok: Token) -> bool:
    return tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP")


def _in_progress(verb: Token) -> bool:
    """ "is rebuilding", "are being rotated", "is actively working on": going on now."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(_present_be(a) for a in auxes):
        return True
    return verb.tag_ == "VBN" and any(a.lower_ == "being" for a in auxes) and any(_present_be(a) for a in auxes)


def work_ongoing(doc: Document, parse: ParseFn) -> bool:
    """Whether a resolution or recovery paragraph says work is still in progress."""
    texts = [p.text for p in doc.prose if p.section in _sections() and p.kind in ("paragraph", "list-item")
             and p.text.strip()]
    if not texts:
        return False
    return any(_in_progress(t) for d in parse(texts) for t in d if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux")
