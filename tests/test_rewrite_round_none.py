"""A rewrite round whose candidate left no detection of its own (rewrite/verified.py):
the next round must not read the missing detection's construction. Before the fix the
rewrite raised AttributeError, the engine logged "rewrite failed" and the finding lost
every suggestion.

Every sentence here was written for this file.
"""
from __future__ import annotations

import logging

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("sentence", [
    "They are interns who need coaching and should be expected to break things often.",
    "They are juniors that need guidance and should be expected to mess up now and then.",
])
def test_no_rewrite_failure_is_logged(linter: Linter, sentence: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        report = linter.lint(sentence, format="text")
    assert not [r for r in caplog.records if "rewrite failed" in r.getMessage()]
    assert report is not None
