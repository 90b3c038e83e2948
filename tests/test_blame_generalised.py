"""Issue 10, second round: constructions generalised through the parse, each with a true
positive and a near-miss of the same shape that must stay silent, and a floor on the
round's own sentences (``tests/data/blame_sentences_issue10.tsv``: 5-10 per
construction, in chat, issue-comment, news, headline and five-whys styles, plus near
misses). Every sentence here and in that file was written for it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import assert_pair, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # slips told by the act's shape (slips.py)
    ("exchanged-pair", "Field technician mixed up the A and B power feeds, officials said.",
     "The load balancer swapped the two backends when the health check flipped."),
    ("exchanged-repair", "lol someone swapped the primary and replica hostnames in the inventory",
     "Ingrid swapped the failing disk for a spare, as the runbook says."),
    ("repeated-one-off", "Felipe ran the one-off backfill twice.", "Amaya ran the test suite twice to rule out flakiness."),
    ("repeated-processed", "Hundreds of customers were double-charged after an employee processed the payment file twice.",
     "The backfill ran twice because the scheduler retried it."),
    ("destructive-command", "I looked: five minutes ago, your login ran TRUNCATE orders.",
     "The operator ran the purge script against the staging bucket."),
    ("destroyed-shared", "A contractor overwrote the shared inventory spreadsheet with last month's copy.",
     "Kai deleted the duplicate alert rule we had flagged last week."),
    # an act judged fine in the head is the judge's act (clauses._judging_verb)
    ("judged-fine", "somebody thought it was a good idea to ship the unreviewed migration on friday",
     "Leila thought it was a good idea to add a canary stage, and the team agreed."),
    ("judged-fine-decided", "The contractor decided it was a great idea to reboot the core switch at noon.",
     "The SRE decided it was safer to fail over to the standby region."),
    # a participle's noun is its subject
    ("participle-subject", "Imagine being an intern running a script and wiping the entire customer table.",
     "Imagine being the on-call engineer at 3am with no runbook and a dozen alerts."),
    # an account, login or commit stands for the person acting through it (agents._proxy_owner)
    ("proxy-acting", "Looks like his account deleted the whole staging bucket last night.",
     "The service account deleted the expired sessions."),
    ("proxy-undergoing", "your login pushed the bad config to every node", "Your account was suspended after the payment failed."),
    # passives: a plain "by", outcome idioms, the reader's own change
    ("passive-plain-by", "Was the whole exchange brought down by one junior trader?",
     "Was the whole exchange brought down by one faulty switch?"),
    ("passive-you", "this file was changed by you in the last commit and now nothing builds",
     "The release was approved by you last week, thanks for the quick review."),
    ("passive-you-modal", "The flag was turned off by you yesterday, so the checks never ran.",
     "The file can be changed by you in the settings page."),
    # verdicts and dishonesty
    ("let-go", "The engineer responsible was let go the following week.",
     "The engineer let the queue drain before restarting the consumers."),
    ("dishonesty", "The supervisor covered up the failed inspection.", "The dashboard hid the error behind a collapsed panel."),
    ("everyone-involved", "Almost everyone involved in the screwup lied about it.", "Nobody lied; the timeline was simply unclear."),
    # fault nouns made by a person (assertions.made_by)
    ("error-by", "The outage was an error by a field engineer.",
     "An error by a person is where an investigation starts, not where it ends."),
    ("made-by", "The cause of the outage was later confirmed to be a misconfiguration made by a network engineer.",
     "The cause of the outage was later confirmed to be a misconfiguration in the load balancer template."),
    ("mistake-made", "The error the contractor made cost us a day.", "The mistake the tool made was to retry forever."),
    ("role-error", "The nationwide outage was the result of an engineering error during a routine upgrade.",
     "The nationwide outage was the result of a firmware fault during a routine upgrade."),
    ("blamed-quoted-error", 'The ISP blamed the outage on "a mistake made by one of our engineers".',
     'The vendor never blamed the outage on "a mistake made by one of our engineers".'),
    ("who-clause-role", "An investigation found the accident was caused by a signaller who set the points incorrectly.",
     "Customers were left stranded when a fault caused by lightning cut the phone lines."),
    # a workplace makes an ambiguous role noun a person
    ("worker-at", "A worker at the data centre accidentally cut a power cable, knocking out service for millions.",
     "A worker at the head of the queue timed out and deleted its lease."),
    # exposure of secrets; "the wrong X" after a done act's preposition
    ("secret-published", "A developer at the startup pushed credentials to a public GitHub repository.",
     "A developer pushed the docs to a public GitHub repository."),
    ("wrong-after-prep", "The clerk clicked on the wrong link.", "The pods were in the wrong namespaces."),
    # a verb-only word the tagger made a noun still heads its clause
    ("verb-only-noun", "A contractor overwrote the shared inventory spreadsheet with last month's copy.",
     "A contractor replaced the failed disk within an hour."),
    # the false alarms real writing produced: recovery, misfortune, denial, responses
    ("recovery-purpose", "Vikram disabled the fraud check to get the batch through.",
     "To stop the bleeding, Anders turned off the replication alerts and paused the consumers."),
    ("recovery-stopgap", "The on-call muted the pager and went home.",
     "As a stopgap, the SRE muted the pager for the noisy disk check until the fix landed."),
    ("switched-back", "The SRE silenced the disk alerts and did not re-enable them.",
     "The SRE on duty silenced the disk alerts while the volume was being resized, and re-enabled them afterwards."),
    ("protective", "The operator cut power to the whole hall during the sale.",
     "A worker at the data centre noticed the smoke and cut power to the hall, preventing a fire."),
    ("misfortune-own", "The on-call missed the page for the disk alert.", "Our support team missed their lunch break dealing with the flood of tickets."),
    ("denied-claims", "The vendor admitted human error in the cable cut.",
     "A spokesperson rejected claims of human error and pointed to a faulty switch."),
    ("response-to-fault", "The engineer made a mistake.", "The engineer reported the fault."),
    ("task-responsibility", "I take full responsibility for the outage.", "The team took full responsibility for the follow-up work."),
    ("restoring-possessive", "Engineer's typo knocks cloud provider offline", "Engineer's quick fix brings cloud provider back online"),
    # fault verbs in senses that are no fault (senses.py)
    ("idiom-object", "Priya broke the checkout page with a typo.", "Priya broke the news to customers in a status update."),
    ("sit-on", "The team sat on the approval for a week.", "The team sat on the bridge call until 4am."),
    ("skip-without-object", "Omar skipped the triage step.", "Omar skipped ahead to the mitigation section of the runbook."),
    ("hurried-repair", "The developer rushed the migration out before the freeze.", "The developer rushed to fix the issue once it was reported."),
    ("noise-ignored", "She ignored the disk alert for an hour.", "She ignored the noisy test alert, which was on the suppression list."),
    ("own-thing", "I broke the login flow with my refactor.", "I think I broke my phone screen during the call, lol."),
    ("counterfactual-credit", "If Tomás had not pushed the change, the site would have stayed up.",
     "If Tomás had not been on call, we would have lost the data."),
    ("late-after-routing", "The engineer replied an hour after the first page.",
     "The engineer replied an hour later, after the page was finally routed to her."),
    ("after-recovery", "The on-call silenced the alert after the disk alarm fired.",
     "The alert was silenced by the on-call engineer after the fix was confirmed."),
    ("denial-then-finding", "The union disputed claims that the driver was speeding, but the inquiry found that he had ignored two red signals.",
     "The union disputed claims that the driver had ignored two red signals."),
    ("quantity-of", "In my defence the command looked harmless, but I wiped two days of analytics data.",
     "I deleted two days of old logs to free the disk."),
    ("pointing-to", "The engineer pointed the load test at production.", "A spokesperson rejected claims of human error and pointed to a faulty switch."),
    # judgements with no act
    ("judged-as-predicate", "The intern is a menace.", "The old dashboard is a liability."),
    ("bunch-of", "Our vendor's engineers are a bunch of amateurs.", "Our vendor's engineers are a bunch of experts."),
    ("useless-person", "The on-call guy was useless.", "The dashboard was useless during the outage."),
    ("out-of-league", "The contractor was clearly out of their league.", "The contractor was clearly out of spare parts."),
    ("draft-to-everyone", "Someone in marketing sent the test email to the entire customer list.",
     "The team sent the test email to the internal QA list."),
    ("own-purpose", "someone unplugged the router to charge their phone", "I restarted the server to apply my patch."),
    ("own-purpose-asked", "someone unplugged the router to charge their phone", "The lead asked the user to power off his laptop."),
    ("organisation-head", "One of Tesco Bank's engineers deleted the ledger table.", "Tesco Bank deleted the ledger table during the migration."),
    ("its-embedded", "Facebook's engineers accidentally withdrew the BGP routes that announced its DNS servers.",
     "The router accidentally withdrew the BGP routes that announced its DNS servers."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_generalised_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences, misses included (measured 0.994 / 0.876 when written)."""
    rows = labelled.load_path(OWN)
    assert len(rows) > 300 and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.98 and res["recall"] >= 0.85, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"
