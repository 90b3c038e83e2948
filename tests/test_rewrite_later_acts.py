"""The person's act in a clause the rewrite used to miss or mishandle (rewrite22): a
later act left hanging on the passive's subject, a verdict said of a person whose "who"
clause holds the act, and the message of an act whose fault is a clause about a thing.
Our own sentences throughout."""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.rewrite.dangling_act import dangling_act
from lint_service.rewrite.verify import Original

from rewrite_support import applied, first_sentence


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _blame(linter: Linter, text: str):
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert found, f"{text!r}: no blame finding"
    return found[0]


def test_a_later_act_with_no_object_is_not_left_to_the_thing(linter: Linter) -> None:
    # "The old index was dropped, then left for the weekend" would say the index left
    assert applied(linter, "The DBA dropped the old index, then left for the weekend.") == []


def test_later_acts_with_objects_of_their_own_stay_rewritten(linter: Linter) -> None:
    # near miss: each half passivises with its own object, nothing hangs
    assert applied(linter, "Bruno wrote the cleanup job, tested it on a copy, and ran it on the live cluster.") == [
        "The cleanup job was written, tested on a copy, and run on the live cluster."]


@pytest.mark.parametrize("sentence", [
    "Greta dropped the cache table, then recreated it from the dump.",  # a later act with its own object
    "I misread the graph at first, then saw the real spike.",  # the first verb parsed as a noun once passive
])
def test_a_later_act_with_an_object_of_its_own_is_not_given_to_the_thing(linter: Linter, sentence: str) -> None:
    # "The cache table was dropped, then recreated it" says the table recreated itself
    assert not any(", then" in s for s in applied(linter, sentence)), applied(linter, sentence)


def test_a_second_act_made_passive_with_the_first_stays_rewritten(linter: Linter) -> None:
    # near miss: both halves are rewritten, nothing is left to the thing
    assert applied(linter, "Greta misconfigured the proxy and broke checkout.") == [
        "The proxy was misconfigured and checkout broke."]


def test_the_check_reads_the_shared_subject_not_the_words() -> None:
    orig = Original(first_sentence("The DBA dropped the old index, then left for the weekend."))
    assert dangling_act(first_sentence("The old index was dropped, then left for the weekend."), orig) == "left"
    # the departure restated by the coordination rewrite is not the act kept as written
    orig = Original(first_sentence("Wen closed the pager alert and left."))
    assert dangling_act(first_sentence("The pager alert was closed and then left unattended."), orig) is None


def test_a_who_clause_under_responsible_for_keeps_the_act_and_its_outcome(linter: Linter) -> None:
    assert applied(linter, "The analyst who resized the volume is responsible for the data loss.") == [
        "The volume was resized, which led to the data loss."]
    assert applied(linter, "The contractor who swapped the fuse was to blame for the blackout.") == [
        "The fuse was swapped, which led to the blackout."]


def test_a_main_clause_that_says_more_than_the_verdict_keeps_no_such_rewrite(linter: Linter) -> None:
    # near miss: "must answer for it" is more than the verdict; dropping it would lose it
    assert applied(linter, "The analyst who resized the volume is responsible for the data loss and must answer for it.") == []


def test_the_message_quotes_the_act_and_gives_the_thing_clause_as_the_reason(linter: Linter) -> None:
    msg = _blame(linter, "Mireille restarted the cache cluster even though the change board had said to wait.").message
    assert msg.startswith('"Mireille restarted the cache cluster" describes a person acting the wrong way '
                          '("even though the change board had said to wait")')


def test_a_clause_about_another_person_keeps_the_message_as_it_was(linter: Linter) -> None:
    # near miss: the other clause's subject is a person, so it is part of the fault told
    msg = _blame(linter, "Mireille restarted the cache cluster before anyone had looked at the alerts.").message
    assert msg.startswith('"Mireille restarted the cache cluster before anyone had looked" describes')
