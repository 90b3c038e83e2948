"""Judgements of a person said through what is judged (judged.py): their work as a
copula's subject. Each true positive has a near miss of the same shape. Every sentence
here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter
from lint_service.checks.blame.judged import judged_person
from recognizer_support import assert_recognized


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("work-judged", "Honestly the migration was sloppy.", "Honestly the migration was slow."),
    ("work-negated", "Honestly the migration was sloppy.", "The migration was not sloppy; the tool hid the failed hosts."),
    ("system-judged", "This rollout was careless.", "This dashboard was useless."),
    ("work-in-general", "His fix was lazy.", "A fix can look lazy when the ticket gives no context."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_judged_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_judged_recognizer_itself(positive: str, near_miss: str) -> None:
    found = assert_recognized(judged_person, positive, near_miss)
    assert found.rule == "blame.judgement" and found.evidence
