"""Verifier checks for facts a rewrite drops together with the verdict that carried them
(issue 11, rewrite27): the writer's blame or apology said *what* it was for ("The blame
for the double-charge in billing sits with me; I skipped the dry run"), and the rewrite
kept only the act ("The dry run was skipped"). The verdict goes; the thing it named is
the incident's impact and must not go with it (blind grading: three such rows poor).

Each check reads the original's parse beside the candidate's; the verdict words, the
incident nouns and the prepositions are rule data (rules/blame_terms.yaml,
rules/rewrites.yaml). One check is of a fact added rather than lost: haste the original
never stated ("cut corners", "bodged" said as "rushed", "put together in a hurry").
"""
from __future__ import annotations

import re

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..rules import load_rule_file
from .faithful import names_person
from .text import phrasing

if TYPE_CHECKING:  # verify.py imports this module
    from .verify import Original

_CONTENT = ("NOUN", "PROPN", "NUM")


@functools.lru_cache(maxsize=1)
def _verdict_words() -> frozenset[str]:
    """Words that only say whose fault it was or that the writer is sorry."""
    terms = load_rule_file("blame_terms")
    rw = phrasing()
    sv = rw["self_verdict"]
    words = set(terms["blame_nouns"]) | set(terms["error_heads"]) | set(sv["owning_nouns"]) | set(sv["owning_verbs"]) \
        | set(rw["apology_words"]) | set(rw["confession_words"]) | set(rw["responsibility_words"])
    return frozenset(w.lower() for w in words)


@functools.lru_cache(maxsize=1)
def _empty_topics() -> frozenset[str]:
    """Things a verdict may be for that add no fact: the incident itself ("sorry for the
    outage"), or the verdict again ("my fault for the mistake")."""
    return frozenset(phrasing()["verdict_only"]["incident_nouns"]) | frozenset(load_rule_file("blame_terms")["incident_nouns"]) \
        | _verdict_words()


def _facts(topic: Token) -> list[Token]:
    """The content words of what a verdict was for, without the empty ones."""
    empty = _empty_topics()
    # whose the thing was ("Kenji's outage") names a person: that link goes with the verdict
    return [t for t in topic.subtree if t.pos_ in _CONTENT and t.lemma_.lower() not in empty and t.lower_ not in empty
            and not names_person(t) and not (t.dep_ == "poss" and t.pos_ == "PROPN")]


