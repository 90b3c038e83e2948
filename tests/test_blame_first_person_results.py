"""A person's act told with what went wrong after it (risk.consequence): a setting
resized ("bumped", "lowered", "shrank") and a service that then ran out of something,
timed out, refused to start or answered with errors. The near miss of each is the
same act followed by a good or neutral result, or by the trouble ending. Every
sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("ran-out", "I raised the batch size to 5000 and the workers ran out of memory.",
     "I raised the batch size to 5000 and the workers kept up."),
    ("timing-out", "Lowered the health-check interval to a second, and the probes started timing out.",
     "Lowered the health-check interval to a second, and the probes kept passing."),
    ("refused", "I resized the disk and the broker refused to start.",
     "I resized the disk and the broker started cleanly."),
    ("error-codes", "I bumped the thread count, and calls to the ledger API started returning 429s.",
     "I bumped the thread count, and calls to the ledger API got faster."),
    ("third-person", "Dov shrank the heap by half and the JVM froze under load.",
     "Dov shrank the heap by half and the JVM stayed healthy."),
    ("trouble-ended", "I bumped the upload limit and the uploads started timing out.",
     "I bumped the timeout and the uploads stopped timing out."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("sentence", [
    "The broker ran out of disk at 02:10.",  # the trouble alone, no one's act
    "I raised the alarm in the incident channel and the DBA joined.",
])
def test_no_act_with_trouble_after_it(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence)
