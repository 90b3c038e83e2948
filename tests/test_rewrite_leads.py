"""Rewrites for constructions of issue 11's third round: a leading "-ing" phrase whose
doer was the removed person, a participle closing a person agent, a command the parser
cannot read as an object, an error "by" a person with what it did, a pronoun that
governs the person, a misjudged "how" clause (refused since round 6), a should-have about an act with no
object, idioms with rule data, a coordinated half not done, an object cut in two in a
half, a list of acts, an idiom word the parser read as a verb of its own, an apology
ended by a hyphen, a judgement of coordinated acts, a cause
given as a person who acted, a headline, a "why" question about a check, a subordinate act of "you", and a "%" at the end of a clause.

Every sentence here was written for this file. Each construction has true positives
and a near miss where the rewrite must be absent or must not take the tempting form.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from test_rewrite_fallbacks import clean, linter, suggestions  # noqa: F401 - the same helpers and fixture


REWRITES = [
    # a leading "-ing" of the person's: a clause of its own after a preposition of time,
    # a "being" phrase after one of manner or contrast
    ("Without testing the patch, Ana deployed the fix to production.",
     "Without the patch being tested, the fix was deployed to production."),
    ("Before restarting the primary, Ana did not drain the connections.",
     "Before the primary was restarted, the connections were not drained."),
    ("Instead of rolling back the release, the team patched the schema by hand.",
     "Instead of the release being rolled back, the schema was patched by hand."),
    # a command as written, with "the command" before one in lower case
    ("Kemal ran rm -rf /data/* on the shared NFS mount.", "The command rm -rf /data/* was run on the shared NFS mount."),
    ("Our DBA ran VACUUM FULL on the orders table at noon on a weekday.",
     "VACUUM FULL was run on the orders table at noon on a weekday."),
    ("Tavita accidentally ran kubectl delete pods --all in the default namespace.",
     "The command kubectl delete pods --all was accidentally run in the default namespace."),
    # the parser splits a command into two objects ("VACUUM | FULL"): said as written
    ("The DBA ran VACUUM FULL on the orders table at peak.", "VACUUM FULL was run on the orders table at peak."),
    # a participle after the agent at the end of the clause is the agent's: it goes with them
    ("The regression was not caught in review by the engineers involved.", "The regression was not caught in review."),
    ("The outage was not noticed in time by the support staff affected.", "The outage was not noticed in time."),
    ("The regression was not caught in review by the engineers involved, so it shipped.",
     "The regression was not caught in review, so it shipped."),
    # "went full/amod send/advcl on the reindex": the preposition hangs on the idiom's word
    ("Tavita went full send on the schema migration at midnight.", "The schema migration went ahead at midnight."),
    # a verdict whose "who" clause names the fault itself: the act, without the person
    ("That was a human error by Tomasz, who deleted the wrong volume.", "The wrong volume was deleted."),
    # a plain mistake noun "by" a person in a sentence that says what it did
    ("A mistake by the night operator took the billing API down.", "A mistake took the billing API down."),
    # a pronoun whose clause holds the person cannot be the person's: it stays
    ("They were already deep into the release when an engineer accidentally deleted the staging bucket.",
     "They were already deep into the release when the staging bucket was accidentally deleted."),
    # an apology ended by a spaced hyphen goes whole, the hyphen with it
    ("My apologies - I restarted the wrong cluster.", "The wrong cluster was restarted."),
    # a should-have about an act with no object: the act that did not happen, by its noun
    ("Ines should have failed over to the replica when the primary stalled.",
     "There was no failover to the replica when the primary stalled."),
    ("The on-call should have rolled back at the first sign of errors.", "There was no rollback at the first sign of errors."),
    # idioms with their rewrites as rule data
    ("Ines brushed off the disk-space warning.", "The disk-space warning was dismissed."),
    ("Ines dragged her feet on the certificate renewal for a month.", "The certificate renewal was delayed for a month."),
    ("Ines slept through three pages.", "Three pages went unanswered."),
    ("Ines brought the payments cluster to a halt.", "The payments cluster came to a halt."),
    ("Kirra flew by the seat of her pants during the failover and made up half the steps.",
     "The failover was improvised and half the steps were made up."),
    # a second half that did not happen ("and forgot to ...") is said negated, "it" the first object
    ("Vikram disabled the fraud check and forgot to re-enable it.", "The fraud check was disabled and was not re-enabled."),
    ("Vikram disabled the fraud check and failed to re-enable the rate limiter.",
     "The fraud check was disabled and the rate limiter was not re-enabled."),
    # "botched the CIDR/dobj block/dobj": one object the parser cut in two, rejoined in a half
    ("Ines botched the CIDR block and restarted the gateway.", "The CIDR block went wrong and the gateway was restarted."),
    # a list of acts found at its last: rewritten from the first, whose subject they share
    ("Darius wrote the migration, tested it on an empty database, and ran it on production.",
     "The migration was written, tested on an empty database, and run on production."),
    ("Ines restarted the primary, drained the pool, and deleted the replica.",
     "The primary was restarted, the pool was drained, and the replica was deleted."),
    # a judgement of coordinated acts: half by half, the judgement (and an idiom half) gone
    ("Lwazi went rogue and hot-patched the live servers over SSH.", "The live servers were hot-patched over SSH."),
    ("Ines carelessly restarted the primary and deleted the replica.", "The primary was restarted and the replica was deleted."),
    # a cause given as a person "who" did something: the act, said without them, stays the cause
    ("The outage was caused by an employee who restarted the wrong cluster.",
     "The outage was caused by the wrong cluster being restarted."),
    # a headline's agentless form is the bare participle; a clause with its own subject stays
    ("Contractor cuts wrong cable, city traffic lights go dark", "Wrong cable cut, city traffic lights go dark"),
    ("Engineer deletes production database during routine cleanup", "Production database deleted during routine cleanup"),
    # a "why" question about a check not done keeps its order, without the person
    ("Why did Ines fail to check whether the backup had finished?", "Why was it not checked whether the backup had finished?"),
    # a subordinate act of the removed "you" is said without them too; a version is one thing
    ("You deleted the bucket when you cleaned up the old stack.", "The bucket was deleted when the old stack was cleaned up."),
    ("Maybe you didn't upload the tag when you released 2.4.1?", "Maybe the tag was not uploaded when 2.4.1 was released?"),
    # "1%" closes the clause: said once
    ("Nomvula jumped the gun and flipped the flag for all users instead of 1%.",
     "The flag was flipped early for all users instead of 1%."),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    got = suggestions(linter, sentence)
    assert got and got[0] == expected
    assert clean(linter, expected)


NEAR_MISSES = [
    # "by" + -ing is a means, not a time or a manner: no such rewrite
    "By rolling back the release, the team broke the schema.",
    # the -ing phrase is about someone else: nothing to say it of without them
    "Before telling anyone, the team patched the schema by hand.",
    # the "who" clause names no fault: without the person it says nothing the verdict did
    "It was an operator error by the on-call, who restarted the primary.",
    # what the outage was would go with the verdict
    "The outage was a human error by Tomasz, who deleted the wrong volume.",
    # "he" and "he": the same person may be meant, so the pronoun refuses the rewrite
    "He said that he deleted the staging bucket.",
    # the misjudged clause is about the person: no rewrite
    "The DBA misjudged how long he would need for the rebuild.",
    # nor is it about a thing: "It was misjudged how long ..." keeps the verdict (blind round 5)
    "The DBA misjudged how long the rebuild would hold its lock.",
    # (a comparison says the act happened, later: "no escalation" would deny it; it is
    # said as the act that came late, tests/test_rewrite_verdicts.py)
    # a "should not have" says it happened
    "Ines should not have rolled back at 02:10.",
    # a slang verb that judges how it was done stays a judgement in the passive
    "Ines winged the migration.",
    # a half about something else: "forgot about it" is no act that did not happen
    "Vikram disabled the fraud check and forgot about it.",
    # half a subject the parser made the root: "the corridor was entered" would lose the co-worker
    "A colleague and I walked into the plant room but didn't notice the open hatch.",
    # (a bare verdict with a single act goes as "carelessly" does, the act said: since
    # rewrite31, tests/test_rewrite_round31.py "verdict-half-goes")
    # a perfect in the "who" clause has no "being" form here: none rather than a wrong tense
    "The outage was caused by an engineer who had restarted the cluster.",
    # a yes/no question asks about the person: no rewrite
    "Did the maintainer forget to check whether the route is affected?",
    # what "you" wanted is held by nobody once "you" go: no rewrite
    "You deleted the bucket because you wanted a clean slate.",
    # the rest of the clause still points at the person
    "Kemal ran rm -rf /data/* on the mount he had just attached.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_no_rewrite(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # prose in the present, with articles and a full stop: a sentence, not a headline
    ("The contractor cuts the wrong cable.", "The wrong cable is cut."),
    ("Engineer deletes production database.", "Production database is deleted."),
])
def test_not_a_headline(linter: Linter, sentence: str, expected: str) -> None:
    assert suggestions(linter, sentence)[:1] == [expected]


def test_a_noun_phrase_is_not_a_command(linter: Linter) -> None:
    """"ran the cleanup" has a determiner: the clause passive's, not a command's."""
    from lint_service.rewrite.command_object import command_words

    for text, command in (("Kemal ran the cleanup on the mount.", None), ("Kemal ran rm -rf /tmp on the mount.", "rm -rf /tmp")):
        doc = linter.parser.parse([text])[0]
        words = command_words(next(t for t in doc if t.lower_ == "ran"))
        assert (words[0].doc[words[0].i: words[-1].i + 1].text if words else None) == command
