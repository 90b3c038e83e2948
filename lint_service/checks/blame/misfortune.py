"""Something that happened to people, not something they did: "lost access to their
mailboxes", "missed their lunch break", "three new hires lost a day of onboarding",
"downstream teams lost their dashboards". The loss is theirs: a thing of
``misfortune_objects`` (access, time, a meal), or something of their own."""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .clauses import Clause
from .lexicon import Lexicon, verb_lemma

# Possessive pronouns that name the subject's own things.
_OWN = {"their", "his", "her", "my", "our", "your"}


# A part of something: "missed the first part of the call" is a part of the call.
_PARTS = {"part", "start", "beginning", "end", "rest", "half", "bit", "most"}


def _misfortune(o: Token, lex: Lexicon) -> bool:
    words = lex.framing["misfortune_objects"]
    if o.lemma_.lower() in _PARTS:
        whole = [p for x in o.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children if p.dep_ == "pobj"]
        return bool(whole) and all(_misfortune(p, lex) for p in whole)
    if o.lemma_.lower() not in words:
        return False
    # "lost a day of onboarding" is their time; "lost two hours of writes" is data lost
    of = [p for x in o.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children if p.dep_ == "pobj"]
    return all(p.lemma_.lower() in words or p.lower_.endswith("ing") for p in of)


def suffered(c: Clause, lex: Lexicon) -> bool:
    """The clause's person lost or missed something of their own."""
    lemma = verb_lemma(c.action)
    if lemma not in ("lose", "lack", "miss", "skip"):
        return False
    if any(_misfortune(o, lex) for o in c.objects):
        return True
    # "lost their dashboards when the cluster was rebuilt": their own things, lost to
    # something the sentence names ("lose" only: "skipped their review" is a step)
    own = lemma == "lose" and any(x.dep_ == "poss" and x.lower_ in _OWN for o in c.objects for x in o.children)
    return own and any(_befell(x, lex) for x in c.action.subtree)


def _befell(x: Token, lex: Lexicon) -> bool:
    """A "when"/"because"/"after" clause told of a thing, or in the passive: what the loss
    came from ("when Arjun truncated the warehouse" names someone, and stays blame)."""
    # (the parser may hang "when ..." on a time noun: "for the day when the cluster was rebuilt")
    if x.dep_ not in ("advcl", "relcl") or not any(
            m.lower_ in ("when", "because", "after", "as", "once") for m in x.children if m.dep_ in ("mark", "advmod")):
        return False
    subject = next((s for s in x.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.dep_ == "nsubjpass" or classify(subject, lex) not in BLAMEABLE)
