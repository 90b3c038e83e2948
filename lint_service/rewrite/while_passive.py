"""(rewrite30) A "while/when + -ing" phrase left after an agentless passive.

"Ilka deleted the wrong volume while cleaning up the old snapshots" passivised reads
"The wrong volume was deleted while cleaning up the old snapshots". The verifier lets it
stand (after a passive the doer is only left unsaid), but the graders called it
acceptable at best: the "-ing" dangles (blind round 20: most acceptable rows). The
phrase said without its doer too, as rewrite/trailing_gerund.py says it after an active
outcome, reads whole: "The wrong volume was deleted while the old snapshots were being
cleaned up". The better form is offered in place of the dangling one only when it is
itself free of blame and of problems; otherwise the candidate stays as it was.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span, Token

from .repair import edited
from .trailing_gerund import MARKS, trailing_gerund_edits
from .verify import Original, problems

if TYPE_CHECKING:
    from ..checks.registry import Context


def _dangles_after_passive(cand: Span) -> bool:
    """An "-ing" with no subject of its own after "while"/"when", hung on a passive verb."""
    for t in cand:
        if t.tag_ == "VBG" and t.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
                and any(m.dep_ in ("mark", "advmod") and m.lower_ in MARKS for m in t.children) \
                and any(c.dep_ == "auxpass" for c in t.head.children):
            return True
    return False


def progressive_while(cand: Span, orig: Original, blame: Callable[[Span], Any], ctx: "Context",
                      doer: Token | None) -> str | None:
    """``cand`` with its dangling "while + -ing" said without the doer, or None."""
    if doer is None or not _dangles_after_passive(cand):
        return None
    fixed = edited(cand.text, trailing_gerund_edits(orig.sent, doer))
    if fixed is None:
        return None
    sents = list(ctx.parse([fixed])[0].sents)
    if len(sents) != 1 or blame(sents[0]) is not None or problems(sents[0], orig):
        return None
    return fixed
