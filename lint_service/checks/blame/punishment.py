"""The one a punishment noun is handed to: "gave the intern a dressing-down", "a formal
reprimand issued to the operator", "a written warning was handed to the on-call"
(rule 14). A punishment given is a verdict on its recipient, whichever way the giving
is told; "for", "of" and "against" recipients are read in verdicts.py.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import Kind, classify
from .lexicon import Lexicon, verb_lemma


def _to_whom(verb: Token) -> list[Token]:
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]


def punishment_recipients(noun: Token, lex: Lexicon) -> list[Token]:
    """Who ``noun`` (a punishment noun) is given to, through a verb of giving."""
    terms = lex.terms
    giving = terms["punishment_giving_verbs"]
    out: list[Token] = []
    if noun.lemma_.lower() in terms["ambiguous_punishment_nouns"] and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in terms["disciplinary_modifiers"] for c in noun.children):
        return out  # "gave the on-call a warning that the disk was filling": a heads-up
    # "a reprimand issued to the operator": a participle on the noun
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and verb_lemma(c) in giving):
        out += _to_whom(acl)
    verb = noun.head
    if verb is noun or verb.pos_ not in ("VERB", "AUX") or verb_lemma(verb) not in giving:
        return out
    giver = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if giver is not None and classify(giver, lex) == Kind.SYSTEM:
        return out  # "the dashboard gave the on-call an early warning": an alert, not a punishment
    if noun.dep_ == "dobj":  # "gave the intern a dressing-down", "handed a warning to the DBA"
        # the small model often reads the first of two objects as a second "dobj"
        out += [c for c in verb.children if (c.dep_ == "dative" or (c.dep_ == "dobj" and c.i < noun.i)) and c.pos_ in ("NOUN", "PROPN", "PRON")]
        out += _to_whom(verb)
        out += [c for c in verb.children if c.dep_ == "nsubjpass"]  # "the technician was given a reprimand"
    elif noun.dep_ == "nsubjpass":  # "a written warning was handed to the on-call"
        out += _to_whom(verb)
    return out
