"""Fragments with the subject dropped: "Forgot to bump the version again", "accidentally
rebooted the whole rack", "Wiped the wrong bucket this morning, restoring it now".

Chat messages, issue comments and timeline notes drop the "I": a past verb opening the
sentence (after at most a few adverbs) with no subject of its own is the writer's act
(rule 13). The person recognizer then asks the same questions of it as of "I ..."; a
bare failure report ("Failed to bind port 8080") reads like a log line and is left alone.
"""
from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Span, Token

from .clauses import Clause


def past_form(verb: Token) -> bool:
    """"Left the flag on", "Forgot to update the DNS" (tagged VB): a past verb with the "I" dropped."""
    if verb.tag_ == "VBD":
        return True
    lemmas = getLemma(verb.lower_, upos="VERB")
    return verb.tag_ in ("VB", "VBP", "NNP", "NN") and bool(lemmas) and lemmas[0] != verb.lower_ and not verb.lower_.endswith(("ing", "s"))


def first_word(sent: Span) -> Token:
    return next((t for t in sent if not t.is_punct and not t.is_space), sent[0])


def implied_writer(c: Clause, sent: Span) -> bool:
    """The clause is a subjectless past verb that opens the sentence ("accidentally
    nuked the staging db"): the writer's own act."""
    v = c.verb
    if c.subject is not None or c.passive or v.dep_ != "ROOT" or not (past_form(v) or v.tag_ == "VBN"):
        return False
    before = [t for t in sent if t.i < v.i and not t.is_punct and not t.is_space]
    # A chat message may go on from the last one ("And broke the build") or look back on
    # the writer's act with a modal perfect ("Shouldn't have merged it"): the coordinator
    # and the auxiliaries belong to the verb and leave the "I" just as dropped.
    opener = [t for t in before if t.dep_ == "cc" and t.head == v and t.i == before[0].i]
    perfect = [t for t in before if t.dep_ in ("aux", "neg") and t.head == v]
    if perfect and not any(t.lemma_ == "have" for t in perfect):
        return False  # "Will merge it tonight", "Can't reproduce": a plan or a status, not a past act
    rest = [t for t in before if t not in opener and t not in perfect]
    return len(rest) <= 2 and all(t.pos_ in ("ADV", "INTJ") and t.head == v for t in rest)
