"""action-item.missing-owner, action-item.missing-deadline, action-item.not-actionable."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Token

from ..document.fields import is_missing
from ..document.item_forms import forms
from ..document.model import ActionItem
from ..findings import Hit
from ..rules import load_rule_file
from ._entries import field_span, first_line_span
from .registry import Context, check


@dataclass(frozen=True)
class _Vocabulary:
    verbs: frozenset[str]
    vague: tuple[tuple[re.Pattern[str], str], ...]


@functools.lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    data = load_rule_file("actions")
    return _Vocabulary(
        frozenset(data["verbs"]),
        tuple((re.compile(v["pattern"], re.IGNORECASE), v["why"]) for v in data["vague"]),
    )


# Checkboxes, "TODO:", "[P1]" and similar prefixes are not part of what is to be done.
_PREFIX = re.compile(
    r"^(?:\s{0,4}(?:\[[ xX]?\]|\[?#?[\w-]{0,12}\d\]?:|\[[^\]]{1,12}\]:?|todo\s{0,2}:|action\s{0,2}:|ai\s{0,2}:|\(?p[0-4]\)?:?|[-*•:–—])\s{0,4})+",
    re.IGNORECASE,
)
# Owner / due remarks in parentheses or after a dash are not part of it either.
_REMARKS = re.compile(r"\s{0,3}(?:\((?:[^()]{0,120})\)|[-–—]\s{0,3}@[\w.\-/]{1,60})\s{0,3}$")
_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{0,40}")


# "**HIGH** Include crate downloads ...": a priority label before the action.
@functools.lru_cache(maxsize=1)
def _priority_label() -> re.Pattern[str]:
    words = sorted(forms().priority_words, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\b[\s:.*-]{1,6}", re.IGNORECASE)
# "We need to streamline ...", "Release process should include ...": a stated intention.
_INTENT = re.compile(
    r"^(?:[\w'/-]{1,30}\s+){1,6}?(?:should|must|shall|will|'ll|need(?:s)? to|ha(?:ve|s) to|plans? to|intends? to|(?:is|are) going to|(?:is|are) [a-z]+ing)\s+(?:also\s+|be\s+able\s+to\s+)?[a-z]",
    re.IGNORECASE,
)
_DONE_BY_US = re.compile(
    r"^(?:(?:we|i|they)(?:'ve|\s+have|\s+had)?\s+(?:also\s+|now\s+|already\s+|significantly\s+)?[a-z]+ed\b"
    r"|(?:[\w`'/-]{1,40}\s+){1,8}?(?:has|have) been (?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b)",
    re.IGNORECASE,
)


def _core(text: str) -> tuple[str, int]:
    """The item's wording without prefixes and trailing remarks, and where it starts."""
    m = _PREFIX.match(text)
    start = m.end() if m else 0
    p = _priority_label().match(text, start)
    if p:
        start = p.end()
    core = text[start:].strip()
    for _ in range(3):
        stripped = _REMARKS.sub("", core)
        if stripped == core:
            break
        core = stripped
    core = core.split("\n", 1)[0].strip()
    # "**Make sure ...**: explanation" keeps only the bold title (markup is already gone),
    # unless the title is a label and the explanation says what will be done
    # ("**Retry budgets**: Adding a retry budget to ...").
    if ": " in core[:200]:
        title, rest = core.split(": ", 1)
        first = _FIRST_WORD.match(rest)
        gerund = first.group().lower() if first else ""
        doing = gerund.endswith("ing") and any(stem in vocabulary().verbs for stem in (gerund[:-3], gerund[:-3] + "e", gerund[:-4]))
        core = rest if doing and len(title.split()) <= 5 else title
    return core, start


@check("action-item.missing-owner", "action-item.missing-deadline")
def owner_and_deadline(ctx: Context) -> Iterable[Hit]:
    text = ctx.document.text
    for item in ctx.document.action_items:
        if item.done:
            continue  # finished work needs neither an owner nor a deadline any more
        # An item filed as a ticket ("ABC-123", "#123", a tracker link) has its assignee
        # and due date in the tracker; only a field written here and left empty is missing.
        tracked = item.ticket is not None
        fallback = first_line_span(text, item.start, item.end)
        if is_missing(item.owner) and not (tracked and item.owner is None):
            start, end = field_span(text, item.owner, fallback)
            yield Hit("action-item.missing-owner", start, end,
                      "This action item has no owner, so nobody is accountable for getting it done.")
        if is_missing(item.deadline) and not (tracked and item.deadline is None):
            start, end = field_span(text, item.deadline, fallback)
            yield Hit("action-item.missing-deadline", start, end,
                      "This action item has no due date, so nobody can tell when it is late.")


def _parse_for(ctx: Context, item: ActionItem) -> Doc | None:
    if item.description is None:
        return None
    for prose, parsed in ctx.parses:
        if prose.kind == "action-item" and prose.offsets and prose.offsets[0] == item.description.start:
            return parsed
    return None


def _reports_done_work(core: str, parsed: Doc | None, verbs: frozenset[str]) -> bool:
    """"Moved to yarn 4", "Increased the scrutiny...": completed work listed under
    follow-ups is a report, not a to-do; judging its wording would be noise."""
    if _DONE_BY_US.match(core):  # "We enabled branch protection on ..."
        return True
    m = _FIRST_WORD.match(core)
    if not m:
        return False
    word = m.group().lower()
    if word.endswith("ed") and any(word[: -k] in verbs for k in (1, 2, 3)):
        return True
    if word.startswith("re-") and word.endswith("ed"):
        return True
    if parsed is not None:
        first = next((t for t in parsed if t.text.lower() == word), None)
        return first is not None and first.tag_ in ("VBD", "VBN") and first.i == 0
    return False


