"""Not telling someone about a thing: "The vendor's engineers neglected to warn us about
the maintenance window" -> "We were not warned about the maintenance window".

The one not told becomes the subject of the agentless passive; what they were not
told about stays as written. (A clause as what was not told, "didn't tell anyone
that he had changed the TTL", is told.py's.)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, participle_of
from .people import replace_clause
from .text import phrasing, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def not_told_about(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    rw = phrasing()
    if c is None or c.subject is None or c.modal or c.conditional or verb_lemma_of(c.action.text) not in rw["telling_verbs"]:
        return []
    not_done = c.action is not c.verb and verb_lemma_of(c.verb.text) in rw["unchecked"]["not_done_verbs"]
    if not (not_done or (det.construction == "omission" and c.action is c.verb)):
        return []
    if c.subject.i > c.verb.i:
        return []
    act = c.action
    recipient = next((x for x in act.children if x.dep_ in ("dobj", "dative")), None)
    about = [x for x in act.children if x.dep_ == "prep" and x.lower_ in ("about", "of") and recipient is not None and x.i > recipient.i]
    if recipient is None or not about or any(x.dep_ in ("ccomp", "xcomp") for x in act.children):
        return []
    subject = rw["recipient_subjects"].get(recipient.lower_) if recipient.pos_ == "PRON" else span_text(list(recipient.subtree))
    if not subject:
        return []  # "warned him": the person the rewrite would name
    rest = [x for x in act.children if x.i > recipient.i and not x.is_punct]
    words = [t for x in rest for t in x.subtree]
    if any(t.lower_ in PERSONAL_WORDS for t in words):
        return []
    plural = recipient.tag_ in ("NNS", "NNPS") or subject.lower() in ("we", "they", "you")
    be = ("are" if plural else "is") if is_present(c.verb) else ("were" if plural else "was")
    if subject == "I":
        be = "am" if is_present(c.verb) else "was"
    text = " ".join([subject, be, "not", participle_of(act), span_text(sorted(words, key=lambda t: t.i))])
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in words if not t.is_punct)
    return [Candidate(replace_clause(sent, first, last, text))]
