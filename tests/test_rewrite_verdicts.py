"""Rewrites for verdicts, judgements and counterfactuals (issue 11, rewrite round 6):
a hypothetical said as what happened (a wish, a result whose condition only grades the
person's act, an ideal person who "would have" done it, an act that came late), a
"human error" the writer gives as a cause, a verdict's "who" clause, a thing said to
be the person's, and inattention while something happened.

Every sentence here was written for this file. Each construction has true positives
and near misses where the rewrite must be absent or must not take the tempting form.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter  # noqa: F401 - the same helpers and fixture
from test_rewrite_fallbacks import test_near_miss as not_offered  # the same check, on this round's sentences


REWRITES = [
    # a wish: the act did not happen; its "before X-ing" did, said as a fact of its own
    ("If only the on-call had drained the node before rebooting the host.",
     "The node was not drained before the host was rebooted."),
    ("If only Tamsin had pinned the base image.", "The base image was not pinned."),
    # a wish that the act had not happened: it did
    ("If only Joaquim had not deleted the staging snapshots.", "The staging snapshots were deleted."),
    # a result whose condition only grades the act: the act happened, the result did not
    ("Had Ines tested the migration more thoroughly, the lock contention would have been caught in staging.",
     "The migration was tested, but the lock contention was not caught in staging."),
    ("If the reviewer had read the pull request more carefully, the leaked token would have been noticed.",
     "The pull request was read, but the leaked token was not noticed."),
    # ... with no object to say the act of, the result is the fact
    ("Had the on-call engineer responded sooner, the backlog would have cleared before noon.",
     "The backlog did not clear before noon."),
    # an ideal person: what they would have done was not done
    ("A more careful operator would have noticed the stale replica.", "The stale replica was not noticed."),
    # where the missed thing was stays with it, whichever word the parser hangs it on
    ("A more diligent reviewer would have flagged the hard-coded password in the config file.",
     "The hard-coded password in the config file was not flagged."),
    ("A more careful reviewer would have caught the missing index in the migration before the release.",
     "The missing index in the migration was not caught before the release."),
    # an act that came later than it should have: it happened, late
    ("The on-call should have escalated to the database team far sooner.", "The escalation to the database team came late."),
    # "human error" the writer gives as a cause: the error and its being manual stay, who goes
    ("The underlying cause was operator error.", "The underlying cause was an error in a manual step."),
    ("Because of an engineer error, the nightly export wrote to the wrong bucket.",
     "Because of an error in a manual step, the nightly export wrote to the wrong bucket."),
    ("Contributing factor: a human mistake by the release manager.", "Contributing factor: a mistake in a manual step."),
    # the writer's own conclusion is theirs to rewrite
    ("We concluded that the cause was operator error.", "We concluded that the cause was an error in a manual step."),
    ("Staff error knocked the booking site offline for the morning.",
     "An error in a manual step knocked the booking site offline for the morning."),
    # a contrast stays
    ("The data loss was a human error rather than a disk fault.",
     "The data loss was an error in a manual step rather than a disk fault."),
    # a verdict's "who" clause: the act stays; what the person had not done to the object
    # is said of the object
    ("Responsibility lies with Mele, who merged a migration she had not tested.",
     "A migration was merged without being tested."),
    ("The blame lies with Oren, who restarted the primary during the backup window.",
     "The primary was restarted during the backup window."),
    # a thing said to be the person's: the thing stays, with its own words
    ("The broken cron entry on the batch host was his.", "There was a broken cron entry on the batch host."),
    ("Sorry all: the stale DNS record in the staging zone was mine.", "There was a stale DNS record in the staging zone."),
    # inattention while something happened: what happened went unnoticed
    ("The night operator was asleep at the wheel while the disk filled up.", "The disk filled up unnoticed."),
    ("The on-call was asleep at the wheel while the p99 latency doubled for an hour.",
     "The p99 latency doubled unnoticed for an hour."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    f = found[0]
    # the finding may start mid-line ("Contributing factor: a human mistake ..."): the
    # suggestion applied to its span is what the reader gets
    applied = [sentence[: f.start] + s + sentence[f.end :] for s in f.suggestions]
    assert expected in applied, applied
    assert clean(linter, expected)


# (sentence, a form that must not be offered; None: no rewrite at all)
NEAR_MISSES = [
    # the condition says a fact of its own ("the runbook was not read"), not a grade:
    # the result alone would lose it
    ("If the on-call had read the runbook, the outage would have been shorter.", "The outage was not shorter."),
    # "might have" is a guess, not a result that failed to happen
    ("A more careful operator might have noticed the stale replica.", "The stale replica was not noticed."),
    # a kind of thing, not one that was missed: "Typos were not caught like this" garbles it
    ("A more careful engineer would have caught typos like this.", "were not caught"),
    # a result that did not happen because it was prevented: "would not have lasted" turns
    # the polarity, which the verifier does not let a rewrite drop
    ("Had the on-call engineer acted sooner, the outage would not have lasted an hour.", "The outage lasted an hour."),
    # a comparison says the act happened, later: "no escalation" would deny it
    ("The on-call should have escalated to the network team much sooner.", "no escalation"),
    # a wish with a comparison: the paging happened, later; "was not paged" would deny it
    ("If only the SRE had paged the database team sooner.", "was not paged"),
    # a state as the result: "did not be shorter", "was not shorter" state nothing
    ("Had Ana reviewed the change more carefully, the outage would have been shorter.", "shorter"),
    # no comparison: the escalation did not happen at all, so "came late" would be wrong
    ("The on-call should have escalated to the database team.", "came late"),
    # the act's object is a person: a passive would still name who was not told
    ("If only she had told him about the flag.", None),
    # someone else's quoted words about human error stay theirs (a reported claim is
    # rewritten inside its report since rewrite15: tests/test_rewrite_reported_error.py)
    ('The vendor\'s note put it down to "a simple human error" in the rollout.', "manual step"),
    # a verdict with words of its own: the judgement would be said of the manual step
    ("The outage came down to an embarrassing operator error.", "manual step"),
    # "it" points at nothing named: the verdict is all it says
    ("It was a human error, nothing more.", "manual step"),
    # a kind of error talked about, not one given as a cause: "an error in a manual step"
    # would garble it ("Reduce an error in a manual step in ...")
    ("Cut down human error in the release process.", "manual step"),
    ("Scripting the failover removes the risk of operator error.", "manual step"),
    # an impression, not a cause the writer states
    ("The report looks at what seems to be an operator error.", "manual step"),
    # the "who" clause says what the error was: cut with "by Maren" it would be lost
    ("The outage was an operator error by Maren, who resized the wrong disk.", "manual step"),
    # a verdict noun: ownership is all it says
    ("The mistake in the config was mine.", "There was"),
    # a verdict adjective on the thing stays a verdict on its owner
    ("The sloppy cron entry on the batch host was his.", "There was"),
    # who did it is all the sentence says
    ("The blame lies with Mele, who merged the migration.", None),
    # the object's clause says what she had done, not what she had not: no "without"
    ("The blame lies with Mele, who merged a migration she had tested twice.", None),
    # a person's act meanwhile: "unnoticed" would say nobody saw what they did
    ("The on-call was asleep at the wheel while Priya escalated.", "unnoticed"),
    # the state alone: nothing happened meanwhile that the sentence names
    ("Frankly, the on-call was asleep at the wheel.", "unnoticed"),
    # refused after blind grading graded them poor: a manner-only act without its manner
    # ("handled the cutover" says nothing), "error-prone" for a careless act, and a question
    # whose point is its agent
    ("The platform team handled the cutover sloppily.", None),
    # (the act itself is said since rewrite11: "Live API keys were left in a public gist")
    ("Leaving live API keys in a public gist was careless of the intern.", "error-prone"),
    ("Was the payments cluster taken down by a single contractor?", None),
    # hindsight about a means: "Checking the replica lag first could have prevented the
    # outage" kept the hindsight (withdrawn: rewrite/hindsight.py is gone)
    ("Ilka could have prevented the outage by checking the replica lag first.", None),
    # "on a wing and a prayer" says how little assurance there was: dropped, the fact goes
    # with it (blind grading: poor); the phrase is the claim, so no rewrite
    ("Ngaio pushed the pricing change live on a wing and a prayer.", None),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    not_offered(linter, sentence, banned)
