"""Rewrite round rewrite23: a trailing emoticon, emoji or chat tag no longer blocks a
rewrite; a counterfactual whose particle the parser reads as a preposition ("should have
called in the storage team"); a headline whose second half blames the doer for an
outcome. Each with a near miss. Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter
from lint_service.rewrite.chat_tail import _tail_start


OFFERED = [
    pytest.param("Ugh, shouldn't have truncated it :)", "It was truncated.", id="counterfactual-with-emoticon"),
    pytest.param("Ugh, shouldn't have truncated it (facepalm)", "It was truncated.", id="counterfactual-with-chat-tag"),
    pytest.param("The duty manager should have brought in the payments team well before noon.",
                 "The payments team was not brought in well before noon.", id="counterfactual-particle-read-as-prep"),
    pytest.param("Technician unplugs core router, blamed for citywide outage", "Unplugged core router linked to citywide outage",
                 id="headline-act-blamed-for-outcome"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("text, tail", [
    ("removed it :)", ":)"), ("removed it 😅", "😅"), ("removed it :-( 🙈", ":-( 🙈"), ("removed it *sigh*", "*sigh*"),
    ("removed it (see the ticket)", None), ("set the limit to 0.0", None), ("step 8)", None), ("removed it.", None),
])
def test_tail_found(text: str, tail: str | None) -> None:
    start = _tail_start(text)
    assert (text[start:] if start is not None else None) == tail


def test_prepositional_counterfactual_stays_without_rewrite(linter: Linter) -> None:
    # near miss: "wait for" is a prepositional verb, not a particle the parser misread;
    # "The canary was not waited for" is still not offered (tests/test_rewrites.py)
    assert suggestions(linter, "Tomasz should have waited for the smoke tests.") == []


def test_counterfactual_never_keeps_what_happened(linter: Linter) -> None:
    # near miss: "should never have called in" says the call-in happened; no "not"
    got = suggestions(linter, "The duty manager should never have brought in the payments team.")
    assert got and all(" not " not in s for s in got), got


def test_headline_blamed_by_someone_is_not_linked(linter: Linter) -> None:
    # near miss: "blamed by the regulator" names who blames, not an outcome to link the act to
    got = suggestions(linter, "Technician unplugs core router, blamed by regulator")
    assert not any("linked" in s.lower() for s in got), got
