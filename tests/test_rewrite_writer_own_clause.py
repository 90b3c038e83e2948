"""The writer's own later clause keeps its "I" (issue 11, rewrite25): once the writer is
gone as the doer of the act, a clause of theirs beside it that says nothing of the fault
(their present situation, question or request, or a time clause that only places them)
still has the writer as its antecedent (rewrite/writer_clause.py, repair's last resort).
Another act of the same fault, a reason, a confession or a clause that frames the
rebuilt act is still refused.

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.rewrite.text import phrasing
from rewrite_support import applied as suggestions


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# -- kept: the writer's situation, question, request, or place in time ------------------

def test_a_present_inability_and_a_question_keep_their_i(linter: Linter) -> None:
    out = suggestions(linter, "I wiped the staging bucket by accident, now I can't restore the fixtures, can someone help?")
    assert "The staging bucket was wiped by accident, now I can't restore the fixtures, can someone help?" in out


def test_a_time_clause_about_the_writer_is_not_kept(linter: Linter) -> None:
    # with the writer gone from the act it reads as a timestamp (blind round 18: poor)
    for s in suggestions(linter, "I dropped a staging schema when I was a junior developer."):
        assert "when I was" not in s


# -- refused: another act, a reason, a confession, a verdict ---------------------------

def test_another_act_of_the_writer_is_still_refused(linter: Linter) -> None:
    for s in suggestions(linter, "I deleted the release branch and I didn't tell anyone."):
        assert " I " not in s


def test_a_reason_of_the_writer_is_still_refused(linter: Linter) -> None:
    for s in suggestions(linter, "I dropped the orders index because I was tired."):
        assert "I was tired" not in s


def test_a_state_in_a_time_clause_is_no_place(linter: Linter) -> None:
    # "when I was tired" explains the act: it is not kept with its "I"
    for s in suggestions(linter, "I dropped the orders index when I was exhausted."):
        assert "I was exhausted" not in s


def test_a_state_said_with_a_preposition_is_no_place(linter: Linter) -> None:
    for s in suggestions(linter, "I dropped the orders index when I was in a hurry."):
        assert "I was in a hurry" not in s


def test_the_writers_part_in_the_incident_is_no_place(linter: Linter) -> None:
    # a definite role ("the only DBA") says why nobody else caught it
    for s in suggestions(linter, "I dropped the orders index when I was the only DBA on shift."):
        assert "I was the only DBA" not in s


def test_a_past_question_of_the_writer_is_still_refused(linter: Linter) -> None:
    for s in suggestions(linter, "I truncated the audit table, why did I run that?"):
        assert "why did I" not in s


def test_a_confession_in_the_present_is_still_refused(linter: Linter) -> None:
    for s in suggestions(linter, "I truncated the audit table, and I admit it."):
        assert "admit" not in s


def test_a_present_feeling_is_still_refused(linter: Linter) -> None:
    for s in suggestions(linter, "I truncated the audit table, and I am gutted about the lost rows."):
        assert "gutted" not in s


def test_a_verdict_on_the_writer_is_no_clause_of_theirs(linter: Linter) -> None:
    for s in suggestions(linter, "The missed release window is on me; I misread the freeze date by a week."):
        assert "on me" not in s


def test_a_clause_framing_the_rebuilt_act_is_still_refused(linter: Linter) -> None:
    # the writer's "I mean" holds the act the rewrite rebuilt: not beside it
    for s in suggestions(linter, "By 40 I mean 25 because I forgot what the first quota we asked for was."):
        assert "I mean" not in s


def test_the_word_lists_are_rule_data() -> None:
    rules = phrasing()["writer_clauses"]
    assert "can" in rules["modals"]
    assert "because" in rules["reason_marks"] and "admit" in rules["confessions"]


# -- the rule itself, on a candidate and its original -----------------------------------

def _writers(cand_text: str, orig_text: str) -> bool:
    from lint_service.rewrite.verify import Original, pronouns_of
    from lint_service.rewrite.writer_clause import writers_own
    from rewrite_support import first_sentence

    sent = first_sentence(orig_text)
    cand = first_sentence(cand_text)
    orig = Original(sent, dropped={sent[0].i}, pronouns=pronouns_of(sent[0]))
    pron = next(t for t in cand if t.lower_ == "i")
    return writers_own(pron, cand, orig)


def test_a_present_question_is_the_writers_own() -> None:
    assert _writers("The audit table was truncated, how do I restore it?", "I truncated the audit table, how do I restore it?")


def test_a_past_question_is_not_the_writers_own() -> None:
    assert not _writers("The audit table was truncated, why did I run that?", "I truncated the audit table, why did I run that?")


def test_a_reason_is_not_the_writers_own() -> None:
    assert not _writers("The audit table was truncated because I was rushing.", "I truncated the audit table because I was rushing.")


def test_a_clause_the_rewrite_changed_is_not_the_writers_own() -> None:
    # "my" became "the" in it: the clause is no longer as the writer wrote it
    assert not _writers("The audit table was truncated, now I can't open the dashboard.",
                        "I truncated the audit table, now I can't open my dashboard.")
