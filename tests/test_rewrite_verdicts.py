"""Rewrites for verdicts, judgements and counterfactuals (issue 11, rewrite round 6):
a hypothetical said as what happened (a wish, a result whose condition only grades the
person's act, an ideal person who "would have" done it).

Every sentence here was written for this file. Each construction has true positives
and near misses where the rewrite must be absent or must not take the tempting form.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter, suggestions  # noqa: F401 - the same helpers and fixture


REWRITES = [
    # a wish: the act did not happen; its "before X-ing" did, said as a fact of its own
    ("If only the on-call had drained the node before rebooting the host.",
     "The node was not drained before the host was rebooted."),
    ("If only Tamsin had pinned the base image.", "The base image was not pinned."),
    # a wish that the act had not happened: it did
    ("If only Joaquim had not deleted the staging snapshots.", "The staging snapshots were deleted."),
    # a result whose condition only grades the act: the act happened, the result did not
    ("Had Ines tested the migration more thoroughly, the lock contention would have been caught in staging.",
     "The migration was tested, but the lock contention was not caught in staging."),
    ("If the reviewer had read the pull request more carefully, the leaked token would have been noticed.",
     "The pull request was read, but the leaked token was not noticed."),
    # ... with no object to say the act of, the result is the fact
    ("Had the on-call engineer responded sooner, the backlog would have cleared before noon.",
     "The backlog did not clear before noon."),
    # an ideal person: what they would have done was not done
    ("A more careful operator would have noticed the stale replica.", "The stale replica was not noticed."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    got = suggestions(linter, sentence)
    assert expected in got, got
    assert clean(linter, expected)


NEAR_MISSES = [
    # the condition says a fact of its own ("the runbook was not read"), not a grade:
    # the result alone would lose it
    ("If the on-call had read the runbook, the outage would have been shorter.", "The outage was not shorter."),
    # "might have" is a guess, not a result that failed to happen
    ("A more careful operator might have noticed the stale replica.", "The stale replica was not noticed."),
    # no perfect: a general claim about people, nothing that happened
    ("A more careful operator would notice a stale replica.", "A stale replica was not noticed."),
    # a result that did not happen because it was prevented: "would not have lasted" turns
    # the polarity, which the verifier does not let a rewrite drop
    ("Had the on-call engineer acted sooner, the outage would not have lasted an hour.", "The outage lasted an hour."),
]


@pytest.mark.parametrize(("sentence", "tempting"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, tempting: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert all(tempting not in f.suggestions for f in found), [f.suggestions for f in found]


def test_a_wish_about_a_person_keeps_no_rewrite(linter: Linter) -> None:
    # the act's object is a person: a passive would still name who was not told
    assert suggestions(linter, "If only she had told him about the flag.") == []
