""""You" as the one who erred (rule 17): a counterfactual with the "'d" of "had" ("if
you'd tested it"), someone else's work undone the wrong way ("you reverted my fix
without asking"), and a result said in the present ("and now every install fails").
Each has a near miss of the same shape. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("had-if", "If you'd tested it, the build would be green.", "If you'd like to help, join the channel."),
    ("had-if-same-form", "If you'd read the release notes you'd know the flag was renamed, which is why the job fails.",
     "If you'd prefer a call, ping me."),
    ("undone-without-asking", "You reverted my fix without asking.", "You reverted my fix at 14:02, which stopped the errors."),
    ("rolled-back-without-telling", "you rolled back her migration without telling anyone",
     "You reverted the bad commit without waiting, which fixed the build."),
    ("present-result", "You changed the default and now every install fails.",
     "You changed the default and now every install succeeds."),
    ("present-result-self", "I changed the default and now every install fails.", "If the install fails, re-run it with --verbose."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
