"""A verdict with its act, reported by whoever reached it (issue 11, rewrite15,
rewrite/verdict_report.py): the reporter and its verb stay around the act said without
the person; the verdict goes. A pronoun reporter, a frame that says more than who
concluded it, and a bare verdict keep no such rewrite. Beside them, "<thing> was the fault
of <person>, who <act>" said as the act and what it led to (rewrite/verdict_who.py).

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter, suggestions  # noqa: F401 - the same helpers and fixture
from test_rewrite_fallbacks import test_near_miss as not_offered

REWRITES = [
    ("The audit concluded that Joss was at fault for deleting the ledger snapshots.",
     "The audit concluded that the ledger snapshots were deleted."),
    ("Keanu was at fault for resizing the volume during the backup, the review found.",
     "The volume was resized during the backup, the review found."),
    ("The review concluded that Ilse was responsible for the outage, since she pushed the DNS change at peak.",
     "The review concluded that the DNS change was pushed at peak, which led to the outage."),
    # the thing the fault was about is what the person's act led to
    ("The outage was the fault of the DBA, who dropped the orders table during the migration.",
     "The orders table was dropped during the migration, which led to the outage."),
    ("The data loss was the fault of Arjun, who approved a change he had not read.",
     "A change was approved without being read, which led to the data loss."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    assert expected in found[0].suggestions, found[0].suggestions
    assert clean(linter, expected)


NEAR_MISSES = [
    # (a bare verdict, "The audit concluded that Joss was at fault.", is removed since
    # rewrite26: test_a_bare_reported_verdict_is_only_removed)
    # "he" may be the person the verdict is about
    ("He concluded that Joss was at fault for deleting the ledger snapshots.", "concluded that the ledger"),
    # the act's object is a pronoun: what was signed off, the sentence does not say
    ("The outage was the fault of the change approver, who signed it off without reading it.", None),
    # the thing judged holds a person: the rewrite would still name them
    ("Ravi's outage was the fault of the DBA, who dropped the orders table.", "which led to"),
    # the frame says more than who concluded it: "last week" would go or dangle
    ("The audit concluded last week that Joss was at fault for deleting the ledger snapshots.", "concluded that the ledger"),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    not_offered(linter, sentence, banned)


def test_a_bare_reported_verdict_is_only_removed(linter: Linter) -> None:
    # (rewrite26, rewrite/verdict_topic.py) nothing was done that the sentence says: no act
    # is restated, the sentence goes
    assert suggestions(linter, "The audit concluded that Joss was at fault.") == [""]
