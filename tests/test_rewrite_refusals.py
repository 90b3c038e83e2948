"""Round 6 of issue 11: rewrites refused when the re-parse shows them wrong, and the
faults the blind grader named fixed by construction (a shared auxiliary, a quoted command
kept with its object). Every sentence here was written for this file; each refusal or fix
comes with a near miss that must keep its rewrite."""
from __future__ import annotations

import pytest
from test_rewrite_constructions import linter, parse, r, suggestions  # noqa: F401  (shared fixtures and helpers)

from lint_service import Linter
from lint_service.rewrite.verify import Original, problems, pronouns_of

FIXED = [
    # one object's acts lean on one auxiliary
    r("Halvard wrote the migration, tested it and ran it against production.",
      "The migration was written, tested and run against production.", "shared-auxiliary"),
    # near miss: a negated half keeps its own auxiliary
    r("Oriel turned off the alert and never turned it back on.", "The alert was turned off and was never turned back on.",
      "negated-half-keeps-auxiliary"),
    # a quoted command moves with the object it names
    r('An engineer accidentally input the command code "rm -r -f *" in the top folder of the build host.',
      'The command code "rm -r -f *" was accidentally input in the top folder of the build host.', "quoted-command-with-object"),
    r('Tancredi accidentally typed the command "rm -rf /srv/cache" on the build host.',
      'The command "rm -rf /srv/cache" was accidentally typed on the build host.', "quoted-command-already-whole"),
    # near misses of the person's-state refusal: a manner or a time after the agent is the act's
    r("The retention policy was cut to one day by Abena without review.",
      "The retention policy was cut to one day without review.", "manner-after-agent-kept"),
    r("The page was missed by the on-call engineer at 3am.", "The page was missed at 3am.", "time-after-agent-kept"),
    # near miss of the inherited act: a second clause with its own subject stays
    r("Ana deleted the staging bucket on Friday, and the nightly backup failed.",
      "The staging bucket was deleted on Friday, and the nightly backup failed.", "second-clause-own-subject"),
    # near miss of the hindsight refusal: the same miss without the verdict
    r("The reviewer missed an off-by-one error in the pagination code.",
      "An off-by-one error in the pagination code went unnoticed.", "miss-without-hindsight"),
    # a belief about what the object was is a fact about the object
    r("Ruairi wiped the disk, thinking it was the spare.", "The disk was wiped, mistaken for the spare.", "belief-mistaken-for"),
    # the change a person made keeps every fact the clause gave it
    r("The change I merged at 14:02 took down the login page.", "The change that was merged at 14:02 took down the login page.",
      "made-by-relative"),
]


@pytest.mark.parametrize(("sentence", "expected"), FIXED)
def test_fixed_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


REFUSED = [
    # the judgement is the verb itself: kept in a passive it still judges
    r("The database administrator misjudged how long the migration would hold its lock.",
      "It was misjudged how long the migration would hold its lock.", "misjudged-kept"),
    # the engineers were on call, not the noticing
    r("The outage was not noticed by the engineers on call overnight.", "The outage was not noticed on call overnight.",
      "persons-state-left-on-the-act"),
    # a compound object the parser cut in two
    r("someone just accidentally revoked every API token", "Every API was just accidentally revoked token", "compound-split"),
    # the belief was the removed person's: the disk did not think
    r("Ruairi wiped the disk, thinking it was the spare.", "The disk was wiped, thinking it was the spare.", "belief-dangling"),
    # a hindsight verdict on what was missed stays one without the person
    r("The reviewer missed an obvious off-by-one error in the pagination code.",
      "An obvious off-by-one error went unnoticed in the pagination code.", "hindsight-adjective-kept"),
    # the person's second act would be the bucket's
    r("Ana deleted the staging bucket on Friday, then went home.", "The staging bucket was deleted on Friday, then went home.",
      "second-act-inherited"),
    # near miss of the made-by rewrite: an error made is still the verdict
    r("The error the contractor made took down checkout.", "The error that was made took down checkout.", "made-error-not-passivised"),
    # near miss of "mistaken for": a belief about something else has no thinker left
    r("Ruairi wiped the disk, thinking the backup had finished.", "The disk was wiped, thinking the backup had finished.",
      "belief-about-something-else"),
]


@pytest.mark.parametrize(("sentence", "wrong"), REFUSED)
def test_wrong_rewrite_is_refused(linter: Linter, sentence: str, wrong: str) -> None:
    assert wrong not in suggestions(linter, sentence)


def _orig(parse, text: str, objects: list[str]) -> Original:
    sent = parse(text)
    return Original(sent, {sent[0].i}, objects, {sent[0].text}, pronouns_of(sent[0]))


@pytest.mark.parametrize(("original", "objects", "bad", "good", "problem"), [
    pytest.param("Ana deleted the bucket on Friday, then left.", ["bucket"], "The bucket was deleted on Friday,.",
                 "The bucket was deleted on Friday.", "doubled punctuation", id="comma-full-stop"),
    pytest.param("Accidentally, Ana wiped the disk.", ["disk"], "The disk was Accidentally wiped.",
                 "The disk was accidentally wiped.", "capitalised mid-sentence", id="capital-adverb"),
    pytest.param('Ana typed the command "rm -rf /tmp" on the host.', ["command"], 'The command "rm was typed -rf /tmp" on the host.',
                 'The command "rm -rf /tmp" was typed on the host.', "broken up", id="quote-broken"),
    pytest.param('Ana typed the command "rm -rf /tmp" on the host.', ["command"],
                 'The command "rm -rf /tmp" was typed "rm -rf /tmp" on the host.',
                 'The command "rm -rf /tmp" was typed on the host.', "said twice", id="quote-said-twice"),
    pytest.param("Odile wiped the transit cards.", ["cards"], "A transit cards were wiped.",
                 "The transit cards were wiped.", "before a plural", id="article-before-plural"),
    pytest.param("someone just accidentally revoked every API token", ["API"], "Every API was just accidentally revoked token",
                 "Every API token was just accidentally revoked", "split from the phrase", id="compound-split"),
])
def test_verifier_refuses_the_fault_and_accepts_its_fix(parse, original: str, objects: list[str], bad: str, good: str,
                                                         problem: str) -> None:
    orig = _orig(parse, original, objects)
    assert any(problem in p for p in problems(parse(bad), orig)), problems(parse(bad), orig)
    assert problems(parse(good), orig) == []
