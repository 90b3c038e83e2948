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
from .clause import _object_parts, _plural, participle_of
from .text import phrasing, render, span_text, trailing_punct, verb_lemma_of

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


def whoever_during(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """(rewrite28) A "whoever" clause inside a report, its act an operation: "A contractor
    told reporters that whoever ran the migration managed to drop the billing tables" ->
    "... that the billing tables were dropped during the migration". The damage goes
    agentless and the operation, which was all "whoever" said of the person, says when
    (rules/rewrites.yaml ``whoever_operations``: the verbs that only carry out an
    operation noun, ``operation_nouns`` and ``judged_work.works``). "Managed to" only said
    the act came off and goes with the person. At the start of a sentence
    :func:`whoever_act` says the act as the subject instead."""
    act = det.target
    if act is None or act.dep_ != "csubj" or act.tag_ != "VBD":
        return []
    who = next((c for c in act.children if c.dep_ == "nsubj" and c.lower_ in _WHOEVER), None)
    rules = phrasing()
    if who is None or who.i == sent.start or verb_lemma_of(act.text) not in rules["whoever_operations"]:
        return []
    work = next((c for c in act.children if c.dep_ == "dobj"), None)
    works = set(rules["operation_nouns"]) | set(rules["judged_work"]["works"])
    if work is None or work.lemma_.lower() not in works or any(c.dep_ not in ("nsubj", "dobj") for c in act.children):
        return []  # "whoever ran it at noon": more said of the person than the operation
    main = act.head
    harm = next((c for c in main.children if c.dep_ == "xcomp"), None) if verb_lemma_of(main.text) in rules["whoever_success"] else main
    if harm is None or main.dep_ not in ("ccomp", "advcl") or harm.pos_ != "VERB" or det.construction not in _DAMAGE \
            and not ctx.cache["blame.lexicon"].verbs["destructive"].has(verb_lemma_of(harm.text), ""):
        return []
    if any(c.dep_ in ("auxpass", "neg") or c.dep_ == "aux" and c.lower_ != "to" for v in (act, main, harm) for c in v.children):
        return []  # "whoever had not drained it", "would have deleted": not one plain act
    chain = {t.i for t in act.subtree} | {main.i, harm.i} | {c.i for c in harm.children if c.dep_ == "aux"}
    if any(t.i not in chain for t in sent.doc[who.i:harm.i]):
        return []  # "whoever ran the migration at noon dropped ...": a word of the main clause before its verb
    obj = next((c for c in harm.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON" or any(c.dep_ in ("conj", "ccomp", "xcomp", "dative", "prt") for c in harm.children):
        return []
    parts = _object_parts(obj)
    if not parts or not parts[0] or any(t.lower_ in PERSONAL_WORDS for t in sent):
        return []
    obj_text, moved = parts
    rest = [t for t in harm.subtree if t.i > harm.i and t.i not in {x.i for x in obj.subtree} and not trailing_punct(t)]
    be = "were" if _plural(obj) else "was"
    during = "during " + span_text(list(work.subtree))
    said = " ".join(x for x in (obj_text, be, participle_of(harm), moved, during, span_text(rest)) if x)
    first = who.i
    gone = {t.i for t in sent if first < t.i <= harm.right_edge.i and not trailing_punct(t)}
    return [Candidate(render(sent, {first: said}, gone))]
