"""Who is acting: tell people, roles, pronouns and teams from systems and outsiders.

The small English model's entity labels are unreliable for this (it tags some
given names as places and some products as people), so the decision combines the
parse (head noun, determiners, compounds, relative clauses), capitalisation, a
name-vs-word test (is the lowercase form an English word?), ``@handles`` and the
allow-lists of ``rules/agents.yaml`` and the user's config.
"""
from __future__ import annotations

import functools
import re
from enum import Enum

from lemminflect import getAllLemmas
from spacy.tokens import Token

from .lexicon import Lexicon


class Kind(str, Enum):
    PERSON = "person"  # a named individual
    ROLE = "role"  # "the on-call engineer"
    TEAM = "team"  # "the QA team", "Ops"
    PRONOUN = "pronoun"  # he, she, they
    SELF = "self"  # I, me: self-blame
    WE = "we"  # the team speaking
    INDEFINITE = "indefinite"  # nobody, anyone
    THIRD_PARTY = "third-party"  # attackers, customers, users
    SYSTEM = "system"
    NONE = "none"


# Kinds a blame rule reports when they are the agent of a fault.
BLAMEABLE = frozenset({Kind.PERSON, Kind.ROLE, Kind.TEAM, Kind.PRONOUN, Kind.SELF})

_HANDLE = re.compile(r"^@[\w.-]+$")
_NAME_SHAPE = re.compile(r"^(?:[A-Z][a-z\u00C0-\u024F'’]+)(?:-[A-Z]?[a-z\u00C0-\u024F'’]+)*$|^(?:Mc|Mac|O'|De|La|Le|Di|Da|Van)[A-Z][a-z\u00C0-\u024F]+$")


@functools.lru_cache(maxsize=16384)
def is_english_word(word: str) -> bool:
    return bool(getAllLemmas(word.lower()))


def _has_system_modifier(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in ("compound", "nmod", "amod") and c.lower_ in lex.systems for c in tok.children)


def looks_like_name(tok: Token, lex: Lexicon) -> bool:
    """A capitalised token that is a person's name rather than a product or a word."""
    text = tok.text
    low = text.lower()
    if low in lex.people:
        return True
    if low in lex.systems or not _NAME_SHAPE.match(text) or (low.endswith("bot") and len(low) > 4):
        return False
    if tok.i == tok.sent.start and tok.pos_ not in ("PROPN",) and is_english_word(low):
        return False  # a sentence-initial ordinary word ("Connections dropped")
    if is_english_word(low) and low not in lex.agents["names_that_are_words"]:
        # "Consul", "Vault", "Sentry": products named with English words. Names
        # such as "Amir" that are also rare words are tagged as proper nouns
        # and used without a determiner; accept those.
        has_det = any(c.dep_ == "det" for c in tok.children)
        return tok.tag_ == "NNP" and not has_det
    # Not an English word and shaped like a name: the tag does not matter (the small
    # model tags unfamiliar names as adverbs, adjectives or verbs).
    return tok.pos_ != "PRON"


def classify(tok: Token, lex: Lexicon) -> Kind:
    """The kind of referent the noun phrase headed by ``tok`` names."""
    low = tok.lower_
    pron = lex.agents["pronouns"]
    if low in ("who", "that", "whom") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
        antecedent = classify(tok.head.head, lex)
        # "the one who turned off the alert"; but "peers who sent invalid blocks"
        # are whatever their noun says they are
        return Kind.PERSON if low == "who" and antecedent == Kind.NONE else antecedent
    if low in pron["self"]:
        return Kind.SELF
    if low in pron["team"]:
        return Kind.WE
    if low in pron["indefinite"] or (low == "one" and any(c.lower_ == "no" for c in tok.children)):
        return Kind.INDEFINITE
    if any(c.dep_ == "det" and c.lower_ in ("no", "every", "any") for c in tok.children):
        return Kind.INDEFINITE
    if low in pron["third_person"]:
        # "since the attacker was in between ..., they could have captured ...":
        # a pronoun after an outsider and no person in the sentence refers to the outsider
        before = [t for t in tok.sent if t.i < tok.i and t.pos_ in ("NOUN", "PROPN")]
        kinds = {classify(t, lex) for t in before if t.lower_ not in pron["third_person"]}
        if Kind.THIRD_PARTY in kinds and not kinds & {Kind.PERSON, Kind.ROLE, Kind.TEAM}:
            return Kind.THIRD_PARTY
        return Kind.PRONOUN
    if _HANDLE.match(tok.text):
        return Kind.TEAM if "team" in low else Kind.PERSON
    lemma = tok.lemma_.lower()
    if low in lex.systems or _has_system_modifier(tok, lex):
        return Kind.SYSTEM
    if lemma in lex.agents["team_heads"] or low in lex.agents["team_heads"]:
        return Kind.TEAM
    if lemma in lex.agents["roles"] or low in lex.agents["roles"]:
        # "one enterprise customer's admin": someone else's staff, not a responder
        if any(c.dep_ == "poss" and classify(c, lex) == Kind.THIRD_PARTY for c in tok.children):
            return Kind.THIRD_PARTY
        return Kind.ROLE
    if lemma in lex.agents["third_parties"] or low in lex.agents["third_parties"]:
        return Kind.THIRD_PARTY
    if (
        low in lex.agents["team_names"]
        and tok.pos_ in ("PROPN", "NOUN")
        and (tok.is_title or tok.is_upper or tok.pos_ == "PROPN")
        and (tok.is_upper or not any(c.dep_ == "det" for c in tok.children))  # "Ops", "the SOC"
    ):
        return Kind.TEAM
    if looks_like_name(tok, lex):
        return Kind.PERSON
    return Kind.SYSTEM if tok.pos_ in ("NOUN", "PROPN") else Kind.NONE


def refers_to_thing(verb: Token) -> bool:
    """True when the clause refers back to its subject with "its" ("Consul lost its
    quorum"); an "its" inside an embedded clause with its own subject does not count."""
    skip: set[int] = set()
    for c in verb.children:
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            skip.update(t.i for t in c.subtree)
    for t in verb.subtree:
        if t.lower_ != "its":
            continue
        # "..., because its Slack token had expired": the embedded subject's "its"
        # points back at the main subject; an object's ("hold its lock") need not.
        if t.i not in skip or (t.head.dep_ in ("nsubj", "nsubjpass")):
            return True
    return False
