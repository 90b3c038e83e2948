"""Hindsight about a means: "could have avoided the outage by reading the release
notes" -> "Reading the release notes could have avoided the outage". The means becomes
the subject; the modal, the verb and its object stay as written.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .clause import participle_of
from .people import replace_clause
from .text import span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def means_could_have(c: "Clause", sent: Span) -> list[Candidate]:
    v = c.verb
    modal = next((x for x in v.children if x.tag_ == "MD"), None)
    have = any(x.dep_ == "aux" and x.lower_ in ("have", "'ve") for x in v.children)
    if c.subject is None or modal is None or modal.lower_ not in ("could", "would") or not have or c.negated or not c.objects or v.tag_ != "VBN":
        return []
    by = next((p for p in v.children if p.dep_ == "prep" and p.lower_ == "by"), None)
    gerund = next((g for g in by.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) if by is not None else None
    if gerund is None or any(t.lower_ in PERSONAL_WORDS for t in gerund.subtree):
        return []
    means = span_text([t for t in gerund.subtree if not t.is_punct])
    obj = span_text(list(c.objects[0].subtree))
    last = max(t.i for t in v.subtree if not trailing_punct(t))
    first = min(t.i for t in c.subject.subtree)
    rest = span_text([t for t in v.subtree if t.i > v.i and not t.is_punct and t.i not in {x.i for x in by.subtree}
                      and t.i not in {x.i for x in c.objects[0].subtree}])
    text = " ".join(x for x in (means, modal.lower_, "have", participle_of(v), obj, rest) if x)
    return [Candidate(replace_clause(sent, first, last, text))]
