"""Precision round on real2-tune (issue 10, tests/data/README.md): each false positive
there was traced to the reading that fired, and the class it belongs to was fixed through
the parse. A true positive and a near miss of the same shape per fix; every sentence here
was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # "is to blame" lays blame on its subject; the gerund "blaming" is the subject's act
    # of blaming, and reluctance to blame is talk about blame
    ("gerund-blaming", "Ravi is to blame for the outage.",
     "I hate blaming the release managers when a deploy goes sideways."),
    ("gerund-reflexive", "I keep blaming myself for the outage.",
     "I hate blaming the release managers when a deploy goes sideways."),
    # an infinitive's doer is the object told or asked; a restraint asked for is no omission
    ("asked-not-to", "The on-call engineer did not bother to drain the node.",
     "I asked the responders not to take any action until the vendor called back."),
    # a person's act a system instructed or let them do is the system's (tools that make
    # errors easy); a person who lets, or a slip told of the act itself, stays blamed
    ("system-told", "The manager told the intern to push straight to main without review.",
     "The 2019 runbook told operators to reboot every shard at once."),
    ("system-allowed", "Ravi allowed new hires to push their changes through.",
     "The weak spot was a merge policy that allowed new hires to push their changes through."),
    ("system-let", "Ravi lets new hires push changes straight through.",
     "The real gap is a merge policy that lets new hires push changes straight through."),
    ("system-let-damage", "The old console let an operator drop the billing database.",
     "The real gap is a merge policy that lets new hires push changes straight through."),
    ("system-allowed-slip", "A string of missing checks allowed a contractor to cut the main fibre by mistake.",
     "The weak spot was a merge policy that allowed new hires to push their changes through."),
    # one way of asking put in place of another is a choice of words; an act chosen over
    # asking is still an act
    ("asked-instead", "Rather than asking the reviewer, Ravi merged it himself.",
     "Instead of asking “whose fault was it,” our reviewers now ask “what did the dashboard hide?”"),
    # hours filled with the person's own work are how long the diagnosis took, not a wait
    ("work-span", "The on-call engineer answered the page four hours later.",
     "After three hours of troubleshooting, the on-call engineer got to the bad route."),
]


@pytest.mark.parametrize("name, positive, near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_asked_not_to_keeps_the_act_done_anyway(linter: Linter) -> None:
    """What the person was asked not to do is no finding; what they did anyway is."""
    found = blame(linter, "She asked the DBA not to run the migration, but he ran it anyway.")
    assert found and "anyway" in found[0].message, [f.message for f in found]
