"""A "human error" given as the cause: the writer's own claim gets "an error in a manual
step" (rewrite/manual_error.py), a title-case headline is rewritten from its sentence-case
copy and put back in title case (checks/blame/engine.py); someone else's claim (a report,
a speaker, "according to") keeps its words (round 22; rewritten inside the report from
rewrite15 until then). Quoted words, a person blamed, a bare "it was" and a kind of error
talked about keep no such rewrite.

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter  # noqa: F401 - the same helpers and fixture
from test_rewrite_fallbacks import test_near_miss as not_offered

REWRITES = [
    # the writer's own claim: the error in a manual step, the rest as written
    ("The root cause was human error.", "The root cause was an error in a manual step."),
    ("Due to an operator error, every node rebooted.", "Due to an error in a manual step, every node rebooted."),
    # title case: read from the sentence-case copy, put back in the headline's capitals
    ("Nationwide Outage Caused By Operator Error", "Nationwide Outage Caused By an Error in a Manual Step"),
]

# (round 22) someone else's claim keeps its words: "an error in a manual step" would change
# what the carrier, the board or the spokesperson said and add a step nobody described
# (4 of 4 such rewrites of real statements graded poor). The finding stays, without it.
SOMEONE_ELSES_CLAIM = [
    "The carrier blames human error for the dropped calls.",  # a blame verb's object
    "The board attributed the data loss to operator error.",  # its preposition
    "Payroll delay pinned on human error",
    "Human error blamed for the hospital data leak",  # a headline's reduced passive
    "The outage was caused by human error, the spokesperson said.",  # a speaker after the claim
    "The airline says it was operator error that grounded the fleet for a day.",  # a cleft under "says"
    "Human error behind Monday's ticketing outage, rail operator admits",
    "Insurer Blames Human Error For Claims Backlog",
    "According to the utility, operator error caused the blackout.",
]


@pytest.mark.parametrize("sentence", SOMEONE_ELSES_CLAIM)
def test_someone_elses_claim_keeps_its_words(linter: Linter, sentence: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert found, "the claim is still reported blame"
    assert not any("manual step" in s.lower() for f in found for s in f.suggestions), found[0].suggestions


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    assert expected in found[0].suggestions, found[0].suggestions
    assert clean(linter, expected)


NEAR_MISSES = [
    # a person blamed, not an error: nothing to say in a manual step
    ("The regulator blamed the night shift for the outage.", "manual step"),
    # the error inside a quotation is the speaker's words
    ("\u201cIt came down to a human error in the end,\u201d the director said.", "manual step"),
    ('According to the minister, the blackout was caused by "human error".', "manual step"),
    # a cleft's clause whose verb acts on nothing: "it" then points at no act
    ("It was human error that we saw.", "manual step"),
    # a kind of error talked about, not one given as the cause
    ("Critics blame human error for most crashes.", "manual step"),
    ("The risk of human error behind every manual deploy is high.", "manual step"),
    # "it" is the verdict's whole subject
    ("It was a human error, nothing more.", "manual step"),
    # a headline whose finding is not a blame noun keeps its own parse's (here: no) rewrite
    ("Engineer's Typo Knocks Out Cloud Storage Across Three Regions", "Is Knocked Out"),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    not_offered(linter, sentence, banned)
