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
    # a punishment handed to its recipient by a verb of giving (punishment.py, rule 14);
    # "warning" given is a heads-up unless a disciplinary word says otherwise
    ("punished-news", "Officials said the technician was given a formal reprimand after the blackout.",
     "Officials said the technician was given a formal briefing after the blackout."),
    ("punished-blog", "Management gave the night-shift admin a dressing-down in front of the whole floor.",
     "Management gave the night-shift admin a tour of the whole floor."),
    ("punished-list", "Outcome: a formal reprimand issued to the operator and a new checklist.",
     "Outcome: a formal badge issued to the operator and a new checklist."),
    ("punished-chat", "a written warning was handed to the on-call engineer, which feels harsh",
     "a printed runbook was handed to the on-call engineer, which feels useful"),
    ("heads-up-warning", "The release manager gave the intern a written warning.",
     "The release manager gave the intern a warning that the disk was nearly full."),
]


@pytest.mark.parametrize("name, positive, near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
