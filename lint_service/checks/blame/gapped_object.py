"""The object of a relative clause that has none of its own: "the step I skipped", "the
warning she ignored", "that was the check I missed". The noun the clause hangs on is
what the verb acts on, so a verb that is a fault only with its object ("skip", "ignore",
"miss") reads as it does in the main clause ("I skipped the step"): what is judged
harmless there ("the lunch I skipped", "the noisy alert I ignored") is harmless here.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

_OBJECTS = ("dobj", "obj", "pobj", "ccomp", "xcomp", "attr", "oprd")


def gapped_object(verb: Token) -> Token | None:
    """The noun a relative clause ``verb`` modifies, when it is the clause's missing
    object: the clause has a subject of its own ("I", "the on-call") that is not a
    relative pronoun, and no object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("who", "that", "which", "whom"):
        return None
    if any(c.dep_ in _OBJECTS for c in verb.children):
        return None
    return verb.head


def harmless_gap(noun: Token, lex: Lexicon) -> bool:
    """What was passed over is the person's own loss or known noise, as
    senses._overlooked_noise and the misfortune objects judge a main-clause object."""
    if noun.lemma_.lower() in lex.framing["misfortune_objects"] or noun.lower_ in lex.framing["misfortune_objects"]:
        return True
    return any(t.lower_ in lex.framing["noise_modifiers"] for t in noun.children if t.i < noun.i)
