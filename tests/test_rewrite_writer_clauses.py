"""The writer's and the addressed reader's acts in chat and issue comments (issue 11,
rewrite14): the addressee's things in another clause stay definite once "you" goes
(rewrite/people.py), a fronted object closes its aside with a comma (rewrite/clause.py),
and a tool's subcommand the parser read as a clause is run as a command, a joined
clause of its own kept as written (rewrite/command_object.py).

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.rewrite.command_object import command_words
from rewrite_support import applied as suggestions
from rewrite_support import first_sentence


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def test_the_addressees_thing_in_another_clause_stays_definite(linter: Linter) -> None:
    out = suggestions(linter, "You skipped the schema upgrade, which is why your cluster won't boot.")
    assert "The schema upgrade was skipped, which is why the cluster won't boot." in out


def test_your_stays_when_someone_else_is_removed(linter: Linter) -> None:
    # the reader did not do it: "your cluster" is still the reader's, said to them
    for s in suggestions(linter, "Imani skipped the schema upgrade, which is why your cluster won't boot."):
        assert "your cluster" in s


def test_a_fronted_object_closes_its_aside(linter: Linter) -> None:
    assert "The blue volume, not the green one, was wiped." in suggestions(linter, "I wiped the blue volume, not the green one.")


def test_an_aside_naming_a_person_gets_no_closing_comma(linter: Linter) -> None:
    # "the bucket, not me, was wiped" would say the writer was not wiped: still refused
    for s in suggestions(linter, "you wiped the blue volume, not me, check the audit log"):
        assert "not me," not in s


def test_a_subcommand_read_as_a_clause_is_a_command(linter: Linter) -> None:
    out = suggestions(linter, "I accidentally ran terraform destroy in the shared workspace and it wiped every subnet.")
    assert "The command terraform destroy was accidentally run in the shared workspace and it wiped every subnet." in out


def test_a_noun_phrase_after_ran_is_no_command() -> None:
    sent = first_sentence("I ran the nightly export in the shared workspace.")
    assert command_words(sent[1]) is None
