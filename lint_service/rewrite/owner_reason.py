"""A name given with the blame as its reason: "Owner: Kenji, since he caused this" ->
"Owner: Kenji".

The name is the field's value (who owns the action item) and stays; the clause that
says why, which is the blame, goes. Only a bare name phrase keeps this rewrite: a
sentence that says more about the person is rewritten by the other strategies.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .text import phrasing, span_text

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def owner_without_reason(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    root = sent.root
    if root.pos_ != "PROPN" or root.i != sent.start and not all(t.is_punct for t in sent.doc[sent.start:root.i]):
        return []
    marks = set(phrasing()["person_clause_marks"])
    reasons = [c for c in root.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]
    if len(reasons) != 1:
        return []
    reason = {t.i for t in reasons[0].subtree}
    found = [t.i for t in (det.target, *det.evidence) if t is not None]
    if not found or not all(i in reason for i in found):
        return []  # the blame is not (only) in the reason clause
    name = [t for t in root.subtree if t.i not in reason and not t.is_punct]
    if any(t.lower_ in PERSONAL_WORDS or t.pos_ not in ("PROPN", "DET", "ADJ", "NOUN") for t in name):
        return []
    return [Candidate(span_text(name) + ".", keeps=frozenset(t.text for t in name if t.pos_ == "PROPN"),
                      drops=frozenset(sent.doc[i].text for i in reason))]
