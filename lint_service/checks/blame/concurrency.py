"""Acting while something the act depends on is unfinished: "restarted the primary
while the nightly backup was still running", "merged the branch while I still had
the review pending".

The act is a change to the system (causal, destructive, batch or disable class,
not recovery and not on a fix); the clause joined to it by "while", "when" or
"as" holds "still", so what it describes had not finished. The incident itself
still going on ("while the incident was still open") is when recovery happens,
and a person still at their own recovery work ("while I was still investigating")
is the same work going on.

Acting *before* such a thing had come to an end is the same fault told the other way
round ("tagged the build before the fix had landed"): :func:`not_yet_done`, used by
``risk.premature``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .clauses import Clause
from .framing import is_harmless_object
from .lexicon import Lexicon

_ACTS = ("causal", "destructive", "batch", "disable")
_MARKS = ("while", "when", "as")


def _subject(verb: Token) -> Token | None:
    return next((x for x in verb.children if x.dep_ in ("nsubj", "nsubjpass")), None)


def _going_on(x: Token, lex: Lexicon) -> bool:
    """The joined clause says something was still in progress that the act should
    have waited for."""
    if not any(m.lower_ in _MARKS for m in x.children if m.dep_ in ("mark", "advmod")):
        return False
    if not any(m.lower_ == "still" for m in x.children if m.dep_ == "advmod"):
        return False
    who = _subject(x)
    if who is None:
        return False
    lemma = who.lemma_.lower()
    if lemma in lex.terms["incident_nouns"] or lemma in lex.terms["failure_nouns"]:
        return False  # "while the outage was still going on": when recovery happens
    if who.pos_ == "PRON" and who.lower_ not in ("it", "they"):
        # the writer or a person: only a thing they still held open or loaded
        # ("while I still had the editor open"), not their own work going on
        return x.lemma_ == "have" and any(o.dep_ in ("dobj", "ccomp", "oprd") for o in x.children)
    return not any(lex.verbs[k].match(x) for k in ("recovery", "response"))


def while_unfinished(c: Clause, lex: Lexicon) -> list[Token]:
    a = c.action
    if lex.verbs["recovery"].match(a) or not any(lex.verbs[k].match(a) for k in _ACTS):
        return []
    if any(o.lemma_.lower() in lex.verbs["recovery"] for o in c.objects) or is_harmless_object(c, lex):
        return []  # "deployed the fix while ...", "deleted the stale locks while ..."
    for x in a.children:
        if x.dep_ == "advcl" and _going_on(x, lex):
            return [a, x]
    return []


def not_yet_done(x: Token, who: Token, lex: Lexicon) -> bool:
    """"before the fix had landed", "before the train had stopped": a thing (not a person,
    not the failure) that had not yet come to an end, told in the past perfect."""
    perfect = x.tag_ == "VBN" and any(h.dep_ == "aux" and h.lemma_ == "have" and h.tag_ == "VBD" for h in x.children)
    if not perfect or any(n.dep_ == "neg" for n in x.children) or classify(who, lex) in BLAMEABLE or who.pos_ == "PRON":
        return False
    lemma = who.lemma_.lower()
    return lemma not in lex.terms["incident_nouns"] and lemma not in lex.terms["failure_nouns"] and lex.verbs["completion"].match(x)
