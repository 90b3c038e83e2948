"""Rewrites for constructions that had none (issue 11's second round): a should-have
with the act it should have preceded, time that passed before a person acted, a
reported "human error" in a sentence that says more than the verdict, objects the
parser split off their head word, "made a mistake" with what the mistake was, a check
or thought not done about a clause, not telling someone about a thing, and a clause the
parser read as a noun phrase.

Every sentence here was written for this file. Each strategy has true positives and a
near miss where the rewrite must be absent or must not take the tempting wrong form.
"""
from __future__ import annotations

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def suggestions(linter: Linter, text: str) -> list[str]:
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert len(found) == 1, f"{text!r}: {[(f.rule, f.message) for f in found]}"
    return found[0].suggestions


def clean(linter: Linter, text: str) -> bool:
    return not any(f.rule.startswith("blame.") for f in linter.lint(text, format="text").findings)


REWRITES = [
    # should-have X before Y-ing Z: Z was Y-ed, X was not done first
    ("Olwen should have waited for the smoke tests before promoting the image.",
     "The image was promoted without waiting for the smoke tests."),
    ("Dmitri ought to have asked for a second opinion before editing the firewall rules.",
     "The firewall rules were edited without asking for a second opinion."),
    ("I should have checked which cluster was selected before running the drain.",
     "The drain was run without checking which cluster was selected."),
    # a condition on a delivery verb with no object: it acted on the change; polarity and order kept
    ("Had Wojtek not force-pushed, the hotfix would still be on main.",
     "Had the change not been force-pushed, the hotfix would still be on main."),
    ("If Wojtek had not merged, the nightly build would have passed.",
     "If the change had not been merged, the nightly build would have passed."),
    # should-have with a prepositional verb: the act did not happen, in the past
    ("Florian ought to have asked for a second approver.", "A second approver was not asked for."),
    ("Ines should have replied to the vendor notice on Monday.", "The vendor notice was not replied to on Monday."),
    # time that passed before someone acted: the delay stays, the act is agentless
    ("Twelve days passed before Oskar answered the vendor's escalation.",
     "Twelve days passed before the vendor's escalation was answered."),
    ("Four hours went by before the duty manager replied to the customer report.",
     "Four hours went by before the customer report was replied to."),
    # a reported error: the step the sentence names stays
    ("Because of a human error in the cron table, the archive job was skipped.",
     "Because of an error in the cron table, the archive job was skipped."),
    ("The data loss was caused by operator error during the schema migration.",
     "The data loss was caused by an error during the schema migration."),
    ("The stall resulted from a human error while the replicas were being resized.",
     "The stall resulted from an error while the replicas were being resized."),
    # who made it goes with their "by"; what kind of mistake it was stays
    ("Contributing factor: a configuration mistake by Ottoline during the cutover.",
     "A configuration mistake during the cutover."),
    ("Root cause: an operator mistake by Ottoline during the cutover.", "A mistake during the cutover."),
    # an object the parser split off its head word ("the Redis | upgrade/VB"), rejoined
    ("Cosmin botched the Redis upgrade by restarting every replica at once.",
     "The Redis upgrade went wrong when every replica was restarted at once."),
    ("Anneliese mistakenly disabled autoscaling on the reporting cluster.",
     "Autoscaling was mistakenly disabled on the reporting cluster."),
    # "made a mistake": the mistake stays as what was done, caused or where it was made
    ("Leocadia made an error by deleting the wrong volume.", "The wrong volume was mistakenly deleted."),
    ("Ferdinand made a mistake and deleted the audit bucket.", "The audit bucket was mistakenly deleted."),
    ("A contractor made a mistake and caused the loss of the cooling loop.",
     "A mistake caused the loss of the cooling loop."),
    ("I made a mistake in the billing console and the invoices were sent twice.",
     "A mistake was made in the billing console and the invoices were sent twice."),
    ("Dana made mistakes in the runbook during the failover.", "Mistakes were made in the runbook during the failover."),
    ("“Vasco made a mistake and caused the loss of the payroll run.”",
     "“A mistake caused the loss of the payroll run.”"),
    ("My mistake was deleting the old snapshot before the restore finished.",
     "The old snapshot was mistakenly deleted before the restore finished."),
    ("My mistake was assuming the cache was warm.", "It was mistakenly assumed that the cache was warm."),
    # "phoned in" a review: the review was cursory (rule data for an idiom the check knew)
    ("Radomir phoned in the schema review, and the bad index shipped.",
     "The schema review was cursory, and the bad index shipped."),
    ("Orla played fast and loose with the firewall rules for a month.", "The firewall rules were loosely managed for a month."),
    # a check or a thought not done, about a clause: the clause stays word for word
    ("The developer forgot to check if the export job was paused.", "There was no check of whether the export job was paused."),
    ("Kasimir forgot to check if the certificate had been renewed.", "There was no check of whether the certificate had been renewed."),
    ("Gunnhild failed to verify whether the restore had completed.", "There was no check of whether the restore had completed."),
    ("The reviewer forgot to think about the chance that the flag also gated the mobile app.",
     "It was overlooked that the flag also gated the mobile app."),
    # not told about a thing: the one not told is the subject
    ("The hosting provider's engineers neglected to warn us about the network maintenance.",
     "We were not warned about the network maintenance."),
    ("Apparently someone disabled the audit log last week and never told anyone.",
     "Apparently the audit log was disabled last week and nobody was told."),
    # a clause the parser made a noun's modifier ("lead/ROOT signed/acl")
    ("The QA lead signed off on the hotfix without running the smoke suite.",
     "The hotfix was signed off on without running the smoke suite."),
    # got a thing into a wrong state: the state is the writer's adjective
    ("I got the region wrong in the deploy manifest.", "The region was wrong in the deploy manifest."),
    # an owner named with the blame as the reason: the owner stays, the reason goes
    ("Owner: Radka, since she caused this.", "Radka."),
    ("Owner: Torvald, because it was his mess to begin with.", "Torvald."),
    ("Owner: Kasimir, because he deleted the table.", "Kasimir."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    got = suggestions(linter, sentence)
    assert expected in got, got
    assert clean(linter, expected)
    # the withdrawn forms stay withdrawn: no rule nobody named, no "allowed" by a made-up subject
    assert not any(s.startswith(("Nothing required", "Nothing in the process")) or " allowed " in s for s in got), got


NEAR_MISSES = [
    # "should never have X before Y" says X happened: no "without" form
    ("Hamid should never have restarted the primary before the backup finished.", "without"),
    # "sooner": the escalation happened, later; "was not escalated to" would deny it
    ("Bartholomew should have escalated to the storage team much sooner.", "not"),
    # the person is still in the act that the rewrite keeps
    ("Perpetua should have asked for help before pushing her change.", "without"),
    # nothing but the verdict: no rewrite swaps the error for "a manual step" (withdrawn
    # after blind round 1); "an error in a manual step" keeps it (tests/test_rewrite_verdicts.py)
    ("The root cause was human error.", "was a manual step"),
    ("The outage was caused by human error.", "caused by a manual step"),
    # the error is the cause the clause exists to state: dropping it empties the sentence
    ("The outage was caused because of operator error.", "The outage was caused."),
    # a bare reported error as a fact's cause: dropping it loses that a manual step failed
    # (withdrawn after blind round 3)
    ("Due to operator error, the staging queue was purged.", "The staging queue was purged"),
    ("The ledger was rebuilt twice because of human error.", "rebuilt twice."),
    # who made it goes with the verdict's word
    ("Primary cause: human error by the night operator.", "operator"),
    # "phoned it in" names no thing that was cursory
    ("Radomir phoned it in.", None),
    ("Orla played it fast and loose.", None),
    # a condition on going somewhere: no object to make the subject
    ("Had Wojtek not gone home, the page would have been answered.", None),
    # a question keeps its order: no "Why did it was not checked" (tests/test_rewrite_leads.py
    # has the form it takes)
    ("Why did the on-call forget to check if the export job was paused?", "did it"),
    # what was not told is a clause of its own: not this strategy's "nobody was told"
    ("Dana restarted the primary and did not tell anyone that the disk was full.", "and nobody was told."),
    # "warn him": the pronoun is the person; no rewrite names them
    ("Silvia forgot to warn him about the maintenance.", None),
    # what the mistake was is not said: "My mistake was that" has nothing to keep
    ("My mistake was trusting him.", None),
    # a mistake and nothing else: "A mistake was made" would say nothing (since rewrite30
    # the sentence is a bare verdict and its rewrite is its removal: test_rewrite_round30.py)
    # a quoted object cannot keep its quotes in a passive
    ("I made a mistake to hit \"Enter\" after typing the tag.", "Enter was"),
    # a second verb sharing the person: the object must not become its subject
    ("Ugne fat-fingered the CIDR block and blackholed all traffic to the lab.", "block and blackholed"),
    # "kept retrying": the -ing is an act, never a thing that "was kept"
    ("Matthias mistakenly kept retrying for an hour.", "Retrying was"),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    got = suggestions(linter, sentence)
    if banned is None:
        assert got == []
    else:
        assert not any(banned in s for s in got), got
