"""Rewrite round rewrite24: a leading "As <role>, ..." that said who the removed subject
was goes with them (rewrite/role_opener.py, the repair of the verifier's role-opener
refusal). Each with a near miss. Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter


OFFERED = [
    pytest.param("As the on-call lead, Priya forgot to renew the certificate.", "The certificate was not renewed.",
                 id="role-of-named-person"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_role_that_names_a_step_of_a_check_is_not_cut(linter: Linter) -> None:
    # (rewrite29) the role's own thing and the check it missed: "There was no check" lost
    # which step missed it and said nobody checked (blind round 19: poor)
    assert suggestions(linter, "As the reviewer on that pull request, I didn't check that the migration also dropped the audit column.") == []


def test_unclosed_role_opener_is_not_cut(linter: Linter) -> None:
    # near miss: no comma closes the role, so where it ends is the parser's guess: still refused
    got = suggestions(linter, "As the reviewer on that pull request I didn't check that the migration also dropped the audit column.")
    assert not any(s.startswith(("It was not checked", "There was no check")) for s in got), got


def test_opener_that_is_no_role_stays(linter: Linter) -> None:
    # near miss: "As a precaution" describes no one; it stays in the rewrite
    got = suggestions(linter, "As a precaution, Priya forgot to renew the certificate.")
    assert got and all(s.startswith("As a precaution") for s in got), got
