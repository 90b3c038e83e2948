"""Not telling someone about one's own change: "didn't tell anyone that he had changed
the TTL" -> "Nobody was told that the TTL had been changed". The recipient becomes the
subject of "was not told", and the reported change is said without its agent, in its
own tense and aspect.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .clause import _object_parts, _plural, is_present
from .people import replace_clause
from .relative import passive_predicate
from .text import phrasing, span_text, trailing_punct, verb_lemma_of
from .referents import pronouns_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _not_told(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    rw = phrasing()
    if det.construction != "omission" or c is None or c.subject is None or verb_lemma_of(c.action.text) not in rw["telling_verbs"]:
        return []
    recipient = next((x for x in c.action.children if x.dep_ in ("dobj", "dative")), None)
    comp = next((x for x in c.action.children if x.dep_ == "ccomp"), None)
    if recipient is None or comp is None or comp.i < recipient.i:
        return []
    who = next((x for x in comp.children if x.dep_ == "nsubj"), None)
    if who is None or not (who.lower_ in pronouns_of(c.subject) or who.text == c.subject.text):
        return []  # "didn't tell anyone that the disk was full": someone else's clause, rewritten elsewhere
    obj = next((x for x in comp.children if x.dep_ in ("dobj", "obj")), None)
    said = passive_predicate(comp, _plural(obj)) if obj is not None else None
    parts = _object_parts(obj) if obj is not None else None
    if said is None or not parts or not parts[0] or parts[1]:
        return []
    mark = next((x.text for x in comp.children if x.dep_ == "mark"), "that")
    rest = span_text([t for t in comp.subtree if t.i > max(x.i for x in obj.subtree) and not (t.is_punct and t.i == comp.right_edge.i)])
    be = "is" if is_present(c.verb) else "was"
    nobody = rw["negative_recipients"].get(recipient.lower_)
    told = f"{nobody} {be} told" if nobody else f"{span_text(list(recipient.subtree))} {be} not told"
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in comp.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, " ".join(x for x in (told, mark, parts[0], said, rest) if x)))]
