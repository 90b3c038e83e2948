"""First-person confessions as forum posts and issue comments tell them (issue 11,
rewrite17): the writer's frame of finding out or asking for help goes once the act is
agentless (rewrite/writer_frame.py), a lead phrase that only judges goes whole
(rewrite/loaded_words.py), "the mistake of <-ing>" is the act (rewrite/owned_mistake.py),
a second act that says "I" again is said the same way (rewrite/coordination.py), going
ahead with a thing is said of the thing (rewrite/went_ahead.py), and a lapse told as the
result of the writer's state is said alone (rewrite/result_clause.py).

Every sentence here was written for this file. Each construction has a true positive and
a near miss that must keep the old outcome.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied as suggestions


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# -- the writer's frame of finding out (a fact) -----------------------------------------

def test_a_realisation_frame_goes_and_its_clause_stays(linter: Linter) -> None:
    out = suggestions(linter, "I've just noticed that I forgot to bump the schema version after the rename.")
    assert "The schema version was not bumped after the rename." in out


def test_a_negated_realisation_is_not_dropped(linter: Linter) -> None:
    # "I never realised that ..." turns the finding out over: it is no frame to drop
    for s in suggestions(linter, "I never noticed that I had accidentally revoked the deploy credentials."):
        assert not s.startswith("The deploy credentials had been")


def test_a_belief_frame_is_not_dropped_as_a_fact(linter: Linter) -> None:
    # "I suspect that ..." is a guess: without it the guess would read as what happened
    for s in suggestions(linter, "I suspect that I revoked the deploy credentials by accident."):
        assert not s.startswith("The deploy credentials were")


# -- a question of the writer's after the act -------------------------------------------

def test_a_help_question_of_the_writers_is_cut_off(linter: Linter) -> None:
    out = suggestions(linter, "I accidentally wiped the shared cache volume, how can I get it back?")
    assert "The shared cache volume was accidentally wiped." in out


def test_a_question_nobody_asks_as_the_writer_stays(linter: Linter) -> None:
    out = suggestions(linter, "I accidentally wiped the shared cache volume, is there any way to restore it?")
    assert "The shared cache volume was accidentally wiped, is there any way to restore it?" in out


def test_a_question_holding_a_number_is_not_cut(linter: Linter) -> None:
    # the number only the question said would be lost with it
    for s in suggestions(linter, "I accidentally wiped the shared cache volume, can I restore the 3 snapshots?"):
        assert "3" in s


# -- a lead that only judges -------------------------------------------------------------

def test_a_judging_lead_phrase_goes_whole(linter: Linter) -> None:
    out = suggestions(linter, "In a careless moment I purged the billing queue.")
    assert "The billing queue was purged." in out


def test_a_lead_phrase_with_a_fact_is_not_dropped(linter: Linter) -> None:
    # "instead of the replica" would go with it: the lead stays, and so does the refusal
    for s in suggestions(linter, "In a careless moment instead of restarting the replica I restarted the primary."):
        assert "instead of" in s


# -- the mistake of doing it -------------------------------------------------------------

def test_the_mistake_of_an_act_is_the_act(linter: Linter) -> None:
    out = suggestions(linter, "I made the mistake of restarting the broker during the reindex.")
    assert "The broker was mistakenly restarted during the reindex." in out


def test_a_bare_mistake_keeps_no_rewrite(linter: Linter) -> None:
    # no rewrite says "a mistake was made"; since rewrite30 ("made" a frame of a bare
    # verdict, rules/rewrites.yaml verdict_only) the one suggestion is the sentence's removal
    assert suggestions(linter, "I made the mistake this time.") == [""]


# -- several acts, each saying "I" ------------------------------------------------------

def test_every_act_that_says_i_again_is_agentless(linter: Linter) -> None:
    out = suggestions(linter, "I dropped the search index and I forgot to rebuild it.")
    assert "The search index was dropped and was not rebuilt." in out


def test_a_clause_of_the_team_is_not_taken_for_the_writers(linter: Linter) -> None:
    # "we" rebuilt it: another subject, kept as written, never made agentless
    for s in suggestions(linter, "I dropped the search index, and we rebuilt it within the hour."):
        assert "we rebuilt it" in s


# -- going ahead, as the second act ------------------------------------------------------

def test_going_ahead_with_a_thing_is_said_of_the_thing(linter: Linter) -> None:
    out = suggestions(linter, "I misread the lag graph and went ahead with the failover.")
    assert "The lag graph was misread and the failover went ahead." in out


def test_going_ahead_with_a_pronoun_gets_no_half(linter: Linter) -> None:
    # "went ahead with it": no thing of its own to be the subject
    assert not any("it went ahead" in s.lower() for s in suggestions(linter, "I misread the lag graph and went ahead with it."))


# -- a lapse as the result of the writer's state ----------------------------------------

def test_a_result_of_the_writers_state_is_said_alone(linter: Linter) -> None:
    out = suggestions(linter, "I was so absorbed in the cutover that I forgot to renew the signing key.")
    assert "The signing key was not renewed." in out


def test_a_true_relative_clause_is_no_result(linter: Linter) -> None:
    # no "so" before the noun: "the cutover that I forgot to finish" is about the cutover
    for s in suggestions(linter, "I was absorbed in the cutover that I forgot to finish."):
        assert not s.startswith("The cutover was not finished")


# -- an intensified judgement beside another adverb -------------------------------------

def test_an_intensified_judgement_goes_with_its_intensifier(linter: Linter) -> None:
    out = suggestions(linter, "I accidentally, and really stupidly, purged the shared render queue.")
    assert "The shared render queue was accidentally purged." in out


def test_an_intensifier_alone_is_no_judgement(linter: Linter) -> None:
    # "really" grades nothing the rewrite drops here: the act's own adverb stays
    out = suggestions(linter, "I really accidentally purged the shared render queue.")
    assert not any(s == "The shared render queue was purged." for s in out)


# -- the progressive of an act in progress ----------------------------------------------

def test_an_act_in_progress_keeps_its_aspect(linter: Linter) -> None:
    out = suggestions(linter, "I was reindexing the archive shards and accidentally deleted the live alias.")
    assert "The archive shards were being reindexed and the live alias was accidentally deleted." in out


def test_a_finished_act_stays_simple_past(linter: Linter) -> None:
    out = suggestions(linter, "I reindexed the archive shards and accidentally deleted the live alias.")
    assert "The archive shards were reindexed and the live alias was accidentally deleted." in out


# -- how the writer had a thing, beside the act -----------------------------------------

def test_a_held_state_of_the_writers_is_the_things(linter: Linter) -> None:
    out = suggestions(linter, "I accidentally tagged the release while I still had the migration guide open.")
    assert "The release was accidentally tagged while the migration guide was still open." in out


def test_having_a_thing_without_a_state_stays_refused(linter: Linter) -> None:
    # "while I had a call": no state of a thing to say; the writer's clause refuses the candidate
    assert suggestions(linter, "I accidentally tagged the release while I had a call.") == []