def _starts_with_verb(core: str, parsed: Doc | None, verbs: frozenset[str]) -> bool:
    m = _FIRST_WORD.match(core)
    if not m:
        return False
    word = m.group().lower()
    if word in verbs or word.rstrip("e") in verbs or word.rstrip("s") in verbs:
        return True
    if word.endswith("ing") and (word[:-3] in verbs or word[:-3] + "e" in verbs or word[:-4] in verbs):
        return True  # "Testing for proxying", "Adding a canary stage"
    if _INTENT.match(core):
        return True  # "We need to refactor ...", "Every service should ship as an image"
    if parsed is not None:
        tokens = [t for t in parsed if not t.is_punct and not t.is_space]
        first = next((t for t in tokens if t.text.lower() == word), None)
        if first is not None and (first.tag_ == "VB" or (first.pos_ == "VERB" and first.tag_ not in ("VBG", "VBN", "VBD"))):
            return True
        if _imperative_after_lead(parsed):
            return True
    return False


def _imperative_after_lead(parsed: Doc) -> bool:
    """"Before retrying, ensure ...", "If the lag grows, page the on-call": an imperative
    main verb (base form, no subject) after a fronted phrase set off by a comma."""
    sent = next(iter(parsed.sents), None)
    if sent is None:
        return False
    root = sent.root
    if root.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in root.children):
        return False
    return any(t.text == "," and t.i < root.i for t in sent)


def _names_deliverable(parsed: Doc | None) -> bool:
    """"Runbook for revoking a token through the API", "Load testing to validate the
    cache tier", "Development of tooling for ...": a noun phrase whose head is made
    specific by a complement names a thing to build or do; a reader of the blind
    review dismissed "no action verb" there at once. A bare label ("Better alerting",
    "Rollover documentation") says nothing to do and is still reported."""
    words = [t for t in parsed if not t.is_punct and not t.is_space] if parsed is not None else []
    if not words or words[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        return False  # "Before retrying, ...": a fronted phrase, not a named thing
    head = words[0]
    while head.dep_ in ("amod", "compound", "det", "nummod", "nmod", "poss") and head.head.i > head.i:
        head = head.head  # to the head of the opening noun phrase, whatever the parser hung it on
    complements = ("prep", "acl", "relcl")
    plural = _misread_plural(head)
    if plural is not None:
        # "Twice-yearly failover rehearsals to ensure ...": the small model read the
        # phrase's plural head as a verb.
        head, complements = plural, (*complements, "xcomp")
    return head.pos_ in ("NOUN", "PROPN", "VERB") and any(
        c.dep_ in complements and c.i > head.i and sum(t.is_alpha for t in c.subtree) >= 2 for c in head.children)


def _misread_plural(head: Token) -> Token | None:
    """The plural noun the small model read as a present-tense verb at the head of an
    item's opening phrase, or None. Either the phrase is the "verb"'s subject right
    before it ("incident response drills": "response" nsubj of "drills"), or the "verb"
    carries the phrase's modifiers itself ("chaos engineering drills"). A bare phrase
    (no determiner) and a "verb" with no object, auxiliary or negation: "The cache
    drops entries" is a statement, not a named deliverable."""
    if head.tag_ == "VBZ":
        verb, phrase = head, [c for c in head.children if c.i < head.i]
    elif head.dep_ == "nsubj" and head.head.tag_ == "VBZ" and head.head.i == head.i + 1:
        verb, phrase = head.head, [head, *head.children]
    else:
        return None
    if any(t.dep_ in ("det", "poss") for t in phrase) or not any(
            t.dep_ in ("compound", "amod", "nsubj") and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in phrase):
        return None
    if head is verb and not any(t.dep_ in ("compound", "amod") for t in phrase):
        return None
    if any(c.dep_ in ("dobj", "aux", "auxpass", "neg", "attr", "acomp") for c in verb.children):
        return None
    return verb


def _without_leading_refs(item: ActionItem) -> str:
    """The item's text without a ticket or priority that opens it ("BILL-481 Document ...")."""
    text = item.text.lstrip()
    for ref in (item.ticket, item.priority, item.ticket):
        if ref is not None and ref.value and text.startswith(ref.value):
            text = text[len(ref.value):].lstrip(" :-–—)]")
    return text


def _body_says_action(text: str, core: str, verbs: frozenset[str]) -> bool:
    """A title that names the area ("**Deeper engine monitoring**") with the action on the
    next line ("We plan to add alerts on ...")."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2 or core.strip() != lines[0].strip(" *_:"):
        return False
    return _starts_with_verb(lines[1], None, verbs)


@check("action-item.not-actionable")
def not_actionable(ctx: Context) -> Iterable[Hit]:
    vocab = vocabulary()
    text = ctx.document.text
    for item in ctx.document.action_items:
        if item.done or item.description is None or not item.text.strip():
            continue
        core, _ = _core(_without_leading_refs(item))
        if not core:
            continue
        span = (item.description.start, item.description.end)
        if item.description.end - item.description.start > 200:
            span = first_line_span(text, item.description.start, item.description.end)
        for pattern, why in vocab.vague:
            if pattern.search(core):
                yield Hit("action-item.not-actionable", *span, f"This action item {why}.")
                break
        else:
            parsed = _parse_for(ctx, item)
            if _reports_done_work(core, parsed, vocab.verbs):
                continue
            if not (_starts_with_verb(core, parsed, vocab.verbs) or _body_says_action(item.text, core, vocab.verbs)
                    or _names_deliverable(parsed)):
                yield Hit("action-item.not-actionable", *span,
                          "This action item does not start with an action verb, so it is unclear what will be done.")
