"""Faults the blind graders named in rewrites of real writing (issue 11, branch
rewrite18): a purpose clause said as a result, the person's reason or role dropped with
them, an ellipsis pushed off its word, a semicolon set before a participle that says
what the act did. Each has a near miss the change must leave as it was.

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied as suggestions


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


REWRITTEN = [
    # a purpose keeps its modal: the drill was never said to be plugged in
    pytest.param("Bartek wiped the staging disk so he could free up space for his logs.",
                 "The staging disk was wiped so space for the logs could be freed up.", id="purpose-keeps-modal"),
    # near miss: a plain circumstance of the person's still goes with them
    pytest.param("Bartek wiped the staging disk while he was on a call.", "The staging disk was wiped.",
                 id="circumstance-still-goes"),
    # the ellipsis stays on the word before it, as the writer set it
    pytest.param("Looks like I just tagged the wrong release...", "Looks like the wrong release was just tagged...",
                 id="ellipsis-stays-attached"),
    # near miss: an ellipsis the writer spaced off stays spaced
    pytest.param("Looks like I just tagged the wrong release ...", "Looks like the wrong release was just tagged ...",
                 id="spaced-ellipsis-kept"),
    # what a third person's act did is said of the act, not after a semicolon
    pytest.param("The contractor mis-configured the firewall, sending traffic to the wrong zone.",
                 "The firewall was mis-configured, which sent traffic to the wrong zone.", id="result-participle"),
    # near miss: a status note is the writer's, set apart as before, even after a named doer
    pytest.param("Bartek broke the login page, reverting the deploy now",
                 "The login page broke; reverting the deploy now", id="status-note-after-named-doer"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITTEN)
def test_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


REFUSED = [
    # their reason is a contributing factor: without them it cannot be said
    pytest.param("Bartek wiped the staging disk because he was in a rush.", id="reason-of-theirs"),
    # who they were then is the point of the sentence
    pytest.param("I wiped the cache volume when I was the only SRE.", id="role-of-theirs"),
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_refused(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []
