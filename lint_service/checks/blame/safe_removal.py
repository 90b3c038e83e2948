"""A removal made safe by the one who made it: switched back on, rebuilt, or kept first.

"silenced the disk alerts and re-enabled them afterwards", "wiped the staging cluster
and rebuilt it from the module", "dropped the replica and let it resync", "truncated the
table after exporting it to cold storage", "purged the bucket after making sure nothing
reads from it". The act is a step of the work, not a thing the service lost. When the
sentence tells of harm all the same ("rebuilt it from an old image, losing a week of
data") the removal keeps its reading. The verbs live in ``rules/framing.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, verb_lemma


def _negated(x: Token) -> bool:
    return any(n.dep_ == "neg" or n.lower_ == "never" for n in x.children)


def _phrases(x: Token) -> set[str]:
    """The verb's lemma, alone and with its particle ("warm up", "back up", "make sure")."""
    lemma = verb_lemma(x)
    return {lemma} | {f"{lemma} {t.lower_}" for t in x.children if t.dep_ in ("prt", "acomp")}


def _own_conjuncts(c: Clause) -> list[Token]:
    """Verbs coordinated with the clause's verb that share its subject."""
    return [x for x in c.verb.children if x.dep_ == "conj" and not any(
        s.dep_ in ("nsubj", "nsubjpass") for s in x.children) and not _negated(x)]


def put_back(c: Clause, lex: Lexicon) -> bool:
    """Switched off and back on by the same person ("... and re-enabled them afterwards")."""
    for x in _own_conjuncts(c):
        if verb_lemma(x) in lex.framing["restoring_verbs"] or any(
                p.dep_ in ("prt", "advmod") and p.lower_ == "back" for p in x.children):
            return True
    return False


def _harm_told(c: Clause, lex: Lexicon) -> bool:
    # imported here: risk imports this module
    from .risk import bad_outcome
    rest = [t for t in c.verb.sent if t.i != c.action.i]
    return bool(bad_outcome(rest, lex, ("harm", "breakage", "fault")))


def rebuilt(c: Clause, lex: Lexicon) -> bool:
    """Removed and rebuilt ("wiped the cache disk and rebuilt it", "dropped the replica
    and let it resync"): the thing is made again, so its loss is the plan's."""
    for x in _own_conjuncts(c):
        made_again = bool(_phrases(x) & lex.framing["rebuilding_verbs"])
        # "... and let it warm up from the origin": the thing left to refill itself
        if verb_lemma(x) == "let":
            made_again = any(y.dep_ in ("ccomp", "xcomp") and _phrases(y) & lex.framing["rebuilding_verbs"]
                             and not _negated(y) for y in x.children)
        if made_again:
            return not _harm_told(c, lex)
    return False


def kept_first(c: Clause, lex: Lexicon) -> bool:
    """Removed after keeping a copy or checking it was unused ("after exporting it to
    cold storage", "after confirming no writer holds it"), by the same person."""
    for p in c.action.children:
        steps = []
        if p.dep_ == "prep" and p.lower_ == "after":
            steps = [x for x in p.children if x.dep_ == "pcomp" and x.tag_ == "VBG"]
        elif p.dep_ == "advcl" and p.tag_ == "VBG" and any(m.lower_ == "after" for m in p.children if m.dep_ in ("mark", "prep")):
            steps = [p]
        for x in steps:
            if _phrases(x) & lex.framing["precaution_verbs"] and not _negated(x):
                return not _harm_told(c, lex)
    return False
