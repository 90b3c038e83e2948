"""Constructions kept in the rounds checked across authors (tests/data/README.md): the first
round's each gained on set 30, the second round's on sets 31 and 32, each read only in aggregate.
A true positive and a near miss of the same shape per construction; every sentence here
was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # an unknown individual's act is told as the cause (rule 18); incident work is not
    ("unknown-act", "Somebody pulled the power lead on the core switch.",
     "Somebody from the network team joined the call at 14:20."),
    ("unknown-noun", "A person with admin rights revoked every token in the org.",
     "A person with admin rights reported the leaked token."),
    ("unknown-restoring", "Someone turned the disk alerts off on Friday.",
     "Someone turned the disk alerts back on on Monday."),
    ("unknown-flagged", "Someone from support wiped the ticket queue at 09:10.",
     "Someone from support flagged the issue at 09:10."),
    ("unknown-not-nobody", "Someone emailed the customer list to a vendor.",
     "Nobody emailed the customer list to a vendor."),
    ("unknown-attempt", "Someone emailed the customer list to a vendor.",
     "Someone tried to email the customer list, but the gateway held it."),
    # a headline with a person as subject and a damaging verb the tagger read as a noun
    ("headline-doer", "Contractor cuts fibre trunk, city loses internet",
     "Storm cuts fibre trunk, city loses internet"),
    ("headline-judged-doer", "Careless contractor floods server room",
     "Burst pipe floods server room"),
    ("headline-harmless-object", "Admin wipes payroll servers",
     "Admin wipes stale test servers"),
    ("headline-particle", "Intern knocks out booking site for a day",
     "Intern restores booking site after a day"),
    # a team named by a capitalised word before a people-only team word; a system so named is not one
    ("named-function-team", "Payments engineering shipped the change without a rollback plan.",
     "Search infrastructure returned stale results for an hour."),
    # a possessed change that destroyed something live; a cleanup job removing what was meant to go
    ("possessive-destroyed", "Her script emptied the shared drive.",
     "Kim's cleanup job deleted the stale branches."),
    # a person's fault named in a headline's opening words; a fix, a shortage or a denial is not
    ("headline-fault-noun", "Engineer's mistake plunges city into darkness",
     "Engineer's fix restores service after six hours"),
    ("headline-role-blunder", "Staff blunder leaks exam results early",
     "Staff shortage delays trains across the north"),
    ("headline-fault-denied", "Staff blunder leaks exam results early",
     "Airline denies staff blunder caused outage"),
    # a name-shaped word before a fault noun with no "'s" and no verb after it is a product
    ("headline-named-thing", "Kofi's typo knocks out payroll for a day",
     "Zorbix bug preventing the scheduler from updating is introduced"),
    # a present-tense entry with articles is prose, read by the clause recognizers
    ("headline-not-prose", "Admin wipes payroll servers",
     "Wairimu deletes the preview databases, then rebuilds them from the template."),
    # second round (sets 31 and 32): removing a thing in a broken state is the repair, and
    # doing it by hand does not make it careless; the same act on a live thing still blames
    ("removing-broken", "Kwame dropped the orders replica.",
     "Kwame dropped the half-built replica."),
    ("removing-broken-by-hand", "Ines deleted the customer index by hand.",
     "Ines deleted the wedged index shards by hand."),
    ("removing-broken-then", "Tunde killed the checkout pods by hand and the replacements came up.",
     "Tunde killed the unresponsive checkout pods by hand and the replacements came up."),
    # a judgement of a thing a person did, named in a relative clause; a system's doing is not
    ("judged-doing", "The way Ilse ran the failover was reckless.",
     "The way the scheduler ran the failover was reckless."),
    ("judged-doing-praised", "The config she wrote was sloppy.",
     "The config she wrote was tidy."),
    # a defect a person made, possessed, is theirs whatever it did next (rule 2); a fix is
    # not, nor a third party's defect (rule 10)
    ("possessed-defect", "Kofi's typo in the DNS zone sent mail to the old host.",
     "Kofi's fix in the DNS zone sent mail to the new host."),
    ("possessed-defect-third-party", "Her typo in the cron line ran the purge hourly.",
     "The vendor's typo in the DNS zone sent mail to the old host."),
    # a department named alone, and the people of a shift or a desk, as a team
    ("department-alone", "Facilities forgot to book the generator's fuel delivery.",
     "Facilities restored power to the east wing by noon."),
    ("shift-team", "The night shift ignored the alarm for an hour.",
     "The day shift handed over at 07:00 as usual."),
    ("desk-team", "The support desk ignored the customer's warning.",
     "The desk lamp overheated and tripped the breaker."),
    # a change, a sign-off or an override made before a thing it waited on had come to an
    # end (past perfect); after it, or before something merely grew, is not premature
    ("before-done", "Kiri merged the branch before the tests had passed.",
     "Kiri merged the branch after the tests had passed."),
    ("before-done-not-growth", "Kiri opened the doors before the train had stopped.",
     "Kiri deployed the patch before the backlog had grown."),
    ("before-done-not-the-failure", "Kiri deployed the release before the canary had finished.",
     "Kiri deployed the release before the outage had ended."),
    # a passive's subject said to be the wrong one, with "wrong" hung on a compound before it
    ("passive-wrong-compound", "The wrong fuse box panel was isolated by the electrician.",
     "The faulty fuse box panel was isolated by the electrician."),
    # an action item's assignment ("X to do Y", no finite verb) has not happened
    ("assigned-not-done", "Jana deleted the customer index after the audit.",
     "Jana to delete the customer index after the audit."),
    ("assigned-team", "Ops turned off the legacy alerts before the new ones fired.",
     "Ops to turn off the legacy alerts once the new ones fire."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_cross_author_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_headline_finding_names_the_person(linter: Linter) -> None:
    found = blame(linter, "Careless contractor floods server room")
    assert [f.rule for f in found] == ["blame.person-subject"]
    assert '"contractor"' in found[0].message and '"floods"' in found[0].message


def test_unknown_individual_future_or_hindsight(linter: Linter) -> None:
    # only an act done: a plan is not a cause ("someone should have" is a counterfactual's business)
    assert not blame(linter, "Someone will move the shared bucket to the archive account tomorrow.")
    assert blame(linter, "Someone moved the shared bucket to the archive account on Friday.")
