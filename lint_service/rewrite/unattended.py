"""A person's inattention while something happened, said as the thing going unnoticed.

"The on-call was asleep at the wheel while the error rate climbed for forty minutes"
-> "The error rate climbed unnoticed for forty minutes". The state is a verdict on the
person ("asleep at the wheel": not paying attention); what happened meanwhile is the
writer's fact, and "unnoticed" is what the state says of it. The states are rule data
(``unattended.states`` in rules/rewrites.yaml); a state with nothing said to have
happened meanwhile ("was out to lunch for most of the incident") keeps no rewrite.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..checks.blame.agents import Kind, classify
from .candidate import PERSONAL_WORDS, Candidate, finish
from .text import phrasing, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def unattended(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction not in ("judgement", "blame-phrase", "idiom") or not det.evidence:
        return []
    rules = phrasing()["unattended"]
    state = det.evidence[0]
    be = state.head
    if state.lemma_.lower() not in rules["states"] or state.dep_ != "acomp" or be.lemma_ != "be" or be.dep_ != "ROOT":
        return []
    meanwhile = [c for c in be.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in rules["marks"] for m in c.children)]
    if len(meanwhile) != 1:
        return []
    act = meanwhile[0]
    subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
    lex = ctx.cache["blame.lexicon"]
    if subj is None or subj.pos_ != "NOUN" or classify(subj, lex) not in (Kind.SYSTEM, Kind.NONE) or any(c.dep_ in ("aux", "neg", "auxpass", "dobj") for c in act.children):
        # "while it ...", "while she was paged", "while the SRE escalated": unnoticed by whom
        return []
    words = [t for t in act.subtree if not (t.dep_ == "mark" and t.head == act) and not trailing_punct(t)]
    if any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in words):
        return []
    # the main clause is the person and their state, and nothing else that would be lost
    said = {t.i for t in act.subtree} | {be.i, state.i} | {t.i for c in be.children if c.dep_ in ("nsubj", "punct") for t in c.subtree} | {
        t.i for c in be.children if c.dep_ == "prep" and c.i < act.i for t in c.subtree}
    if any(t.i not in said for t in sent):
        return []
    # "backed up unnoticed", "fired twice unnoticed", "climbed unnoticed for forty minutes":
    # after the verb's particle and adverbs, before its phrases
    end = act.i
    for c in sorted((c for c in act.children if c.i > act.i), key=lambda c: c.i):
        if c.dep_ not in ("prt", "advmod", "npadvmod") or c.left_edge.i != end + 1:
            break
        end = c.right_edge.i
    before = span_text([t for t in words if t.i <= end])
    after = span_text([t for t in words if t.i > end])
    return [Candidate(finish(" ".join(x for x in (before, rules["outcome"], after) if x)))]
