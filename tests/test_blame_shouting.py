"""Sentences in capitals and title-case headlines are read from a sentence-case copy
(checks/blame/shouting.py)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lint_service import Linter
from lint_service.checks.blame.shouting import case_copy


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def blame(linter: Linter, text: str) -> list:
    return [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["THE", "İSTANBUL", "I", "DROPPED", "ß", "Payroll", "Ǆ", "-", "LOL", "ﬁ", "42", ","]), min_size=3, max_size=12))
def test_case_copy_keeps_every_offset(linter: Linter, words: list[str]) -> None:
    doc = linter.parser.parse([" ".join(words)])[0]
    for sent in doc.sents:
        copy = case_copy(sent)
        if copy is not None:
            assert len(copy) == len(sent.text)
            assert [c.isspace() for c in copy] == [c.isspace() for c in sent.text]


def test_case_copy_keeps_i_first_letter_and_headline_names(linter: Linter) -> None:
    shout = next(linter.parser.parse(["OK I BROKE THE BUILD, I'M SORRY"])[0].sents)
    assert case_copy(shout) == "Ok I broke the build, I'm sorry"
    title = next(linter.parser.parse(["Intern Blamed For Initech Payroll Outage"])[0].sents)
    assert case_copy(title) == "Intern blamed for Initech payroll outage"
    plain = next(linter.parser.parse(["We moved the DNS TTL to 60s."])[0].sents)
    assert case_copy(plain) is None


@pytest.mark.parametrize(("positive", "near_miss"), [
    ("THE NEW GUY DROPPED THE ORDERS TABLE LOL", "THE NEW GUY RESTORED THE ORDERS TABLE LOL"),
    ("ENGINEER FIRED AFTER DELETING CUSTOMER DATA", "ENGINEER HIRED AFTER MIGRATING CUSTOMER DATA"),
    ("Intern Blamed For Acme Payroll Email Mixup Gets Support Online",
     "Intern Praised For Acme Payroll Email Fix Gets Support Online"),
])
def test_read_from_the_copy(linter: Linter, positive: str, near_miss: str) -> None:
    found = blame(linter, positive)
    assert [(f.start, f.end) for f in found] == [(0, len(positive))]
    assert not found[0].suggestions  # no rewrite is built from the copy's tokens
    assert not blame(linter, near_miss)


@pytest.mark.parametrize("headline, expected", [
    ("On-Call Engineer Slept Through Pager During Payments Meltdown", "Pager Went Unanswered During Payments Meltdown"),
    ("Admin Deletes Production Database Before Backup Finishes", "Production Database Deleted Before Backup Finishes"),
])
def test_a_headline_read_from_its_copy_gets_a_rewrite_in_title_case(linter: Linter, headline: str, expected: str) -> None:
    found = blame(linter, headline)
    assert found and list(found[0].suggestions) == [expected]


def test_recased_follows_the_original_case() -> None:
    from lint_service.checks.blame.shouting import recased
    from lint_service.nlp import load_pipeline, read_pipeline_spec

    nlp = load_pipeline(read_pipeline_spec())
    headline = next(nlp("Intern Deletes Payroll Database During Audit").sents)
    assert recased("The payroll database was deleted during the audit", headline) == \
        "The Payroll Database Was Deleted During the Audit"
    # near miss: a shouted sentence's rewrite stays in the copy's sentence case
    shouted = next(nlp("I DELETED THE PAYROLL DATABASE DURING THE AUDIT").sents)
    assert recased("The payroll database was deleted during the audit", shouted) == \
        "The payroll database was deleted during the audit"
