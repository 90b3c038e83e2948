"""Counterfactuals said as what happened: "should never have restarted the primary" ->
"The primary was restarted" (the restart happened, and nothing stopped it); "Had the
reviewer looked at the diff" -> "Had the diff been looked at"; "should have renewed the
certificate" -> "The certificate was not renewed"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .clause import _object_parts, _plural, _rest
from .text import inflect, phrasing, span_text

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def counterfactual_variants(clause: "Clause", own: list[Token], drop: set[str], span: tuple[int, int]) -> list[str]:
    obj = clause.objects[0] if clause.objects else None
    before, after = _rest(clause, own, obj, drop, span)
    vbn = inflect(clause.action_lemma, "VBN")
    # "should have brought in the team": the particle is part of the verb (_rest skips it)
    vbn = " ".join([vbn, *(c.text for c in clause.action.children if c.dep_ == "prt")])
    neg = "not " if clause.negated else ""
    if obj is None:
        # "Had the reviewer looked at the diff" -> "Had the diff been looked at"
        prep = next((c for c in clause.action.children if c.dep_ == "prep" and c.i == clause.action.i + 1), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        # "should have called in the storage team": the parser reads the particle as a
        # preposition, and the team is the verb's own object ("was not called in")
        particle = prep is not None and f"{clause.action_lemma} {prep.lower_}" in phrasing()["particle_verbs_read_as_prep"]
        if pobj is None or not (clause.conditional or particle):
            # "Nothing required escalating sooner" claimed a missing rule nobody named and
            # read as "it was not needed" (blind grading: every one wrong or poor)
            return []
        obj, after = pobj, span_text([t for t in own if pobj.i < t.i <= span[1] and t.i not in {x.i for x in pobj.subtree}])
        vbn = f"{vbn} {prep.text}"
    parts = _object_parts(obj)
    if parts is None:
        return []
    obj_text, moved = parts
    after = " ".join(x for x in (moved, after) if x)
    if clause.conditional:
        inverted = clause.subject is not None and any(c.dep_ == "aux" and c.lower_ == "had" and c.i < clause.subject.i for c in clause.verb.children)
        if inverted:
            return [" ".join(x for x in ("had", obj_text, neg + "been", vbn, after) if x)]
        return [" ".join(x for x in (obj_text, "had", neg + "been", vbn, after) if x)]
    be = "were" if _plural(obj) else "was"
    if clause.negated:
        # "should never have restarted the primary": the restart happened and nothing stopped it
        return [
            " ".join(x for x in (obj_text, be, vbn, after) if x),
            " ".join(x for x in ("nothing stopped", obj_text, "from being", vbn, after) if x),
        ]
    return [" ".join(x for x in (obj_text, be, "not", vbn, after) if x)]
