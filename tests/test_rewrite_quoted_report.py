"""Rewrite round rewrite24: a quoted act followed by its reporting clause is said as
indirect speech, the act without its doer (rewrite/quoted_report.py). Each with a near
miss. Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture

from lint_service import Linter
from rewrite_support import first_sentence

from lint_service.rewrite.quoted_report import quoted_report


OFFERED = [
    pytest.param('"I restarted the primary instead of the replica," Ilse wrote in the ops channel at 02:40.',
                 "Ilse wrote in the ops channel at 02:40 that the primary was restarted instead of the replica.",
                 id="first-person-quote-wrote"),
    pytest.param('"I deleted the wrong snapshot," the operator told the review board, according to the minutes.',
                 "The operator told the review board that the wrong snapshot was deleted, according to the minutes.",
                 id="told-with-source-after"),
    pytest.param('"Frankly, Oskar just copied the wrong token," a colleague said later.',
                 "A colleague said later that the wrong token was copied.", id="named-doer-opener-dropped"),
]


@pytest.mark.parametrize("sentence, expected", OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_confession_frame_is_not_reported(linter: Linter) -> None:
    # near miss: "admitted" keeps the speaker owning the act; no indirect speech is made
    got = suggestions(linter, '"I restarted the primary instead of the replica," Ilse admitted in the ops channel.')
    assert not any("admitted that" in s for s in got), got


def test_inverted_frame_is_not_reported(linter: Linter) -> None:
    # near miss: the speaker after the verb ('wrote Ilse') has no frame to keep as written
    got = suggestions(linter, '"I restarted the primary instead of the replica," wrote Ilse in the ops channel.')
    assert not any(" that the primary" in s for s in got), got


@pytest.mark.parametrize("sentence", [
    'Ilse wrote "I restarted the primary" in the ops channel.',  # the quote inside the clause
    '"I restarted the primary." Ilse wrote it at 02:40.',  # a quote that ends its own sentence
    '"I restarted the primary," Ilse admitted.',  # a confession frame
])
def test_not_a_quoted_report(sentence: str) -> None:
    assert quoted_report(first_sentence(sentence)) is None


def test_quote_keeping_its_speaker_is_refused(linter: Linter) -> None:
    # near miss: the quote's own "I" ("I think ...") would become the frame's in reported speech
    got = suggestions(linter, '"I think I restarted the primary instead of the replica," Ilse wrote in the ops channel.')
    assert not any("that I " in s or "that i " in s for s in got), got
