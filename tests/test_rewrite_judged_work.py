"""A person's work judged before a colon or semicolon, and the act after it (issue 11,
rewrite15, rewrite/judged_act.py): the work is when the act happened and stays, the
verdict on it goes, the act is said agentless ("During the rollout, version 2.4 was
pushed ..."); a person judged before a colon or semicolon and their act after it, said
as the act (rewrite/verdict_act.py); and the verifier refuses a rewrite that keeps the verdict on the work in a
clause it did not make (rewrite/faithful.py).

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter  # noqa: F401 - the same helpers and fixture
from test_rewrite_fallbacks import test_near_miss as not_offered

REWRITES = [
    ("The rollout was sloppy; Tomasz pushed version 2.4 to every region at once.",
     "During the rollout, version 2.4 was pushed to every region at once."),
    # a leading stance adverb goes with the verdict
    ("Honestly, the failover was careless: the on-call promoted the stale replica.",
     "During the failover, the stale replica was promoted."),
    # the owner of the work goes with the verdict; the work keeps "the"
    ("Ana's deployment was sloppy: she left the feature flags unset.",
     "During the deployment, the feature flags were left unset."),
    # found through the act ("did not drain": a person-subject finding); the negation stays
    ("The upgrade was careless: the engineer did not drain the Kafka brokers first.",
     "During the upgrade, the Kafka brokers were not drained first."),
    # a person judged, their act after the colon or semicolon: the act without them
    ("The on-call was careless; he restarted the primary during the backup.",
     "The primary was restarted during the backup."),
    ("The contractor was reckless: they cut the fibre trunk under the car park.",
     "The fibre trunk was cut under the car park."),
    # a judged act that let something in: what got through it, and where, are the facts
    ("Careless testing by the QA lead let a broken build into staging.",
     "A broken build got through testing into staging."),
    ("Sloppy reviewing by the on-call lets unsigned images onto the cluster.",
     "Unsigned images get through review onto the cluster."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    found = [f for f in linter.lint(sentence, format="text").findings if f.rule.startswith("blame.")]
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    assert expected in found[0].suggestions, found[0].suggestions
    assert clean(linter, expected)


NEAR_MISSES = [
    # the act's object points back at the work: "During the migration, it was run" says nothing
    ("The migration was careless; Ana ran it against the primary.", "During"),
    # a thing did the act: said passive, who or what did it would go
    ("The deployment was sloppy; Ana's script left the feature flags unset.", "During"),
    ("The upgrade was sloppy: Jenkins skipped the smoke tests.", "During"),
    # a piece of work that spans no time: "During the patch" is no English
    ("The patch was sloppy: the engineer left debug logging on.", "During"),
    # two acts after the colon: one plain act or none
    ("The restore was sloppy: the DBA restored last week's snapshot and skipped the checksum step.", "During"),
    # the verdict half says more than the verdict
    ("The rollout was sloppy and late: the engineer pushed every region at once.", "During"),
    # a negated or timed "let": what got through, and when, would be lost or turned
    ("Careless testing by the QA lead never let a broken build into staging.", "got through"),
    ("Careless testing by the QA lead let a broken build into staging on Friday.", "got through"),
    # the verdict says what it was about ("with the credentials"): more than the verdict
    ("Priya was careless with the credentials; she pasted the token into a public channel.", None),
    # a state, not an act; a pronoun object; two acts: nothing to say the act of alone
    ("The on-call was careless; he was tired after a double shift.", None),
    ("The on-call was careless; he restarted it during the backup.", None),
    ("The on-call was careless: she restarted the primary and went home.", None),
    # the verdict on the work is never kept beside the passive act
    ("The upgrade was careless: the engineer did not drain the Kafka brokers first.", "careless"),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    not_offered(linter, sentence, banned)
