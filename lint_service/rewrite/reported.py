"""Acts told as a report or as a guess: the frame stays, the act is said without its doer.

A report: "The carrier's postmortem notes that an engineer applied a routing change to
the live core" -> "The carrier's postmortem notes that a routing change was applied to
the live core": the source and its verb are the writer's facts, the reported clause is
rewritten like any other. The tagger sometimes reads the reporting verb after a noun as
a plural noun ("postmortem notes/NNS"), leaving the clause apparently hung on a noun; a
noun with a subject of its own whose word is a reporting verb's (``reporting_verbs`` and
``report_frames`` in rules/rewrites.yaml) is that verb, and the clause under it a report.

A guess: "It appears the technician may have reversed the polarity" is the writer's
hedge on a past act: the modal of the perfect ("may have", "might have", "must have")
is how sure they are, not a wish or a should. The passive keeps it ("It appears the
polarity may have been reversed"); dropping it would turn the guess into a fact ("The
polarity has been reversed": meaning changed). The verifier refuses any candidate of a
hedged act that lost its modal. The modals are rule data (``hedging_modals``).

A report the doer gave ("Kaito told the retro that he had bypassed the canary stage"):
the reported act said without him keeps him as the teller ("Kaito told the retro that
the canary stage had been bypassed"), which still points at him; the telling is said
from its recipient instead ("The retro was told that the canary stage had been
bypassed"), so the report and its content both stay.

A hedge about *who* ("It might have been the DBA who ...") is not an act's modal: it
is a verdict's, and stays without a rewrite (rewrite/verdict_who.py decides that).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate
from .text import is_present, phrasing, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

__all__ = ["hedge_lost", "hedging_modal", "misread_report", "participle_destination", "told_by_doer", "told_fronted"]

_DOER_PRONOUNS = frozenset({"he", "she", "they"})

_DESTINATIONS = ("to", "into", "onto")


def misread_report(head: Token) -> bool:
    """``head``, tagged a noun, is a reporting verb with its own subject ("The review
    notes/NNS that ..."): the clause under it is a report, not a noun's."""
    if head.tag_ not in ("NNS", "NNPS") or not head.lower_.endswith("s"):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in head.children):
        return False
    return verb_lemma_of(head.lower_) in phrasing()["reporting_verbs"] + phrasing()["report_frames"]


def hedging_modal(verb: Token) -> str | None:
    """The modal of a guess about a past act of ``verb`` ("may" in "may have reversed"),
    or None: a modal, then "have", then the participle."""
    if verb.tag_ != "VBN":
        return None
    auxes = sorted((a for a in verb.children if a.dep_ == "aux" and a.i < verb.i), key=lambda a: a.i)
    modal = next((a for a in auxes if a.tag_ == "MD"), None)
    if modal is None or modal.lower_ not in phrasing()["hedging_modals"]:
        return None
    if not any(a.lemma_ == "have" or a.lower_ == "'ve" for a in auxes if a.i > modal.i):
        return None
    return modal.lower_


def _hedges(span: Span) -> list[str]:
    return [m for t in span if t.pos_ in ("VERB", "AUX") and (m := hedging_modal(t)) is not None]


def hedge_lost(cand: Span, orig: Span) -> str | None:
    """The modal of a hedged act of ``orig`` that ``cand`` no longer says, or None."""
    said = [t.lower_ for t in cand if t.tag_ == "MD"]
    for modal in _hedges(orig):
        if modal not in said:
            return modal
        said.remove(modal)
    return None


def participle_destination(obj: Token) -> list[Token]:
    """The destination the parser hung inside the object's participle phrase, after the
    participle's own phrase ("applied [a change meant for the lab] to the live core"):
    it is the act's, and follows the passive verb ("a change meant for the lab was
    applied to the live core"), never the new subject ("a change meant for the lab to the
    live core was applied"). A "from ... to" pair is one phrase and stays."""
    for part in obj.children:
        if part.dep_ != "acl" or part.tag_ != "VBN" or part.i < obj.i:
            continue
        preps = sorted((t for t in part.subtree if t.dep_ == "prep"), key=lambda t: t.i)
        if len(preps) >= 2 and preps[-1].lower_ in _DESTINATIONS and preps[-2].lower_ != "from" \
                and preps[-1].right_edge.i == obj.right_edge.i:
            return [preps[-1]]
    return []


def _telling(verb: Token) -> tuple[Token, Token, Token] | None:
    """(teller, telling verb, recipient) when ``verb``'s clause is what a person told a
    recipient about their own act: "Kaito told the retro that he had bypassed ..." (the
    parser may hang the clause on the recipient: "the retro/dobj that he had bypassed/acl")."""
    tell = verb.head
    if verb.dep_ in ("acl", "relcl") and tell.dep_ == "dobj":
        tell = tell.head
    elif verb.dep_ != "ccomp":
        return None
    if verb_lemma_of(tell.text) not in phrasing()["telling_verbs"]:
        return None
    teller = next((c for c in tell.children if c.dep_ == "nsubj"), None)
    recipient = next((c for c in tell.children if c.dep_ in ("dobj", "dative")), None)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if teller is None or recipient is None or mark is None or doer is None or doer.lower_ not in _DOER_PRONOUNS:
        return None
    if teller.pos_ != "PROPN" and not any(c.dep_ == "det" for c in teller.children) or recipient.pos_ == "PRON":
        return None
    return teller, tell, recipient


def told_by_doer(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    found = _telling(c.verb) if c is not None and c.subject is not None else None
    if found is None:
        return []
    teller, tell, recipient = found
    mark = next(m for m in c.verb.children if m.dep_ == "mark")
    if min(t.i for t in teller.subtree) != sent.start:
        return []  # a lead before the teller would need its own reading
    said = span_text([t for t in sent if t.i < mark.i])
    whom = span_text([t for t in recipient.subtree if t.i < mark.i])
    be = ("are" if recipient.tag_ == "NNS" else "is") if is_present(tell) else ("were" if recipient.tag_ == "NNS" else "was")
    from . import candidates  # the reported act rewritten as the main strategies would

    out = []
    for cand in candidates(det, sent, ctx):
        if cand.text.startswith(said + " "):
            out.append(Candidate(f"{whom[:1].upper()}{whom[1:]} {be} told{cand.text[len(said):]}", cand.kind))
    return out


def told_fronted(cand: Span, orig: Span) -> bool:
    """The passive of the telling put what was told into the subject: "Kaito told the retro
    that Ana had bypassed X" (the clause hung on "retro") -> "The retro that Ana had bypassed
    X was told". True when a telling verb of ``orig`` has such a clause and ``cand`` says
    the telling after the clause."""
    for tell in orig:
        if tell.pos_ != "VERB" or verb_lemma_of(tell.text) not in phrasing()["telling_verbs"]:
            continue
        for whom in (c for c in tell.children if c.dep_ == "dobj"):
            said = [v for v in whom.children if v.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in v.children)]
            told = [t for t in cand if t.lower_ == tell.lower_ or (t.tag_ == "VBN" and verb_lemma_of(t.text) == verb_lemma_of(tell.text))]
            thats = [t for t in cand if t.lower_ == "that"]
            if said and told and thats and thats[0].i < told[-1].i and not any(t.i < thats[0].i for t in told):
                return True
    return False
