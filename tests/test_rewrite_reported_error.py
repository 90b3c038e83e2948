"""A "human error" someone else gives as the cause, and a title-case headline that does
(issue 11, rewrite15): the claim is rewritten inside its report, whose speaker stays,
with "an error in a manual step" for the error (rewrite/manual_error.py), and a headline
is rewritten from its sentence-case copy and put back in title case
(checks/blame/engine.py). Quoted words, a person blamed, a bare "it was" and a kind of
error talked about keep no such rewrite.

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter  # noqa: F401 - the same helpers and fixture
from test_rewrite_fallbacks import test_near_miss as not_offered

REWRITES = [
    # a blame verb's object or preposition holds the cause; the speaker stays
    ("The carrier blames human error for the dropped calls.",
     "The carrier blames an error in a manual step for the dropped calls."),
    ("The board attributed the data loss to operator error.",
     "The board attributed the data loss to an error in a manual step."),
    ("Payroll delay pinned on human error", "Payroll delay pinned on an error in a manual step"),
    ("Human error blamed for the hospital data leak", "An error in a manual step blamed for the hospital data leak"),
    # a speaker's attribution after the claim
    ("The outage was caused by human error, the spokesperson said.",
     "The outage was caused by an error in a manual step, the spokesperson said."),
    # a cleft: the "it" is what the clause after the noun did, and the clause stays
    ("The airline says it was operator error that grounded the fleet for a day.",
     "The airline says it was an error in a manual step that grounded the fleet for a day."),
    # a preposition that names what the error caused
    ("Human error behind Monday's ticketing outage, rail operator admits",
     "An error in a manual step behind Monday's ticketing outage, rail operator admits"),
    # title case: read from the sentence-case copy, put back in the headline's capitals
    ("Nationwide Outage Caused By Operator Error", "Nationwide Outage Caused By an Error in a Manual Step"),
    ("Insurer Blames Human Error For Claims Backlog", "Insurer Blames an Error in a Manual Step For Claims Backlog"),
]


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
