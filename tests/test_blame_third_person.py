"""Third-person blame in news, blogs and issue threads (issue 10, blame13): each
construction with true positives in several styles and near misses of the same shape
that must stay silent. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # an unknown individual's chosen act is told as done: the infinitive takes the
    # choice's past tense (rules/verbs.yaml choosing, unknown.py; rule 18)
    ("chosen-chat", "lol someone decided to reboot the prod db in the middle of the deploy",
     "lol someone decided to look into the spike"),
    ("chosen-news", "A spokesperson said someone at the depot decided to switch off the signalling server overnight.",
     "A spokesperson said someone at the depot will decide whether to switch off the server."),
    ("chosen-blog", "Somebody decided to unplug the storage shelf on a Tuesday afternoon.",
     "Somebody decided not to unplug the storage shelf on a Tuesday afternoon."),
    ("chosen-issue", "Looks like somebody opted to delete the release tags on the mirror.",
     "Looks like somebody elected to roll the mirror back after the purge failed."),
]


@pytest.mark.parametrize("name, positive, near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
