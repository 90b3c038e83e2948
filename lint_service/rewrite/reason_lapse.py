"""A lapse the removed person gave as the reason (rewrite28, issue 11): "The technician
unplugged the live rack because he did not read the label on the door" -> "The live rack
was unplugged because the tag on the door was not read".

The act goes agentless and so does its reason: "failed to" / "forgot to" (the lapse
verbs of rules/rewrites.yaml ``reason_lapses``) say the act after them was not done,
which the passive says with "not". Only a lapse with an object of its own and nothing
else said of the person in the clause (no adverb of theirs, no second act), in the plain
past; the object keeps its own phrases in front of the verb.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clause import _plural, participle_of
from .text import phrasing, span_text, verb_lemma_of


def lapse_reason(verb: Token, pronouns: frozenset[str]) -> str | None:
    """The reason clause ``verb`` ("[because] he did not read the label") said without its
    subject ("the tag was not read"), or None."""
    if verb_lemma_of(verb.text) not in phrasing()["reason_lapses"]:
        return None
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if act is None or any(c.dep_ not in ("nsubj", "mark", "xcomp", "aux") for c in verb.children if not c.is_punct):
        return None
    obj = next((c for c in act.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON" or any(c.dep_ not in ("aux", "dobj", "obj", "prt") for c in act.children) or any(
            t.lower_ in pronouns for t in act.subtree):
        return None  # "failed to read it himself", "forgot to tell his lead": more of the person
    if verb.tag_ != "VBD" or any(t.is_quote or t.text == "(" for t in obj.subtree):
        return None  # only the plain past ("had failed to" and a quoted object are left alone)
    particle = " ".join(c.text for c in act.children if c.dep_ == "prt")
    be = "were" if _plural(obj) else "was"
    # the object whole, with its place phrase ("the tag on the door was not read", never
    # "the tag was not read on the door")
    return " ".join(x for x in (span_text(list(obj.subtree)), be, "not", participle_of(act), particle) if x)
