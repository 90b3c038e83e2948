"""Ordinary acts framed as wrong by the clause's structure (contrary.py, blame19): done
where the plan said otherwise, done with something left in a state it must not be in; and the generic, deliberate or repairing acts
of the same shape that must stay silent. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # against what the instruction said: a "where" clause whose subject is the plan and
    # whose verb names what it asked for ("as the ticket said" agrees with it)
    ("where-plan-said", "The clerk keyed the refund into the ledger where the ticket said the suspense account.",
     "The clerk keyed the refund into the ledger as the ticket said."),
    ("where-drawing-said", "Gaspard wired the pump to relay 4 where the drawing said relay 6.",
     "Gaspard installed the valve where the drawing showed."),
    ("where-reported", "The inquiry found that the technician stacked the crates in bay 2 where the manifest said bay 5.",
     "The inquiry found that the technician stacked the crates in bay 2, as the manifest said."),
    # a thing left in a state it must not be in while the act was done: "still" and a risky
    # state, a safeguard switched off, or a state that undoes the thing whatever it is
    ("with-still-on", "Hedda shipped the image with the debug console still enabled.",
     "Hedda shipped the image with the new banner disabled."),
    ("with-undone", "The admin ran the cleanup script with the age check commented out.",
     "The admin ran the cleanup script with the age check switched on."),
    ("with-reported", "The audit found that a contractor ran the archive job with the size guard commented out.",
     "The audit found that a contractor ran the archive job with the size guard in place."),
    ("with-still-repair", "Mirela pushed the hotfix with the fraud alerts still muted.",
     "Mirela rolled back the release with the fraud alerts still muted."),
    # "with the alerts muted" alone may be a drill's plan; "still" says it should have ended
    ("with-still-needed", "Kim ran the failover drill with the paging alerts still muted.",
     "Kim ran the failover drill with the paging alerts muted, per the game-day plan."),
    # generic statements about people (rule 16): a bare plural, adjectives included, under
    # a modal of what tends to happen
    ("generic-modal", "The tired operators picked the wrong host.",
     "Tired operators will sometimes pick the wrong host."),
    ("generic-can", "Two busy pharmacists picked up the wrong vial.",
     "Busy pharmacists can pick up the wrong vial when two labels look alike."),
    # a thing taken down on purpose to protect the rest is a recovery step
    ("deliberate-down", "The network engineer shut the faulty line card down to stop the flapping.",
     "The network engineer shut the faulty line card down deliberately to stop the flapping."),
    # a check left out ahead of the person's own next change, told by "before" and a
    # gerund; response work next ("before joining the call") is no change
    ("skipped-before", "The nurse had not labelled the vials before handing them over.",
     "The nurse had not labelled the vials before joining the ward round."),
    # a safeguard switched off and never put back, the follow-up joined to a
    # subjectless "while troubleshooting" by the parser (risk.left_undone)
    ("never-put-back", "A clerk at the branch disabled the fraud filter while troubleshooting and never turned it back on.",
     "A clerk at the branch disabled the fraud filter while troubleshooting and turned it back on at 14:00."),
    # a role word after a prefix of standing ("co-", "ex-") is still a role
    ("prefixed-role", "The report says a co-maintainer published the release from an unreviewed branch.",
     "The report says the co-maintainer list was published from the main branch."),
    # roles of hospitals and railways (rules/agents.yaml roles)
    ("clinical-role", "The paramedic had not checked the oxygen level before moving the patient.",
     "The paramedic checked the oxygen level before moving the patient."),
    # a second copy put into effect; merging or deleting the duplicate is cleanup
    ("duplicate-issued", "A spokesperson said a cashier had approved the duplicate refund batch.",
     "A spokesperson said a cashier had merged the duplicate refund batches."),
    ("duplicate-sent", "The billing clerk sent the duplicate invoice to the customer.",
     "The billing clerk deleted the duplicate invoice before it went out."),
    # a person who slipped (rules/verbs.yaml fault); a date that slipped is no person
    ("slipped", "The rollout failed because the operator slipped on the switchover sequence.",
     "The rollout failed because the switchover date slipped by a week."),
    # reported speech whose subject the parser hung on the auxiliary ("a manager had/aux ...")
    ("aux-subject", "Staff said a manager had overridden the safety lock.",
     "Staff said a manager had inspected the safety lock."),
    # repair work on the wrong thing; looking at the wrong thing is a detection gap
    ("wrong-repair", "According to the review, the night operator restored the wrong snapshot.",
     "According to the review, the night operator investigated the wrong alert first."),
    # a role noun said of a body outside the team is a third party (rule 10)
    ("outside-body", "The duty operator cut supply to the depot without notice.",
     "The national grid operator cut supply to the depot without notice."),
    # a person's rebase is their change (rules/blame_terms.yaml change_nouns)
    ("possessive-rebase", "Her rebase quietly dropped the audit fix from the release branch.",
     "Her rebase went through cleanly on the release branch."),
]


@pytest.mark.parametrize("name, positive, near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
