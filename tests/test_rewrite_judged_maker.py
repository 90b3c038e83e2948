"""A judged thing's maker named after "by" ("A botched migration by Ravi ...") goes with
the judgement word: dropping only the word left the person as the thing's author in a
rewrite that no longer read as blame to the checker. Sentences written for this file."""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("sentence, expected", [
    ("A botched migration by Ravi corrupted the ledger.", "A migration corrupted the ledger."),
    ("A botched migration by Ravi's team corrupted the ledger.", "A migration corrupted the ledger."),
    ("A botched migration by the contractor corrupted the ledger.", "A migration corrupted the ledger."),
])
def test_the_maker_goes_with_the_judgement(linter: Linter, sentence: str, expected: str) -> None:
    assert applied(linter, sentence) == [expected]


def test_a_thing_judged_without_a_maker_keeps_its_words(linter: Linter) -> None:
    # near miss: nothing after "by" names a person, so only the judgement word goes
    got = applied(linter, "Bungling engineers cut through the cables.")
    assert got == ["The cables were cut through."]


def test_no_rewrite_keeps_a_maker_named_after_by(linter: Linter) -> None:
    for sentence in ("The sloppy rollout by Mei took the API down.", "A careless purge by Arjun emptied the archive."):
        for got in applied(linter, sentence):
            assert "Mei" not in got and "Arjun" not in got, (sentence, got)


def test_a_bare_act_left_as_the_doer_is_refused(linter: Linter) -> None:
    # "Careless testing by the QA lead let ..." would become "Testing let ...": the act
    # itself made the doer (since rewrite15 what was let through is the subject instead:
    # tests/test_rewrite_judged_work.py)
    got = applied(linter, "Careless testing by the QA lead let a broken build into staging.")
    assert not any(g.startswith("Testing") for g in got), got
    # near miss: the judged thing keeps its determiner, so it stays a thing
    assert applied(linter, "The careless migration by Ravi corrupted the ledger.") == ["The migration corrupted the ledger."]


def test_a_rubber_stamp_keeps_what_the_verb_said(linter: Linter) -> None:
    # "approved" alone said the review happened; the verb said it did not, really
    assert applied(linter, "The reviewer rubber-stamped the schema change.") == [
        "The schema change was approved without a real review."]
