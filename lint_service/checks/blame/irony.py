"""Praise or thanks that mean the opposite: "Nice one, Gareth: the whole of Europe got
500s for an hour", "Thanks to Yaw, prod was down for the board demo". Thanks followed by
damage is sarcasm and still blames the person thanked; thanks for something that went
well ("Thanks to Anouk, the replica was promoted in time") is credit."""
from __future__ import annotations

from spacy.tokens import Token

from .agents import Kind, classify
from .recognizers import Detection, SentenceView
from .risk import BAD_WORDS
from .thanked_time import none_affected, risky_time_of_change


_BAD_STATES = BAD_WORDS


def negative_outcome(view: SentenceView, exclude: set[int]) -> bool:
    """Something went wrong in the rest of the sentence: a person named as its cause
    is blamed; named as the cause of something good, they are credited."""
    lex = view.lex
    for t in view.sent:
        if t.i in exclude:
            continue
        if t.lower_ in _BAD_STATES or t.lemma_.lower() in _BAD_STATES:
            return True
        predicate = t.pos_ in ("VERB", "AUX") or (t.tag_ == "JJ" and t.lower_.endswith("ed"))  # "was flushed/JJ"
        if predicate and not any(c.dep_ == "neg" for c in t.children) and any(
            lex.verbs[k].match(t) for k in ("breakage", "destructive", "fault", "harm", "outcome")
        ):
            return True
    return False


def sarcastic(view: SentenceView) -> bool:
    """Thanks followed by damage: "Thanks to Yaw, prod was down for the board demo",
    "Hats off to Taini for breaking the build"."""
    lex = view.lex
    for t in view.sent:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "pcomp", "ccomp", "advcl") and (
            lex.verbs["breakage"].match(t) or lex.verbs["fault"].match(t)
        ) and not any(c.dep_ == "neg" or c.lower_ in ("before", "without", "until") for c in t.children) and not none_affected(t):
            return True
        if t.lower_ in ("down", "broken", "offline", "dead", "unavailable", "outage") and t.dep_ in ("acomp", "advmod", "attr", "prt", "pobj") and not any(c.lower_ in ("back",) for c in t.head.children):
            return True
    return False


def ironic_praise(view: SentenceView) -> Detection | None:
    """"Nice one, Gareth: the whole of Europe got 500s for an hour",
    "Thanks a bunch, Dylan, for turning eu-west-1 into a smoking crater"."""
    words = " ".join(t.lower_ for t in view.sent[:6])
    praise = any(words.startswith(p) for p in view.lex.terms["ironic_praise"])
    thanks = any(t.lower_ in view.lex.terms["thanks_markers"] for t in view.sent[:3])
    if not (praise or thanks):
        return None
    # Ironic praise needs only something gone wrong; plain thanks ("Thanks to Anouk, the
    # replica was promoted before any writes were lost") needs the damage itself.
    damaged = sarcastic(view) or risky_time_of_change(view.sent, view.lex)
    if not (damaged or (praise and negative_outcome(view, exclude=set()))):
        return None
    # A team counts only when the sentence states real damage ("Thanks to the platform
    # team, prod was down"); a weekend or a freeze alone is how sincere thanks read too.
    teams_too = sarcastic(view)

    def named(t: Token) -> bool:
        kind = classify(t, view.lex)
        return (t.pos_ == "PROPN" and kind == Kind.PERSON) or (teams_too and kind == Kind.TEAM)

    person = next((t for t in view.sent if named(t)), None)
    if person is None:
        return None
    return Detection("blame.person-cause", "sarcasm",
                     f'Ironic praise of "{person.text}" for a failure still blames a person; describe what happened to the system instead.',
                     None, [person], person)
