"""Slips told without any fault word: the shape of the act is the error.

"swapped the two uplink cables", "mixed up the A and B feeds" (two things exchanged),
"ran the one-off backfill twice" (a one-off operation repeated), "ran rm -rf on the
shared mount" (a destructive command aimed at something others depend on). Each
function reads one shape off the clause's slots and returns the tokens that carry
it, or an empty list; ``risk.risky_circumstances`` runs them with the others.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .agents import is_english_word
from .clauses import Clause
from .framing import clause_tokens, is_harmless_object
from .lexicon import Lexicon, particle_of, verb_lemma

_WORD = re.compile(r"[a-z0-9]+")


def _words(tokens: list[Token]) -> set[str]:
    """Lower-case words and lemmas, with words inside paths and commands split out ("/data/*")."""
    out: set[str] = set()
    for t in tokens:
        out.add(t.lemma_.lower())
        out.update(_WORD.findall(t.lower_))
    return out


def _pair(obj: Token) -> bool:
    """"the two cables", "both feeds", "the A and B feeds", "the primary and replica hostnames"."""
    for t in obj.subtree:
        if t.i > obj.i:
            break
        if t.dep_ in ("nummod", "det", "predet") and t.lower_ in ("two", "both", "2"):
            return True
        if t.dep_ == "conj" and t.head.i < obj.i and t.head in obj.subtree:
            return True
    return False


def exchanged(c: Clause, lex: Lexicon) -> list[Token]:
    """Two things exchanged for each other: "swapped the two patch leads", "switched
    the A and B feeds". Swapping one thing *for* another ("swapped the disk for a
    spare") or back ("swapped them back") is a repair."""
    a = c.action
    if not lex.verbs["exchange"].match(a) or not c.objects or particle_of(a) in ("back", "out", "in"):
        return []
    if any(p.dep_ == "prep" and p.lower_ in ("for", "with", "to", "into") for p in a.children):
        return []
    obj = c.objects[0]
    return [a, obj] if _pair(obj) and not is_harmless_object(c, lex) else []


def _purpose_or_reason(a: Token) -> bool:
    """"... twice to rule out flakiness", "... again because the first run timed out"."""
    for x in a.children:
        if x.dep_ in ("advcl", "xcomp") and any(m.lower_ in ("to", "because", "since", "as") and m.dep_ in ("aux", "mark") for m in x.children):
            return True
    return False


def repeated_one_off(c: Clause, lex: Lexicon) -> list[Token]:
    """An operation meant to happen once, run again: "ran the one-off backfill twice",
    "executed the refund batch a second time"."""
    a = c.action
    if not c.objects or not (verb_lemma(a) in lex.framing["risky_run_verbs"] | lex.framing["repeatable_verbs"] or lex.verbs["batch"].match(a)):
        return []
    if not _words([t for t in c.objects[0].subtree if t.i <= c.objects[0].i]) & lex.framing["one_off_operations"]:
        return []
    own = clause_tokens(c)
    text = " " + " ".join(t.lower_ for t in own) + " "
    marker = next((m for m in lex.framing["repetition_markers"] if f" {m} " in text), None)
    if marker is None or _purpose_or_reason(a):
        return []
    return [a] + [t for t in own if t.lower_ == marker.split()[-1]][:1]


def draft_to_everyone(c: Clause, lex: Lexicon) -> list[Token]:
    """A test or draft sent to everyone: "sent the test email to the entire customer list",
    "published the draft notice to all users"."""
    a = c.action
    if not c.objects or not any(t.lower_ in lex.framing["draft_modifiers"] for t in c.objects[0].subtree if t.i < c.objects[0].i):
        return []
    for p in (p for p in a.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"):
        for o in p.children:
            if o.dep_ == "pobj" and any(t.lower_ in ("all", "every", "entire", "whole", "everyone") for t in o.subtree if t.i <= o.i):
                return [a, o]
    return []


def destructive_command(c: Clause, lex: Lexicon) -> list[Token]:
    """A destructive command run at something others depend on: "ran rm -rf on the
    shared mount", "your login ran TRUNCATE orders"."""
    a = c.action
    if verb_lemma(a) not in lex.framing["risky_run_verbs"] or is_harmless_object(c, lex):
        return []
    own = [t for t in clause_tokens(c) if t.i > a.i]
    # a command as typed ("DROP TABLE", "rm -rf") or done ("a command to drop the table"),
    # not a noun ("the purge script")
    command = [t for t in own if t.lower_ in lex.framing["destructive_commands"] and (t.is_upper or t.pos_ == "VERB" or not is_english_word(t.lower_))]
    if not command:
        return []
    targets = _words(own) - {t.lower_ for t in command}
    if targets & (lex.framing["valuable_objects"] | lex.framing["risky_targets"]) and not targets & lex.framing["harmless_objects"]:
        return [a, command[0]]
    return []
