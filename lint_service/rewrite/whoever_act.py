"""A "whoever" clause as the subject of the damage, said as the act: "Whoever restarted the
broker at noon broke every consumer" -> "Restarting the broker at noon broke every
consumer".

"Whoever did X" names nobody: the blame is in making an unknown person the doer. The
act itself, as a gerund, is the subject the sentence means (the restart broke the
consumers), and keeps every word of it. Only where the main verb does the damage (the
detection's harm classes) in a plain statement: "Whoever merged that migration should be
fired" is a verdict, "Whoever wrote this script was lazy" a judgement, and "whoever did
the rotation forgot the secrets" a lapse of the person's that no act can have; none of
them has a rewrite here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection
from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .text import render

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_WHOEVER = frozenset({"whoever", "whomever"})
# the detection's verb classes in which the main verb itself does the damage
_DAMAGE = frozenset({"breakage", "destructive", "harm", "fault", "disable"})


def whoever_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    act = det.target
    if det.construction not in _DAMAGE or act is None or act.dep_ != "csubj" or act.tag_ != "VBD":
        return []
    who = next((c for c in act.children if c.dep_ == "nsubj" and c.lower_ in _WHOEVER), None)
    main = act.head
    if who is None or who.i != sent.start or main.pos_ != "VERB" or main.tag_ not in ("VBD", "VBZ"):
        return []
    if any(c.dep_ in ("aux", "auxpass", "neg") for v in (act, main) for c in v.children):
        return []  # "Whoever had not drained it", "... should be fired": not one plain act and its damage
    if any(t.lower_ in PERSONAL_WORDS for t in sent):
        return []  # "Whoever changed it took their own site down": the pronoun would lose its person
    forms = getInflection(act.lemma_, tag="VBG")
    if not forms:
        return []
    gerund = forms[0]
    return [Candidate(render(sent, {act.i: gerund[:1].upper() + gerund[1:]}, {who.i}))]
