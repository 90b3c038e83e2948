"""Faults the blind graders named in rewrites (issue 11, branch rewrite27): a place phrase
of the thing passed over moved behind the passive verb ("skipped in the upgrade guide"),
what the writer's verdict was for dropped with the verdict, and a judged process said to
have "fallen short". Each has a near miss the change must leave as it was.

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
    # the step is in the guide: said after the verb, the guide would have skipped it
    pytest.param("Ana skipped the lint step in the release checklist.", "The lint step in the release checklist was skipped.",
                 id="skipped-thing-keeps-its-place"),
    pytest.param("You skipped the backup step in the install guide, which is why your cluster won't boot.",
                 "The backup step in the install guide was skipped, which is why the cluster won't boot.",
                 id="skipped-thing-keeps-its-place-before-which"),
    pytest.param("Tobiah overlooked the delete line in the change plan.", "The delete line in the change plan went unnoticed.",
                 id="overlooked-thing-keeps-its-place"),
    # near miss: after a verb that acts on the thing, "in" says where the act was done
    pytest.param("Bogdan deleted the namespace in production.", "The namespace was deleted in production.",
                 id="act-place-still-after-verb"),
    # near miss: a verdict for the incident itself names nothing the rewrite must keep
    pytest.param("My fault for the downtime: I restarted the primary without draining it.",
                 "The primary was restarted without being drained.", id="verdict-for-the-incident-goes"),
    # the writer's status note after a cleft stays, set apart; (rewrite29) the hedge before
    # it was on who did it and goes with them (tests/test_rewrite_round19.py)
    pytest.param("pretty sure it was the build engineer who turned the toggle off in staging, checking the deploy log now",
                 "The toggle was turned off in staging; checking the deploy log now.", id="cleft-status-kept-hedge-goes"),
    # near miss: a lead that is no hedge goes with the cleft, as before
    pytest.param("Of course it was Bob who dropped the index at noon.", "The index was dropped at noon.", id="cleft-lead-not-a-hedge"),
    # the person's "-ing" on the thing itself is said as a passive of the thing, not left dangling
    pytest.param("The review board found that the shift lead had approved the index change without reading it.",
                 "The review board found that the index change had been approved without being read.", id="gerund-on-subject-without"),
    pytest.param("The front desk clerk disabled the door sensors instead of resetting them.",
                 "The door sensors were disabled instead of being reset.", id="gerund-on-subject-instead-of"),
    pytest.param("I didn't read the patch properly before merging it.", "The patch was not read properly before being merged.",
                 id="gerund-on-subject-before"),
    # near miss: an "-ing" on another thing says how the act was done, and stays
    pytest.param("The operator restarted the primary without checking the replica count.",
                 "The primary was restarted without checking the replica count.", id="gerund-on-another-thing-stays"),
    # a delivery act with no object and the damage it did: the act's noun is the subject
    pytest.param("Sorry all, I force-pushed to main and wiped out two of your commits.",
                 "A force-push to main wiped out two of your commits.", id="delivery-noun-did-the-damage"),
    pytest.param("I pushed to staging and broke the login page.", "A push to staging broke the login page.", id="delivery-noun-broke"),
    # what the blame was for is the impact; the act alone would lose it, so (rewrite29) it
    # leads the act (rewrite/topic_lead.py)
    pytest.param("The blame for the duplicate refunds in payments sits with me; I skipped the canary because it was late.",
                 "The duplicate refunds in payments: the canary was skipped because it was late.", id="blame-for-an-impact"),
    pytest.param("Blame me for the retry limit; I chose five retries without testing anything.",
                 "The retry limit: five retries were chosen without testing anything.", id="blame-me-for-a-setting"),
    # a check not done is the check that did not happen, not "It was not checked whether"
    pytest.param("They didn't check whether the rollback could be undone.", "There was no check of whether the rollback could be undone.",
                 id="no-check-whether"),
    pytest.param("Esra didn't verify that the restored backup actually contained last week's invoices.",
                 "There was no check that the restored backup contained last week's invoices.", id="no-check-that"),
    pytest.param("Ravi never checked whether the alerts could fire.", "There was never a check of whether the alerts could fire.",
                 id="never-a-check"),
    # near miss: a question keeps its order, and noticing is no check
    pytest.param("Why did the engineer forget to check whether the billing job is affected?",
                 "Why was it not checked whether the billing job is affected?", id="check-question-as-before"),
    pytest.param("The release manager failed to notice that the changelog listed a step that had never run.",
                 "It was not noticed that the changelog listed a step that had never run.", id="notice-is-no-check"),
    # a written artefact someone botched was wrong; a process still went wrong
    pytest.param("I screwed up the cron expression, so the purge job ran every minute.",
                 "The cron expression was wrong, so the purge job ran every minute.", id="botched-artefact-was-wrong"),
    pytest.param("Siobhan screwed up the database failover, and we lost writes.",
                 "The database failover went wrong, and we lost writes.", id="botched-process-went-wrong"),
    # a command's options follow the passive verb, not the subject
    pytest.param("A trainee ran the log-rotation script with the wrong flag and purged six months of audit logs.",
                 "The log-rotation script was run with the wrong flag and six months of audit logs were purged.", id="run-with-options"),
    # near miss: the "in" phrase that carries a clause still goes after the verb
    pytest.param("Dana missed a comma in the sponsors file, which blanked the whole site.",
                 "A comma was missed in the sponsors file, which blanked the whole site.", id="in-phrase-with-clause-after-verb"),
    # a headline's compound subject is a headline's too: the bare participle
    pytest.param("Lab technician mislabels 200 samples in a single morning", "200 samples mislabeled in a single morning",
                 id="headline-compound-subject"),
    # near miss: the writer's own haste stays
    pytest.param("When Isabela rushed the hotfix out without tests, the parser started rejecting valid receipts.",
                 "When the hotfix was rushed out without tests, the parser started rejecting valid receipts.", id="written-haste-kept"),
    # a judged work with what the verdict saw: that is said, of the work, with its own article
    pytest.param("The vendor's work on the proxy config was negligent, with no review of any kind.",
                 "The work on the proxy config had no review of any kind.", id="judged-work-with-what-was-seen"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITTEN)
def test_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    # an idiom of poor quality is no claim about time: "rushed", "in a hurry" are never
    # said (rewrite31 says the idiom itself without its doer: tests/test_rewrite_round31.py)
    pytest.param("Priyanka cut corners on the backup script, and it shows.", id="cut-corners-not-rushed"),
    pytest.param("Osric bodged the retry logic together before the launch.", id="bodged-not-in-a-hurry"),
])
def test_no_haste_added(linter: Linter, sentence: str) -> None:
    assert not any(w in s for s in suggestions(linter, sentence) for w in ("rushed", "hurry", "hastily"))


REFUSED = [
    # "fell short" restates the verdict (graded so every time it was offered)
    pytest.param("Ignatius's handling of the cutover was sloppy.", id="judged-process"),
    pytest.param("Ignatius's review of the runbook is lazy and rushed.", id="judged-process-present"),
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_refused(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


WORRIES = [
    # what the writer feared is a risk foreseen: the act alone would lose it
    pytest.param("Ugh, I feared that could happen with the old driver, I rebooted the host while the copy was still running.",
                 [], id="worry-with-what-was-feared"),
    # near miss: a bare feeling still goes, the act stays
    pytest.param("Ugh, I was nervous, and I rebooted the host while the copy was still running.",
                 ["The host was rebooted while the copy was still running."], id="bare-feeling-goes"),
]


@pytest.mark.parametrize(("sentence", "expected"), WORRIES)
def test_worries(linter: Linter, sentence: str, expected: list[str]) -> None:
    assert suggestions(linter, sentence) == expected


def _bracket(original: str, candidate: str, person: set[str] | None = None) -> str | None:
    from lint_service.rewrite.lost_facts import bracket_lost
    from lint_service.rewrite.verify import Original, pronouns_of

    from rewrite_support import first_sentence

    sent = first_sentence(original)
    me = next(t for t in sent if t.lower_ in ("my", "i") or t.text in (person or set()))
    return bracket_lost(first_sentence(candidate), Original(sent, person=person or set(), pronouns=pronouns_of(me)))


def test_bracketed_aside_lost() -> None:
    # the writer's aside on why it happened is a contributing condition
    assert _bracket("Seems the tag was never pushed after the merge - my fault, sorry (that is what happens when you ship from an airport!).",
                    "Seems the tag was never pushed after the merge.") is not None


def test_bracket_without_a_clause_may_go() -> None:
    assert _bracket("I (Marek) restarted the primary instead of the replica.", "The primary was restarted instead of the replica.") is None
    # a bracket that points at the removed person goes with them
    assert _bracket("Someone (looking at you, Marek) switched off the nightly backup.", "The nightly backup was switched off.",
                    {"Marek"}) is None


def test_a_second_deliberate_act_is_not_said_of_the_delivery(linter: Linter) -> None:
    # near miss: deleting is an act of its own, not what the force-push did
    assert "Apparently the change was force-pushed to the release branch and the old tags were deleted." in suggestions(
        linter, "Apparently Ulrike force-pushed to the release branch and deleted the old tags.")
    # near miss: a manner on the act keeps the coordinated passive
    assert "A push to staging broke the login page." not in suggestions(linter, "I carelessly pushed to staging and broke the login page.")


def test_another_person_acting_past_an_auxiliary_is_refused(linter: Linter) -> None:
    # the other clause still says who shared the login, only with "had" between them
    assert suggestions(linter, "The review found that two operators had shared one admin login and that one of them wiped the backups.") == []


def test_a_speaker_past_an_auxiliary_still_reports(linter: Linter) -> None:
    # near miss: a spokesperson who has said something did nothing wrong
    out = suggestions(linter, "A spokesperson has said that a technician unplugged the wrong feed.")
    assert "A spokesperson has said that the wrong feed was unplugged." in out
