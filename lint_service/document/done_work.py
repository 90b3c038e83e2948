"""Action items that report finished work, read through the parse.

Follow-up lists often record what was already done instead of what is to be done:
"We enabled branch protection on ...", "The automerge action has been disabled and
removed", "Moved to yarn 4". Their first sentence has a main verb in the past
tense or the perfect aspect, neither negated ("we have not yet ...") nor under a
modal ("should have ..."), nor advice ("the researcher recommended we ..."), nor
progressive ("we are improving", "we've been exploring": still open). Such an item is
done: it needs no owner and no deadline, and the metrics count it closed.

Who did the work is not read: a report of finished work is done whoever did it,
and blame in its wording is the blame check's business.

A standing rule stated in the future tense is practice in place, not a task: "All
pull requests will require a maintainer's review" (a rule verb with a generic
subject), "Deploys will no longer be allowed on Fridays", "We will now require two
reviews" (an adverb that says it holds from now on). "We will require two reviews"
is still a plan. The words are rule data (``rules/item_forms.yaml``, ``policy``).

An item a later sentence reports decided against ("... it was rejected") is closed too
(``declined_verbs``).

This runs after the one NLP pass (the linter hands the parses in); it never parses.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..rules import load_rule_file
from .model import Document, Field, Prose

_NOT_WORK = frozenset({"be", "have", "do", "get"})  # "we had no alert", "it was slow": states, not work
_PERFECT_AUX = frozenset({"have"})


@functools.lru_cache(maxsize=1)
def _advice_verbs() -> frozenset[str]:
    return frozenset(load_rule_file("item_forms")["advice_verbs"])


@functools.lru_cache(maxsize=1)
def _declined_verbs() -> frozenset[str]:
    return frozenset(load_rule_file("item_forms")["declined_verbs"])


def _first_sentence(parsed: Doc) -> Span | None:
    for sent in parsed.sents:
        if any(t.is_alpha for t in sent):
            return sent
    return None


def _reports_done(root: Token, sent: Span) -> bool:
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in _NOT_WORK:
        return False
    children = list(root.children)
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in children):
        return False
    if root.lemma_.lower() in _advice_verbs():
        return False  # "the researcher recommended we consider ...": advice, not work done
    if any(c.dep_ == "xcomp" and (c.tag_ == "VBG" or any(a.tag_ == "TO" for a in c.children)) for c in children):
        return False  # "we have begun creating ...", "we decided to add ...": the work is still ahead
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if root.tag_ == "VBD":
        return not auxes or all(a.lemma_.lower() in _PERFECT_AUX or a.tag_ == "VBD" for a in auxes)
    if root.tag_ != "VBN":
        return False
    if any(a.lemma_.lower() in _PERFECT_AUX for a in auxes):
        return True  # "we have removed", "has been disabled"
    if any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxes):
        return True  # "the token was revoked"
    # "Moved to yarn 4", "Increased the scrutiny ...": a list of done work without a subject.
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return not auxes and first is not None and first.i == root.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children)


@dataclass(frozen=True)
class _Policy:
    verbs: frozenset[str]
    quantifiers: frozenset[str]
    in_place: frozenset[str]


@functools.lru_cache(maxsize=1)
def _policy() -> _Policy:
    d = load_rule_file("item_forms")["policy"]
    return _Policy(frozenset(d["verbs"]), frozenset(d["quantifiers"]), frozenset(d["in_place"]))


def _generic(subject: Token, quantifiers: frozenset[str]) -> bool:
    """A class of things, not one: "all pull requests", "every release", "deploys"."""
    if subject.dep_ == "csubj":
        # "All CODE pull requests will require ...": the small model reads the noun
        # phrase as a clause ("pull" a verb); its quantifier still opens it.
        return next(iter(subject.subtree)).lower_ in quantifiers
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in subject.children if c.dep_ in ("det", "poss", "predet")]
    if any(d.lower_ in quantifiers for d in dets):
        return True
    return not dets and subject.tag_ in ("NNS", "NNPS")


def _states_policy(root: Token) -> bool:
    children = list(root.children)
    if not any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ("will", "shall") for c in children):
        return False
    p = _policy()
    if any(c.dep_ == "advmod" and c.lower_ in p.in_place for c in children):
        return True  # "will now require", "will no longer be allowed"
    if root.lemma_.lower() not in p.verbs or any(c.dep_ == "neg" for c in children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and _generic(c, p.quantifiers) for c in children)


def reported_done(parsed: Doc) -> Token | None:
    """The verb that reports the item's first sentence as finished work, or states a
    practice already in place; None otherwise."""
    sent = _first_sentence(parsed)
    if sent is None:
        return None
    root = sent.root
    if _reports_done(root, sent) or _states_policy(root):
        return root
    # "We enabled X and removed Y": the first conjunct decides; only a decision against
    # the item, told after it, closes it too.
    return _declined(parsed, sent)


def _declined(parsed: Doc, first: Span) -> Token | None:
    """A later sentence that reports the item decided against ("The board discussed
    this and turned it down"): closed with nothing to do. An imperative ("Reject
    unsigned uploads") or a decision still ahead ("it will be declined") is no report."""
    verbs = _declined_verbs()
    for sent in parsed.sents:
        if sent.start <= first.start:
            continue
        for verb in (sent.root, *sent.root.conjuncts):
            if verb.lemma_.lower() in verbs and _reports_done(verb, sent):
                return verb
    return None


def mark_reported_work(document: Document, parses: list[tuple[Prose, Doc]]) -> None:
    """Mark each open item whose text reports finished work as done (``status_field``: the verb).

    Items whose status something explicit decided (a checkbox, a Status cell) keep it."""
    # Repairs may have cut a label or a timestamp off the front: the item's first parse is
    # the one that starts earliest inside its description.
    starts = sorted((prose.offsets[0], k) for k, (prose, _) in enumerate(parses)
                    if prose.kind == "action-item" and prose.offsets)
    for item in document.action_items:
        if item.done or item.status_field is not None or item.description is None:
            continue
        k = bisect.bisect_left(starts, (item.description.start, -1))
        if k == len(starts) or starts[k][0] >= item.description.end:
            continue
        found = parses[starts[k][1]]
        prose, parsed = found
        verb = reported_done(parsed)
        if verb is None or verb.idx + len(verb.text) > len(prose.text):
            continue
        s, e = prose.original_span(verb.idx, verb.idx + len(verb.text))
        item.status = "done"
        item.status_field = Field(verb.text, s, e)
