"""Hedged attribution (rule 15, hedged.py): a guess about who did it is still blame.
Each true positive has a near miss of the same shape that must stay silent. Every
sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter
from lint_service.checks.blame.hedged import hedged_act
from recognizer_support import assert_recognized, run


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # a hedge adverb on the act (the parser may hang it on the subject)
    ("adverb-on-subject", "Probably Marek changed the timeout on the gateway.",
     "Probably Marek restored the timeout on the gateway."),
    ("adverb-most-likely", "Most likely the contractor swapped the cables on the patch panel.",
     "Most likely the patch robot swapped the cables on the panel."),
    # a verb of seeming or guessing over the act
    ("seems-like", "Seems like the intern edited the prod config directly.",
     "Seems like the intern checked the prod config directly."),
    ("suspect", "I suspect the night operator swapped the two power feeds.",
     "I suspect the night scheduler swapped the two power feeds."),
    # an epistemic perfect
    ("may-have", "It appears the installer may have crossed the two sensor cables.",
     "It appears the installer may have labelled the two sensor cables."),
    # done on purpose or by the team speaking: not blame
    ("deliberate", "Most likely the contractor swapped the cables on the patch panel.",
     "Most likely the contractor swapped the cables on purpose, as the change plan says."),
    ("we", "Probably Marek changed the timeout on the gateway.",
     "Probably we changed the timeout on the gateway."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_hedged_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_hedged_recognizer_itself(positive: str, near_miss: str) -> None:
    found = assert_recognized(hedged_act, positive, near_miss)
    assert found.rule == "blame.person-subject" and found.target is not None


def test_negated_hedge_is_not_an_attribution() -> None:
    assert run(hedged_act, "I doubt anyone swapped the cables; the labels were printed wrong.") is None
    assert run(hedged_act, "It does not seem like the intern edited the prod config.") is None
