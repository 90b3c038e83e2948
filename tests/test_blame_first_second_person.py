"""First- and second-person blame in chat, issue comments and forum posts (issue 10):
an act judged by its pace ("too quick to merge", overhaste.py), the doer picked out as
"the one who" did the damage (owned_act.py) and advice not to do it "next time"
(told_not_again.py). Each construction has true positives in several styles and a
near miss of the same shape. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter
from lint_service.checks.blame.overhaste import overhasty
from lint_service.checks.blame.owned_act import owned_act
from lint_service.checks.blame.told_not_again import told_not_again
from recognizer_support import assert_recognized, run


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


OVERHASTE = [
    ("chat", "I was too quick to approve that diff.", "I was quick to roll that diff back."),
    ("issue", "Honestly I was too eager to close the ticket.", "Honestly I was too tired to look at the ticket."),
    ("blog", "Looking back, I was a bit too eager to ship the migration.", "Looking back, we were a bit too eager to ship the migration."),
    ("you", "You were too quick to merge this.", "If you are too quick to merge this, CI still runs."),
    ("news", "The technician was too hasty to restart the pumps, the report said.", "The pumps were too hot to restart, the report said."),
    ("slow", "I was too slow to react to the alert.", "The queue was too slow to drain before the alert."),
]

OWNED = [
    ("chat", "i'm the one who deleted the queue, sorry all", "i'm the one who restored the queue, you're welcome"),
    ("issue", "You're the one who wiped the fixtures on the shared box.", "You're the one who rebuilt the fixtures on the shared box."),
    ("news", "Ines was the one who dropped the billing table, the firm said.", "Ines was the one who restored the billing table, the firm said."),
    ("plan", "I was the one who removed the replica.", "I was the one who removed the stale preview environments."),
]

TOLD = [
    ("issue", "How about not breaking it next time?", "How about adding a test next time?"),
    ("chat", "Next time please don't force-push to main.", "Please don't force-push to main."),
    ("forum", "Try not to nuke prod next time, ok?", "Next time, page the database team first, ok?"),
    ("plan", "Maybe don't merge on a Friday night next time.", "Next time the job fails, don't restart it by hand."),
    ("sarcasm", "How about not deleting other people's branches?", "How about not running the migration on Fridays?"),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in OVERHASTE + OWNED + TOLD],
                         ids=[f"overhaste-{p[0]}" for p in OVERHASTE] + [f"owned-{p[0]}" for p in OWNED] + [f"told-{p[0]}" for p in TOLD])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("recognizer, positive, near_miss",
                         [(overhasty, *p[1:]) for p in OVERHASTE] + [(owned_act, *p[1:]) for p in OWNED] + [(told_not_again, *p[1:]) for p in TOLD],
                         ids=[f"overhaste-{p[0]}" for p in OVERHASTE] + [f"owned-{p[0]}" for p in OWNED] + [f"told-{p[0]}" for p in TOLD])
def test_recognizer_itself(recognizer, positive: str, near_miss: str) -> None:
    assert_recognized(recognizer, positive, near_miss)


def test_the_team_speaking_is_not_judged_by_its_pace() -> None:
    assert run(overhasty, "We were too quick to merge this.") is None  # rule 9


def test_advice_not_to_hesitate_is_no_reproach() -> None:
    assert run(told_not_again, "Next time don't hesitate to ping me.") is None


def test_the_judgement_names_the_pace(linter: Linter) -> None:
    found = blame(linter, "I was too quick to approve that diff.")
    assert found and found[0].rule == "blame.judgement" and "too quick" in found[0].message


def test_a_denial_of_being_the_one_is_no_blame() -> None:
    assert run(owned_act, "I wasn't the one who deleted the queue.") is None
