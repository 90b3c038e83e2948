"""Issue 10, round 17: a noun for a person that no list knows ("packer", "porter",
"co-maintainer", lowercase "ops") is read as a person when the parse says so
(lint_service/checks/blame/person_cues.py): the subject of a verb of speech or
cognition, the antecedent of he/she, or modified by a word only people take. Each rule
has a true positive and a near miss of the same shape, mostly a personified system
("the planner decided", "the cronjob forgot"), that must stay silent. Every sentence
here was written for this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from blame_support import assert_pair, blame  # noqa: E402


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # the subject of a verb of cognition (person_verbs, and the judging and belief
    # classes of rules/verbs.yaml); a system noun doing the same is personified
    ("forgot-role", "The packer forgot to seal the crate.", "The planner forgot to seal the index."),
    ("forgot-compound-thing", "The co-maintainer forgot to bump the version.", "The cronjob forgot to rotate the logs."),
    ("decided-role", "The doctor decided to skip the second check.", "The planner decided to skip the second index."),
    ("lowercase-ops", "ops forgot to renew the certificate before the weekend.",
     "The renewal job forgot to renew the certificate before the weekend."),
    # a verb of speech joined to the act shares its subject
    ("said-conjoined", "The porter left the gate open and said nothing.",
     "The controller left the gate open and said nothing."),
    # the antecedent of his/her, with no other candidate in the sentence
    ("his-antecedent", "The porter unplugged the freezer by mistake during his rounds.",
     "The timer unplugged the freezer by mistake during its cycle."),
    ("his-antecedent-not-a-system", "The courier dropped the server by mistake on his way in.",
     "The forklift dropped the server by mistake on its way in."),
    ("his-in-own-clause", "The courier dropped the server by mistake on his way in.",
     "\"The server was dropped by mistake on the way in,\" he said."),
    # an activity named by its gerund is no one
    ("gerund-activity", "Our porter forgot to lock the back door.", "Our alerting forgot to page the second region."),
    # a body speaking in news prose is an outsider, not a responder
    ("body-speaking", "The porter said he had unplugged the freezer by mistake.",
     "The agency said the freezer had been unplugged by mistake."),
    # a modifier only people take, on one individual ("the tired porter"), not a kind
    ("person-modifier", "The tired porter left the fire door open.", "The faulty latch left the fire door open."),
    ("person-modifier-generic", "The tired porter left the fire door open.", "Tired porters leave fire doors open."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_person_cue(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_pronoun_with_another_candidate_stays_silent(linter: Linter) -> None:
    # "his" may be Tomas's: the unknown noun is no person because of it
    assert not blame(linter, "Tomas could not log in after the nightly sync removed his account.")
    assert not blame(linter, "Priya skipped nothing; the step was absent from the checklist she had been given.")


def test_personified_systems_stay_silent(linter: Linter) -> None:
    for s in ("The scheduler decided to evict the pod.", "The client assumed the retry was safe.",
              "The balancer thought the node was dead and drained it.", "The design assumed the disk would never fill.",
              "That mergerequest forgot to update the changelog"):
        assert not blame(linter, s), s
