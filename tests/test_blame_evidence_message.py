"""A person-subject finding quotes its evidence words run by run, so the message reads:
'("bad config", "broke")', never the two words glued together ('"bad broke"')."""
from __future__ import annotations

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _message(linter: Linter, text: str) -> str:
    found = [f for f in linter.lint(text, format="text").findings if f.rule == "blame.person-subject"]
    assert found, text
    return found[0].message


def test_separate_evidence_words_are_quoted_apart(linter: Linter) -> None:
    msg = _message(linter, "Tomasz pushed a bad manifest and broke checkout.")
    assert '"bad manifest", "broke"' in msg, msg
    assert '"bad broke"' not in msg


def test_the_clause_shown_keeps_the_second_verbs_object(linter: Linter) -> None:
    msg = _message(linter, "Tomasz pushed a bad manifest and broke checkout.")
    assert msg.startswith('"Tomasz pushed a bad manifest and broke checkout"'), msg


def test_one_adjacent_run_stays_one_quote(linter: Linter) -> None:
    # near miss: a single judged object is one quoted phrase, no comma-separated list
    msg = _message(linter, "Tomasz deployed the wrong manifest.")
    assert '("wrong manifest")' in msg, msg


def test_a_modifier_is_quoted_with_its_noun_and_an_adverb_with_its_preposition(linter: Linter) -> None:
    msg = _message(linter, "Somebody on the ops team restarted the primary during peak traffic.")
    assert '("peak traffic")' in msg and "during peak traffic\"" in msg, msg
    msg = _message(linter, "Rather than waiting for approval, Siddharth merged straight to main.")
    assert '("Rather than")' in msg, msg


def test_the_clause_shown_ends_with_the_judged_noun(linter: Linter) -> None:
    msg = _message(linter, "Tomasz ran the cleanup script on the wrong cluster.")
    assert msg.startswith('"Tomasz ran the cleanup script on the wrong cluster"'), msg
