"""The blame rules' word knowledge, loaded once from ``rules/*.yaml``.

Code asks questions of the parse ("is this verb in the fault class, with its
particle?"); the words themselves live in the rule files.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from lemminflect import getAllLemmas, getLemma
from spacy.tokens import Token

from ...rules import load_rule_file


@dataclass(frozen=True)
class Idiom:
    verb: str
    gloss: str
    object: str | None = None
    prep: str | None = None
    particle: str | None = None
    complement: str | None = None


class VerbClass:
    """A set of verbs, some phrasal ("mess up"), matched on a verb token and its particle."""

    def __init__(self, entries: list[str]) -> None:
        self._plain: set[str] = set()
        self._phrasal: set[tuple[str, str]] = set()
        for e in entries:
            lemma, _, particle = e.partition(" ")
            if particle:
                self._phrasal.add((lemma, particle))
            else:
                self._plain.add(lemma)
        # The lemmas some phrasal entry starts with: only for those is the particle
        # worth looking for (particle_of walks the verb's children; match() is asked
        # of nearly every verb by many recognizers).
        self._phrasal_heads = frozenset(lemma for lemma, _particle in self._phrasal)

    def match(self, verb: Token) -> bool:
        lemma = verb_lemma(verb)
        if lemma in self._phrasal_heads and (lemma, particle_of(verb)) in self._phrasal:
            return True
        return lemma in self._plain

    def has(self, lemma: str, particle: str = "") -> bool:
        """The class holds this lemma, alone or with this particle (words, not a token)."""
        return lemma in self._plain or (lemma, particle) in self._phrasal

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._plain


def is_mis_verb(verb: Token) -> bool:
    """"misjudged", "misrouted", "mislabelled": a verb made wrong by its prefix."""
    lemma = verb_lemma(verb)
    if not lemma.startswith("mis") or len(lemma) < 6 or lemma in ("miss", "mission", "mist"):
        return False
    rest = lemma[3:].lstrip("-")
    return "VERB" in getAllLemmas(rest) and not getAllLemmas(lemma).get("NOUN")


def particle_of(verb: Token) -> str:
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and (c.i == verb.i + 1 or _after_pronoun(verb, c))
                               and c.lower_ in ("up", "out", "away", "off", "down", "back", "ahead", "over")):
            return c.lower_
    return ""


def _after_pronoun(verb: Token, c: Token) -> bool:
    """"turned it back on", "set them up": a particle the parser left as an adverb, after
    the pronoun object that English puts between a phrasal verb and its particle."""
    if c.i != verb.i + 2:
        return False
    obj = verb.doc[verb.i + 1]
    return obj.head == verb and obj.dep_ == "dobj" and obj.pos_ == "PRON"


def verb_lemma(tok: Token) -> str:
    """The lemma, corrected where the small model lemmatises a verb as a noun."""
    return _verb_lemma(tok.lower_, tok.tag_, tok.lemma_)


@functools.lru_cache(maxsize=16384)
def verb_only(lower: str) -> bool:
    """The word has a verb reading and no other ("overwrote", "wiped"; not "leads")."""
    lemmas = getAllLemmas(lower)
    return bool(lemmas.get("VERB")) and not any(k in lemmas for k in ("NOUN", "ADJ", "PROPN", "ADV"))


@functools.lru_cache(maxsize=16384)
def _verb_lemma(lower: str, tag: str, lemma: str) -> str:
    # The small model's lemmatiser mangles some inflected forms ("forgot" tagged
    # VBP stays "forgot", "bricked" becomes "bricke"); lemminflect knows them.
    if tag in ("VB", "VBD", "VBN", "VBZ", "VBP", "VBG") or (tag == "JJ" and lower.endswith(("ed", "en"))) or (tag.startswith("NN") and verb_only(lower)):
        cands = getLemma(lower, upos="VERB")
        if cands:
            return cands[0]
    return lemma.lower()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbClass]
    agents: dict[str, Any]
    framing: dict[str, Any]
    terms: dict[str, Any]
    idioms: tuple[Idiom, ...]
    systems: frozenset[str]
    people: frozenset[str]

    @functools.cached_property
    def thing_words(self) -> frozenset[str]:
        """System, artefact and change nouns: what tech writing personifies ("the
        scheduler decided"), never a person however the sentence uses it."""
        return frozenset(self.agents["system_nouns"] | self.systems | self.terms["quote_mention_nouns"]
                         | self.terms["change_nouns"])

    @functools.cached_property
    def blame_phrases_in_order(self) -> tuple[str, ...]:
        """``blame_phrases`` longest first, then alphabetically: the phrase a message names
        is the most specific one present, and the same in every process (a frozenset's
        order changes with the hash seed)."""
        return tuple(sorted(self.terms["blame_phrases"], key=lambda p: (-len(p), p)))

    @functools.cached_property
    def blame_phrase_search(self) -> re.Pattern[str]:
        """Any of ``blame_phrases`` between spaces, as blame_phrase() looks for each: most
        sentences hold none, and one search says so instead of one per phrase."""
        return re.compile(" (?:" + "|".join(re.escape(p) for p in self.terms["blame_phrases"]) + ") ")

    def words(self, source: str, key: str) -> frozenset[str]:
        table = {"agents": self.agents, "framing": self.framing, "terms": self.terms}[source]
        return table[key]


def _freeze(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            out[k] = frozenset(x.lower() for x in v)
        elif isinstance(v, dict):
            out[k] = _freeze(v)
        else:
            out[k] = v
    return out


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_systems: tuple[str, ...] = (), extra_people: tuple[str, ...] = ()) -> Lexicon:
    verbs = load_rule_file("verbs")
    agents = _freeze(load_rule_file("agents"))
    framing_raw = load_rule_file("framing")
    idioms = tuple(Idiom(**i) for i in framing_raw.pop("idioms"))
    terms = _freeze(load_rule_file("blame_terms"))
    return Lexicon(
        verbs={k: VerbClass(v) for k, v in verbs.items()},
        agents=agents,
        framing=_freeze(framing_raw),
        terms=terms,
        idioms=idioms,
        systems=frozenset(agents["systems"]) | {s.lower() for s in extra_systems},
        people=frozenset(agents.get("people", ())) | {p.lower() for p in extra_people},
    )
