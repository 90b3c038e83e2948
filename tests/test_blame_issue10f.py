"""Issue 10, round 22 (precision): a person's act the sentence does not assert as a fault
(checks/blame/unasserted.py). Each class is tested with near-misses that must stay silent
and, on the next line of ``tests/data/blame_sentences_issue10f.tsv``, a blaming twin of the
same shape that must still fire: an act under a fear or denied evidence, the writer's own
yes/no question, a case put as a question in the present ("Would you fire someone who
accidentally deletes a bucket?"), a generic conditional about anyone ("If the replica is
empty, it means someone truncated the wrong table"), a responsibility told as a job ("Her
responsibility was the DNS tier"), a blame phrase with a "nobody" subject or an "on me to <task>", "the
reason" for a good outcome, praise with a harm verb, something taken down to test it, a
purpose of preventing this again, and "they" standing for things; and a headline whose
subject is a hazard compound the dictionary lacks ("Heatwave ...", dictionary.hazard_compound),
not a name. Every sentence here was written for this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import assert_pair, blame, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10f.tsv"
eval_blame = load_eval_blame()


def _pairs() -> list[tuple[str, str, str]]:
    """(kind, blaming twin, near-miss): each N row and the "-twin" B row after it."""
    rows = labelled.load_path(OWN)
    out = []
    for n, b in zip(rows, rows[1:]):
        if n.label == "N" and b.label == "B" and b.kind == f"{n.kind}-twin":
            out.append((n.kind, b.sentence, n.sentence))
    return out


PAIRS = _pairs()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def test_every_class_has_five_pairs() -> None:
    kinds = {k for k, _, _ in PAIRS}
    assert len(PAIRS) >= 45
    for kind in kinds:
        assert sum(k == kind for k, _, _ in PAIRS) >= 3, kind


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=f"{k}-{i}") for i, (k, p, n) in enumerate(PAIRS)])
def test_issue10f_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("sentence", [
    # the frames do not reach an act told outright beside them
    "There is no evidence of tampering: Colm deleted the audit table by mistake.",
    "I feared the worst, and I had indeed dropped the orders table.",
    # a worry now about an act before is a hedged admission (guideline 15)
    "I am worried that I truncated the ledger table.",
    # someone else's act asked about is a reproach, not self-doubt
    "Did you skip the canary again?",
    "Did I forget to rotate the signing key?",  # a concrete act asked about is told (issue 10d)
    "Should we keep the engineer who forgot to renew the certificate?",
    "Do we really want Ravi pushing untested code to prod?",
    # "they" after people is the people
    "The contractors arrived late and they cut the fibre.",
    # a slip during a drill is still a slip, and so is a slip praised
    "Marta accidentally killed it in the demo.",
    "During the failover drill, Ana accidentally deleted the production replica.",
    # avoiding a safeguard is a shortcut, whatever comes after
    "To avoid the review next time, Ola merged straight to main.",
])
def test_blaming_neighbours_still_fire(linter: Linter, sentence: str) -> None:
    assert blame(linter, sentence), sentence


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences: all 144 (72 near-misses, 72 twins) gave P 0.585 (51 of
    the 72 near-misses flagged), R 1.0 before this round's changes (unasserted.py and
    dictionary.hazard_compound) and P 1.0, R 1.0 after."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 90 and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.98 and res["recall"] >= 0.97, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"
