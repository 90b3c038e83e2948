""""You" as the one who erred (rule 17, reproach.py): a habit reproached, an act done
over someone else's work. Generic "you" (instructions, how a tool works, conditions)
stays silent. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter
from lint_service.checks.blame.reproach import you_reproach
from recognizer_support import assert_recognized, run


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("always-fault", "You always forget to bump the version.", "You always remember to bump the version."),
    ("never-check", "You never check the dashboard before deploying.", "You never need to check the dashboard before deploying."),
    ("condition", "You always forget to bump the version.", "If you always forget to bump the version, the wrapper bumps it."),
    ("modal", "You never check the dashboard before deploying.", "You should never check the dashboard before deploying."),
    ("others-work", "you removed my notes from the shared folder", "you removed your own notes from the shared folder"),
    ("over-others", "you force-pushed over my work on the release branch", "you force-pushed over your own draft on the release branch"),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_reproach_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_reproach_recognizer_itself(positive: str, near_miss: str) -> None:
    found = assert_recognized(you_reproach, positive, near_miss)
    assert found.target is not None and found.target.lower_ == "you"


def test_recovery_over_others_work_is_not_a_reproach() -> None:
    assert run(you_reproach, "you restored my commits from the reflog") is None


def test_a_habit_gets_no_rewrite_that_drops_its_never(linter: Linter) -> None:
    found = [f for f in linter.lint("You never check the dashboard before deploying.", format="text").findings
             if f.rule.startswith("blame.")]
    assert found and all("not" in s or "never" in s or "no " in s for s in found[0].suggestions)
