"""Section content told in sentences, read through the parse.

The readers in :mod:`.section_evidence` look for cue phrases in a block; these
look at how a sentence is built, from the one NLP pass (the parses are handed
in, nothing here parses):

- impact told as what the cause did: a causal verb whose result is an effect on
  something named ("the change caused the portal to stop working");
- a dated story: events of one section placed in time, the first by a date or a
  clock time, the later ones by another or by a sequence word on their verb
  ("Within a few hours the token was revoked");
- work still ahead in a resolution: a future modal, a plan verb with what is
  planned, or work in progress in the passive ("all keys are being rotated").

The lemmas are rule data (``rules/section_evidence.yaml``).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..document.model import Document, Prose
from ..document.sections import section_names
from ..document.timestamps import timestamps_in
from ..rules import load_rule_file

Parses = list[tuple[Prose, Doc]]

_TEXT_KINDS = ("paragraph", "list-item", "table-cell")
_SUBJECTS = ("nsubj", "nsubjpass")
_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class ParseRules:
    causal_verbs: frozenset[str]
    effects: frozenset[str]
    effect_verbs: frozenset[str]
    hit_verbs: frozenset[str]
    min_story_events: int
    sequence_adverbs: frozenset[str]
    sequence_prepositions: frozenset[str]
    time_units: frozenset[str]
    completed_sections: frozenset[str]
    modals: frozenset[str]
    modal_subjects: frozenset[str]
    plan_verbs: frozenset[str]
    pending_verbs: frozenset[str]


@functools.lru_cache(maxsize=1)
def parse_rules() -> ParseRules:
    d = load_rule_file("section_evidence")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    c, t, done = d["impact"]["consequence"], d["timeline"], d["completed"]
    return ParseRules(
        low(c["causal_verbs"]), low(c["effects"]), low(c["effect_verbs"]), low(c["hit_verbs"]),
        t["min_story_events"], low(t["sequence_adverbs"]), low(t["sequence_prepositions"]), low(t["time_units"]),
        low(done["sections"]), low(done["planned"]["modals"]),
        low(done["planned"]["modal_subjects"]), low(done["planned"]["plan_verbs"]),
        low(done["planned"].get("pending_verbs", ())),
    )


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _sentences(parses: Parses, keep) -> Iterator[tuple[Prose, Span]]:
    for prose, parsed in parses:
        if prose.kind in _TEXT_KINDS and keep(prose):
            for sent in parsed.sents:
                yield prose, sent


# ------------------------------------------------------------------ impact

def _names_something(head: Token, exclude: frozenset[int]) -> bool:
    """The effect is on something named: a noun among its arguments ("the portal ... to
    stop", "a slowdown in uploads"), not the cause that is the causal verb's subject."""
    for c in head.children:
        if c.i in exclude:
            continue
        if c.dep_ in (*_SUBJECTS, "dobj") and c.pos_ in _NOUNS:
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ in _NOUNS for g in c.children):
            return True
    return False


def _is_effect(head: Token, r: ParseRules) -> bool:
    if head.pos_ in ("VERB", "AUX") and (any(c.dep_ == "neg" for c in head.children) or _lemma(head) in r.effect_verbs):
        return True  # "to not work", "being throttled", "to fail"
    return head.pos_ == "NOUN" and _lemma(head) in r.effects


