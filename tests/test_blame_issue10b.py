"""Issue 10, round 16: constructions of real incident writing the recognizers missed,
generalised through the parse, each with a true positive and a near miss of the same
shape that must stay silent; and a floor on the round's own sentences
(``tests/data/blame_sentences_issue10b.tsv``: chat lines, issue comments, news prose and
headlines, written before the recognizers were read). Every sentence here was written
for this file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import assert_pair, blame, load_eval_blame  # noqa: E402

OWN = REPO / "tests" / "data" / "blame_sentences_issue10b.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # the ownership phrase on a mistake or a piece of work, wherever the parser hangs it
    # (possessives.ones_part; "part", "side", "end" in rules/blame_terms.yaml)
    ("mistake-on-my-part-before-colon", "Stupid mistake on my part: the cron expression is off by an hour.",
     "Stupid mistake in the template: the cron expression is off by an hour."),
    ("work-on-my-side", "Really sloppy work on my side, the migration never checked for nulls.",
     "A lot of work on my side went into the migration guide."),
    ("mistake-on-his-end", "It was a careless mistake on his end.", "The fix is on his end, he is deploying it now."),
    # a judgement of a person's act said as a fragment, without "it was"
    ("judged-fragment", "Careless of me to merge before the checks finished.", "Kind of you to cover my shift, thanks."),
    ("judged-fragment-role", "Pretty negligent of the on-call to mute the pager all night.",
     "Not careless of her at all, the runbook said to mute the pager."),
    # a chat line whose dropped "I" follows only an apology or "that was me"
    ("apology-then-fragment", "sorry, pushed the wrong tag to the registry", "sorry, restarted the runner, it should pick the job up now"),
    ("owned-then-fragment", "that was me, sorry, fat-fingered the shard count to 0 on the search cluster",
     "that was me, restored the backup from last night"),
    # a reason clause under a verb of writing or saying is asserted, not reported
    ("reason-under-writing", "I'm writing this up because I caused it.", "I'm writing this up because the team asked for a timeline."),
    # a role's error "to blame" is a finding; error in general is not
    ("error-to-blame", "Operator error at the depot is to blame for the delay.", "Human error is a symptom, not a cause."),
    # "X, not Y": the "not" sets Y aside and X is asserted; "Y, not X" sets X aside
    ("contrast-not", "Engineer error, not a hardware fault, caused the 02:40 page storm.",
     "A hardware fault, not engineer error, caused the 02:40 page storm."),
    # a particle after a pronoun object ("turned it back on") is the verb's particle
    # (lexicon.particle_of), so a switch-off never switched back on is told as such
    ("never-turned-it-back", "the lead turned off the size limit to push a large asset and never turned it back on",
     "the lead turned off the size limit to push a large asset and turned it back on straight after"),
    ("never-turned-it-back-disabled", "an admin disabled the merge queue to land a hotfix and never turned it back on",
     "The SRE muted the pager during the resize and turned it back on afterwards."),
    # a stranded preposition after the object is the state something was left in
    ("left-on-before-clause", "Turns out I left the feature flag on when I tagged 3.2.", "I left the office when I tagged 3.2."),
    ("left-on-object-particle", "I left the verbose logging on when I shipped the release.",
     "I left the verbose logging guide in the wiki when I shipped the release."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_issue10b_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_judged_fragment_denied_stays_silent(linter: Linter) -> None:
    assert not blame(linter, "Not careless of the reviewer at all; the diff hid the change.")


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences, misses included (0.933 / 0.862 before the round's changes)."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 120 and {r.label for r in rows} == {"B", "N"}
    assert sum(r.label == "N" for r in rows) >= 0.4 * len(rows)
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.93 and res["recall"] >= 0.92, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"
