"""An idiom that only says the person was not there, with what followed said in a
clause of its own: "Mele went dark during her on-call shift, so nobody acknowledged the
page for an hour" -> "During the on-call shift, nobody acknowledged the page for an
hour".

Where the person's attention was goes with them (the idioms whose data is ``alone:
drop`` in rules/rewrites.yaml say nothing else); the consequence is the writer's fact,
kept as written, with the time the idiom gave it. Only when that clause has a subject
of its own that is no person the rewrite removes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate, finish
from .people import _article
from .text import phrasing, span_text

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_JOINS = ("so", "and")


def absence_then(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    from ..checks.blame.framing import idiom_match

    c = det.clause
    if det.construction != "idiom" or c is None or c.subject is None or c.modal or c.negated:
        return []
    data = phrasing()["idioms"].get(idiom_match(c, ctx.cache["blame.lexicon"]) or "") or {}
    if data.get("alone") != "drop":
        return []
    v = c.verb
    # the consequence: the root the idiom's clause hangs on, or a conjunct clause after it
    then = v.head if v.dep_ in ("ccomp", "advcl") and v.head.i > v.i else next(
        (x for x in v.children if x.dep_ == "conj" and any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children)), None)
    if then is None or then.pos_ not in ("VERB", "AUX"):
        return []
    subj = next((s for s in then.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    own_end = max((t.i for t in v.subtree if t.i not in {x.i for x in then.subtree} and t.dep_ not in ("cc", "punct")),
                  default=v.i) if then.head == v else v.right_edge.i
    join = next((x for x in sent.doc[own_end + 1 : subj.i] if x.lower_ in _JOINS), None) if subj is not None else None
    if subj is None or subj.i < v.i or join is None:
        return []
    words = [t for t in then.subtree if t.i >= subj.left_edge.i and not (t.is_punct and t.i == then.right_edge.i)]
    if any(t.lower_ in PERSONAL_WORDS for t in words) or subj.lower_ in PERSONAL_WORDS:
        return []
    # the time the idiom gave it ("during her on-call shift"), said of the thing, not of her;
    # how long she was away ("for an hour") is the absence's own and goes with it
    kept = set(phrasing()["kept_prepositions"]) - {"for", "until", "since"}
    when = [p for p in v.children if p.dep_ == "prep" and p.lower_ in kept]
    if any(p.dep_ == "prep" and p.lower_ not in kept for p in v.children):
        return []  # a time that cannot move to the consequence: the sentence would lose it
    lead = []
    for p in when:
        lead.append(" ".join(_article(t) if t.dep_ == "poss" and t.lower_ in PERSONAL_WORDS else t.text for t in p.subtree))
    if any(x.dep_ not in ("nsubj", "prep", "acomp", "advmod", "dobj", "prt", "punct", "cc", "conj") for x in v.children if x != then):
        return []
    body = span_text(words)
    text = f"{', '.join(lead)}, {body}" if lead else body
    return [Candidate(finish(text))]
