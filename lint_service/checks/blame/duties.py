"""Duties left undone or broken, and acts owned up to: "Kim was supposed to renew the
certificate", "you weren't supposed to touch prod", "you keep wiping the fixtures",
"the vendor admitted that its technician had swapped the drives".

"Was supposed to" says the step did not happen (or, denied, that the act was
forbidden) without a fault verb. Only steps of care count (checks, renewals, putting
something back: the diligence and protective classes, a "back" particle, a restoring
verb), so a plan ("was supposed to present the findings") or a state ("was meant to
be on leave") is not a duty missed.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, verb_lemma


def _obliged(v: Token, lex: Lexicon) -> Token | None:
    """The passive "supposed" / "meant" that ``v`` is the infinitive of."""
    head = v.head
    if v.dep_ != "xcomp" or verb_lemma(head) not in lex.terms["obligation_verbs"]:
        return None
    if not any(x.dep_ in ("auxpass", "nsubjpass") for x in head.children):
        return None  # "I suppose we should restart it": a guess, not a duty
    return head


def unmet_duty(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    a = c.verb
    head = _obliged(a, lex)
    if head is None or verb_lemma(a) in ("be", "have", "get"):
        return None
    if any(x.dep_ == "neg" for x in head.children):
        # "wasn't supposed to touch prod": the act was forbidden, and done
        acts = ("causal", "destructive", "disable", "batch")
        return ("framing", [head, a]) if any(lex.verbs[k].match(a) for k in acts) else None
    care = any(lex.verbs[k].match(a) for k in ("diligence", "protective")) or any(x.lower_ == "back" and x.dep_ in ("prt", "advmod") for x in a.children) or (
        verb_lemma(a) in lex.framing["restoring_verbs"])
    return ("omission", [head, a]) if care else None


def reproached_habit(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    """"You keep deleting my comments", "you need to stop deploying from your laptop":
    "you" told of an act they keep doing (rule 17). Said of oneself ("I kept
    restarting it") it is a narration, not a reproach."""
    a = c.verb
    habit = a.head
    if a.dep_ != "xcomp" or a.tag_ != "VBG" or habit.lemma_ not in ("keep", "stop", "quit"):
        return None
    if c.subject is None or c.subject.lower_ not in lex.agents["pronouns"]["second_person"]:
        return None
    acts = ("causal", "destructive", "disable", "batch", "breakage")
    if lex.verbs["recovery"].match(a) or not any(lex.verbs[k].match(a) for k in acts):
        return None
    return "framing", [habit, a]


def admitted_act(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    """"the vendor admitted that its technician had swapped the drives", "i confess i ran
    the cleanup on the shared host": an act someone owns up to is told as a fault. What
    is admitted of a thing ("the firmware had a leak") or a state ("I was sceptical") is not."""
    head = c.verb.head
    if c.verb.dep_ != "ccomp" or not lex.verbs["admission"].match(head) or any(x.dep_ == "neg" for x in head.children):
        return None
    acts = ("causal", "destructive", "disable", "batch", "breakage", "exchange")
    if lex.verbs["recovery"].match(c.action) or not any(lex.verbs[k].match(c.action) for k in acts):
        return None
    return "framing", [head, c.action]
