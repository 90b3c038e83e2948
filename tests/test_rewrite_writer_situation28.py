"""Rewrite round rewrite28: the writer's present situation joined to their own act with
"and I ..." stays as written while the act goes agentless (writer_clause.writers_situation,
coordination._conjuncts). Each with a near miss. Every sentence here was written for
this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter

OFFERED = [
    pytest.param("I restarted the wrong pod and now I can't get it back.",
                 "The wrong pod was restarted and now I can't get it back.", id="ability-now"),
    pytest.param("I deleted the wrong volume and I need help restoring it.",
                 "The wrong volume was deleted and I need help restoring it.", id="need-help"),
    pytest.param("I restarted the wrong pod and I can't get it back, what do I do?",
                 "The wrong pod was restarted and I can't get it back, what do I do?", id="with-question"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_second_past_act_still_agentless(linter: Linter) -> None:
    # near miss: "and I forgot to rebuild it" is a second act (the tagger reads "forgot"
    # as present): both go agentless, the writer's "I" is not kept
    got = suggestions(linter, "I deleted the index and I forgot to rebuild it.")
    assert got and not any(" I " in f" {s} " for s in got), got


@pytest.mark.parametrize("sentence", [
    # near miss: an apology or a feeling beside the act is no situation: refused, never kept
    pytest.param("I deleted the wrong volume and I am so sorry about it.", id="apology"),
    pytest.param("I deleted the wrong volume and I feel terrible.", id="feeling"),
])
def test_feelings_not_kept(linter: Linter, sentence: str) -> None:
    got = suggestions(linter, sentence)
    assert not any("sorry" in s or "terrible" in s for s in got), got


def test_what_the_writer_is_is_no_situation(linter: Linter) -> None:
    # near miss: "I am the one who ..." says who the writer is; it is not kept beside the act
    got = suggestions(linter, "I deleted the volume and I am the one who has to fix it.")
    assert not any("I am the one" in s for s in got), got
