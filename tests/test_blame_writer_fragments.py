"""Chat fragments with the "I" dropped (rule 13): a past negation ("Didn't check the
region", "Never tested the restore"), a self-judgement ("Wasn't careful enough with the
flags", "Was too quick to approve that one"). A status or a plan ("Don't know why it
failed", "Can't reproduce it") and a check that found nothing stay out. Every sentence
here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("didnt", "Didn't check the region before the cutover.", "Don't know why it failed."),
    ("didnt-think", "didn't think to check the replica lag, sorry", "Can't reproduce it."),
    ("never", "Never tested the restore.", "Never got the page."),
    ("didnt-see", "Didn't drain the node first, sorry.", "Didn't see any errors in the logs."),
    ("careless", "Wasn't careful enough with the flags.", "Wasn't on call that week."),
    ("overhasty", "Was too quick to approve that one.", "Was quick to roll that one back."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
