"""Third-person acts as news reports and blogs tell them (issue 11): every clause whose
subject is the blamed person is said without them in the same candidate
(rewrite/person_main.py, ...), and what cannot be said so stays refused.

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied as suggestions


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def test_the_main_clause_of_the_person_goes_with_their_reason_clause(linter: Linter) -> None:
    # the finding is on "because she did not check ...": the unplugging was hers too
    assert "The core switch was unplugged because the port label was not checked." in suggestions(
        linter, "The installer unplugged the core switch because she did not check the port label.")


def test_a_main_clause_of_a_thing_is_not_passivised(linter: Linter) -> None:
    # "he" cannot take back "the nightly deploy": the deploy stays the one that wiped it
    for s in suggestions(linter, "The nightly deploy wiped the cache because he did not set the keep flag."):
        assert s.startswith("The nightly deploy wiped the cache")


def test_a_main_clause_with_a_modal_keeps_the_candidate_refused(linter: Linter) -> None:
    # "would have caught" is a hindsight wish about her, not an act of hers to passivise
    for s in suggestions(linter, "The reviewer would have caught the typo if she had read the diff."):
        assert not s.startswith("The typo")


def test_a_quoted_command_the_parser_hung_elsewhere_moves_with_its_object(linter: Linter) -> None:
    # the parser hangs the quote on the main verb: it goes with "the command code" once,
    # and the place phrase after it stays after the verb
    got = suggestions(linter, 'We were deep into testing when an unnamed contractor accidentally entered the command code '
                              '"/usr/bin/rm -r -f*" in the home directory of the build server.')
    assert 'We were deep into testing when the command code "/usr/bin/rm -r -f*" was accidentally entered in the home '\
           'directory of the build server.' in got
    assert all(s.count("/usr/bin/rm") == 1 for s in got)


def test_a_command_quoted_right_after_its_object_is_unchanged(linter: Linter) -> None:
    # the quote already inside the clause's range: fronted with the object as before
    assert 'The command "rm -rf /srv/*" was accidentally typed in the home directory.' in suggestions(
        linter, 'An unnamed employee accidentally typed the command "rm -rf /srv/*" in the home directory.')


def test_a_participle_whose_only_words_were_its_agent_goes_with_them(linter: Linter) -> None:
    # "a config typo entered" would dangle; the typo alone says what was found
    assert "The outage was traced to a config typo." in suggestions(
        linter, "The outage was traced to a config typo entered by a senior operator.")


def test_a_participle_whose_agent_has_words_of_its_own_is_refused(linter: Linter) -> None:
    # "at the carrier" would go with the agent, and "A bad route pushed took ..." dangles
    assert suggestions(linter, "A bad route pushed by an engineer at the carrier took the region offline.") == []


def test_each_act_of_a_list_of_three_is_said_without_the_person(linter: Linter) -> None:
    # the finding is on the middle act; the "and" hangs on it, not on the first
    assert "The rack was unplugged, the disks were wiped and the cluster crashed." in suggestions(
        linter, "The contractor unplugged the rack, wiped the disks and crashed the cluster.")


def test_a_list_whose_first_part_is_a_belief_is_not_said_as_acts(linter: Linter) -> None:
    # "thought it was staging" is theirs, not an act on a thing: no rewrite is better
    assert suggestions(linter, "The operator thought it was staging, wiped the disks and crashed the cluster.") == []


def test_a_long_relative_clause_on_the_object_follows_the_passive_verb(linter: Linter) -> None:
    # fronted whole, the act would come after fourteen words; the bracket stays whole with it
    assert "Last week a bug was pushed that made the signup page of every regional store silently fail (due to a typo)." in suggestions(
        linter, "Last week someone pushed a bug that made the signup page of every regional store silently fail (due to a typo).")


def test_a_short_relative_clause_stays_with_its_object(linter: Linter) -> None:
    assert "The table that held the invoices was deleted." in suggestions(linter, "The intern deleted the table that held the invoices.")


def test_a_when_clause_on_a_noun_is_a_clause_of_its_own(linter: Linter) -> None:
    # "when" leads a clause with its own subject: the outage keeps its "when"
    assert "We had an outage when the VLAN was changed on the wrong port." in suggestions(
        linter, "We had an outage when an engineer changed the VLAN on the wrong port.")


def test_a_when_clause_whose_person_was_doing_something_else_is_refused(linter: Linter) -> None:
    # "debugging a stuck job" is what the engineer was doing: it would go with them
    assert suggestions(linter, "We had an outage when an engineer, debugging a stuck job, changed the VLAN on the wrong port.") == []


def test_a_who_clause_on_a_noun_stays_refused(linter: Linter) -> None:
    # the noun is the clause's subject: a passive would leave "the worker" without its clause
    assert suggestions(linter, "The clerk who deleted the wrong ledger feels terrible.") == []


def test_a_clause_joined_after_with_the_persons_pronoun_goes_too(linter: Linter) -> None:
    # "he" takes back the contractor: his second act is said without him, "then" kept
    assert "The wrong rack was unplugged, and then the disks were wiped." in suggestions(
        linter, "The contractor unplugged the wrong rack, and then he wiped the disks.")


def test_the_clause_before_a_pronoun_clause_goes_too(linter: Linter) -> None:
    # the finding is on the second clause; its "she" is the one who restarted the primary
    assert "The primary was restarted, and the replica was then dropped by mistake." in suggestions(
        linter, "Marta restarted the primary, and she then dropped the replica by mistake.")


def test_a_joined_clause_with_a_person_as_object_keeps_the_candidate_refused(linter: Linter) -> None:
    # "did not tell anyone" has no thing to become the subject: its "she" stays, and refuses
    assert suggestions(linter, "The intern deleted the bucket, and she did not tell anyone.") == []


def test_a_full_stop_inside_the_closing_quote_stays_at_the_end(linter: Linter) -> None:
    # the quoted object is fronted: the sentence's full stop does not go with it
    assert "Officials said the outage began after a “bad route” was pushed." in suggestions(
        linter, "Officials said the outage began after a contractor pushed a “bad route.”")


def test_a_comma_inside_a_quote_mid_sentence_is_refused(linter: Linter) -> None:
    # "a “bad route,” was pushed a spokesman said" would run the attribution into the act
    for s in suggestions(linter, "The outage began after a contractor pushed a “bad route,” a spokesman said."):
        assert ",” was" not in s


def test_what_the_removed_person_was_doing_is_kept_as_a_while_clause(linter: Linter) -> None:
    # "debugging a stuck job" went with the engineer before: a fact lost
    assert "The VLAN was changed on the wrong port while a stuck job was being debugged." in suggestions(
        linter, "An engineer, debugging a stuck job, changed the VLAN on the wrong port.")
    # a mass noun agrees in the singular
    assert "The outage began after a bad route was pushed while data about a freight order was being entered." in suggestions(
        linter, "The outage began after a clerk entering data about a freight order pushed a bad route.")


def test_a_participle_that_only_tells_which_person_goes_with_them(linter: Linter) -> None:
    # the clause names the change again: "creating the change" only said which developer
    assert "The risk of a bug in the change was not checked." in suggestions(
        linter, "The developer creating the change forgot to check the risk of a bug in the change.")
