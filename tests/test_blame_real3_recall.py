"""Constructions real3-tune's misses showed (issue 10), read through the parse, each with a
near miss of the same shape. Every sentence here was written for this file; the real
ones stay in ../collected."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # punishment told actively, and said to "you"
    ("The company fired the engineer for the outage.", "The company did not fire the engineer."),
    ("The depot fired two technicians for skipping the brake checks.", "Would you fire someone who accidentally deletes a bucket?"),
    ("Omar, you're fired.", "The alert fired twice."),
    # a person called bad at what they do
    ("You are terrible at deploying.", "We are terrible at estimates."),
    ("Omar sucks at code review.", "This dashboard sucks at showing lag."),
    ("You suck at reviewing.", "Omar is bad at the moment."),
    # an apology with nothing else said owns what happened; one that names something does not
    ("really sorry about that, folks", "Sorry for the late reply."),
    ("OK, I'm so sorry about this, all", "Sorry, I'm late to the call."),
    ("I'm truly sorry!", "We are so sorry about this."),
    ("Apologies for jumping the gun on the release.", "Apologies for the delay on the release."),
    # a change noun of version control
    ("Your revision broke the site.", "The revision history shows the site broke at noon."),
    # a step not taken, given as the reason something failed
    ("The release was broken because I hadn't rebuilt the files.", "The release was fine because I hadn't rebuilt the files."),
    ("The job failed because Omar didn't tag the commit.", "The release failed because the runner hadn't cached the files."),
    # a deed judged, done by the person
    ("I did something really stupid.", "The script did something stupid."),
    # a habit's owner does the act
    ("Omar has a habit of pushing untested changes.", "The scheduler has a habit of skipping jobs."),
    # a past "when" clause under a present one is an event; under "can" it is any case
    ("The confusion continues when Mavis merged the branch into master and tagged the wrong commit.",
     "A mistake can happen when someone forgot to clean up their own credentials."),
    # spelling variants of an owned blame phrase
    ("I sent a message to the CTO explaining my screw up.", "I sent a message to the CTO explaining the screw thread."),
]


@pytest.mark.parametrize(("positive", "near_miss"), PAIRS)
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_surprise_alone_is_not_an_apology(linter: Linter) -> None:
    assert not [f for f in linter.lint("Oops.", format="text").findings if f.rule.startswith("blame.")]
