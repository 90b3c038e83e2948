"""What a rewrite keeps whole or does not make (rewrite/kept_whole.py, loaded_words.py,
the fitted outcome of "miss" in rules/rewrites.yaml): faults a blind grader found on
fresh real text in round 13, each fixed as a class.

Every sentence here was written for this file. Each construction has a true positive
(the faulty rewrite is no longer offered, or the fixed one is) and a near miss where
the rewrite stays as it was.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.rewrite.kept_whole import _requests
from lint_service.rewrite.text import continuing
from rewrite_support import applied as suggestions, first_sentence


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


OFFERED = [
    # "missed" a thing that is not there to be seen: left out, not unnoticed
    pytest.param("Dana missed a comma in the sponsors file, which blanked the whole site.",
                 "A comma was missed in the sponsors file, which blanked the whole site.", id="missed-comma-kept-verb"),
    pytest.param("Sergei missed the deadline for the certificate renewal.",
                 "The deadline for the certificate renewal was missed.", id="missed-deadline-kept-verb"),
    # near miss: a signal that was missed did go unnoticed
    pytest.param("Dana missed the page because it was routed to a retired channel.",
                 "The page went unnoticed because it was routed to a retired channel.", id="missed-page-unnoticed"),
    # a word that calls the mistake foolish goes with the person
    pytest.param("Priya made a silly typo in the zone file.", "A typo was made in the zone file.", id="silly-typo"),
    pytest.param("Priya made an idiotic typo in the zone file.", "A typo was made in the zone file.", id="article-refitted"),
    # how the act was done, hung by the parser on the object, goes behind the verb (rewrite/manner.py)
    pytest.param("I yanked the old release by mistake.", "The old release was yanked by mistake.", id="by-mistake-after-verb"),
    # a clause the parser split off keeps the writer's lower case (rewrite/text.py continuing)
    pytest.param("Honestly no clue what happened but you clearly broke the build",
                 "Honestly no clue what happened but the build broke", id="continued-clause-lower-case"),
    # near miss: after a full stop the rewrite starts a sentence
    pytest.param("Honestly no clue what happened. You clearly broke the build",
                 "Honestly no clue what happened. The build broke", id="new-sentence-capital"),
    # slang for breaking said as the breakage
    pytest.param("Olu butchered the nginx config on the edge boxes.", "The nginx config on the edge boxes broke.",
                 id="butchered-broke"),
    # near miss: a reduced relative that keeps a word of its own stays
    pytest.param("The failure was traced to a config typo entered by a night operator into the edge router.",
                 "The failure was traced to a config typo entered into the edge router.", id="participle-keeps-its-place"),
    # near miss: a quoted name with no person in it moves with its object, as written
    pytest.param("Tariq ran the 'purge all' job against production by mistake.",
                 "The 'purge all' job was run against production by mistake.", id="quoted-name-kept"),
]


@pytest.mark.parametrize(("text", "expected"), OFFERED)
def test_offered(linter: Linter, text: str, expected: str) -> None:
    assert expected in suggestions(linter, text)


REFUSED = [
    # a verb with no passive made one: "was had", "were gotten"
    pytest.param("I had just wiped the staging bucket.", "was had", id="had-passive"),
    pytest.param("A contractor went rogue and got the release branches into a broken state.", "were gotten", id="got-passive"),
    # a bracketed aside broken up: the verb moved inside it
    pytest.param("Ines shipped a bug that made the signup form quietly fail (through a schema mismatch).",
                 "mismatch was", id="bracket-broken"),
    # a quoted phrase that names the person is someone's words: not edited
    pytest.param("How a 'fat-finger typo by a Contoso engineer' took down thousands of shops", "typo '",
                 id="quoted-phrase-not-edited"),
    # a reduced relative whose only words were the agent, left bare
    pytest.param("The failure was traced to a config typo entered by a night operator.", "entered.", id="bare-participle"),
    # an error coordinated with another cause: "an error in a manual step and cuts"
    pytest.param("Rail outage blamed on human error and understaffing", "manual step and",
                 id="coordinated-error-not-rewritten"),
    # a loaded word among other modifiers is not dropped into nonsense ("a colossal move")
    pytest.param("In a colossal bonehead move I deleted the billing repository.", "colossal move", id="loaded-among-modifiers"),
]


@pytest.mark.parametrize(("text", "fault"), REFUSED)
def test_refused(linter: Linter, text: str, fault: str) -> None:
    assert not any(fault in s for s in suggestions(linter, text))


def test_bracket_kept_whole_is_fine(linter: Linter) -> None:
    # near miss: the aside kept as written, the rewrite offered
    got = suggestions(linter, "Ines deleted the audit table (the one with the login history) during the cleanup.")
    assert "The audit table (the one with the login history) was deleted during the cleanup." in got


def test_had_as_auxiliary_is_fine(linter: Linter) -> None:
    # near miss: "had" as the auxiliary of a past perfect passivises as "had been"
    got = suggestions(linter, "Ines had deleted the audit table before the backup ran.")
    assert any("had been deleted" in s for s in got), got


REQUESTS = [
    ("Please don't mess up the mirror again with a force push.", 1),
    ("So please don't break the nightly again.", 1),
    ("Check the kube context before you run it.", 1),
    # near misses: a subjectless past act, a negated past act, the confession a rewrite drops
    ("Forgot to renew the domain, sorry.", 0),
    ("The retention policy was changed and he didn't tell anyone.", 0),
    ("Blame me for the timeout value.", 0),
    ("The mirror is not messed up again with a force push.", 0),
]


@pytest.mark.parametrize(("text", "count"), REQUESTS)
def test_requests_are_read_from_the_parse(text: str, count: int) -> None:
    # a candidate with fewer requests than the kept original is refused ("a request said as a statement")
    assert _requests(first_sentence(text)) == count


def _clause_from(text: str, word: str):
    doc = first_sentence(text).doc
    start = next(t.i for t in doc if t.text == word)
    return doc[start:]


def test_addressed_doer_of_the_clause_before_keeps_no_rewrite() -> None:
    # the parser may split "... what you touched but you broke X" at "but": rewritten
    # alone, the second clause would leave "what you touched" pointing at the reader
    clause = _clause_from("@Sam no idea what you touched but you broke the cluster", "but")
    assert continuing(clause, ["But the cluster broke"]) == []
    # near miss: nobody in the clause before, and the rewrite keeps the writer's lower case
    clause = _clause_from("Honestly no idea what happened but you broke the cluster", "but")
    assert continuing(clause, ["But the cluster broke"]) == ["but the cluster broke"]
