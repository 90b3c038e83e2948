"""The removed person's other clauses of the same sentence (rewrite/person_clauses.py):
a complement clause of theirs is passivised with its aspect, a belief about another
thing is said of that thing, and a wish or a clause that cannot be converted keeps the
candidate refused.

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
    pytest.param("I didn't tell the support desk that I was rotating the API keys.",
                 "The support desk was not told that the API keys were being rotated.", id="complement-progressive"),
    pytest.param("I didn't tell the support desk that I had rotated the API keys.",
                 "The support desk was not told that the API keys had been rotated.", id="complement-perfect"),
    pytest.param("I skipped the smoke tests because I assumed the build was green.",
                 "The smoke tests were skipped because the build was assumed to be green.", id="belief-about-a-state"),
    pytest.param("During the failover I skipped step 4 because I assumed it had already been done.",
                 "During the failover step 4 was skipped because it was assumed to have already been done.",
                 id="belief-about-a-done-step-keeps-already"),
    pytest.param("I muted the disk alerts during a drill and never switched them back on.",
                 "The disk alerts were muted during a drill and were never switched back on.", id="second-act-on-them"),
    pytest.param("I muted the disk alerts and then ignored them.", "The disk alerts were muted and were then ignored.",
                 id="second-act-on-them-keeps-then"),
    pytest.param("Farah overwrote the shared config when she copied her local one over it.",
                 "The shared config was overwritten when a local one was copied over it.", id="reason-clause-with-their-possessive"),
    pytest.param("I deleted the branch I had tested yesterday.", "The branch that had been tested yesterday was deleted.",
                 id="relative-clause-of-theirs-perfect"),
    pytest.param("Halvard wiped the staging volume because he thought the freeze was over.",
                 "The staging volume was wiped because the freeze was thought to be over.", id="belief-of-a-named-person"),
    pytest.param("I own this one: I didn't tell the support desk that I was rotating the API keys.",
                 "The support desk was not told that the API keys were being rotated.", id="owning-lead-and-complement"),
]


@pytest.mark.parametrize("sentence, expected", REWRITTEN)
def test_each_clause_of_the_person_is_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_a_wish_is_not_dropped(linter: Linter) -> None:
    # "wanted it done before the weekend" is why it was rushed: dropping it loses the
    # pressure, and nobody holds a passivised wish; no rewrite is better
    for s in suggestions(linter, "I skipped the load test because I wanted the release out before the weekend."):
        assert "before the weekend" in s and " I " not in f" {s} "


def test_a_negated_belief_is_not_raised(linter: Linter) -> None:
    # "was assumed not to be ..." would need the negation moved: left refused
    for s in suggestions(linter, "I skipped the smoke tests because I assumed the build was not flaky."):
        assert "was assumed" not in s


def test_a_complement_that_cannot_be_passivised_refuses(linter: Linter) -> None:
    # "that I was leaving early" has no object to make the subject: it stays, and with
    # it the writer, so no rewrite is offered
    assert suggestions(linter, "I didn't tell the support desk that I was leaving early.") == []


def test_them_of_people_is_not_the_first_things(linter: Linter) -> None:
    # "them" after a singular thing is somebody else ("never told them"): no passive of it
    for s in suggestions(linter, "I muted the disk alert and never told them."):
        assert "were never told" not in s


def test_a_clause_the_parser_joined_to_the_object_is_no_departure(linter: Linter) -> None:
    # "... and two weeks of scans vanished": the scans vanished, nobody left; the parser
    # made "scans" part of the object and "vanished" a second act of the writer's
    for s in suggestions(linter, "I accidentally wiped the shared drive and two weeks of scans vanished."):
        assert "left unattended" not in s
    assert "The cache was restarted and then left unattended." in suggestions(linter, "I restarted the cache and went home.")


def test_a_belief_about_nobody_is_not_raised(linter: Linter) -> None:
    # "nobody was believed to have used it" would turn the belief over
    for s in suggestions(linter, "I deleted the table because I believed nobody used it."):
        assert "was believed" not in s
