"""What the writer wrote that is not the removed person's, and a rewrite keeps.

A thing the parser hung on the person's name ("because of the config/compound Petra
pushed"): no part of the person, so it must not go with them (:func:`things_on_the_name`).

A report of the team's own, as the writer wrote it.

"Siobhan screwed up the failover, and we lost 12 minutes of writes" -> "The failover
went wrong, and we lost 12 minutes of writes": the second half is the team saying what
it lost, word for word from the original. The "we" check (``blame.we-subject``, off
unless a configuration turns it on) reads it as a team blaming itself; when that check
is off, a clause the rewrite did not touch is not something the rewrite introduced.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span

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
