"""A clause the parser read as a noun phrase: "The QA lead/ROOT signed/acl off on the
release without running the regression suite". The blame check repairs the subject;
the clause passive has no clean range for such a parse. Here the verb's own words
are the clause, and it is said without its person ("The release was signed off on
without running the regression suite").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .elapsed import agentless_act
from .people import replace_clause
from .text import trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def noun_rooted(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.conditional or c.passive:
        return []
    v, who = c.verb, c.subject
    if v.dep_ != "acl" or v.head != who or who.dep_ != "ROOT" or v.i != who.i + 1:
        return []  # only the subject directly followed by its verb: "the engineer paged at 3am" is a real modifier
    if det.construction == "omission" or c.negated:
        return []
    said = agentless_act(v, who, set())
    if said is None:
        return []
    first = min(t.i for t in who.subtree if t.i < v.i)
    last = max(t.i for t in v.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, said))]