def verdict_topic_lost(cand: Span, orig: "Original") -> str | None:
    """The thing a dropped verdict or apology was for ("blame for the double-charge in
    billing", "Blame me for the timeout value", "sorry for the mess with the invoices
    yesterday"), when the candidate says none of its content words."""
    verdicts = _verdict_words()
    said = {t.lower_ for t in cand} | {t.lemma_.lower() for t in cand}
    preps = frozenset(phrasing()["verdict_topic_preps"])
    for t in orig.sent:
        if t.lemma_.lower() not in verdicts and t.lower_ not in verdicts:
            continue
        for p in t.children:
            if p.dep_ != "prep" or p.lower_ not in preps:
                continue
            topic = next((o for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
            if topic is None:
                continue  # "my fault for not checking": an act, which the rewrite keeps or another check misses
            facts = _facts(topic)
            if facts and not any(f.lower_ in said or f.lemma_.lower() in said for f in facts):
                return " ".join(x.text for x in topic.subtree if not x.is_punct)
    return None


def bracket_lost(cand: Span, orig: "Original") -> str | None:
    """A bracketed clause of the original the candidate dropped whole ("..., sorry (that's
    what comes of shipping from a conference hall!)"): a finite clause in brackets is the
    writer's aside on why it happened, a contributing condition (blind grading: dropped,
    poor). A bracket with no finite verb ("(Tomasz)") or one that points at the removed
    person ("(looking at you, Paulo)") may go with them."""
    said = {t.lower_ for t in cand}
    doc = orig.sent.doc
    opened: list[Token] = []
    brackets: list[Span] = []
    for t in orig.sent:
        if t.text == "(":
            opened.append(t)
        elif t.text == ")" and opened:
            brackets.append(doc[opened.pop().i + 1 : t.i])
    # the parser may end the sentence inside the bracket ("... during a talk!)."): to its end
    brackets += [doc[o.i + 1 : orig.sent.end] for o in opened]
    if "(" in cand.text:
        return None  # a bracket kept: what it says is the other checks'
    for inside in brackets:
        finite = any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in inside)
        theirs = any(x.text in orig.person or x.lower_ in orig.pronouns and x.lower_ not in ("you", "this", "it") for x in inside)
        content = [x for x in inside if x.pos_ in ("NOUN", "PROPN", "VERB") and x.lemma_.lower() not in _verdict_words()]
        # lost: none of its verbs is said, nor most of its things
        verbs = [x for x in content if x.pos_ == "VERB"]
        things = [x for x in content if x.pos_ != "VERB"]
        gone = not any(x.lower_ in said for x in verbs) and sum(x.lower_ not in said for x in things) * 2 >= len(things)
        if finite and not theirs and content and gone:
            return inside.text
    return None


def haste_invented(cand: Span, orig: "Original") -> str | None:
    """A word of haste (rules/rewrites.yaml ``haste_words``) the candidate says and the
    original did not: an idiom's gloss turned a judgement of quality ("cut corners",
    "bodged", "half-arsed") into a claim about time nobody made (blind grading: poor or
    acceptable in all four rows, "claims haste the original didn't state")."""
    written = " " + " ".join(t.lower_ for t in orig.sent if not t.is_punct) + " "
    said = " " + " ".join(t.lower_ for t in cand if not t.is_punct) + " "
    for word in phrasing()["haste_words"]:
        if f" {word} " in said and f" {word} " not in written:
            return word
    return None


def code_broken(cand: str, orig: str) -> str | None:
    """(rewrite31) A code span of the original ("`orders_archive`") whose words the
    candidate keeps but not with both its backticks around them: the parser hangs a
    backtick on the verb, and the passive moved the object without it
    ("Orders_archive` were dropped `on the live db"). Compared without case, since the
    candidate may capitalise what it moved to the front."""
    low = cand.lower()
    for span in re.findall(r"`[^`\n]+`", orig):
        if span[1:-1].strip().lower() in low and span.lower() not in low:
            return span
    return None


def undone_instead(cand: Span, orig: "Original") -> str | None:
    """(round 23) A negated act with "instead of" after it ("Each merge was not reverted
    instead of rewriting history"): the alternative that was taken now
    hangs off a non-event (graded wrong twice). The original's own "not ... instead of"
    may stand."""
    def both(span: Span) -> bool:
        words = [t.lower_ for t in span]
        return any(w in ("not", "n't", "never") for w in words) and any(
            a == "instead" and b == "of" for a, b in zip(words, words[1:]))
    return "not ... instead of" if both(cand) and not both(orig.sent) else None


def aspect_lost(cand: Span, orig: "Original") -> str | None:
    """(round 23) A habit told in the progressive ("have been approving PRs from my tablet")
    said as one finished act ("PRs have been approved from the tablet"): graded wrong. Refused
    when the original's progressive verb comes back as a bare participle."""
    for t in orig.sent:
        # (a person doing it: "My mistake was deleting the snapshot" names the deed, not a habit)
        doer = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if t.tag_ == "VBG" and t.pos_ == "VERB" and (doer is None or doer.pos_ in ("PRON", "PROPN")) and any(
                a.lower_ in ("been", "was", "were", "am", "is", "are") for a in t.children if a.dep_ == "aux"):
            back = [c for c in cand if c.lemma_ == t.lemma_ and c.tag_ == "VBN"]
            if back and not any(c.tag_ == "VBG" and c.lemma_ == t.lemma_ for c in cand) and not any(c.lower_ == "being" for c in cand):
                return t.text
    return None


def owner_only_claim(cand: Span, orig: "Original") -> str | None:
    """(round 23) "it was my patch" said as "it was the patch": the sentence's claim was
    whose it was, and without the owner it says nothing (graded wrong). Refused when a
    copula of "it"/"this"/"that" keeps the original's possessed noun with only "the"."""
    owned = {t.head.lower_ for t in orig.sent if t.dep_ == "poss" and t.head.dep_ == "attr"}
    for t in cand:
        if t.dep_ == "attr" and t.lower_ in owned and t.head.lemma_ == "be" and any(
                s.dep_ == "nsubj" and s.lower_ in ("it", "this", "that") for s in t.head.children) \
                and [c.lower_ for c in t.children] == ["the"]:
            return t.text
    return None


def punishment_lost(cand: Span, orig: "Original", punishment_verbs: frozenset[str]) -> str | None:
    """(round 23) "Fitters sacked for tampering with the brake lines" said as "The brake
    lines were tampered with": the punishment the sentence reports is gone and the allegation it
    was for is told as fact (graded wrong). Removing the whole sentence is another matter."""
    told = next((t for t in orig.sent if t.pos_ == "VERB" and t.lemma_.lower() in punishment_verbs), None)
    if told is None or not cand.text.strip() or any(t.lemma_ == told.lemma_ for t in cand):
        return None
    return told.text
