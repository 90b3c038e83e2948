"""An unknown individual's act as what went wrong: "someone pushed a config that ...",
"somebody pulled the power lead", "a person with admin rights revoked every token"
(guidelines rule 18).

A writer who names nobody, and not "nobody" either, is telling of an act whose doer
they do not know; the act is the point of the sentence, so it is told as the cause
unless it is recovery work, talk, a restoring step or an act on something disposable.
"Nobody" and "no one" stay blameless (rule 5): they are not individuals.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .framing import is_harmless_object
from .lexicon import Lexicon, particle_of, verb_lemma

# Verb classes of incident work and of talking or thinking: someone's act of these
# kinds is not what went wrong ("someone paged the DBA", "someone asked whether ...").
_NOT_AN_ACT = ("recovery", "response", "speech", "reporting", "meta", "judging", "belief", "authorising")


def unknown_individual(tok: Token, lex: Lexicon) -> bool:
    """"someone", "somebody", "some one", "a person", "some guy": one person, unnamed."""
    pron = lex.agents["pronouns"]
    if tok.lower_ in pron["unknown_individuals"]:
        return True
    dets = {d.lower_ for d in tok.children if d.dep_ == "det"}
    if tok.lower_ == "one" and "some" in dets:
        return True
    return tok.tag_ == "NN" and tok.lemma_.lower() in pron["unknown_individual_nouns"] and bool(dets & {"a", "an", "some"})


def _chosen_in_past(verb: Token, lex: Lexicon) -> bool:
    """"someone decided to unplug the switch": a choice told in the past tells that the
    chosen act was done, so the infinitive takes the choice's tense."""
    head = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        lex.verbs["choosing"].match(head) and head.tag_ == "VBD" and not any(c.dep_ == "neg" for c in head.children))


def _past(c: Clause, lex: Lexicon) -> bool:
    if c.verb.tag_ == "VBD" or c.action.tag_ == "VBD" or _chosen_in_past(c.verb, lex):
        return True
    return c.verb.tag_ == "VBN" and any(x.dep_ == "aux" and x.lower_ in ("had", "'d", "has", "have", "'ve") for x in c.verb.children)


def unknown_act(c: Clause, lex: Lexicon) -> list[Token]:
    """The act of an unknown individual told as what happened, or []."""
    if c.subject is None or c.passive or c.negated or c.conditional or not unknown_individual(c.subject, lex):
        return []
    if c.modal not in (None, "might", "could", "may") or not _past(c, lex):
        return []  # "someone should have ...", "someone will look at it"
    a = c.action
    if a is not c.verb:
        return []  # "someone tried to bump it": an attempt, not an act done
    if any(lex.verbs[k].match(a) for k in _NOT_AN_ACT) or a.lower_ in lex.framing["restoring_verbs"]:
        return []
    if particle_of(a) == "back" or any(t.lower_ == "back" and t.dep_ in ("advmod", "prt") and t.head in (a, *a.children) for t in a.subtree):
        return []  # "someone turned the alerts back on": a restoring step
    if any(x.dep_ == "conj" and x.pos_ == "VERB" and (lex.verbs["cessation"].match(x) or particle_of(x) == "back")
           and not any(n.dep_ == "neg" or n.lower_ == "never" for n in x.children) for x in a.children):
        return []  # "someone restarted the service and it recovered": the step that ended it
    acted_on = c.objects or [p for p in a.children if p.dep_ == "prt"]
    if not acted_on or is_harmless_object(c, lex) or verb_lemma(a) in ("be", "have"):
        return []
    if any(x.dep_ in ("relcl", "acl") for o in c.objects for x in o.children):
        return []  # "someone pushed a config that enabled ...": what the thing did decides (framing.py)
    return [a]
