"""Rewrite round rewrite28: the writer's guess about their own act keeps its hedge when
the act goes agentless ("seem to have", rewrite/raised_hedge.py; "must have", the guess
branch of rewrite/__init__.py). Each with a near miss. Every sentence here was written
for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter

OFFERED = [
    pytest.param("I seem to have deleted the staging bucket.", "The staging bucket seems to have been deleted.", id="seem"),
    pytest.param("I seemed to have lost the lock files.", "The lock files seemed to have been lost.", id="seemed-plural"),
    pytest.param("I seem to have broken it.", "It seems to have been broken.", id="pronoun-object"),
    pytest.param("I must have restarted the wrong pod.", "The wrong pod must have been restarted.", id="must-have"),
    pytest.param("I must have checked the dashboard before lunch.", "The dashboard must have been checked before lunch.",
                 id="must-have-time"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    # near miss: the hedge has a word of its own ("really"): the plain passive that drops
    # "seem" said the guess as a fact, and is refused
    pytest.param("I really seem to have deleted the staging bucket.", id="hedge-with-adverb"),
    # near miss: "something" is no object a passive can start with: the hedge is not dropped for it
    pytest.param("I seem to have broken something.", id="indefinite-object"),
    # near miss: "could have" is as often what should have been done: no guess is made
    pytest.param("I could have checked the rollout plan.", id="could-have"),
])
def test_no_guess_said_as_fact(linter: Linter, sentence: str) -> None:
    got = suggestions(linter, sentence)
    assert not any(("seem" not in s and "must" not in s) for s in got), got


def test_headline_keeps_how_it_happened(linter: Linter) -> None:
    # (rewrite28, headline.py) "accidentally" is how it happened, kept by the participle
    assert suggestions(linter, "Contractor accidentally deletes city payroll database") == [
        "City payroll database accidentally deleted"]


def test_headline_drops_a_judgement_adverb(linter: Linter) -> None:
    # near miss: "carelessly" judges the doer and goes with them
    # (rewrite30) the headline is no longer read closed in the next round (closed_round.py),
    # so it comes back as a headline's bare participle, not "... is deleted"
    assert suggestions(linter, "Contractor carelessly deletes city payroll database") == [
        "City payroll database deleted"]


def test_hedge_keeps_how_it_happened(linter: Linter) -> None:
    # (rewrite28) "accidentally" between "to have" and the participle stays with it
    assert suggestions(linter, "I seem to have accidentally deleted the staging bucket.") == [
        "The staging bucket seems to have been accidentally deleted."]


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("The outage was caused by someone not renewing the certificate.",
                 "The outage was caused by the certificate not being renewed.", id="not"),
    pytest.param("The outage was caused by someone never renewing the certificate.",
                 "The outage was caused by the certificate never being renewed.", id="never"),
])
def test_cause_keeps_its_negation(linter: Linter, sentence: str, expected: str) -> None:
    # (rewrite28, relative.agent_act_parts) was offered as "... the certificate being renewed"
    assert suggestions(linter, sentence) == [expected]
