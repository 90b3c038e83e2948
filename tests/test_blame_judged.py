"""Judgements of a person said through what is judged (judged.py): their work, a
faculty found wanting, a trait overdone, "whoever" judged, a "what kind of" question.
Each true positive has a near miss of the same shape. Every sentence here was written
for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter
from lint_service.checks.blame.judged import judged_person
from recognizer_support import run


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("work-judged", "Honestly the migration was sloppy.", "Honestly the migration was slow."),
    ("work-negated", "Honestly the migration was sloppy.", "The migration was not sloppy; the tool hid the failed hosts."),
    ("poor-judgement", "Marek showed poor judgement when he approved the change.",
     "Marek showed good judgement when he paused the change."),
    ("lack-of", "The on-call showed a lack of judgement.", "The on-call showed a lot of patience."),
    ("terrible-job", "The release manager did a terrible job on the cutover.",
     "The release manager did a great job on the cutover."),
    ("we-job", "The release manager did a terrible job on the cutover.",
     "We did a terrible job of telling customers about the cutover."),
    ("trait-overdone", "I was far too confident that evening.", "I was far too tired that evening."),
    ("system-overdone", "I was far too confident that evening.", "The retry policy was far too eager that evening."),
    ("trait", "I was naive about the restore path.", "I was new to the restore path."),
    ("whoever", "Whoever is running that vendor account is incompetent.",
     "Whoever is running that vendor account is on holiday."),
    ("kind-question", "What kind of engineer drops a table at noon?", "What kind of alert fires on a single failed probe?"),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_judged_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_judged_recognizer_itself(positive: str, near_miss: str) -> None:
    found = run(judged_person, positive)
    assert found is not None and found.rule == "blame.judgement" and found.evidence
    assert run(judged_person, near_miss) is None
