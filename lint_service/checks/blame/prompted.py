"""Acts a system set a person to do: "the 2019 runbook told operators to reboot every
shard at once", "a merge policy that lets new hires push changes straight through".

The guidelines call tools and processes that make errors easy blameless: when the
subject that instructs, allows or lets is a thing, the sentence makes the thing the
cause and the person the one it steered, so the person's act is not their fault. A slip
or fault told of the act itself stays the person's (rule 1: "a string of missing checks
allowed a contractor to cut the main fibre by mistake"), and so does an act a thing only
let them do that is damaging in itself ("the missing guard allowed an engineer to delete
the invoices table", "the console let Jo run the purge against production").
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import Kind
from .clauses import Clause, controller
from .framing import adverb_framing, clause_tokens
from .lexicon import Lexicon, is_mis_verb
from .risk import disabled_safeguard, exposure, risky_target, valuable_destruction, wrong_environment


def system_prompted(c: Clause, clauses: list[Clause], lex: Lexicon) -> bool:
    """The clause is the complement of a verb whose subject is a system, and its doer is
    the one that verb steered: the object it told ("told operators to ..."), or, under
    "allow" or "let", the complement's own subject ("lets new hires push ...")."""
    v = c.verb
    if v.dep_ not in ("xcomp", "ccomp") or c.subject is None:
        return False
    if lex.verbs["fault"].match(v) or is_mis_verb(v) or adverb_framing([v], lex) or _slip_phrase(v, lex):
        return False
    head = next((h for h in clauses if h.verb == v.head), None)
    if head is None or head.subject_kind != Kind.SYSTEM or head.negated or head.passive:
        return False
    if lex.verbs["permissive"].match(head.verb) and _harmful_in_itself(c, lex):
        return False  # a thing that only let it happen leaves the choice of a damaging act to the person
    if v.dep_ == "xcomp":
        return controller(v, lex) == c.subject
    # "allow X to push", "let X push": the parser gives the complement its own subject
    # (and may tag the bare infinitive after "let" as a present tense)
    bare = v.tag_ == "VB" or (v.tag_ == "VBP" and not any(m.dep_ == "mark" for m in v.children))
    return lex.verbs["permissive"].match(head.verb) and c.subject.head == v and bare


def _slip_phrase(verb: Token, lex: Lexicon) -> bool:
    """"by mistake", "in error" on the act itself."""
    return any(f"{p.lower_} {o.lower_}" in lex.framing["mistake_phrases"]
               for p in verb.children if p.dep_ in ("prep", "agent") for o in p.children if o.dep_ in ("pobj", "pcomp"))


def _harmful_in_itself(c: Clause, lex: Lexicon) -> bool:
    """Damaging by what the act hits: something valuable destroyed, a safeguard switched
    off, a secret exposed, a live target run against."""
    own = clause_tokens(c)
    return bool(valuable_destruction(c, lex) or disabled_safeguard(c, lex)
                or exposure(c, lex, own) or risky_target(c, lex, own) or wrong_environment(c, lex, own))
