"""Judgements of a process a person owns: "Kemal's handling of the failover was
amateurish" -> "The handling of the failover fell short". The owner goes, the process
noun and its object stay, the judgement adjectives become the rule data's neutral
predicate, and what the sentence says after them ("from start to finish") stays.

(rewrite27) The verifier refuses the form (``judgement_restated``): blind graders read
"fell short" as the same verdict, softened and vague, in every row it was offered (two
poor, four acceptable, none good). It is kept as a candidate so that ``--why`` shows
why the sentence has no rewrite; when the judgement comes with what it saw ("..., with
no testing of any kind") the fallback says that instead (rewrite/judged_act.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .clause import is_present
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _judged_process(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if det.construction != "judgement" or c is None or c.subject is None or det.target is None or not det.evidence:
        return []
    rw = phrasing()
    process, word = c.subject, det.evidence[0]
    if c.verb.lemma_ != "be" or process.lemma_.lower() not in rw["process_nouns"]:
        return []
    owner = next((t for t in process.children if t.dep_ == "poss"), None)
    if owner is None or det.target.i not in {t.i for t in owner.subtree}:
        return []  # "the handling of Kemal's ticket": the judgement is not of the owner's process
    if word.dep_ != "acomp" or word.head != c.verb or any(t.dep_ == "neg" for t in c.verb.children):
        return []  # "was not sloppy", "was a sloppy job": other shapes
    judged = {word.i} | {t.i for x in word.children if x.dep_ in ("cc", "conj") for t in x.subtree}
    if any(x.dep_ == "prep" and x.lower_ in rw["care_phrases"] for x in word.children):
        return []  # "careless with the keys": the care phrases' strategy
    kept_subject = [t for t in process.subtree if t.i not in {x.i for x in owner.subtree} and t.dep_ != "case"]
    first = min(t.i for t in process.subtree)
    last = max(t.i for t in c.verb.subtree if not trailing_punct(t))
    # what follows the judgement stays ("from start to finish", "for most of the incident")
    after = [t for t in c.verb.subtree if t.i > word.i and t.i not in judged and not (t.is_punct and t.i >= last)]
    if any(t.dep_ == "det" for t in process.children) or not kept_subject:
        subject = span_text(kept_subject)
    else:
        subject = "the " + span_text(kept_subject)
    pred = rw["process_judgement"]["present" if is_present(c.verb) else "past"]
    return [Candidate(replace_clause(sent, first, last, " ".join(x for x in (subject, pred, span_text(after)) if x)))]


def judgement_restated(cand: Span, orig_sent: Span) -> str | None:
    """The rule data's predicate for a judged process ("fell short") in a candidate whose
    original did not say it: the verdict restated, not a fact."""
    written = " ".join(t.lower_ for t in orig_sent if not t.is_punct)
    text = " ".join(t.lower_ for t in cand if not t.is_punct)
    for pred in phrasing()["process_judgement"].values():
        if f" {pred} " in f" {text} " and f" {pred} " not in f" {written} ":
            return pred
    return None
