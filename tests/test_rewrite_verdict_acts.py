"""Rewrites for verdicts and judgements that give the act beside them, blame nouns with
their context, possessives in headlines, and relative clauses about a person (issue 11,
rewrite round 10): the act, said without its doer; the verdict goes.

Every sentence here was written for this file. Each construction has true positives and
near misses where the rewrite must be absent or must not take the tempting form: a pure
verdict has no act to say, and nothing may be invented.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import linter  # noqa: F401 - the same fixture
from test_rewrite_fallbacks import test_near_miss as not_offered  # the same checks, on this round's sentences
from test_rewrite_fallbacks import suggestions
from test_rewrite_verdicts import test_rewrite as offered


REWRITES = [
    # a verdict whose act is its reason: the act stays, in its tense and polarity
    ("The storage team is responsible for the outage, since they pushed the ACL change outside the window.",
     "The ACL change was pushed outside the window, which led to the outage."),
    # what it was for names a person: the link to it goes with the verdict
    ("The storage team is responsible for Kenji's outage, since they pushed the ACL change outside the window.",
     "The ACL change was pushed outside the window."),
    ("The night crew is to blame for the flood, as they left the pump valve open overnight.",
     "The pump valve was left open overnight, which led to the flood."),
    ("The storage team is responsible for the outage because they never tested the failover script.",
     "The failover script was never tested, which led to the outage."),
    # ... or the clause after a semicolon, whose subject is the person again
    ("Olu should be held accountable for the data loss; he skipped the restore test for a month.",
     "The restore test was skipped for a month, which led to the data loss."),
    # "X's fault that Y": the person's act inside Y is said without them too
    ("It was the night shift's fault that the freezer failed, since they left its door open.",
     "The freezer failed, since its door was left open."),
    ("It was Kwame's fault that the queue backed up after he paused the consumers.",
     "The queue backed up after the consumers were paused."),
    # "The culprit was X who ...": the act, said without them, never with X as its subject
    ("The culprit was a night porter who switched off the smoke alarm to stop it ringing.",
     "The smoke alarm was switched off to stop it ringing."),
    ("The culprit was a night porter who disabled the smoke alarm during the drill.",
     "The smoke alarm was disabled during the drill."),
    # ... or "for" the act, or "having" done it
    ("The on-call was at fault for restarting the primary during the backup.",
     "The primary was restarted during the backup."),
    ("The DBA is responsible for the outage, having dropped the wrong schema.", "The wrong schema was dropped, which led to the outage."),
    # a blame noun as a label's value, with the step it happened in: the step stays
    ("Root cause: operator error during the pump swap.", "Root cause: an error during the pump swap."),
    ("Final RCA: human error during the Kafka upgrade.", "Final RCA: an error during the Kafka upgrade."),
    # ... or with a parenthesis that says what the error was: the act, without its doer
    ("Classification: operator error (the on-call restarted the primary instead of the replica).",
     "Classification: an error (the primary was restarted instead of the replica)."),
    # a blame noun the writer names as the cause
    ("Engineer error was identified as the cause of the card outage.",
     "An error in a manual step was identified as the cause of the card outage."),
    # a headline's bare owner: a thing not named before, in the headline's own case
    ("Clerk's typo sends payment to the wrong account", "A typo sends payment to the wrong account"),
    ("Intern's typo takes payroll offline for a day", "A typo takes payroll offline for a day"),
    ("How one developer's missing semicolon broke checkout", "How a missing semicolon broke checkout"),
    # a headline the tagger cannot parse, from its words, in its own case
    ("Technician unplugs core switch during storm", "Core switch unplugged during storm"),
    ("Technician Unplugs Core Switch During Storm", "Core Switch Unplugged During Storm"),
    # a possessive predicate that names a thing, not a verdict
    ("Root cause was Lena's hardcoded limit in the proxy.", "Root cause was the hardcoded limit in the proxy."),
    # a relative clause whose subject is a person phrase: the antecedent keeps every fact
    ("The trigger was a firewall change that the duty engineer applied without a review.",
     "The trigger was a firewall change that was applied without a review."),
    ("The trigger was a firewall change the duty engineer had applied without a review.",
     "The trigger was a firewall change that had been applied without a review."),
    ("The audit lists three causes, including a stale runbook and a migration that the contractor ran twice by mistake.",
     "The audit lists three causes, including a stale runbook and a migration that was run twice by mistake."),
    ("The outage came from a firewall rule which the network lead had hastily copied from staging.",
     "The outage came from a firewall rule which had been copied from staging."),
    # a judgement that presupposes the act: the act happened
    ("It was amateurish of Tavita to restart the primary during the backup window.",
     "The primary was restarted during the backup window."),
    ("Restarting the primary during the backup window was careless of the night crew.",
     "The primary was restarted during the backup window."),
    ("Leaving live API keys in a public gist was careless of the intern.", "Live API keys were left in a public gist."),
    ("Tavita should have known better than to restart the primary during the backup window.",
     "The primary was restarted during the backup window."),
    ("Tavita ought to have known better than to restart the primary during the backup window.",
     "The primary was restarted during the backup window."),
    # a passive whose agent was trying to do something: the attempt stays, they go
    ("The orders table was truncated by a support engineer trying to remove one duplicate row.",
     "The orders table was truncated in an attempt to remove one duplicate row."),
    ("The invoices were deleted by a contractor who was trying to merge two accounts.",
     "The invoices were deleted in an attempt to merge two accounts."),
    # ... or who did something: their act says how the event came about
    ("The evening broadcast was knocked off air by a technician who unplugged the wrong encoder.",
     "The evening broadcast was knocked off air when the wrong encoder was unplugged."),
    ("The site was taken down by a contractor who cut the fibre, and the backup link failed too.",
     "The site was taken down when the fibre was cut, and the backup link failed too."),
    # a judgement adverb on a passive with its agent goes with the agent
    ("The replication slot was carelessly dropped by Ilse during cleanup, and the replica lagged.",
     "The replication slot was dropped during cleanup, and the replica lagged."),
    # "whoever did X" as the doer of the damage: the act is the subject
    ("Whoever restarted the broker at noon broke every consumer.", "Restarting the broker at noon broke every consumer."),
    ("Whoever changed the zone file on Sunday took the public site down for the night.",
     "Changing the zone file on Sunday took the public site down for the night."),
    # the removed person's possessive inside their purpose clause: "a", not "their"
    ("Somebody unplugged the NAS to charge their phone, apparently.",
     "The NAS was unplugged to charge a phone, apparently."),
    # a closing "who was it" asks for the person: it goes with them, whatever the parse
    ("someone restarted the staging broker overnight, who was it", "The staging broker was restarted overnight."),
    # a judged thing with what the verdict saw in it: the thing had it
    ("The intern's config change was sloppy, with two typos in the hostnames.",
     "The config change had two typos in the hostnames."),
    # the way it was handled, judged, with what the handling did
    ("Frankly, the way Tavita handled the failover was sloppy and made the outage longer.",
     "The handling of the failover made the outage longer."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    offered(linter, sentence, expected)


# (sentence, a form that must not be offered; None: no rewrite at all)
NEAR_MISSES = [
    # "they" left acting after the verdict goes would point at nobody
    ("It was the night shift's fault that the freezer failed, since they were on a break.", "since they"),
    # the answer to "the culprit" made the subject of the act is still the verdict
    ("The culprit was a night porter who disabled the smoke alarm during the drill.", "A night porter"),
    # an act not done: a passive would say it was
    ("Ravi is to blame for not testing the restore.", "was tested"),
    # a pure verdict: no act to say, and none is invented
    # the act's object points at what the verdict named: "It was changed" points at nothing
    ("The storage team is responsible for the outage, since they changed it.", None),
    # a second act of theirs would lose its subject
    ("The storage team is responsible for the outage, since they had approved the ACL change and gone home.", None),
    # a label with only the verdict keeps manual_error's wording, not a bare "an error"
    ("Root cause: operator error.", "Root cause: an error."),
    # a step that says who did it, or another act, is more than a step
    ("Contributing factor: a human error during the restore by the DBA.", "An error during the restore"),
    ("Root cause: operator error during the failover, which Ana ran.", "An error during the failover"),
    # a parenthesis whose act still points at its doer, or that says no act
    ("Root cause: human error (he ran the cleanup job against production).", "an error ("),
    ("Root cause: human error (again).", "an error ("),
    # a headline with a second clause of the person's, or a verb with a preposition
    # (rewrite23: the second half's blame becomes a link from the act, never kept)
    ("Contractor cuts fibre, blamed for nationwide mobile outage", "blamed"),
    ("Director Cuts To Wrong Camera During Live Speech", None),
    # a prose sentence in the past: the owner's thing is the one the reader knows
    ("Priya's rota change left the ward without a nurse for an hour.", "A rota change"),
    # a chat line that trails off is not a headline
    ("looks like Farid's deploy is what broke the login page", "A deploy"),
    # a pronoun in the relative clause would lose its person
    ("The trigger was a firewall change that the duty engineer applied before his break.", None),
    # "should have known better" with no act: nothing happened that the sentence names
    ("Tavita should have known better.", None),
    # a judgement with no act: nothing to say that the verdict did not
    ("The way Tavita handled the failover was sloppy.", None),
    # an act not done: a passive would say it was
    ("It was careless of Tavita not to drain the node.", "was drained"),
    # the attempt's pronoun, or a state of the person, would be lost with them
    ("The orders table was truncated by a support engineer trying to fix his own typo.", "in an attempt"),
    ("The orders table was truncated by a tired support engineer trying to remove one duplicate row.", "in an attempt"),
    # "whoever" with a verdict or a judgement: nothing happened that the sentence says
    # "an own laptop" is no English: no repair
    ("Somebody unplugged the router to charge their own laptop.", "own laptop"),
    # the passive is the person's own faulty act, not an event their act brought about
    ("The rollout was rushed through by a lead who skipped the canary.", "when the canary"),
    # the agent's belief is no act; a second act of theirs would lose its subject
    ("The bucket was emptied by a developer who believed it was the test account.", "when"),
    ("The site was taken down by a contractor who cut the fibre and left.", "when the fibre"),
    # the judged thing alone, or a "with" that is the person's manner
    ("The intern's config change was sloppy.", None),
    ("The intern's config change was sloppy, with his usual flair.", None),
    # the second clause has a subject of its own: "The handling ... she made" is garbled
    ("The way Tavita handled the failover was sloppy and she made the outage longer.", "handling"),
]


@pytest.mark.parametrize(("sentence", "banned"), NEAR_MISSES)
def test_near_miss(linter: Linter, sentence: str, banned: str | None) -> None:
    not_offered(linter, sentence, banned)


# (rewrite26) verdicts and judgements with no act, once near misses here: their one
# suggestion is now the removal (rewrite/verdict_topic.py, punishment_only.py), and still
# no act is said or invented
@pytest.mark.parametrize("sentence", [
    "The storage team is responsible for the outage.",  # a pure verdict
    "Whoever merged that migration should be fired.",  # "whoever" with a verdict
    "Whoever wrote this deploy script was clearly lazy.",  # "whoever" with a judgement
])
def test_a_verdict_with_no_act_is_only_removed(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == [""]


def test_a_verdict_with_its_act_keeps_the_act_where_the_document_names_a_system(linter: Linter) -> None:
    # "Nothing in the deploy pipeline prevented the outage" would drop the act the
    # sentence gives; the pure verdict beside it still gets the system framing
    doc = ("# Deploy pipeline outage\n\n## Root causes\n\nThe deploy pipeline failed twice. "
           "The storage team is responsible for the outage, since they pushed the ACL change outside the window.\n\n"
           "Ravi is to blame for the outage.\n")
    found = [f for f in linter.lint(doc, format="markdown").findings if f.rule.startswith("blame.")]
    assert [f.suggestions for f in found] == [["The ACL change was pushed outside the window, which led to the outage."],
                                              ["Nothing in the deploy pipeline prevented the outage."]]
