"""Self-blame told without a fault verb (rule 9) and the same said of others: attention
not paid (lapses.inattention), being somewhere wrong while acting (lapses.wrong_place),
recovery done on the wrong thing (lapses.wrong_target), an act "too late" (lapses.mistimed),
finding out one had been on the risky target (lapses.caught_out), an incident made worse
(lapses.worsened), a misjudged size ("underestimated the load"),
a choice called poor and owned ("a bad call on my part"), a judgement coordinated after
another predicate, a mix-up ("mistook A for B") and a negation the parser hung on the
adverb ("didn't double check"). Each has a near miss of the same shape. Every sentence
here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    ("inattention", "Honestly I just wasn't paying attention.", "Honestly I was paying close attention."),
    ("inattention-role", "The on-call engineer wasn't paying attention to the queue graph.",
     "Nobody was paying attention to the queue graph."),
    ("inattention-system", "Tove didn't take notice of the disk warning.",
     "The scheduler paid no attention to the drain flag."),
    ("wrong-place-when", "I was in the wrong terminal when I ran the cleanup.",
     "I was in the wrong timezone when I read the alert."),
    ("wrong-place-joined", "I was on the wrong branch and pushed the hotfix.",
     "I was in the wrong meeting for the first ten minutes."),
    ("wrong-place-during", "Iker ran the purge while he was in the wrong account.",
     "When you are in the wrong directory, the script exits."),
    ("poor-choice", "That was a poor decision on my part.", "That was a poor decision on the vendor's part."),
    ("poor-choice-good", "In hindsight, pushing on a Friday was a bad call on my part.",
     "Restarting the pods was a good call on my part."),
    ("coordinated-judgement", "I was tired and careless.", "I was tired and hungry."),
    ("mistook", "I mistook the prod tab for the staging one.", "The router mistook the probe for an attack."),
    ("double-check", "I didn't double check the region before running it.",
     "I double checked the region before running it."),
    ("unthought-step", "I didn't think to check the replica lag.", "I didn't think it would matter, and it didn't."),
    ("unremembered-step", "Ngozi didn't remember to drain the node.", "I didn't remember the exact time of the page."),
    ("working-wrong-place", "I'd been working on the wrong server the whole time.", "I was working on the billing fix all night."),
    ("pointed-moment", "That's when I realized I had run it against production.",
     "That's when I noticed the replica was behind."),
    ("general-when", "That's when I realized I had run it against production.",
     "That is when someone usually forgets the flag."),
    ("named-safeguard", "I ran the script without the --dry-run flag.", "I ran the script without the --verbose flag."),
    ("named-safeguard-clause", "I ran an UPDATE without a WHERE clause.", "The job ran without a single retry."),
    ("recovery-wrong-target", "I restored the wrong backup.", "I restored the latest backup."),
    ("recovery-wrong-target-particle", "I rolled back to the wrong version.", "I rolled back to the previous version."),
    ("recovery-of-wrong-things", "Tamsin reverted the wrong commit.", "Kai cleaned up every wrong replica and confirmed the queue is healthy."),
    ("mistimed", "I pressed Ctrl+C too late.", "I pressed Ctrl+C right away."),
    ("mistimed-wait", "The on-call waited too long to escalate.", "The alert fired too late."),
    ("mistimed-too-late-to", "I pressed Ctrl+C too late.", "I got there too late to help, the fix was already out."),
    ("problem-was-me", "The problem was me.", "The problem was the cache."),
    ("caught-out", "I realized I was connected to the production database.", "I realized prod was down."),
    ("caught-out-denied", "Didn't realise it was the prod bucket.", "I didn't know it was a holiday."),
    ("caught-out-third", "Paulo realized he had been typing into the live console.",
     "I noticed the live graph had recovered."),
    ("caught-out-known", "I realized I was connected to the production database.", "I knew I was on the staging box."),
    ("worsened", "I made things worse by force-restarting the nodes.", "The retry storm made things worse."),
    ("worsened-denied", "I then made the situation worse by restarting the database mid-recovery.",
     "I didn't make anything worse, I only read the logs."),
    ("underestimated", "I underestimated the load the new feature would put on the database.", "The planner underestimated the load."),
    ("compounded", "Halvard compounded the outage by restarting the primary.", "I made the dashboard clearer after the incident."),
]


@pytest.mark.parametrize("positive, near_miss", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pair(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_a_poor_choice_is_a_judgement(linter: Linter) -> None:
    found = blame(linter, "That was a poor decision on my part.")
    assert found and found[0].rule == "blame.judgement" and "poor decision" in found[0].message
