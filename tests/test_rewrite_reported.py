"""Rewrites of acts the writer reports or guesses at (issue 11, rewrite round 13): the
report or the hedge stays, the act is said without its doer (rewrite/reported.py); and
headlines that give the person two comma-joined acts, each said in headline form
without them (rewrite/headline_acts.py).

Every sentence here was written for this file. Each shape has true positives and near
misses where the tempting form would change the meaning: a guess said as a fact, a
destination moved into the new subject, a "from ... to" pair split.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.rewrite.reported import hedge_lost, hedging_modal, misread_report, participle_destination
from rewrite_support import first_sentence
from test_rewrite_fallbacks import linter  # noqa: F401 - the same fixture
from test_rewrite_fallbacks import test_near_miss as not_offered
from test_rewrite_verdicts import test_rewrite as offered

REWRITES = [
    # a guess about a past act: the modal of the perfect stays with the passive
    ("The technician may have reversed the polarity during the swap.",
     "The polarity may have been reversed during the swap."),
    ("It appears the technician may have reversed the polarity during the swap.",
     "It appears the polarity may have been reversed during the swap."),
    ("The on-call might have restarted the wrong pod.", "The wrong pod might have been restarted."),
    ("The on-call may not have checked the dashboard.", "The dashboard may not have been checked."),
    # a report whose verb the tagger read as a plural noun ("postmortem notes/NNS")
    ("The carrier's postmortem notes that an engineer applied a routing change meant for the test network to the live core.",
     "The carrier's postmortem notes that a routing change meant for the test network was applied to the live core."),
    ("The vendor's review finds that a technician unplugged the wrong feed during the swap.",
     "The vendor's review finds that the wrong feed was unplugged during the swap."),
    # a report the doer gave: said from its recipient, the report and its content kept
    ("Kaito told the review that he had skipped the canary stage because the deploy queue was long.",
     "The review was told that the canary stage was skipped because the deploy queue was long."),
    ("The contractor told investigators that he cut the wrong cable.", "Investigators were told that the wrong cable was cut."),
    # the destination the parser hung on the object's participle follows the verb
    ("An engineer pushed a firewall rule meant for staging to the production edge.",
     "A firewall rule meant for staging was pushed to the production edge."),
    # a headline with two acts of the person's
    ("Intern Deletes Customer Table, Halts Checkout For Six Hours",
     "Customer Table Deleted, Checkout Halted For Six Hours"),
    ("Contractor cuts fibre, strands three depots", "Fibre cut, three depots stranded"),
]

NEAR_MISSES = [
    # a guess never becomes a fact, nor another tense ("has been reversed")
    ("The technician might have reversed the polarity during the swap.", "has been reversed"),
    # (rewrite31: "The pages may have gone unanswered." keeps the guess; only the modal lost is banned)
    ("The on-call may have ignored the pages.", "pages have gone unanswered"),
    # "from ... to" is one phrase: it stays with the object
    ("An engineer pushed a rule copied from staging to the production edge.", "was pushed to the production edge"),
    # a report by someone else about another's act: the teller stays, nothing is fronted
    ("Kaito told the review that Ana had skipped the canary stage.", "was told."),
    # a hedge about who: the verdict stays unrewritten
    ("It might have been the night DBA who truncated the audit table.", None),
    # headlines: the "-s" word is a plural noun with a verb of its own ("streets go dark")
    ("Contractor Cuts Fibre, Streets Go Dark", None),
    ("Contractor cuts fibre, lights go out across town", None),
    # ... a second half that says or judges: the claim was the person's
    ("Contractor Cuts Fibre, Denies Wrongdoing", None),
    # ... a second half that is no act of the person's: the blame never stays with a doer
    # left unsaid (rewrite23 links the act to the outcome: test_rewrite_tails_and_particles.py)
    ("Contractor cuts fibre, blamed for regional outage", "blamed"),
    ("Admin Deletes Billing Database, Then Finds Backups Empty", None),
    # ... parsed as a clause under the second verb: that verb's doer was the person too
    ("Admin deletes billing database, then discovers backups are empty", "discovers"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:  # noqa: F811
    offered(linter, sentence, expected)


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:  # noqa: F811
    not_offered(linter, sentence, banned)


def test_only_a_modal_of_the_perfect_is_a_hedge() -> None:
    guess = first_sentence("The technician must have reversed the polarity.")
    assert hedging_modal(next(t for t in guess if t.lower_ == "reversed")) == "must"
    # "should have" is a counterfactual, "may reverse" no past act
    for text, verb in (("The technician should have reversed the polarity.", "reversed"),
                       ("The technician may reverse the polarity.", "reverse")):
        assert hedging_modal(next(t for t in first_sentence(text) if t.lower_ == verb)) is None


def test_a_candidate_that_drops_the_hedge_is_refused() -> None:
    orig = first_sentence("The technician may have reversed the polarity.")
    assert hedge_lost(first_sentence("The polarity was reversed."), orig) == "may"
    assert hedge_lost(first_sentence("The polarity may have been reversed."), orig) is None


def test_a_noun_is_a_report_only_with_a_subject_and_a_reporting_word() -> None:
    sent = first_sentence("The telco's postmortem notes that an engineer applied the change.")
    assert sent.root.tag_ == "NNS" and misread_report(sent.root)  # the pinned pipeline's misreading
    plain = first_sentence("The release notes were published.")
    assert not any(misread_report(t) for t in plain)


def test_the_destination_is_found_only_after_the_participles_own_phrase() -> None:
    sent = first_sentence("An engineer pushed a firewall rule meant for staging to the production edge.")
    rule = next(t for t in sent if t.lower_ == "rule")
    assert [t.text for t in participle_destination(rule)] == ["to"]
    pair = first_sentence("An engineer pushed a rule copied from staging to the production edge.")
    assert participle_destination(next(t for t in pair if t.lower_ == "rule")) == []

