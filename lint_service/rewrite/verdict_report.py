"""Who concluded a verdict, when the writer reports it: "The review concluded that Bo was
at fault for restarting the primary" or "Bo was at fault for restarting the primary, the
review concluded". The frame (the reporter, its verb, "that") is the writer's fact and
stays around the rewritten verdict ("The review concluded that the primary was
restarted"); only what was concluded changes, and only when it is blameless.

A frame is a reporting verb at the root (``verdict_report_verbs``) with the verdict as
its clausal complement, and a reporter that is a thing or a named body ("the review",
"the audit", "Ana"): a pronoun reporter ("he concluded") may be the removed person.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .text import phrasing, span_text, trailing_punct, verb_lemma_of


@dataclass(frozen=True)
class Frame:
    verdict: Token  # the root of the reported verdict clause
    taken: frozenset[int]  # the frame's tokens: the reporter, its verb, "that", a comma
    before: str  # "The review concluded that", or ""
    after: str  # ", the review concluded", or ""

    def around(self, text: str) -> str:
        """``text`` (a full sentence with its stop) put back inside the frame."""
        body = text.rstrip().rstrip(".")
        if self.before:
            return f"{self.before} {body[:1].lower() + body[1:] if _lowerable(body) else body}."
        return f"{body}{self.after}." if self.after else text


def _lowerable(body: str) -> bool:
    """The rewrite's first word may go lower case inside the frame ("The primary" -> "the
    primary"), but a name or an acronym keeps its capital."""
    first = body.split(" ", 1)[0]
    return first[:1].isupper() and first[1:].islower() and first.lower() in ("the", "a", "an", "this", "that", "these", "those", "half", "all", "every")


def report_frame(sent: Span) -> Frame | None:
    root = sent.root
    if verb_lemma_of(root.text) not in phrasing()["verdict_report_verbs"] or root.pos_ != "VERB":
        return None
    verdict = next((c for c in root.children if c.dep_ == "ccomp"), None)
    reporter = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if verdict is None or reporter is None or reporter.pos_ == "PRON" or any(c.dep_ == "neg" for c in root.children):
        return None  # "he concluded": perhaps the person; "did not conclude": no verdict reported
    inner = {t.i for t in verdict.subtree}
    mark = next((c for c in verdict.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    frame = [t for t in sent if t.i not in inner and not (trailing_punct(t) and t.i == sent.end - 1)]
    allowed = {t.i for t in reporter.subtree} | {root.i} | {c.i for c in root.children if c.dep_ in ("aux", "punct")}
    if any(t.i not in allowed for t in frame):
        return None  # the frame says more than who concluded it
    taken = frozenset({t.i for t in frame} | ({mark.i} if mark is not None else set()))
    words = [t for t in frame if t.text != ","]
    if verdict.i > root.i:
        return Frame(verdict, taken, span_text(words) + (" that" if mark is not None else ""), "")
    return Frame(verdict, taken, "", ", " + span_text(words))
