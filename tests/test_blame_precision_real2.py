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
]


@pytest.mark.parametrize("name, positive, near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