def _results(verb: Token) -> Iterator[Token]:
    """What a causal verb brought about: its object or clause ("caused X to stop"),
    or the complement of its preposition ("resulted in X being throttled")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd"):
            yield c
        elif c.dep_ == "prep":
            yield from (g for g in c.children if g.dep_ in ("pobj", "pcomp"))


def _states_consequence(sent: Span, r: ParseRules) -> bool:
    for t in sent:
        if t.pos_ != "VERB":
            continue
        if _lemma(t) in r.hit_verbs and any(c.dep_ == "dobj" and c.pos_ in _NOUNS for c in t.children):
            return True  # "the flood disrupted every build"
        if _lemma(t) in r.causal_verbs:
            cause = frozenset(c.i for c in t.children if c.dep_ in _SUBJECTS)
            if any(_is_effect(x, r) and _names_something(x, cause) for x in _results(t)):
                return True
    return False


def states_consequence(doc: Document, parses: Parses) -> bool:
    """Impact told as what the cause did, anywhere but the timeline and the action list."""
    r = parse_rules()
    keep = lambda p: p.section not in ("timeline", "action items")  # noqa: E731
    return any(_states_consequence(sent, r) for _, sent in _sentences(parses, keep))


# ---------------------------------------------------------------- timeline

def _stamped(sent: Span) -> bool:
    return any(t.minutes is not None or t.date is not None for t in timestamps_in(sent.text))


def _sequenced(sent: Span, r: ParseRules) -> bool:
    """A sequence word on a verb: "subsequently", "an hour later", "within a few hours"."""
    for t in sent:
        if t.head.pos_ not in ("VERB", "AUX"):
            continue
        if t.dep_ == "advmod" and _lemma(t) in r.sequence_adverbs:
            return True
        if t.dep_ == "prep" and _lemma(t) in r.sequence_prepositions \
                and any(g.dep_ == "pobj" and _lemma(g) in r.time_units for g in t.children):
            return True
    return False


def tells_dated_story(doc: Document, parses: Parses) -> bool:
    """Events of one section placed in time, the first by a date or a clock time."""
    r = parse_rules()
    section: object = object()
    events = 0
    for prose, sent in _sentences(parses, lambda p: p.section != "timeline" and p.kind != "table-cell"):
        if prose.section != section:
            section, events = prose.section, 0
        if _stamped(sent) or (events and _sequenced(sent, r)):
            events += 1
            if events >= r.min_story_events:
                return True
    return False


# ------------------------------------------------------------ action items

def _plans(t: Token, r: ParseRules) -> bool:
    children = list(t.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" and _lemma(c) in r.modals for c in children) \
            and any(c.dep_ == "nsubj" and c.lower_ in r.modal_subjects for c in children):
        return True  # "we will add load tests"
    if _lemma(t) in r.plan_verbs and any(c.dep_ in ("xcomp", "prep") for c in children):
        return True  # "plans to have ... assessed", "working on getting ... rebuilt"
    if _lemma(t) in r.pending_verbs and (
            any(_infinitive(c) for c in children if c.dep_ == "xcomp")
            or any(_infinitive(g) for c in children if c.dep_ in ("attr", "dobj")
                   for g in c.children if g.dep_ in ("relcl", "acl"))):
        return True  # "two hosts remain to be rebuilt", "tuning remains a priority to fix"
    auxes = {c.dep_: c for c in children if c.dep_ in ("aux", "auxpass")}
    return "auxpass" in auxes and auxes["auxpass"].tag_ == "VBG" and t.tag_ == "VBN" \
        and "aux" in auxes and auxes["aux"].tag_ in ("VBZ", "VBP")  # "all keys are being rotated"


def _infinitive(t: Token) -> bool:
    """A to-infinitive verb: "to fix", "to be rebuilt"."""
    return t.pos_ in ("VERB", "AUX") and t.tag_ in ("VB", "VBN") \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)


def plans_work(doc: Document, parses: Parses) -> bool:
    """A resolution that states the work still ahead records what will change."""
    r = parse_rules()
    spans = [(s.end, s.body_end if s.body_end >= 0 else len(doc.text)) for s in doc.sections
             if set(section_names(s.title)) & r.completed_sections]
    inside = lambda p: bool(p.offsets) and any(a <= p.offsets[0] < b for a, b in spans)  # noqa: E731
    return any(t.pos_ in ("VERB", "AUX") and _plans(t, r)
               for _, sent in _sentences(parses, inside) for t in sent)
