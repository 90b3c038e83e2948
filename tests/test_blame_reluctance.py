"""Reluctance to do a step of care (reluctance.py): "Unwilling to wait for the review, Omar
merged the change". Near misses: reluctance to take a risk, the team speaking, a thing,
a denial, a question, a condition. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


FLAGGED = [
    "Unwilling to wait for the review, Omar merged the change.",
    "Not wanting to wait for CI, she merged it.",
    "Omar was unwilling to test the patch.",
    "The on-call was reluctant to escalate, so the outage ran for an hour.",
]
SILENT = [
    "Unwilling to risk the data, Omar paused the migration.",  # caution, not a skipped check
    "Not wanting to wake the whole team, the on-call paged only the DBA.",
    "We were reluctant to escalate at first.",  # the team speaking (rule 9)
    "Omar was never unwilling to test the patch.",  # a denial
    "Was Omar unwilling to test the patch?",  # a question
    "The vendor was unwilling to test the patch.",  # an outsider (rule 10)
    "The job was unwilling to start.",  # a thing
    "If you are unwilling to test, ask for a pair.",  # a condition
]


@pytest.mark.parametrize("sentence", FLAGGED)
def test_flagged(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found, sentence
    assert found[0].message.endswith(".")


@pytest.mark.parametrize("sentence", SILENT)
def test_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


def test_message_names_the_step(linter: Linter) -> None:
    found = blame(linter, "Omar was unwilling to test the patch.")
    assert found[0].rule == "blame.judgement"
    assert '"Omar ... unwilling to test"' in found[0].message
