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

A hedge about *who* ("It might have been the DBA who ...") is not an act's modal: it
is a verdict's, and stays without a rewrite (rewrite/verdict_who.py decides that).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import phrasing, verb_lemma_of

__all__ = ["hedge_lost", "hedging_modal", "misread_report", "participle_destination"]

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
