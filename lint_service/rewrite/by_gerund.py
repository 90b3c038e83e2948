"""(rewrite28) A "by + -ing" phrase the rewrite kept as the original wrote it, on a verb
whose doer is still there ("Let me begin by explaining how ..."): not a dangling modifier.
Only one the rewrite hung on a passive or on a new subject dangles."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .verify import Original


def by_gerund_as_written(by: Token, orig: "Original") -> bool:
    """(rewrite28) "Let me begin by explaining how ...": the "by + -ing" phrase stands in the
    original on a verb the rewrite left active (its doer is still there); only one the
    rewrite hung on a passive or a new subject dangles."""
    head = by.head
    doer = next((c.lower_ for c in head.children if c.dep_ == "nsubj"), None)
    if doer is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return False  # "The build broke by committing ...": the new subject is no doer of the -ing
    gerund = next(c for c in by.children if c.tag_ == "VBG" and c.dep_ == "pcomp")
    return any(t.lower_ == "by" and t.head.lower_ == head.lower_ and t.i not in orig.dropped
               and any(s.dep_ == "nsubj" and s.lower_ == doer for s in t.head.children)
               and any(g.lower_ == gerund.lower_ and g.dep_ == "pcomp" for g in t.children) for t in orig.sent)
