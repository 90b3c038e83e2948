"""Fault verbs in senses that are no fault.

"broke the news to customers", "sat on the bridge call until 4am", "skipped ahead to
the mitigation section", "rushed to fix the issue", "ignored the noisy test alert",
"lost his laptop on the train", "I broke my phone screen". The verb is in the fault
class, but its object (or the lack of one) says the act harmed nothing the incident
is about. Each test reads the clause's slots; the words live in ``rules/verbs.yaml``
and ``rules/framing.yaml``.
"""
from __future__ import annotations

from .gapped_object import gapped_object, harmless_gap
from .clauses import Clause
from .lexicon import Lexicon, particle_of, verb_lemma
from .risk import bad_outcome


def _idiom_object(c: Clause, lex: Lexicon) -> bool:
    """"broke the news", "broke his silence", "broke the record"."""
    lemma = verb_lemma(c.action)
    return any(f"{lemma} {o.lemma_.lower()}" in lex.framing["harmless_fault_idioms"] for o in c.objects)


def _own_thing(c: Clause, lex: Lexicon) -> bool:
    """"lost his laptop", "broke my phone screen": something of one's own, not of the
    service (one's own branch or database is still the service's)."""
    if not c.objects or c.subject is None:
        return False
    words = {t.lower_ for t in c.objects[0].subtree if t.i <= c.objects[0].i}
    owned = any(t.dep_ == "poss" and t.lower_ in ("my", "his", "her") for t in c.objects[0].children)
    if not owned or words & lex.framing["valuable_objects"]:
        return False
    if verb_lemma(c.action) in ("lose", "break", "drop", "forget", "misplace"):
        return True
    # "blew away her local environment", "wiped my scratch checkout": one's own working copy
    local = words & lex.framing["own_copy_modifiers"]
    return bool(local) and any(lex.verbs[k].match(c.action) for k in ("destructive", "breakage"))


def _aside(c: Clause, lex: Lexicon) -> bool:
    """"I forgot to mention: the fix is out", "forgot to say thanks to Ines": the writer
    forgot to say something they are saying now, not a step of the work. ("forgot to
    mention the migration to the on-call" has what went unsaid, and stays.)"""
    if verb_lemma(c.verb) != "forget" or c.action is c.verb or verb_lemma(c.action) not in ("mention", "say", "add", "note"):
        return False
    said = [x for x in c.action.children if x.dep_ in ("dobj", "ccomp")]
    thanks = lex.terms["thanks_markers"]
    return all(x.lower_ in thanks or x.lemma_.lower() in thanks for x in said)


def _catching_up(c: Clause, lex: Lexicon) -> bool:
    """"what did I miss?", "Did I miss anything important?": asking to be caught up."""
    if verb_lemma(c.action) != "miss" or c.verb.sent[-1].text != "?":
        return False
    return all(o.lower_ in ("what", "anything", "something") for o in c.objects)


def _analysed(c: Clause, lex: Lexicon) -> bool:
    """"broke the problem down into three parts": taking apart to understand."""
    return verb_lemma(c.action) == "break" and particle_of(c.action) == "down" and bool(c.objects)


def _without_object(c: Clause, lex: Lexicon) -> bool:
    """"skipped ahead to the mitigation section", "sat on the bridge call": a verb that is
    a fault only with what it leaves undone ("skipped the canary", "sat on the approval")."""
    a = c.action
    held = [o for p in a.children if p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    if verb_lemma(a) == "sit" and held:  # "sat on the approval" / "sat on the call"
        return not any(o.lemma_.lower() in lex.framing["pending_items"] for o in held)
    if not lex.verbs["transitive_faults"].match(a):
        return False
    if not c.objects and (gap := gapped_object(a)) is not None:
        return harmless_gap(gap, lex)  # "the step I skipped": the noun is the object
    return not c.objects and not any(x.dep_ in ("xcomp", "ccomp") for x in a.children)


def _hurried_repair(c: Clause, lex: Lexicon) -> bool:
    """"rushed to fix the issue", "hurried to roll back": haste in the response."""
    if verb_lemma(c.verb) not in ("rush", "hurry", "race", "scramble"):
        return False
    return any(x.dep_ in ("xcomp", "advcl") and lex.verbs["recovery"].match(x) for x in c.verb.children)


def _overlooked_noise(c: Clause, lex: Lexicon) -> bool:
    """"ignored the noisy test alert": what is passed over is itself known to be noise."""
    if verb_lemma(c.action) not in ("ignore", "skip", "miss", "overlook", "dismiss"):
        return False
    return any(t.lower_ in lex.framing["noise_modifiers"] for o in c.objects for t in o.subtree if t.i < o.i)


def credited(c: Clause, lex: Lexicon) -> bool:
    """"If Tomas had not been on call, we would have lost the data": a negated condition
    whose main clause is the harm avoided credits the person."""
    if not (c.conditional and c.negated) or c.verb.dep_ != "advcl":
        return False
    main = c.verb.head
    condition = {t.i for t in c.verb.subtree}
    return bool(bad_outcome([t for t in main.subtree if t.i not in condition], lex, ("breakage", "harm", "destructive")))


def _pointing_to(c: Clause, lex: Lexicon) -> bool:
    """"pointed to a faulty switch": naming a cause, not aiming something ("pointed the
    load test at production")."""
    return verb_lemma(c.action) == "point" and not c.objects and any(p.dep_ == "prep" and p.lower_ in ("to", "at") for p in c.action.children)


def no_fault_sense(c: Clause, lex: Lexicon) -> bool:
    return any(test(c, lex) for test in (_idiom_object, _own_thing, _without_object, _hurried_repair, _overlooked_noise, _pointing_to,
                                         _aside, _catching_up, _analysed))

