"""Recall on real2-tune (issue 10, blame10): the constructions its misses showed, each
with a true positive and a near miss of the same shape that must stay silent. Every
sentence here was written for this file; none comes from the collected set."""
from __future__ import annotations

import pytest

from blame_support import assert_pair
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # a chat fragment that goes on from the last message keeps its dropped "I"
    ("fragment-coordinator", "And dropped the payments table, of course.",
     "And restored the payments table, of course."),
    # the writer's hindsight on their own act, "I" dropped, modal perfect (rule 8, 9)
    ("fragment-modal-perfect", "Honestly, shouldn't have merged the schema change before lunch.",
     "Shouldn't have any effect on the schema change."),
    ("fragment-must-have", "Must have forgotten to tag the release again.",
     "Must have been the cache again."),
    ("fragment-plan", "Should have rotated the signing key myself.",
     "Will rotate the signing key after lunch."),
    # word lists: "unwittingly" frames an act like "inadvertently" (framing.yaml)
    ("adverb-unwittingly", "I unwittingly wiped the shared cache during the demo.",
     "The formatter unwittingly dropped the comment during the demo."),
    # damaging verbs of breakage (verbs.yaml): a person breaks, a tool is only a tool
    ("breakage-mangle", "You mangled the deploy config again.",
     "The template engine mangled the deploy config again."),
    # vulgar synonyms of "my screw-up" and help-desk blame nouns (blame_terms.yaml)
    ("blame-phrase-vulgar", "The broken tags are my fuck up, sorry all.",
     "The broken tags are fixed now, sorry for the noise."),
    ("error-modifier-pebkac", "In the end it was a PEBKAC error on my side.",
     "We use the word PEBKAC only to reject it."),
    # an apology for a mistake owns it, with no verb for the act (rule 9)
    ("apology-mistake", "Sorry for the blunder in yesterday's release.",
     "Sorry for the confusion in yesterday's release."),
    ("apology-mistake-other", "Sorry about the mess in the staging bucket, cleaning up now.",
     "Sorry to hear about the mess the storm made of your office."),
    # a headline's participle hung on its noun punishes that noun (rule 14)
    ("headline-punished-participle", "Warehouse clerk suspended after wiping the stock database",
     "Warehouse server suspended after failing its health checks"),
    # a damaging act told as what came before a bad state (aftermath.py)
    ("act-before-outage", "The site was down for an hour when the admin unplugged the edge router.",
     "The site was down for an hour when the admin rebooted the edge router."),
    ("act-before-deprivation", "The clinic was left without phone service for a day after a contractor shut off the exchange.",
     "The clinic was back on phone service within a day after a contractor shut off the faulty exchange."),
    # a defect noun made by the passive's agent (rule: passive with the person as agent)
    ("passive-defect-made", "The outage was traced to a typo entered by the night operator.",
     "The outage was traced to a typo spotted by the night operator."),
    ("passive-defect-written", "A typo was typed into the zone file by a contractor.",
     "A typo in the zone file was reported by a contractor."),
]


@pytest.mark.parametrize("name,positive,near_miss", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, name: str, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
