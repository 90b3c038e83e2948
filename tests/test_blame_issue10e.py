"""Issue 10, round 21: constructions found missing in a pool of fresh real writing
(confessions, issue comments, news prose about workers and crews), each rebuilt here
from sentences of our own: true positives and near misses of the same shape that must
stay silent, and a floor on the round's own set
(``tests/data/blame_sentences_issue10e.tsv``). Every sentence here was written for
this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import assert_pair, blame, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10e.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# A negated act with the standard it fell short of (standard_unmet.py): a manner adverb,
# a "per"/"according to" phrase, "as specified", "what she was told to do".
SHORT_OF_STANDARD = [
    ("adverb", "The fitter did not torque the bolts properly.", "The relay did not trip properly under load."),
    ("adverb-we", "Ines didn't patch the cables correctly, so the uplinks went to the wrong ports.", "We did not size the pool correctly."),
    ("per-guide", "The vendor engineer did not mount the rail per the installation guide.", "Nobody labelled the cables correctly."),
    ("as-specified", "Our contractor did not seal the conduit as specified.", "The fitter torqued the bolts properly."),
    ("according-to", "The night operator did not run the failover according to the runbook.", "Marta did not restore the cluster fully until 16:20."),
    ("chat", "i didn't tag the release properly and the pipeline picked the old image", "I did not sleep properly during the on-call week."),
    ("as-required", "Tomasz did not apply the patch as the advisory required.", "Kenji did not understand the graph correctly at first."),
    ("what-told", "She didn't do what she was told to do.", "The guide did not explain the torque values properly."),
    ("reported", "The inspection found that the installer had not fitted the gasket correctly.",
     "The installer had not fitted the gasket yet when the inspector arrived."),
    ("question", "The electrician did not ground the rack properly.", "Did the fitter torque the bolts properly?"),
]


@pytest.mark.parametrize("name,positive,near_miss", SHORT_OF_STANDARD, ids=[p[0] for p in SHORT_OF_STANDARD])
def test_short_of_standard(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# "because of me/him/her" and "because of <someone's> change" as the cause of harm
# (assertions.person_cause, possessives: the noun the parser hangs on "because"); a
# person named as the reason the harm was small is credit (credited_cause.py).
OWNED_CAUSE = [
    ("me", "The checkout page was down for forty minutes because of me.", "The restore worked because of her."),
    ("him", "The nightly export failed because of him.", "We found the leak quickly because of him."),
    ("her-short", "Half the fleet went offline because of her.", "Because of her, the outage was short."),
    ("my-change", "The API returned errors for an hour because of my config change.", "Because of our migration, the billing run broke."),
    ("name-change", "The payroll run broke because of Dmitri's migration.", "I joined the bridge late because of the train."),
    ("typo", "Billing was offline all morning because of my typo.", "Because of my vacation, Ama covered the rota."),
    ("minimal", "The search cluster went down because of his script.", "Because of him, the data loss was minimal."),
    ("contained", "Sorry all, the staging deploys were broken because of me.", "The outage was contained within minutes because of her."),
    ("only", "Prod went down because of Ravi.", "Because of her, the outage lasted only ten minutes."),
]


@pytest.mark.parametrize("name,positive,near_miss", OWNED_CAUSE, ids=[p[0] for p in OWNED_CAUSE])
def test_owned_cause(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# Roles named by a phrase whose head alone is a system noun (compound_roles.py).
COMPOUND_ROLES = [
    ("by-mistake", "The tower controller cleared two aircraft onto the same runway by mistake.",
     "The ingress controller dropped half the routes after the upgrade."),
    ("forgot", "An air traffic controller forgot to hand the flight over to the next sector.",
     "The storage controller forgot its cached writes after the power cut."),
    ("error-noun", "The report named air traffic controller error as the trigger for the runway incursion.",
     "The traffic controller pod crashed during the rollout."),
    ("ignored", "A rookie controller ignored the conflict alert.", "A domain controller rejected the login."),
    ("neutral-act", "The approach controller did not issue the traffic advisory properly.",
     "The air traffic controller cleared the runway for the medevac flight."),
    ("recovery", "The ground controller accidentally sent the tug across an active taxiway.",
     "The tower controller issued a go-around and both aircraft landed safely."),
]


@pytest.mark.parametrize("name,positive,near_miss", COMPOUND_ROLES, ids=[p[0] for p in COMPOUND_ROLES])
def test_compound_roles(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_controller_alone_stays_a_system(linter: Linter) -> None:
    """A bare "controller" is software: its own fault verb is the system's."""
    assert not blame(linter, "The controller ignored the stale lease and kept reconciling.")


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences (95 rows, 46 B; when the round closed P 1.000 / R 0.978,
    the one miss a headline whose verb, "froze", says no harm by itself)."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 60 and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.98 and res["recall"] >= 0.93, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"


# An error head "on someone's part/side" (assertions.blame_noun), as the blame nouns
# already were ("a mistake on my part"); a place ("my side of the map") and a
# hypothetical stay silent.
ONES_PART_ERRORS = [
    ("side", "A merge error on my side turned the nightly build red.", "Errors on my side of the dashboard are expected."),
    ("part", "A slip on my part took the payments queue down.", "If there is an error on your side, retry the upload."),
    ("failure", "A failure on my part, sorry: the cron never got re-enabled.", "A timeout on my side broke the build."),
    ("lapse", "A lapse on his part let the certificate expire.", "There was no error on my side."),
]


@pytest.mark.parametrize("name,positive,near_miss", ONES_PART_ERRORS, ids=[p[0] for p in ONES_PART_ERRORS])
def test_error_on_ones_part(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# A fault verb in a relative clause whose object is the noun it hangs on
# (gapped_object.py): read as in the main clause; the person's own loss, known noise,
# "we" and no one stay silent.
GAPPED_OBJECTS = [
    ("skipped", "The one step I skipped was the backup.", "The steps we skipped were optional."),
    ("ignored", "The warning I ignored was the disk alert.", "The noisy alert I ignored had flapped all week."),
    ("missed", "That was the check I missed.", "The lunch I skipped did not matter."),
    ("she", "The reminder she ignored was the renewal notice.", "The alert nobody ignored fired at noon."),
    ("system", "The health check the new hire skipped was the one for the replica.", "The stage Jenkins skipped was the lint step."),
    ("generic", "The second step I skipped was the dry run.", "The steps you skip in a drill are noted."),
]


@pytest.mark.parametrize("name,positive,near_miss", GAPPED_OBJECTS, ids=[p[0] for p in GAPPED_OBJECTS])
def test_gapped_object(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# A verb of touch on a connector (physical_slip.py); the same verbs on settings and
# work, put back, with a purpose, or done by a thing stay silent.
PHYSICAL_SLIPS = [
    ("bumped", "He bumped the network cable while racking the new shelf.", "I bumped the pool size to 800."),
    ("kicked-out", "Our contractor kicked out the plug of the storage shelf.", "She kicked off the deploy after the standup."),
    ("tripped-over", "She tripped over the power strip behind the rack.", "I kicked the plug back into the socket."),
    ("knocked", "I knocked the fibre jumper loose.", "Jun tripped the breaker to test the UPS."),
    ("kicked", "I kicked the power cord out of the socket.", "The rack fan bumped the cable."),
    ("leaned", "The electrician leaned on the breaker and the hall went dark.", "He leaned on the team for help."),
]


@pytest.mark.parametrize("name,positive,near_miss", PHYSICAL_SLIPS, ids=[p[0] for p in PHYSICAL_SLIPS])
def test_physical_slip(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
