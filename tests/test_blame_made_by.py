"""Rule 2 said with "by": a change named by its maker ("a migration by Ravi") that did the
damage ties the failure to the person, as "Ravi's migration" does. Sentences written
for this file; each true positive has a near miss of the same shape."""
from __future__ import annotations

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _blame(linter: Linter, text: str) -> list[str]:
    return [f.rule for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]


@pytest.mark.parametrize("sentence", [
    "A migration by Ravi corrupted the ledger.",
    "The config change by the contractor took the API down.",
])
def test_a_change_by_a_person_that_broke_something(linter: Linter, sentence: str) -> None:
    assert _blame(linter, sentence) == ["blame.possessive"]


@pytest.mark.parametrize("sentence", [
    "A migration by Ravi moved the ledger to the new cluster.",  # the change did no damage
    "A talk by Ravi covered the outage.",                          # not a change
    "An error by a person is where an investigation starts.",      # a person in general (rule 16)
    "A migration by the scheduler corrupted the ledger.",          # the maker is a system
])
def test_near_misses(linter: Linter, sentence: str) -> None:
    assert _blame(linter, sentence) == []


def test_a_judged_change_stays_a_judgement(linter: Linter) -> None:
    # the judgement word is why it blames: the finding says so, not the maker
    assert _blame(linter, "That was a sloppy deploy by the release team.") == ["blame.judgement"]
