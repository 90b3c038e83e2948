"""A risky time in a thank-you: ironic only when it is the time of a change; and damage
said of nothing ("Thanks to Ravi's quick thinking, no data was lost") is none.

"Thanks, Dylan, for deploying on a Friday" thanks a person for a change made at a risky
time: ironic praise. "Thank you for taking the pager over the holiday" and "Thanks to
Ines for covering the weekend shift" thank them for work done at that time: sincere. The
time word counts when the nearest verb above it is a change (causal, destructive, disable,
breakage) or when there is none but the thanks itself ("for the Friday deploy").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon

_CHANGES = ("causal", "destructive", "disable", "breakage", "fault")


def risky_time_of_change(sent: Span, lex: Lexicon) -> bool:
    """Some risky-time word in the sentence is the time of a change."""
    return any(t.lower_ in lex.framing["risky_times"] and _of_change(t, lex) for t in sent)


def _of_change(tok: Token, lex: Lexicon) -> bool:
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    thanks = lex.terms["thanks_markers"]
    if verb is None or verb.lower_ in thanks or verb.lemma_.lower() in thanks:
        return True  # no act of its own: "for the Friday deploy"
    return any(lex.verbs[k].match(verb) for k in _CHANGES)


def none_affected(verb: Token) -> bool:
    """The damage verb's subject is nothing: "no data was lost", "nothing broke", "none of
    the replicas crashed"."""
    for s in verb.children:
        if s.dep_ in ("nsubj", "nsubjpass") and (
                s.lower_ in ("nothing", "none", "nobody", "noone") or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)):
            return True
    return False
