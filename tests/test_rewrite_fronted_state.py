"""A fronted adjective or participle said of the removed person (rewrite/fronted_state.py):
passivising the main clause would leave it describing the thing ("Eager to finish, the
canary was skipped"), so the repair drops it with the person, and refuses when the rest
would lose what its pronoun pointed at. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied, first_sentence
from lint_service.rewrite.fronted_state import without_fronted_state


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Eager to finish, Omar skipped the canary.", "The canary was skipped."),
    ("Distracted by the demo, Omar skipped the canary.", "The canary was skipped."),
    ("Unaware of the replica, the DBA dropped the table.", "The table was dropped."),
])
def test_dropped_with_the_person(linter: Linter, sentence: str, expected: str) -> None:
    assert applied(linter, sentence) == [expected]


def test_time_lead_is_kept(linter: Linter) -> None:
    # an adverb of time is not the person's state: it stays
    assert applied(linter, "Late on Friday, Omar skipped the canary.") == ["Late on Friday, the canary was skipped."]


def test_refused_when_a_pronoun_pointed_into_the_phrase(linter: Linter) -> None:
    # "it" was the script: "It was run on prod." would say nothing of which
    assert applied(linter, "Confident in the script, Omar ran it on prod.") == []


def test_no_fronted_phrase_is_no_edit() -> None:
    assert without_fronted_state(first_sentence("The canary was skipped late on Friday.")) is None
