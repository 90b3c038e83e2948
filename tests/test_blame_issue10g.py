"""Blame said as an evaluation of a person (evaluative.py): a person's fault as a noun
they own, a verdict found on a person, blame placed on a person, and a judgement
coordinated after a passive predicate. Each construction has positives and near
misses of the same shape (a thing in the person's place, a denial, a person in
general, an owner of a task rather than of a failure); and a floor on the round's own
sentences (``tests/data/blame_sentences_issue10g.tsv``). Every sentence here was
written for this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import blame, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10g.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# A fault noun (misdeed_nouns, blame_nouns, judgement_nouns; "failure" only as a failure
# to act) owned by a person through a possessive or "by"/"of"
POSSESSED_FAULT = [
    "The crew's misjudgement led to the overrun.",
    "Dmitri's misreading of the graph sent us down the wrong path.",
    "The root cause was the operator's failure to check the target.",
    "Her failure to renew the certificate took the portal offline.",
    "The on-call's misjudgement of the alert delayed the response.",
    "We lost the cache because of Hana's misstep.",
    "His misunderstanding of the flag caused the rollout to stall.",
    "The ticket traced the data loss to Oskar's misconfiguration of the retention policy.",
    "The delay was down to the on-call's failure to escalate.",
    "Marta's neglect of the rotation checklist left the old key active.",
    "The contractor's mishandling of the cutover cost four hours.",
    "Honestly it was his misclick in the console that stopped the cluster.",
]
POSSESSED_FAULT_SILENT = [
    "The load balancer's misjudgement of health caused flapping.",  # a system's
    "The scheduler's misreading of the cron string skipped the job.",
    "The disk's failure to mount delayed the restore.",
    "It was not the crew's misjudgement; the chart was wrong.",  # a denial
    "Nobody's misjudgement caused this; the forecast was wrong.",
    "The crew's judgement during the recovery was sound.",  # no fault noun
    "Dmitri's reading of the graph was correct.",
    "Her login failure was caused by the expired token.",  # a thing that failed
    "Her failure alert fired at 09:10.",
    "Priya's analysis of the misconfiguration was thorough.",  # the fault is not hers
    "The team's analysis of the failure is in the appendix.",
    "A misreading of the lag graph is easy with this dashboard.",  # nobody's
    "Her failure to log in was caused by the SSO outage.",  # an attempt the sentence explains
    "The operator's failure to connect was due to the expired certificate.",
    "The on-call's inability to reach the vendor delayed the fix.",
    "Sam's failure analysis is attached.",
    "The intern's mistake-proof checklist caught the typo.",
]

# A verdict found on a person (verdict_verbs + verdict_adjectives, judgement adjectives,
# "at fault"; "responsible" only for a failure), and blame placed on a person
# (blame_placing_verbs)
VERDICT = [
    "Investigators found the crew at fault.",
    "The board found the operator culpable.",
    "The review found the engineer negligent.",
    "The panel deemed the contractor responsible for the loss.",
    "The audit found the release manager at fault for the skipped freeze.",
    "The internal review deemed the night operator negligent.",
    "The inquiry held the contractor responsible for the outage.",
    "The report put the blame squarely on the pilot.",
    "Management pinned the outage on the new hire.",
    "The company placed the blame on the night shift.",
    "Leadership put the blame for the outage on the junior admin.",
    "They shifted the blame onto the intern.",
]
VERDICT_SILENT = [
    "The review found the runbook at fault.",  # a thing judged
    "The board found the alerting culpable.",
    "The inquiry held the migration responsible for the outage.",
    "The panel deemed Aiko responsible for the migration plan.",  # an owner of a task
    "Investigators found no one at fault.",  # nobody (rule 5)
    "Nobody put the blame on the intern.",
    "The review did not find the engineer negligent.",  # a denial
    "Leadership did not pin the outage on anyone.",
    "The report put the blame on the missing interlock.",  # on a thing
    "The team put the fix on the release branch.",  # no blame placed
    "We found the operator in the break room.",
    "The review found the engineer in good standing.",
    "The board found the operator helpful and responsive.",
    "The audit found the contractor's invoices at fault.",
    "They put the outage on the status page within minutes.",
    "The team pinned the outage on a bad BGP announcement.",
    "We do not hold the operator responsible for the outage.",
    "Nobody found the crew at fault.",
]

# A verdict said with "be": a verdict adjective of a person ("liable"/"accountable" only
# for a failure), or a blame seat ("the person to blame", "the one at fault") equated
# with a person
COPULA_VERDICT = [
    "The contractor is liable for the damage.",
    "The on-call was culpable.",
    "The night operator was accountable for the outage.",
    "The DBA is guilty of the data loss.",
    "The person to blame is the release manager.",
    "The one at fault was the on-call.",
]
COPULA_VERDICT_SILENT = [
    "The contractor is liable for the hardware under the lease.",  # not a failure
    "The on-call is accountable for paging the vendor.",
    "The team lead is responsible for the rota.",
    "The person to call is the release manager.",  # no blame seat
    "The person to ask is the release manager.",
    "The component at fault was the load balancer.",  # a thing in the seat
    "The one at fault was the expired certificate.",
    "The operator was not culpable.",  # a denial
    "If the contractor were liable for the damage, the insurer would pay.",  # a hypothesis
    "The question of who is to blame is beside the point.",  # meta
    "I feel guilty about the late page.",  # a feeling
    "Engineers are rarely culpable for outages like this.",  # people in general
]

# A person's competence judged as wanting: competence_words with an inadequacy adverb,
# or negated with an adequacy adverb
UNFIT = [
    "The technician was poorly trained.",
    "These notes clearly show that he was not properly qualified to run the switchover.",
    "The night operator was badly prepared for the failover.",
    "The contractor was inadequately briefed and not properly qualified.",
    "The new DBA was not sufficiently experienced to run the cutover alone.",
]
UNFIT_SILENT = [
    "The technician was trained on the new switchgear last year.",  # a fact
    "The operator was not trained on the new console, because the course was cancelled.",
    "The runbook was poorly written.",  # a thing
    "The technician was well trained.",  # praise
    "If the crew had been properly trained, the procedure would still have failed.",  # a hypothesis
    "Being poorly trained is common among new hires everywhere.",  # in general
    "The team was fully briefed before the cutover.",
]

# A fault noun owned "on the part of" a person
PART_OF = [
    "The delay came from inaction on the part of the shift lead.",
    "Negligence on the part of the contractor left the valve open.",
]
PART_OF_SILENT = [
    "Inaction on the part of the scheduler left the queue full.",
    "There was no negligence on the part of the contractor.",
]

# "you ought to have ...": the perfect after "ought" with "you" as its subject
YOU_OUGHT = [
    "You ought to have run the tests.",
    "You ought to have known the flag was global.",
]
YOU_OUGHT_SILENT = [
    "You ought to run the tests.",  # an instruction
    "You ought to have a tested restore procedure.",  # "have" is the verb
    "You ought to have been told about the freeze.",  # done to the person
    "You ought not to have to restart it by hand.",
    "The alert ought to have fired after ten minutes.",  # a system
]

# A judgement adjective coordinated after a passive predicate of a person
COORDINATED = [
    "The technician was poorly trained and careless.",
    "The contractor was poorly supervised and careless.",
    "The new hire was badly prepared and sloppy.",
    "The admin was overworked and reckless that night.",
]
COORDINATED_SILENT = [
    "The technician was well trained and careful.",
    "The admin was overworked and exhausted that night.",  # a condition, not a judgement
    "The pipeline was poorly configured and flaky.",  # a system
    "The engineer was not trained and not careless either.",
]


@pytest.mark.parametrize("sentence", POSSESSED_FAULT + PART_OF + VERDICT + COPULA_VERDICT + UNFIT + YOU_OUGHT + COORDINATED)
def test_evaluative(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].message.endswith("."), sentence


@pytest.mark.parametrize("sentence", POSSESSED_FAULT_SILENT + PART_OF_SILENT + VERDICT_SILENT + COPULA_VERDICT_SILENT + UNFIT_SILENT + YOU_OUGHT_SILENT + COORDINATED_SILENT)
def test_evaluative_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences; the misses and false positives left at the end of the
    round (a generic "an operator's error", praise of a person's work, a sentence-initial
    fault noun read as a name, a vendor, a "why did you" question, an ironic "thanks to
    your typo") are named in its report."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 90 and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.94 and res["recall"] >= 0.95, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"
