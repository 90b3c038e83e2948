"""Headlines that give the person two comma-joined acts (issue 11, rewrite round 13):
each act said in headline form without them (rewrite/headline_acts.py).

Every sentence here was written for this file. The near misses are headlines whose
second half has a subject of its own, says or judges rather than does, or is no act.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import linter  # noqa: F401 - the same fixture
from test_rewrite_fallbacks import test_near_miss as not_offered
from test_rewrite_verdicts import test_rewrite as offered

REWRITES = [
    ("Intern Deletes Customer Table, Halts Checkout For Six Hours",
     "Customer Table Deleted, Checkout Halted For Six Hours"),
    ("Contractor cuts fibre, strands three depots", "Fibre cut, three depots stranded"),
]

NEAR_MISSES = [
    # the "-s" word is a plural noun with a verb of its own: "streets go dark" stays a clause
    ("Contractor Cuts Fibre, Streets Go Dark", None),
    ("Contractor cuts fibre, lights go out across town", None),
    # a second half that says or judges: the claim was the person's
    ("Contractor Cuts Fibre, Denies Wrongdoing", None),
    # a second half that is no act of the person's
    ("Contractor cuts fibre, blamed for regional outage", None),
    ("Admin Deletes Billing Database, Then Finds Backups Empty", None),
    # parsed as a clause under the second verb: that verb's doer was the person too
    ("Admin deletes billing database, then discovers backups are empty", "discovers"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:  # noqa: F811
    offered(linter, sentence, expected)


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:  # noqa: F811
    not_offered(linter, sentence, banned)
