"""Rewrite round rewrite28: an "and" the parser hung on the object stays after the verb
(clause._object_parts), and a candidate that leaves one on its new subject is refused
(rewrite/dangling_cc.py). Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest
from test_rewrite_fallbacks import linter, suggestions  # noqa: F401 - the same helpers and fixture
from rewrite_support import first_sentence

from lint_service import Linter
from lint_service.rewrite.dangling_cc import dangling_cc


def test_and_follows_the_verb(linter: Linter) -> None:
    assert suggestions(linter, "I deleted the tag and now the release page is broken.") == [
        "The tag was deleted and now the release page is broken."]


@pytest.mark.parametrize("text, found", [
    pytest.param("The tag and was deleted now the release page is broken.", "and", id="garbled"),
    # near misses: a coordinated subject, and a verb's own "and"
    pytest.param("The tag and the branch were deleted.", None, id="coordinated-subject"),
    pytest.param("The index was deleted and was not rebuilt.", None, id="verb-and"),
])
def test_dangling_cc(text: str, found: str | None) -> None:
    assert dangling_cc(first_sentence(text)) == found


def test_misread_preposition_is_no_joiner(linter: Linter) -> None:
    # near miss: "instead of" read as a conjunction joins nothing either, but is no "and"
    assert suggestions(linter, "Zofia ran the purge job against production instead of staging.") == [
        "The purge job was run against production instead of staging."]
