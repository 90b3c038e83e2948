"""A standard the act was measured by ("per the guide", "according to the runbook")
that the parser hung on the object must not ride into the passive's subject
(rewrite/standard_fronted.py): such a rewrite is refused; a standard left after the
verb is kept. Sentences written for this file."""
from __future__ import annotations

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _rewrites(linter: Linter, text: str) -> list[str]:
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert found, text
    return [s for f in found for s in f.suggestions]


@pytest.mark.parametrize("sentence", [
    "The vendor engineer did not mount the rail per the installation guide.",
    "The surveyor did not mark the trench per the drawings.",
])
def test_standard_on_the_object_is_refused(linter: Linter, sentence: str) -> None:
    rewrites = _rewrites(linter, sentence)
    assert not any(" per " in r.split(" was ")[0] or " per " in r.split(" were ")[0] for r in rewrites), rewrites


def test_standard_after_the_verb_is_kept(linter: Linter) -> None:
    assert _rewrites(linter, "The night operator did not run the failover according to the runbook.") == [
        "The failover was not run according to the runbook."]
