"""A phrasal verb the parser read as verb + preposition, said in the passive: "A night
porter switched off/prep the smoke alarm/pobj to stop it ringing" -> "The smoke alarm
was switched off to stop it ringing".

The small parser often hangs "off", "out", "up", "down" of a phrasal verb on the verb as
a preposition with the object as its noun (rules ``verb_particles``); the object is still
what was acted on, so the passive takes it as subject and keeps the particle by the
participle. Only a plain act: no auxiliary, no negation, a past or present verb, and the
particle right after the verb.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clause import _plural
from .text import is_present, participle_of, phrasing, span_text


def particle_passive(verb: Token, own: list[Token]) -> tuple[str, str] | None:
    """(new subject, agentless predicate) of "switched off/prep the alarm", or None."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("dobj", "obj", "aux", "auxpass", "neg") for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1), None)
    if prep is None or prep.lower_ not in phrasing()["verb_particles"]:
        return None
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or obj.pos_ in ("PRON", "PROPN") or any(g.dep_ != "pobj" for g in prep.children):
        return None
    thing = {t.i for t in obj.subtree} | {prep.i, verb.i}
    rest = span_text([t for t in own if t.i not in thing])
    plural = _plural(obj)
    be = ("are" if plural else "is") if is_present(verb) else ("were" if plural else "was")
    return span_text(list(obj.subtree)), " ".join(x for x in (be, participle_of(verb), prep.text, rest) if x)
