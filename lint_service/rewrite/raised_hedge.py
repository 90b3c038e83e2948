"""The writer's hedge on an act said through a raising verb (rewrite28, issue 11):
"I seem to have deleted the staging bucket" -> "The staging bucket seems to have been
deleted".

"Seem" and "appear" (rules/rewrites.yaml ``raising_hedges``) take the act's subject as
their own and say how sure the writer is of it; the act is their "to have" complement.
Said without the person, the object becomes the subject of the same hedge, which
agrees with it ("seem" / "seems", tense kept), and the complement goes passive. The
plain passive ("The staging bucket has been deleted") turned the guess into a fact; the
verifier refuses a candidate that lost the hedge (:func:`raised_hedge_lost`).

Only the plain shape: a subject, the raising verb, "to have" and a participle with a noun
object. Anything else said of the person in the clause (a second act, an adverb on the
hedge) leaves no rewrite here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection
from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import _object_parts, _plural, participle_of
from .text import phrasing, render, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _raised(verb: Token) -> Token | None:
    """The raising verb whose "to have" complement ``verb`` is, or None."""
    head = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VBN" or head.lemma_.lower() not in phrasing()["raising_hedges"]:
        return None
    auxes = [a.lower_ for a in verb.children if a.dep_ == "aux" and a.i < verb.i]
    return head if auxes == ["to", "have"] else None


def raised_hedge(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or (hedge := _raised(c.verb)) is None:
        return []
    subject, verb = c.subject, c.verb
    if subject.head != hedge or subject.i > hedge.i or any(x.dep_ not in ("nsubj", "xcomp", "punct") for x in hedge.children):
        return []  # "I really seem to have ...", "It seems I ...": another shape
    obj = next((x for x in verb.children if x.dep_ in ("dobj", "obj")), None)
    if obj is None or any(x.dep_ in ("conj", "ccomp", "xcomp", "dative") for x in verb.children):
        return []  # (a pronoun object, "broken it", only where clause._object_parts takes it as a subject)
    parts = _object_parts(obj)
    if not parts or not parts[0]:
        return []
    obj_text, moved = parts
    rest = [t for t in verb.subtree if t.i > verb.i and t.i not in {x.i for x in obj.subtree} and not trailing_punct(t)]
    if any(t.lower_ in PERSONAL_WORDS for t in rest + list(obj.subtree)):
        return []  # "my own config": the pronoun would lose its person
    plural = _plural(obj)
    tag = "VBD" if hedge.tag_ == "VBD" else ("VBP" if plural else "VBZ")
    form = getInflection(hedge.lemma_, tag=tag)
    if not form:
        return []
    after = " ".join(x for x in (moved, span_text(rest)) if x)
    # "seem to have accidentally deleted": how it happened stays by the participle; a
    # judgement of the doer ("carelessly") leaves no rewrite here
    how = [x for x in verb.children if x.dep_ == "advmod" and hedge.i < x.i < verb.i]
    judged = set(ctx.cache["blame.lexicon"].terms["judgement_adverbs"]) if "blame.lexicon" in ctx.cache else set()
    if any(x.lower_ in judged or list(x.children) for x in how):
        return []
    said = " ".join(x for x in (obj_text, form[0], "to have been", span_text(how), participle_of(verb), after) if x)
    first = min(t.i for t in subject.subtree)
    if first == sent.start:
        said = said[:1].upper() + said[1:]
    gone = {t.i for t in sent if first <= t.i <= verb.right_edge.i and not trailing_punct(t)} - {first}
    return [Candidate(render(sent, {first: said}, gone))]


def raised_hedge_lost(cand: Span, orig: Span) -> str | None:
    """The raising verb of a hedged act of ``orig`` that ``cand`` no longer says."""
    for t in orig:
        if (hedge := _raised(t)) is not None and not any(x.lemma_.lower() == hedge.lemma_.lower() for x in cand):
            return hedge.text
    return None
