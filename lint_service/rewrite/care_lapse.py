"""(rewrite29) A judgement of how someone kept up recurring work, said of the work:
"Looking back, I was lax about the fire-door inspections that month" -> "Looking back,
the fire-door inspections lapsed that month".

Blind round 19 graded the removal of such sentences poor: it lost the work and its scope
(a week, a quarter). The person and the judgement go; the work stays as the subject and
its scope after the verb. Only work that recurs fits "lapsed": a plural of the rules'
operations (rules/rewrites.yaml ``lapse_things.operations``: checks, audits, backups, ...)
after a care preposition (``care_lapse.prepositions``). A thing handled ("careless with
the labels", "negligent about certificate pinning"), a single check, a present judgement
("is lazy about the audits": a habit, not what happened), a denial, or a clause of its own
beside it gets no rewrite from here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection

# what may stand between the subject and the judgement, and go with them ("was completely lazy")
_BESIDE = ("aux", "advmod", "neg", "punct", "nsubj")


def care_lapse(det: "Detection", sent: Span) -> list[Candidate]:
    c = det.clause
    word = det.evidence[0] if det.evidence else None
    if c is None or c.subject is None or word is None or word.dep_ != "acomp" or word.head != c.verb:
        return []
    rules = phrasing()["care_lapse"]
    if word.lower_ not in rules["adjectives"]:
        return []  # "sloppy about the checks": done badly, not let lapse
    be = c.verb
    if be.lemma_ != "be" or c.modal or any(t.dep_ == "neg" or t.lower_ in ("not", "never", "n't") for t in be.children):
        return []
    perfect = next((a for a in be.children if a.dep_ == "aux" and a.lemma_ == "have"), None)
    if perfect is None and be.tag_ != "VBD":
        return []  # "is lazy about the audits": a habit said in the present, no event
    prep = next((p for p in word.children if p.dep_ == "prep" and p.lower_ in rules["prepositions"]), None)
    work = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
    if work is None or not _recurring(work):
        return []
    # the work's own words, its scope ("that quarter") said after the verb
    scope_heads = [x for x in work.children if x.dep_ == "npadvmod" and x.i > work.i]
    scope_heads += [x for x in (*be.children, *word.children) if x.i > prep.i and x.dep_ in ("npadvmod", "prep")]
    if any(x.dep_ not in (*_BESIDE, "acomp", "advcl", "prep", "npadvmod") for x in be.children) \
            or any(x.dep_ in ("conj", "cc", "ccomp", "relcl") for x in (*word.children, *work.children)):
        return []  # a clause or a second judgement beside it
    if any(x.dep_ == "advcl" and x.i > be.i for x in be.children):
        return []  # a clause after the judgement ("..., because the rota was short") says more
    if any(x.i > prep.right_edge.i and x not in scope_heads and not trailing_punct(x) for x in (*be.children, *word.children)):
        return []
    scope_ids = {t.i for s in scope_heads for t in s.subtree}
    thing = [t for t in work.subtree if t.i not in scope_ids]
    if any(t.pos_ in ("PRON", "VERB", "NUM") or t.like_num for t in thing):
        return []  # "my checks", "the checks I skipped", "40 checks": the person or a fact of its own
    # (the work is plural: "have lapsed" after a perfect)
    verb = f"have {rules['predicate']}" if perfect is not None else rules["predicate"]
    scope = span_text([t for t in sent if t.i in scope_ids])
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in be.subtree if not trailing_punct(t))
    said = " ".join(x for x in (span_text(thing), verb, scope) if x)
    return [Candidate(replace_clause(sent, first, last, said))]


def _recurring(work: Token) -> bool:
    """A plural of recurring work ("the backup checks", "the firmware audits": the tagger
    may read a plural as singular, so its "-s" is read too)."""
    ops = set(phrasing()["lapse_things"]["operations"])
    low = work.lower_
    if work.tag_ == "NNS":
        return work.lemma_.lower() in ops
    return low.endswith("s") and (low[:-1] in ops or (low.endswith("es") and low[:-2] in ops))
