"""False positives read on real3-tune (issue 10: the third collected real set, 2026-12-04),
each fixed through the parse, with the blaming sentence of the same shape beside it.
Every sentence here was written for this file; the real ones stay in ../collected."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # "you" walked through a scenario, or offered possibilities: anyone (rule 16)
    ("You pushed a bad deployment on Friday.",
     "You open the dashboard and, sure enough, you shipped the build that took checkout down."),
    ("wen, you own the follow-up because you broke it",
     "It's natural to feel that since you caused the bug, you own the fix."),
    ("Maybe you pushed a bad config.",
     "Maybe you merged a bad migration, mistyped a flag, or dropped a feature toggle."),
    # a denied noun repeated in coordination shares the denial
    ("It was my fault, and the reviewer's fault too.", "I could see it wasn't my fault, or anybody's fault really."),
    # a perfect needs a participle: "shouldn't have write access" is a possession
    ("The on-call shouldn't have restarted the primary.", "Contractors shouldn't have admin rights on the billing cluster."),
    # a follow-up left undone only after an act that changed something
    ("Omar turned off the disk alert and never turned it back on.",
     "Omar paused, read the runbook again, and never touched the primary."),
    # tracing a problem down to a commit is the diagnosis
    ("I pushed the change and the site went down.", "I ran a bisect and traced the regression down to commit 4be2f1a."),
    # what a message said is not what it did
    ("I pushed a config that broke checkout.", "Around midnight I got a page that the rack had lost power on both feeds."),
    # a contingency is not an event
    ("Someone deleted the table during the migration.", "The floor wardens were asked to wait by the exits in case someone needed directions."),
]


@pytest.mark.parametrize(("positive", "near_miss"), PAIRS)
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_relative_pronoun_never_left_as_a_rewrite_subject(linter: Linter) -> None:
    found = [f for f in linter.lint("The culprit that deleted the table was the intern.", format="text").findings
             if f.rule.startswith("blame.")]
    assert found and not any(s.startswith("That ") for s in found[0].suggestions)
