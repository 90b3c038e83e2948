"""A failure followed back to a person's act (origin.py, possessives.py): "the outage traces
back to a command she typed", "the mess started with me copying ...". Gained on blind-a and
synthetic-2. A true positive and a near miss per reading, in chat, news, blog and issue
styles; every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # a thing a person made, reached through "back to" / "down to" / "started with"
    ("chat-dates-back", "ngl the regression dates back to a commit the intern merged last sprint",
     "ngl the regression dates back to a commit the bot merged last sprint"),
    ("news-down-to", "The delay was down to a config change from the night-shift admin.",
     "The delay was not down to a config change from the night-shift admin."),
    ("issue-goes-back", "The crash goes back to a patch she pushed on Friday.",
     "The fix goes back to a patch she pushed last week."),
    ("count-of-failures", "Two of the last four outages started with a change from Brigid.",
     "Two of the last four releases started with a change from Brigid."),
    # a gerund step whose subject is the person, in both of the parser's readings
    ("blog-started-with-me", "This whole fiasco started with me pasting the staging token into the prod vault.",
     "This whole fiasco started with me joining the bridge at midnight."),
    ("chat-started-with-me", "honestly the mess started with me copying the prod password into the test config",
     "honestly the mess started with me paging the on-call at 3am"),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_traced_to_a_person(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_unknown_it_is_not_a_failure(linter: Linter) -> None:
    # "it" may be the writer's career, not the outage
    assert not blame(linter, "It all started with me copying a config file from a blog post in 2015.")
    assert blame(linter, "The outage started with me copying a config file from a blog post onto prod.")
