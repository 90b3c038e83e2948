"""Round 8 of the rewrites: constructions that had no faithful candidate on unseen
text and now get one, each with a near miss that must stay without a rewrite (or
without the tempting wrong one). Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter


OFFERED = [
    pytest.param(
        "I'm the one who left the staging flag on in the build, and that is how the keys ended up in the logs.",
        "The staging flag was left on in the build, and that is how the keys ended up in the logs.",
        id="cleft-one-who-keeps-its-joined-clause"),
    pytest.param("The outage began with Amara's deploy, which locked the users table for ten minutes.",
                 "The outage began with the deploy, which locked the users table for ten minutes.",
                 id="traced-to-a-person-s-change"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_cleft_joined_clause_about_the_person_is_not_carried_over(linter: Linter) -> None:
    # near miss: the joined clause is the same person's omission, so carrying it over
    # would keep them in the sentence; no rewrite rather than one that still blames
    got = suggestions(linter, "I'm the one who left the staging flag on in the build, and I didn't notice for a week.")
    assert not any("I didn't" in s or "I " in s for s in got), got


def test_traced_to_owned_people_keep_no_rewrite(linter: Linter) -> None:
    # near miss: the owned thing is a team, so "began with the team" still names the cause as people
    got = suggestions(linter, "The outage began with Amara's team, which pushed the change at noon.")
    assert not any("with the team" in s for s in got), got
