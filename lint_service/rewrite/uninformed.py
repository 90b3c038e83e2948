"""Not telling someone about a thing: "The vendor's engineers neglected to warn us about
the maintenance window" -> "We were not warned about the maintenance window"; and an act
nobody was told of ("... and never told anyone" -> "... and nobody was told").

The one not told becomes the subject of the agentless passive; what they were not
told about stays as written. (A clause as what was not told, "didn't tell anyone
that he had changed the TTL", is told.py's.)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, participle_of, verb_phrase_passive
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

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
    # "didn't tell anyone about X" -> "Nobody was told about X": the negation is the recipient's
    nobody = rw["negative_recipients"].get(recipient.lower_)
    subject = nobody or (rw["recipient_subjects"].get(recipient.lower_) if recipient.pos_ == "PRON" else span_text(list(recipient.subtree)))
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
    no = () if nobody else ("not",)
    have = next((a.lower_ for a in c.verb.children if a.dep_ == "aux" and a.lemma_ == "have"), None)
    if have is not None:  # "has never told anyone" -> "Nobody has been told": the perfect stays
        be = " ".join(("had" if have in ("had", "'d") else "have" if plural else "has", *no, "been"))
        no = ()
    text = " ".join([subject, be, *no, participle_of(act), span_text(sorted(words, key=lambda t: t.i))])
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in words if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, text))]


def acted_untold(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Someone turned off the backups last month and never told anyone" -> "The backups
    were turned off last month and nobody was told": the act as an agentless passive,
    the silence as the recipients' ("nobody was told")."""
    c = det.clause
    rw = phrasing()
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.conditional or c.subject.i > c.verb.i:
        return []
    v = c.verb
    conjs = [x for x in v.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")]
    if len(conjs) != 1:
        return []
    told = conjs[0]
    negated = any(x.dep_ == "neg" or x.lower_ == "never" for x in told.children)
    recipient = next((x for x in told.children if x.dep_ in ("dobj", "dative")), None)
    nobody = rw["negative_recipients"].get(recipient.lower_) if recipient is not None else None
    if verb_lemma_of(told.text) not in rw["telling_verbs"] or not negated or nobody is None:
        return []
    if any(x.dep_ not in ("aux", "neg", "dobj", "dative", "punct") and x.lower_ != "never" for x in told.children):
        return []  # "never told anyone that ...": what was not told is told.py's
    cut = {t.i for t in told.subtree} | {t.i for t in c.subject.subtree} | {x.i for x in v.children if x.dep_ == "cc"}
    first = min(t.i for t in c.subject.subtree)
    # (what stands before the subject, "Apparently", stays where it is)
    own = [t for t in v.subtree if t.i not in cut and t.i > first and not (t.is_punct and t.i > told.i)]
    said = verb_phrase_passive(v, own, c.negated, set(rw["dropped_adverbs"]))
    if said is None or any(t.lower_ in PERSONAL_WORDS for t in own):
        return []
    be = "is" if is_present(v) else "was"
    last = max(t.i for t in told.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, f"{said[0]} {said[1]} and {nobody} {be} told"))]
