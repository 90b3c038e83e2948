"""Rewrite round rewrite28: news prose that reports an act, and a cause said as a
person's act (rewrite/reporter_frame.py, rewrite/quoted_object.py, the passive-agent
branch of rewrite/__init__.py). Each with a near miss. Every sentence here was written
for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter

OFFERED = [
    # the reporter stays the subject of the frame; the reported act goes agentless
    pytest.param("The page storm was caused by someone clicking the test button, the director said.",
                 "The page storm was caused by the test button being clicked, the director said.", id="frame-after"),
    pytest.param("The outage was caused by a junior engineer deleting the routing table, the chief said.",
                 "The outage was caused by the routing table being deleted, the chief said.", id="role-reporter"),
    # a reduced relative "caused by X V-ing Y": the act stands for the agent
    pytest.param("The page storm was a spurious alert caused by someone clicking the test button.",
                 "The page storm was a spurious alert caused by the test button being clicked.", id="reduced-relative"),
    pytest.param("The page storm was a spurious alert caused by an operator who restarted the primary.",
                 "The page storm was a spurious alert caused by the primary being restarted.", id="reduced-relative-who"),
    # the object's quotation marks move with it
    pytest.param("The page storm was caused by an operator clicking the “test alert” button.",
                 "The page storm was caused by the “test alert” button being clicked.", id="quoted-object"),
    # a comma set inside the closing mark: the mark goes with the words, the comma after the passive
    pytest.param("The page storm was a spurious alert caused by someone clicking the “wrong switch,” the director said.",
                 "The page storm was a spurious alert caused by the “wrong switch” being clicked, the director said.",
                 id="comma-inside-quote"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    # near miss: "admitted" keeps the speaker owning the act; no reporter frame
    pytest.param("The director admitted an operator had restarted the primary.", id="admitted-frame"),
    # near miss: a cause with no act of its own is lost with the participle: refused
    pytest.param("The page storm was a spurious alert caused by someone panicking, the director said.", id="cause-without-act"),
    # near miss: the quotation spans the act, not its object: it would be cut in two
    pytest.param("The page storm was caused by someone 'clicking the wrong switch'.", id="quoted-act"),
])
def test_refused(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


def test_another_person_in_the_report_still_refused(linter: Linter) -> None:
    # near miss: the reporter is excused, another person acting inside the report is not
    got = suggestions(linter, "The director said that the intern deleted the tables and the contractor restarted the primary.")
    assert not any("contractor restarted" in s for s in got), got


WHOEVER = [
    pytest.param("A contractor told reporters that whoever ran the migration managed to drop the billing tables.",
                 "A contractor told reporters that the billing tables were dropped during the migration.", id="managed-to"),
    pytest.param("The vendor told us that whoever ran the upgrade managed to wipe the job tables so that the nightly exports failed.",
                 "The vendor told us that the job tables were wiped during the upgrade so that the nightly exports failed.",
                 id="with-result"),
]


@pytest.mark.parametrize("sentence, expected", WHOEVER)
def test_reported_whoever_operation(linter: Linter, sentence: str, expected: str) -> None:
    # (rewrite28, whoever_act.whoever_during) the operation says when the damage was done
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    # near miss: "wrote the script" is no operation the damage was done during
    pytest.param("A contractor said that whoever wrote the script dropped the billing tables.", id="not-an-operation"),
    # near miss: a time of the person's act would be lost: refused
    pytest.param("A contractor said that whoever ran the migration at noon dropped the billing tables.", id="more-said"),
])
def test_reported_whoever_refused(linter: Linter, sentence: str) -> None:
    assert not any("during" in s for s in suggestions(linter, sentence))


def test_whoever_at_the_start_keeps_its_gerund(linter: Linter) -> None:
    # near miss: at the start of a sentence the act is said as the subject, as before
    assert suggestions(linter, "Whoever ran the migration dropped the billing tables.") == [
        "Running the migration dropped the billing tables."]


MISTAKES = [
    pytest.param('I made a mistake to click "Deploy" before the build finished.',
                 '"Deploy" was mistakenly clicked before the build finished.', id="quoted-object"),
    pytest.param('I made a mistake to select "Deploy" in the "Tags" tab before the build finished.',
                 '"Deploy" was mistakenly selected in the "Tags" tab before the build finished.', id="second-quote-stays"),
]


@pytest.mark.parametrize("sentence, expected", MISTAKES)
def test_owned_mistake_with_quoted_object(linter: Linter, sentence: str, expected: str) -> None:
    # (rewrite28, owned_mistake + quoted_object.quotes_stay_paired) the marks move with the object
    assert expected in suggestions(linter, sentence)


def test_owned_mistake_quote_over_the_act_refused(linter: Linter) -> None:
    # near miss: the quotation holds the verb too: a passive would cut it in two
    assert suggestions(linter, 'Rui made a mistake to "hit Deploy" before the build finished.') == []


PLACES = [
    pytest.param("The faulty order was entered by a trader at the Osaka desk.",
                 "The faulty order was entered at the Osaka desk.", id="passive"),
    pytest.param("The bad orders were entered by two traders in the Osaka office.",
                 "The bad orders were entered in the Osaka office.", id="plural-in"),
]


@pytest.mark.parametrize("sentence, expected", PLACES)
def test_agent_place_kept(linter: Linter, sentence: str, expected: str) -> None:
    # (rewrite28, agent_place.py) where the removed agent was stays with the act
    assert expected in suggestions(linter, sentence)


def test_agent_place_with_a_verdict_refused(linter: Linter) -> None:
    # near miss: a verdict on the work is still said ("botched"): no rewrite from the place
    got = suggestions(linter, "Back in 2019, a botched order entered by a trader at the Osaka desk triggered a halt.")
    assert not any("botched" in s for s in got), got


def test_reporter_of_their_own_act_is_not_kept(linter: Linter) -> None:
    # near miss: "he" in what the reporter says may be the reporter: the frame would keep
    # the doer, so the report is said from its recipient (rewrite/reported.py), never as
    # "The technician told the board that ..."
    got = suggestions(linter, "The technician told the board that he unplugged the wrong rack.")
    assert not any(s.startswith("The technician told") for s in got), got


def test_lapse_given_as_reason_goes_agentless(linter: Linter) -> None:
    # (rewrite28, reason_lapse.py) the act and its lapse reason both without the person
    assert "The primary was restarted because the warning banner was not noticed." in suggestions(
        linter, "The operator restarted the primary because she failed to notice the warning banner.")


@pytest.mark.parametrize("sentence", [
    # near misses: more said of the person than the lapse ("carefully", a pronoun object),
    # and a wish, which is no lapse
    pytest.param("The technician unplugged the live rack because he failed to read it carefully.", id="more-said"),
    pytest.param("The technician unplugged the live rack because he wanted to leave early.", id="wish"),
])
def test_lapse_reason_refused(linter: Linter, sentence: str) -> None:
    assert not any("not" in s for s in suggestions(linter, sentence))
