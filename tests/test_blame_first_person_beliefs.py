"""First-person accounts of a damaging act done on a wrong belief (rule 9, rule 13):
the target told as what the writer took it to be ("what I thought was the sandbox",
"the file I believed was a second copy"), the belief the act followed from ("I
thought I was on the test box, so I ran the truncate"), and a dropped "I" the parser
hung under a later clause. Each has a near miss of the same shape: a belief the writer
knew to be true, a check instead of a damaging act, a diagnosis, the team "we".
Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("what-i-thought", "Maren purged what she thought was the test topic.",
     "Maren inspected what she thought was the test topic."),
    ("what-i-knew", "I wiped what I was sure was my scratch volume.",
     "I wiped what I knew was my scratch volume."),
    ("dropped-i", "Wiped what I assumed was my scratch volume, and it was the shared one.",
     "Checked what I assumed was my scratch volume, and it was."),
    ("reduced-relative", "I overwrote the file I believed was a second copy.",
     "I overwrote the file I knew was a second copy."),
    ("which-relative", "Deleted the old index, which I was confident was no longer read.",
     "Deleted the old index, which I knew was no longer read."),
    ("opener-under-later-clause", "Ran `kubectl delete ns payments` in what I thought was the dev cluster.",
     "Ran the smoke tests in what I thought was the dev cluster."),
    ("belief-then-act", "I thought I was logged into the test box, so I ran the truncate.",
     "I thought I was logged into the test box, so I checked the logs."),
    ("diagnosis", "I thought I was on the mirror host, so I purged the cache directory.",
     "I thought it was a network issue, so I restarted the router."),
    ("team-we", "Olek purged what he thought was an unused queue.",
     "We purged what we thought was an unused queue."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("sentence", [
    "Maren purged what she thought was the test topic.",
    "I thought I was logged into the test box, so I ran the truncate.",
])
def test_the_finding_is_about_the_belief(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].rule == "blame.person-subject" and "belief" in found[0].message


def test_a_participle_opening_the_sentence_is_not_the_writer(linter: Linter) -> None:
    # no object of its own: it describes the main clause's subject, not a dropped "I"
    assert not blame(linter, "Deployed on Friday, the change broke checkout for an hour.")
