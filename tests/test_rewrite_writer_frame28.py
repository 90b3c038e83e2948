"""Rewrite round rewrite28: the writer's "Let me explain how ..." frame keeps its "me"
while the act it tells of goes agentless (writer_clause._lets_writer_tell), and a
"by + -ing" phrase the rewrite left on its own doer is no dangling one
(verify._by_gerund_as_written). Each with a near miss. Every sentence here was written
for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture
from rewrite_support import first_sentence

from lint_service import Linter
from lint_service.rewrite.verify import Original, problems

OFFERED = [
    pytest.param("Let me explain how I wiped a staging cluster.", "Let me explain how a staging cluster was wiped.", id="explain"),
    pytest.param("Let me begin by explaining how I wiped a staging cluster.",
                 "Let me begin by explaining how a staging cluster was wiped.", id="start-by-telling"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_let_me_as_an_act_is_no_frame(linter: Linter) -> None:
    # near miss: "let me delete ..." offers the act itself, not a telling of it
    assert suggestions(linter, "Let me delete the staging cluster again.") == []


def test_by_gerund_on_a_new_subject_still_dangles() -> None:
    # near miss: the rewrite made the thing the subject; the "-ing" has no doer now
    orig = Original(first_sentence("I broke the build by committing a stale lockfile."), pronouns=frozenset({"i", "me", "my"}))
    found = problems(first_sentence("The build broke by committing a stale lockfile."), orig)
    assert "dangling 'by + -ing'" in found, found


def test_by_gerund_on_its_own_doer_is_kept() -> None:
    orig = Original(first_sentence("Let me begin by explaining how I wiped a staging cluster."),
                    pronouns=frozenset({"i", "me", "my"}))
    found = problems(first_sentence("Let me begin by explaining how a staging cluster was wiped."), orig)
    assert "dangling 'by + -ing'" not in found, found
