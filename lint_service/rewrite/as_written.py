"""What the writer wrote that is not the removed person's, and a rewrite keeps.

A thing the parser hung on the person's name ("because of the config/compound Petra
pushed"): no part of the person, so it must not go with them (:func:`things_on_the_name`).

A report of the team's own, as the writer wrote it (:func:`untouched_we`).

Words of the writer's the candidate says more often than the writer did (a phrase moved
and also left behind, :func:`said_twice`), and the writer's words without the scare
quotes that mocked the removed person's work (:func:`unquoted_scare`), for the verifier.

"Siobhan screwed up the failover, and we lost 12 minutes of writes" -> "The failover
went wrong, and we lost 12 minutes of writes": the second half is the team saying what
it lost, word for word from the original. The "we" check (``blame.we-subject``, off
unless a configuration turns it on) reads it as a team blaming itself; when that check
is off, a clause the rewrite did not touch is not something the rewrite introduced.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span

from .text import phrasing

if TYPE_CHECKING:
    from ..checks.registry import Context

WE_RULE = "blame.we-subject"


def things_on_the_name(det: Any, lex: Any) -> list[str]:
    """Common nouns the parser made compounds of the person's name that name no person,
    role or team: the words a rewrite must still say."""
    from ..checks.blame.agents import Kind, classify

    subject = det.clause.subject if det.clause is not None else None
    if subject is None or subject.pos_ != "PROPN" or not subject.is_title or lex is None:
        return []
    return [t.text for t in subject.children if t.dep_ == "compound" and t.is_lower and t.is_alpha
            and classify(t, lex) in (Kind.SYSTEM, Kind.NONE)]


def untouched_we(found: Any, original: Span, ctx: "Context") -> bool:
    """``found`` (a detection in a candidate) is the "we" check on a clause the original
    sentence holds word for word, and that check is off for this document."""
    if found.rule != WE_RULE or found.clause is None:
        return False
    config = getattr(ctx, "config", None)
    if config is None or config.is_enabled(WE_RULE, False):
        return False
    verb = found.clause.verb
    words = " ".join(t.text for t in verb.subtree if not t.is_punct)
    said = " ".join(t.text for t in original if not t.is_punct)
    return len(words.split()) >= 3 and f" {words} " in f" {said} "


def ignoring_untouched_we(blame: Callable[[Span], Any], original: Span, ctx: "Context") -> Callable[[Span], Any]:
    """The verifier's blame check, blind to :func:`untouched_we` findings."""
    def check(span: Span) -> Any:
        found = blame(span)
        return None if found is not None and untouched_we(found, original, ctx) else found
    return check


def said_twice(cand: Span, original: Span, n: int = 3) -> str | None:
    """A run of ``n`` words the candidate says more often than the original does: a
    phrase moved and also left behind ("The wrong pod was restarted the wrong pod")."""
    def runs(words: list[str]) -> dict[tuple[str, ...], int]:
        out: dict[tuple[str, ...], int] = {}
        for i in range(len(words) - n + 1):
            out[tuple(words[i : i + n])] = out.get(tuple(words[i : i + n]), 0) + 1
        return out
    had = runs([t.lower_ for t in original if not t.is_punct])
    for run, count in runs([t.lower_ for t in cand if not t.is_punct]).items():
        if count > max(had.get(run, 0), 1):
            return " ".join(run)
    return None


def unquoted_scare(inner: Span, original: Span, owners: frozenset[str], text: str) -> bool:
    """``inner`` was in scare quotes in ``original`` (opened right after a possessive of
    the person, one of ``owners``, or holding an act with no subject of its own) and
    ``text`` says its words in order without them, less the emphasis adverbs."""
    doc = original.doc
    opened = doc[inner.start - 1]
    before = doc[opened.i - 1] if opened.i > original.start else None
    after_owner = before is not None and (before.tag_ == "POS" or (before.tag_ == "PRP$" and before.lower_ in owners))
    subjectless = any(t.pos_ == "VERB" and t.tag_ in ("VB", "VBP", "VBD", "VBG") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in inner)
    if len(inner) > 6 or not (after_owner or subjectless):
        return False
    drop = set(phrasing()["dropped_adverbs"])
    return " ".join(t.text for t in inner if t.lower_ not in drop) in text
