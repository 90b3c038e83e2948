"""Acting on a belief: "I wiped the disk, thinking it was the spare".

People tell their slips through what they took to be true when they acted: the
act does the damage, the belief says why it seemed safe. A damaging act (not
recovery or a response) with a subjectless "thinking / believing / assuming"
clause under it whose content is a plain statement ("it was staging", "the
snapshot had finished") is blame. A hope ("thinking it might clear the stuck
connections") or a diagnosis ("thinking it was a network issue") is not the
belief that made a damaging act look safe.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon

_ACTS = ("destructive", "disable", "batch", "causal")
_NOT_ACTS = ("recovery", "response")
_HEDGING_MODALS = {"might", "may", "could", "would", "will", "should", "can", "'d", "'ll"}


def _content(belief: Token) -> Token | None:
    return next((x for x in belief.children if x.dep_ in ("ccomp", "xcomp", "advcl") and x.pos_ in ("VERB", "AUX")), None)


def _plain_statement(verb: Token, lex: Lexicon) -> bool:
    """"it was staging", "the snapshot had finished"; not "it might help", not "it was a disk problem"."""
    if any(x.dep_ == "aux" and x.lower_ in _HEDGING_MODALS for x in verb.children):
        return False
    incidents = lex.terms["incident_nouns"] | lex.terms["failure_nouns"]
    return not any(x.dep_ == "attr" and x.lemma_.lower() in incidents for x in verb.children)


def _incident_work(obj: Token, lex: Lexicon) -> bool:
    """"ran the tests again", "closed the incident": a check or the incident's own
    handling (a noun of the diligence class, or the incident itself), not damage."""
    lemma = obj.lemma_.lower()
    return lemma in lex.verbs["diligence"] or lemma in lex.terms["incident_nouns"] or lemma in lex.terms["failure_nouns"]


def acted_on_belief(c: Clause, lex: Lexicon) -> list[Token]:
    """The act and the belief it was done on, or an empty list."""
    a = c.action
    if any(lex.verbs[k].match(a) for k in _NOT_ACTS) or not any(lex.verbs[k].match(a) for k in _ACTS):
        return []
    if any(_incident_work(o, lex) for o in c.objects):
        return []
    for t in a.sent:
        if t.tag_ != "VBG" or not lex.verbs["belief"].match(t) or any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children):
            continue
        if a not in t.ancestors:
            continue
        content = _content(t) or (t.head if t.dep_ == "csubj" else None)
        if content is not None and _plain_statement(content, lex):
            return [a, t]
    return []
