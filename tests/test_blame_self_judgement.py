"""Judgements of one's own act (self_judgement.py, and the phrases and pace words of
rules/blame_terms.yaml): care said to be missing, the act itself judged, "stupid me",
haste about a thing ("too confident in my script") and fixed self-judging phrases.
Each has a near miss of the same shape. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter
from lint_service.checks.blame.self_judgement import self_judged
from recognizer_support import assert_recognized


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


OWN = [
    ("careless", "I wasn't careful enough.", "We weren't careful enough with the rollout."),
    ("careless-role", "The reviewer wasn't thorough.", "The check wasn't thorough enough to catch it."),
    ("careless-denial", "Honestly I wasn't careful with the flags.", "I wasn't responsible for the deploy that night."),
    ("fragment", "Total noob move.", "Stupid timeouts again."),
    ("fragment-rookie", "Rookie mistake.", "Rookie engineers get a buddy for their first rotation."),
    ("said-of-act", "That was a rookie mistake.", "That was a smart move by the on-call."),
    ("deed", "It was a really dumb thing to do.", "The dumb thing about this API is the pagination."),
    ("deed-done", "Probably the dumbest thing Farid has ever shipped.", "The config had a dumb default that nobody noticed."),
    ("gerund-subject", "pushing on a Friday was a dumb move", "It was not a dumb mistake; the form hid the field."),
    ("called-names", "Silly me, I ran it twice.", "Silly hats were handed out at the offsite."),
    ("like-a-fool", "i was testing on prod like an idiot", "The deploy bot behaved like a genius today."),
    ("like-a-fool-third", "He ran the rollout like a cowboy.", "We worked like heroes all weekend."),
]

PHRASES = [
    ("finest-hour", "Not my finest hour.", "The dashboard was not at its finest during the spike."),
    ("only-myself", "I have nobody to blame but myself.", "I have nobody to page but myself on weekends."),
    ("no-idea", "I had no idea what I was doing.", "I had no idea the page had fired."),
    ("too-confident-in", "I was way too confident in my script.", "I was fairly confident in my script."),
    ("trigger-happy", "I was a bit too trigger-happy with the delete key.", "The queue was a bit too full with retries."),
    ("cocky", "I got cocky and skipped staging.", "I got coffee and checked staging."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in OWN + PHRASES], ids=[p[0] for p in OWN + PHRASES])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in OWN], ids=[p[0] for p in OWN])
def test_recognizer_itself(positive: str, near_miss: str) -> None:
    assert_recognized(self_judged, positive, near_miss)


def test_the_finding_is_a_judgement(linter: Linter) -> None:
    found = blame(linter, "Total noob move.")
    assert found and found[0].rule == "blame.judgement" and "noob move" in found[0].message
