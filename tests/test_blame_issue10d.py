"""Issue 10, round 20 (precision): people in incident writing who are mentioned but not
blamed, where the recognizers read a fault. Each class is fixed through the parse and
tested with the sentence that must stay silent and its blaming twin that must still fire;
and a floor on the round's own sentences (``tests/data/blame_sentences_issue10d.tsv``:
recovery work near failure words, routine acts followed by the system's own failure,
offers, misfortune, thanks, reports, denials and news prose, written before the
recognizers were read). Every sentence here was written for this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import assert_pair, blame, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10d.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# (id, blaming twin that must fire, sentence that must stay silent)
PAIRS = [
    # a verb that renews, replaces or takes out of service what it acts on: the broken
    # state of its object is why (framing._remedied; ``remedial`` in rules/verbs.yaml)
    ("replaced-faulty", "Oskar replaced the wrong fan tray in chassis 2.", "Oskar replaced the faulty fan tray in chassis 2."),
    ("swapped-bad", "Lars swapped the bad disk in the wrong server.", "Lars swapped the bad disk in the storage server."),
    ("rebuilt-corrupted", "Wen pushed the corrupted index to every replica.", "Wen rebuilt the corrupted index on every replica."),
    ("reset-broken", "I reset the wrong replication slot on the primary.", "I reset the broken replication slot on the primary."),
    ("backed-out-faulty", "Chiara rolled out the faulty firmware to the edge routers.",
     "Chiara backed out the faulty firmware on the edge routers."),
    ("renewed-expired", "Tomas installed the expired certificate on the gateway.", "Tomas renewed the expired certificate on the gateway."),
    ("cordoned-broken", "I cordoned the broken node with an untested drain script.", "I cordoned the broken node and let the scheduler move its pods."),
    # a destroyed thing that was itself acting up: removing it is the recovery
    # (harmless_objects in rules/framing.yaml)
    ("wiped-misbehaving", "Nadia wiped the primary cache node.", "Nadia wiped the misbehaving cache node and rejoined it."),
    # a routine act, then the system's own failure in a clause with a system subject
    # (routine.system_turn); "it" after the act, a resized setting or other framing still fire
    ("upgrade-then-crash", "Pia upgraded the cluster and it crashed the ingress controller.",
     "Pia upgraded the cluster and the ingress controller crashed on start."),
    ("restart-then-overload", "Gil restarted the wrong service, and the cache warm-up overloaded the database.",
     "Gil restarted the service, and the cache warm-up then overloaded the database."),
    ("tag-then-fail", "The release manager tagged 7.1 before the fix had landed, and the packaging job failed.",
     "The release manager tagged 7.1 and the packaging job failed on arm64."),
    ("apply-then-lose", "Eli applied the untested patch, and the array lost two disks an hour later.",
     "Eli applied the vendor patch, and the array lost two disks an hour later."),
    # the writer's own act ties the two, unless it is told as planned
    ("self-planned", "I applied the migration and the ORM started throwing errors.",
     "I applied the migration in the maintenance window and the ORM started throwing errors."),
    ("resize-still-fires", "Ilse lowered the pool size to 4 and the API ran out of connections.",
     "Ilse upgraded the pool driver and the API ran out of connections."),
    # a counterfactual whose result is the speaker's offer (offers.offered)
    ("offer-of-help", "If you had read the alert, you would have failed over sooner.", "If you had asked, I'd have helped with the failover."),
    ("offer-brought", "Had I checked the target, none of this would have happened.", "Had I known you were on call, I would have brought snacks."),
    # a risky time in a thank-you counts only as the time of a change (thanked_time)
    ("thanks-holiday-shift", "Thanks, Olu, for deploying over the holiday.", "Thank you, Olu, for taking the pager over the holiday."),
    ("thanks-weekend", "Thanks to Ines for merging during the weekend freeze.", "Thanks to Ines for covering the weekend shift."),
    # a "that" clause with its own subject under a reporting verb is what was reported,
    # not a consequence of the reporter (framing.consequence_framing)
    ("reported-that", "Lena ran a script that corrupted the archive.", "A tester on the forum noted that release 2.4 corrupts large archives."),
    # ... but not an admission, a person's act reported, or a thing of someone's (harm_told.reported_thing)
    ("admitted-that", "He admitted that the change broke checkout.", "He noted that the change broke checkout."),
    ("said-that-person", "The manager said that Ola broke the build.", "The manager said that the update broke the build."),
    # round 2: a release taken back from its users is remedial too
    ("yanked-broken", "The maintainer yanked the wrong release from the index.", "The maintainer yanked the broken release from the index."),
    # a meeting missed for the incident is something that happened to the person
    # (misfortune_objects); a page missed is still a fault
    ("missed-meeting", "Ana missed the page because she was in a meeting.", "Ana missed the retro because she was still on the outage."),
    # damage said of nothing in a thank-you (thanked_time.none_affected)
    ("thanks-nothing-lost", "Thanks to Ravi, all of Tuesday's orders were lost.", "Thanks to Ravi's quick thinking, no orders were lost."),
    # an unknown individual's step that ended the trouble (unknown.py)
    ("someone-then-recovered", "Someone restarted the primary.", "Someone bounced the gateway and the errors stopped."),
    # something taken down to let the repair happen (intent._for_repair)
    ("cut-to-allow-repairs", "Crews cut power to the hospital wing by mistake.", "Crews cut power to the hospital wing to allow repairs."),
    # a safeguard off for the span of a repair (intent._mitigating), unless never undone
    ("off-while-fixing", "I turned off the disk alert while I fixed the threshold and never turned it back on.",
     "I turned off the disk alert while I fix the threshold."),
    ("delete-while-cleaning", "The intern deleted the backup bucket while tidying up old resources.",
     "The intern deleted the stale buckets while tidying up old resources."),
    # a choice of the cautious act over a change (framing._chose_caution)
    ("chose-to-wait", "Jill decided to deploy the hotfix rather than wait for the canary.",
     "The team chose to wait for the vendor rather than patch locally."),
    # the manual work an outage forced on people (framing._obliged)
    ("had-to-by-hand", "Kemal edited the production config by hand.", "Support had to issue the refunds by hand for most of the day."),
    # a check the person ran, whose failing is what it found (routine.check_result)
    ("ran-tests-failed", "I ran the migration against prod and the database fell over.",
     "I ran the smoke tests with the new flag and three of them failed."),
    # round 3: fault verbs in senses that are no fault (senses.py)
    ("forgot-to-mention", "I forgot to mention the schema change to the on-call.", "I forgot to mention: the hotfix is already out."),
    ("forgot-to-say-thanks", "I forgot to renew the certificate, sorry.", "I forgot to say thanks to Oona earlier, thank you!"),
    ("what-did-i-miss", "Did I miss the page?", "Just joined, what did I miss?"),
    ("apology-what-missed", "sorry, I missed the page, my phone was on silent", "Sorry I'm late to the bridge, did I miss anything?"),
    ("broke-it-down", "He broke the login page with a one-line change.", "He broke the timeline down into three phases."),
    ("own-local-copy", "Nina blew away the shared staging environment.", "Nina blew away her local environment and started fresh."),
    ("skipped-lunch", "Jun skipped the canary to finish the fix faster.", "Jun skipped lunch to finish the fix."),
    # "by hand" frames a change to a system, not manual work on anything else
    ("by-hand-not-a-change", "Kemal edited the production config by hand.", "Workers sorted the parcels by hand for two days."),
    # round 4: a supply interrupted for the repair (``interruption`` verbs, intent._for_repair)
    ("cut-to-repair", "Crews cut power to the hospital wing without warning anyone.",
     "Crews cut power to the street to repair the damaged line."),
    ("cut-to-make-repairs", "The utility said a crew had cut power to the wrong street.",
     "The utility said crews had to cut power to 5,000 homes to make repairs safely."),
    # catching or flagging the wrong thing is finding it (recovery, diligence verbs)
    ("caught-the-wrong", "The pharmacist dispensed the wrong dosage to the patient.",
     "The pharmacist caught the wrong dosage before it reached the patient."),
    ("flagged-the-wrong", "The reviewer didn't flag the wrong dosage.", "The reviewer flagged the wrong dosage."),
    # round 5: an act that stops, removes or reports an object whose relative clause says
    # it was doing harm (harm_told.stopped_harm); setting the harm going still fires
    ("stopped-what-harmed", "Tess started a job that flooded the queue.", "Tess stopped the job that was flooding the queue."),
    ("disabled-what-harmed", "Jo pushed a cron job that deleted user uploads.", "Jo disabled the cron job that was deleting user uploads."),
    ("quarantined-what-leaked", "Lou deployed a host image that leaked credentials.", "Lou quarantined the host that was leaking credentials."),
    ("reported-what-breaks", "Jo wrote a script that wiped the bucket.", "Fin reported a regression that breaks login on Safari."),
    ("removed-what-blocked", "Ben removed the only firewall rule.", "Ben removed the firewall rule that blocked EU traffic."),
    # round 6: a counterfactual its own sentence denies (denied_hindsight.py)
    ("neither-could-have", "The second reviewer could have spotted the bug from the diff.",
     "Neither reviewer could have spotted the bug from the diff."),
    ("do-not-think-should", "We think Jo should have caught this in review.", "We do not think Jo should have caught this in review."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_issue10d_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("sentence", [
    "Dana replaced the faulty patch cable with an untested one.",  # what went in is still read
    "Mo replaced the wrong certificate on the load balancer.",
    "Eli applied the vendor patch to prod without a change ticket, and the array lost two disks.",
    "Thank you, Dylan, for the Friday deploy.",
    # a relative clause set off by a comma tells what the act did, not what its object was doing
    "Mirela truncated the audit table, which signed every user out.",
])
def test_blaming_neighbours_still_fire(linter: Linter, sentence: str) -> None:
    assert blame(linter, sentence), sentence


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences, misses included. All 613 (six rounds, each written before
    its fixes) gave P 0.662 (51 false positives), R 0.893 before the round's changes and
    P 0.990 (1), R 0.893 after. The one left: "killed it in the demo" (praise, or a process
    killed? the parse cannot tell)."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 200 and {r.label for r in rows} == {"B", "N"}
    assert sum(r.label == "N" for r in rows) >= 150 and sum(r.label == "B" for r in rows) >= 50
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.98 and res["recall"] >= 0.88, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"
