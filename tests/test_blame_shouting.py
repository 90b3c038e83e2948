"""Sentences in capitals are read from a sentence-case copy (checks/blame/shouting.py)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from lint_service import Linter
from lint_service.checks.blame.shouting import sentence_case


@given(st.text())
def test_sentence_case_keeps_every_offset(text: str) -> None:
    copy = sentence_case(text)
    assert len(copy) == len(text)
    assert [c.isspace() for c in copy] == [c.isspace() for c in text]


def test_sentence_case_keeps_i_and_first_letter() -> None:
    assert sentence_case("OK I BROKE THE BUILD, I'M SORRY") == "Ok I broke the build, I'm sorry"


def test_shouted_blame_found_once_without_rewrite_from_the_copy() -> None:
    linter = Linter()
    text = "THE NEW GUY DROPPED THE ORDERS TABLE LOL"  # the tagger reads this one only in sentence case
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert [(f.rule, f.start, f.end) for f in found] == [("blame.person-subject", 0, len(text))]
    assert not found[0].suggestions
    calm = "THE NEW GUY RESTORED THE ORDERS TABLE LOL"
    headline = "ENGINEER FIRED AFTER DELETING CUSTOMER DATA"
    assert [f.rule for f in linter.lint(headline, format="text").findings if f.rule.startswith("blame.")] == ["blame.judgement"]
    assert not [f for f in linter.lint(calm, format="text").findings if f.rule.startswith("blame.")]
