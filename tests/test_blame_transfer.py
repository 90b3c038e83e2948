"""Constructions added in the round that checked every rule on sentences it was not
written from (bench/tune_halves.py): a true positive and a near miss of the same
shape per construction. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from blame_support import assert_pair, blame
from lint_service import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


PAIRS = [
    # the maker of the thing in a relative clause, as the cause (rule 2 without "'s")
    ("made-by-subject", "The proxy rule he wrote dropped every request with a long header.",
     "The proxy rule the generator wrote dropped every request with a long header."),
    ("made-by-agent", "The lockout was caused by a password change that Ines pushed.",
     "The lockout was caused by a password change that the sync job pushed."),
    ("made-by-origin", "The corrupted rows came from an import script I ran by hand.",
     "The corrupted rows came from an import script the scheduler ran."),
    ("made-by-not-recovery", "The patch Omar shipped on Tuesday broke the search page.",
     "The rollback Omar started on Tuesday brought the error rate down."),
    ("made-by-identified", "The cause was the cron entry she added on Tuesday.",
     "Those are the cron entries she added on Tuesday."),
    # a possessed change holding a defect
    ("possessive-defect", "Marek's rollout script had a bug in the region loop.",
     "Marek's rollout script had a comment about the region loop."),
    ("possessive-defect-outsider", "Her firewall template contained a typo.",
     "The vendor's firewall template contained a typo."),
    # a role noun before an error head, whatever its tag ("Technician/JJ error")
    ("role-error", "Machinist error jammed the press line for an hour.",
     "Machine error jammed the press line for an hour."),
    # a possessed change equated with the cause
    ("cleft-cause", "Amaru's change is what took the booking site offline.",
     "Amaru's change is what we reviewed on Monday."),
    # a damaging act done on a belief that made it look safe
    ("acted-on-belief", "Mateus truncated the ledger table, believing it was the archive copy.",
     "Mateus restarted the ledger service, believing it would pick up the new limits."),
    ("acted-on-belief-diagnosis", "i rebooted the edge router thinking nobody was routed through it",
     "i paged the network team thinking it was a routing problem"),
    ("acted-on-belief-check", "I dropped the staging schema, assuming the import had finished.",
     "I ran the import checks again, assuming they were flaky."),
    # remorse said as a feeling is an apology without its word
    ("remorse-about-act", "I feel dreadful about wiping the team's shared notes.",
     "I feel dreadful about the team's lost weekend."),
    ("remorse-that-clause", "I feel guilty that I truncated the audit log.",
     "I feel guilty that the pager woke the whole team."),
    # "embarrassed to say" owns up to what follows; "it would be wrong to say" does not assert it
    ("owned-up-say", "I'm ashamed to say I deleted the release branch by hand.",
     "It would be unfair to say the reviewer deleted the release branch by hand."),
    # acting while something it depends on is unfinished
    ("while-unfinished", "Dmitri rotated the signing keys while the release build was still signing artifacts.",
     "Dmitri watched the signing logs while the release build was still signing artifacts."),
    ("while-unfinished-held", "i merged the branch when i still had the debug overrides loaded",
     "i merged the branch when i was still on the incident bridge"),
    ("while-unfinished-fix", "The admin upgraded the controller as the rebuild was still copying data.",
     "The admin deployed the fix as the rebuild was still copying data."),
    # "the wrong X" where the act sent its object
    ("wrong-destination", "The dispatcher routed the ambulance request to the wrong county.",
     "The dispatcher routed the ambulance request to the nearest county."),
    ("wrong-destination-system", "Ilse forwarded the payroll file to the wrong vendor.",
     "The mail relay forwarded the payroll file to the wrong vendor."),
    # a duty said as passive obligation: a step of care left undone, or a forbidden act
    ("unmet-duty", "The shift lead was supposed to verify the backups before the upgrade.",
     "The shift lead was supposed to present the upgrade plan on Monday."),
    ("unmet-duty-system", "Ravi was meant to renew the signing certificate.",
     "The renewal job was meant to renew the signing certificate."),
    ("forbidden-act", "You weren't supposed to reboot the core switch.",
     "You weren't supposed to be on call this weekend."),
    # an act someone owns up to
    ("admitted-act", "The landlord's electrician admitted he had switched off the server room breaker.",
     "The landlord's electrician admitted the server room breaker had been faulty for months."),
    # "you" reproached for an act they keep doing
    ("reproached-habit", "you keep wiping the shared test fixtures",
     "you keep the shared test fixtures in the repo"),
    ("reproached-stop", "You have to stop rebooting the build agents by hand.",
     "You have to stop the build agents before the upgrade."),
    # "might have" / "could have" with a harmful act: a hedged attribution
    ("hedged-modal", "The night clerk might have wiped the archive drive by accident.",
     "The night clerk might have been on a break when the archive drive failed."),
    ("hedged-modal-prevention", "Lotte could have pushed the wrong certificate to the edge nodes.",
     "The edge nodes could have rejected the wrong certificate."),
    # generic statements: "a/an" role under a modal of tendency, a norm for any case
    ("generic-singular", "A new engineer deleted the wrong namespace on her first day.",
     "A new engineer will delete the wrong namespace sooner or later."),
    ("generic-when-norm", "When the analyst pasted the wrong query, the console should have warned her.",
     "When an analyst pastes the wrong query, the console should warn them."),
    # "should know better" said now of a person is the same judgement as "should have known"
    ("know-better-present", "Tomasz should know better than to edit the zone file by hand.",
     "Tomasz should know the zone file format by now; the wiki explains it."),
    # "why would you ..." reproaches an act; a "why" question about a choice does not
    ("why-would-you", "Why would you truncate the sessions table on a Monday morning?",
     "Why would you want a second sessions table?"),
    # judgement idioms: "had no business doing it", "what was I thinking"
    ("no-business", "The summer intern had no business restarting the core router.",
     "Nobody had any business restarting routers by hand, so it is automated now."),
    ("what-was-i-thinking", "what was i thinking, rebasing the shared branch at midnight",
     "what was i doing at midnight? reading the rebase docs"),
    # an act followed by what nobody could do any more, wherever the parser hangs it
    ("inability-after", "Jonas rotated the VPN keys, after which no one could connect from home.",
     "Jonas rotated the VPN keys, after which everyone could connect from home again."),
    ("inability-after-system", "i moved the bucket and the mobile app could not load any images",
     "the bucket moved and the mobile app could not load any images"),
    ("inability-contrast", "Petra renamed the volume and the nightly export couldn't reach it.",
     "Petra renamed the volume, but the nightly export couldn't reach it even before that."),
    # verdicts: trust withdrawn now, made to answer for it, heads rolling
    ("verdict-not-allowed", "Bartek should not be allowed near the payment keys again.",
     "Bartek is not allowed near the payment keys without a second person, by design."),
    ("verdict-answer-for", "The night manager will have to answer for the flooded server room.",
     "The night manager answered the phone in the flooded server room."),
    ("verdict-heads-roll", "Heads will roll after this outage.",
     "The heads of support will roll out the new rota after this outage."),
    # an act someone else authorised first is sanctioned; one done before they did is not
    ("sanctioned-after-approval", "Sunil ran the purge job against the live cluster.",
     "Sunil ran the purge job against the live cluster once the change board had approved it."),
    # a fragment with the "I" dropped is the writer's act; a log line is not a confession
    ("implied-writer", "Truncated the wrong partition, restoring it now.",
     "Truncated the expired partitions, as scheduled."),
    ("implied-writer-adverb", "just accidentally revoked every API token",
     "just revoked the leaked API token"),
    ("implied-writer-log", "Ran the purge against the primary instead of the replica.",
     "Failed to open the replica: connection refused."),
    # a span the work filled is not a risky moment; a state left on for it is
    ("work-over-weekend", "Ilya left the chaos test pointed at production over the holiday.",
     "Ilya completed the index rebuild over the holiday."),
    # judgements said as a likeness, or of work "on my part"
    ("felt-like", "Honestly I felt like a total amateur during that failover.",
     "Honestly I felt like the failover was never going to finish."),
    ("on-my-part", "A sloppy merge on my part, sorry about the red builds.",
     "A quick merge on my part, and the builds were green again."),
    # removing a bad thing, as the act or its purpose, is cleanup
    ("cleanup-purpose", "Carla deployed the broken image to the payment nodes.",
     "Carla restarted the broker to clear the broken sessions."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in PAIRS])
def test_transfer_construction(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_made_by_names_the_thing_and_its_maker(linter: Linter) -> None:
    found = blame(linter, "The outage came from a migration script that Kofi wrote.")
    assert [f.rule for f in found] == ["blame.possessive"]
    assert '"a migration script that Kofi wrote"' in found[0].message
