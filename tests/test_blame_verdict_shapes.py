"""Two verdict shapes said with "be": the failure put "on" someone ("the outage is on
me", assertions.py) and a person judged by the act that follows ("she was unwise to
skip the canary", evaluative.py). Each positive has near misses of the same shape: a
task or a place "on" someone, a denial or a question, a verdict on a thing or on the
team speaking as "we", an adjective that praises. Every sentence here was written for
this file."""
from __future__ import annotations

import pytest

from blame_support import blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


FAILURE_ON_SOMEONE = [
    "The outage is on me.",
    "This mess is on Priya.",
    "The incident is on the platform team.",
    "Honestly the whole failure is on him.",
    "That data loss is on the night shift.",
    "The blame for the delay is on the release manager.",
]
NOT_A_FAILURE_ON_SOMEONE = [
    "The review is on Priya.",  # a task, not a failure
    "The fix is on the platform team this sprint.",
    "The outage is on the status page.",  # a place
    "The incident is on my radar.",
    "The outage is not on Priya.",  # a denial
    "Is the outage on me?",  # a question
]

ACT_VERDICTS = [
    "I was wrong to restart the primary without a snapshot.",
    "Priya was unwise to skip the canary.",
    "He was naive to trust the stale dashboard.",
    "The on-call was mistaken to fail over so early.",
    "She was irresponsible to ship on a Friday.",
    "The contractor was misguided to edit the live table.",
]
NOT_ACT_VERDICTS = [
    "I was right to restart the primary.",  # praise
    "I was wrong about the cause at first.",  # a belief corrected, no act judged
    "She was not wrong to fail over.",  # a denial
    "Was I wrong to restart it?",  # a question
    "It would be wrong to blame the on-call.",  # no person judged
    "The config was wrong.",  # a thing
    "We were wrong.",  # the team speaking (guidelines rule 9)
    "we were irresponsible to ship on a friday",
    "The runbook was wrong to suggest a restart.",
    "It is naive to expect zero errors from manual steps.",  # a general statement
    "The contractor was misguided by the stale docs.",  # misled, not judged
]


@pytest.mark.parametrize("sentence", FAILURE_ON_SOMEONE + ACT_VERDICTS)
def test_flagged(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found, sentence
    assert found[0].message.endswith(".")


@pytest.mark.parametrize("sentence", NOT_A_FAILURE_ON_SOMEONE + NOT_ACT_VERDICTS)
def test_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


def test_message_quotes_what_was_said(linter: Linter) -> None:
    found = blame(linter, "The outage is on me.")
    assert 'Saying "The outage is on me"' in found[0].message
