""""You" as anyone: the reader of an advice post walked through a scenario ("You open
the dashboard and, sure enough, you shipped the build that took checkout down"), or
offered a list of possibilities ("Maybe you merged a bad migration, mistyped a flag, or
dropped a feature toggle"). A past act of "you" under such a frame is no one's in particular
(rule 16); "you force-pushed over everyone's work again" stays addressed (rule 17)."""
from __future__ import annotations

from spacy.tokens import Token

def _scenario(verb: Token) -> bool:
    """A clause of "you" in the simple present: "you open the dashboard", "you own the fix"."""
    return verb.tag_ == "VBP" and verb.lemma_ != "be" and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children) \
        and not any(c.tag_ == "MD" for c in verb.children)


def generic_you(tok: Token) -> bool:
    """``tok`` ("you") did its act only in a scenario or as one of several possibilities."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or _called_by_name(tok):
        return False
    # "Maybe you merged X, mistyped Y, or dropped Z" (the hedges of rules/attribution.yaml;
    # hedged.py reads the same file and imports the agents module, so import when asked)
    from .hedged import attribution_words
    hedges = attribution_words()["hedge_adverbs"]
    if any(c.lower_ in hedges for c in verb.children if c.dep_ == "advmod") and any(
            c.dep_ == "cc" and c.lower_ == "or" for x in (verb, *verb.children) for c in x.children):
        return True
    return any(_scenario(a) for a in verb.ancestors if a.pos_ in ("VERB", "AUX"))


def _called_by_name(tok: Token) -> bool:
    """"wen, you own the follow-up because you broke it": someone addressed by name."""
    sent = tok.sent
    return len(sent) > 2 and sent[1].text == "," and sent[0].pos_ in ("PROPN", "NOUN") and not sent[0].is_stop
