"""Precision round 14 (issue 10): acts whose own sentence shows them safe, routine or
not the writer's verdict, each class in several styles (chat, news, blog, issue comment)
with near misses of the same shape that stay blamed. Every sentence was written for this
file."""
from __future__ import annotations

import pytest

from blame_support import blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# class -> (blameless sentences that must stay silent, near misses that must be flagged)
CLASSES = {
    # a removal the same person undid by rebuilding the thing, or made safe by keeping a
    # copy or checking it was unused first (safe_removal.py); harm told all the same, a
    # forgotten copy, or a wrong check keep the blame
    "safe-removal": (
        [
            "Per the blog, the sysadmin deleted the production volume and recreated it from the last healthy snapshot.",
            "The administrator wiped the cache disk and rebuilt it from the current image.",
            "I wiped the cache node and let it warm up from the origin.",
            "Selin dropped the orders table after backing it up to S3.",
            "Priya purged the staging bucket after making sure no job still reads from it.",
        ],
        [
            "The administrator wiped the disk and rebuilt it from an old image, losing a week of data.",
            "Selin dropped the orders table after forgetting to back it up.",
            "Kofi wiped the production database and never rebuilt it.",
            "The contractor deleted the customer bucket after checking the wrong account.",
        ],
    ),
    # "confirmed no writer holds it": a "no" on the subject of what was checked is the
    # finding of the check, not a check left undone (clauses._subject_in_disguise)
    "checked-absence": (
        [
            "i force-deleted the leftover lock after confirming no plan was running",
            "Tomás removes the stuck lock after confirming no writer holds it.",
            "Amaru deleted the billing queue after verifying no consumer was attached.",
        ],
        [
            "Priya reviewed no tests before approving the migration.",
            "Arjun checked nothing and pushed the config to prod.",
        ],
    ),
    # "None of this was her fault": a subject "none" or "nothing" denies the blame noun
    # (rule 16); a partial or positive subject, or a clause of its own, keeps it
    "none-denial": (
        [
            "None of it was Marta's fault, the dashboard was lying to everyone.",
            "Nothing in this incident was the reviewer's mistake; the diff hid the change.",
            "Honestly none of that was my fault, the deploy tool picked the wrong region.",
        ],
        [
            "All of this was the on-call engineer's fault.",
            "Most of it was Marta's fault, she skipped the checks.",
            "None of the alerts fired, and it was the reviewer's mistake to approve the diff.",
        ],
    ),
}

CASES = [(name, text, False) for name, (silent, _) in CLASSES.items() for text in silent] + [
    (name, text, True) for name, (_, flagged) in CLASSES.items() for text in flagged]


@pytest.mark.parametrize("name, text, flagged", CASES, ids=[f"{c[0]}-{'B' if c[2] else 'N'}{i}" for i, c in enumerate(CASES)])
def test_class(linter: Linter, name: str, text: str, flagged: bool) -> None:
    found = blame(linter, text)
    assert bool(found) == flagged, f"{name}: {text!r} -> {[(f.rule, f.message) for f in found]}"
