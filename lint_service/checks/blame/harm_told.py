"""A harm the sentence tells of that is not the person's act: what an object was doing when
someone stopped it ("killed the query that was locking the table"), and what a thing did
as someone reported it ("noted that version 2.4 corrupts archives"). consequence_framing
(framing.py) leaves both out of the act's consequences."""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .clauses import Clause
from .lexicon import Lexicon


def reported_thing(verb: Token, said: Token, lex: Lexicon) -> bool:
    """``said`` is a "that" clause whose own subject is a thing, not a person or someone's,
    under a verb that is no admission: what someone reported a thing did."""
    subject = next((s for s in said.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("which", "that")), None)
    if subject is None or lex.verbs["admission"].match(verb) or classify(subject, lex) in BLAMEABLE:
        return False  # "said that Ola broke the build": a person's act, reported
    return not any(p.dep_ == "poss" and (p.pos_ in ("PRON", "PROPN")) for p in subject.children)


_STOPPING = ("disable", "destructive", "cessation", "interruption", "remedial", "recovery")


def stopped_harm(clause: Clause, lex: Lexicon) -> bool:
    """The act stops, removes or reports an object whose own relative clause says it was
    doing harm: "killed the query that was locking the table", "quarantined the host that
    was leaking credentials", "reported a regression that breaks login". ("ran a script
    that corrupted the archive", "pushed a config that broke checkout": the act set the
    harm going, and its verbs are not of these classes.)"""
    a = clause.action
    telling = (lex.verbs["reporting"].match(a) or lex.verbs["speech"].match(a)) and not lex.verbs["causal"].match(a)  # not "wrote a script"
    if not (telling or any(lex.verbs[k].match(a) for k in _STOPPING)) or clause.negated:
        return False
    classes = ("harm", "breakage", "destructive", "malfunction")
    for o in clause.objects:
        for r in o.children:
            first = r.left_edge
            if r.dep_ != "relcl" or any(n.dep_ == "neg" for n in r.children) or (first.i > 0 and first.doc[first.i - 1].text == ","):
                continue  # ", which logged out every user": set off by a comma, what the act did
            subject = next((s for s in r.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if (subject is None or subject.lower_ in ("that", "which", "who")) and any(lex.verbs[k].match(r) for k in classes):
                return True
    return False


def averts_harm(x: Token, lex: Lexicon) -> bool:
    """A purpose that protects: "to avoid more data loss", "to prevent an outage" (where
    "to avoid the review queue" is a shortcut)."""
    harm = lex.terms["incident_nouns"] | lex.terms["failure_nouns"]
    return lex.verbs["protective"].match(x) and any(o.dep_ == "dobj" and o.lemma_.lower() in harm for o in x.children)
