"""Rewrite round rewrite24: a lapse on a thing ("neglected the pump inspections", "forgot
the WHERE clause", "one developer's forgotten semicolon") said as what it left, by the
kind of thing (rules/rewrites.yaml lapse_things); a thing of neither kind still gets no
rewrite that keeps "forgotten". Each with a near miss. Every sentence here was written
for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter


OFFERED = [
    pytest.param("The night shift neglected the pump inspections for most of March.",
                 "The pump inspections were not carried out for most of March.", id="neglected-operation"),
    pytest.param("Oren forgot the WHERE clause on the purge query.", "The WHERE clause on the purge query was left out.",
                 id="forgot-part"),
    pytest.param("How one contractor's forgotten comma broke the billing export for a week",
                 "How a missing comma broke the billing export for a week", id="possessive-forgotten-part"),
    pytest.param("Intern's Forgotten Certificate Renewal Takes Clinic Portal Offline",
                 "A Missed Certificate Renewal Takes Clinic Portal Offline", id="headline-forgotten-operation"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    "Oren forgot the badge at home.",  # near miss: a thing neither due nor a part: nothing to say it was
    "Mireille's forgotten laptop held the only copy of the signing key.",
])
def test_other_things_keep_no_lapse(linter: Linter, sentence: str) -> None:
    got = suggestions(linter, sentence)
    assert not any(w in s.lower() for s in got for w in ("forgotten", "missing", "missed", "left out", "carried out")), got


def test_neglected_to_is_still_the_undone_act(linter: Linter) -> None:
    # near miss: "neglected to renew" has its own verb; the act that did not happen is said
    got = suggestions(linter, "The night shift neglected to renew the certificate.")
    assert any("was not renewed" in s for s in got) and not any("carried out" in s for s in got), got
