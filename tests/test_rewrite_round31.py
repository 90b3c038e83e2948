"""Constructions that had no rewrite on real text (issue 11, branch rewrite31), each with
the rewrite expected and a near miss that must be refused or left alone:

- an idiom of poor quality said without its doer and without haste nobody stated
  ("cut corners on X" -> "Corners were cut on X", "half-arsed" -> "cursory", "bodged
  together" -> "cobbled together");
- a blame phrase that is part of an idiom the rules rephrase ("swept X under the carpet"),
  and an idiom's place phrase kept ("went to town with X in the wrong namespace");
- a chat line's lowercase "i" after an apology, a writer's "I think" before the act, and a
  code span in backticks that moves whole with its object;
- a chat line that drops its "I" ("fat-fingered X and made Y public");
- a name called out before "you" ("Priya, you deleted ...");
- a second act the parser hung on the first act's "-ing" or "to" clause ("while
  troubleshooting and never turned it back on");
- a fault verb with no object but a place or a time ("screwed up during the cutover");
- a pronoun object whose antecedent is in the "who" clause about the person ("The admin
  who set up the backups never verified them"), and another people's state beside the act;
- a self-approval whose second act is on another thing ("... and broke the build").

Every sentence here was written for this file.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied as suggestions


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


REWRITTEN = [
    # a blame phrase that is the idiom itself: its rule data, the scope kept ("not raised"
    # read as the system never emitting them: wrong in blind round 23)
    pytest.param("Chloe swept the disk warnings under the rug.", "The disk warnings were not escalated.", id="swept-under-rug"),
    pytest.param("Ruth swept the failed backups under the carpet for a month.", "The failed backups were not escalated for a month.",
                 id="swept-under-carpet-keeps-scope"),
    # an idiom's act keeps where it was done (the place was dropped before: a fact lost)
    pytest.param("Brigid went to town with the purge script in the wrong namespace.",
                 "The purge script was run in the wrong namespace.", id="idiom-keeps-place"),
    # near miss: the idiom's own words still go ("to town")
    pytest.param("Brigid went to town with the purge script.", "The purge script was run.", id="idiom-own-words-go"),
    # a span of time the parser hung on the idiom's thing is how long it lasted
    pytest.param("Ines sat on the request for three weeks.", "The request waited for three weeks.", id="idiom-span-after"),
    # near miss: a phrase that names the thing stays with it
    pytest.param("Ines sat on the request for access.", "The request for access waited.", id="idiom-thing-phrase-stays"),
    # a hazard left in a thing, said of the thing
    pytest.param("Odile left a landmine in the backup cron for the next person on call.",
                 "The backup cron was left with a hidden hazard for the next person on call.", id="landmine-in-thing"),
    pytest.param("Odile left a landmine in the backup cron for whoever was on call.",
                 "The backup cron was left with a hidden hazard for whoever was on call.", id="landmine-for-whoever"),
    # an act the parser hung on the "-ing" or "to" clause before it is the person's second act
    pytest.param("A contractor at the plant disabled the overflow alarm while troubleshooting and never turned it back on.",
                 "The overflow alarm was disabled while troubleshooting and was never turned back on.", id="act-hung-on-gerund"),
    pytest.param("Ines disabled the rate check to get the import through and forgot to re-enable it.",
                 "The rate check was disabled to get the import through and was not re-enabled.", id="act-hung-on-purpose"),
    # chat: the apology goes, the writer's hedge stays, the code span moves whole and is one thing
    pytest.param("oops, i think i just truncated `billing_events` on the prod db",
                 "I think `billing_events` was just truncated on the prod db", id="chat-lowercase-i-code-span"),
    pytest.param("Ravi accidentally truncated `billing_events` on the prod db.",
                 "`billing_events` was accidentally truncated on the prod db.", id="code-span-object"),
    # a chat line that drops its "I": the acts it starts with, half by half; a state the
    # parser read as a compound noun ("the audit bucket public") follows the verb
    pytest.param("argh, me again, fat-fingered the retention policy and made the audit bucket public for about 15 min",
                 "The retention policy was mistyped and the audit bucket was made public for about 15 min", id="dropped-i-chat"),
    pytest.param("sorry, deleted the wrong index on staging and restarted the wrong pod",
                 "The wrong index was deleted on staging and the wrong pod was restarted", id="dropped-i-after-apology"),
    pytest.param("Deleted the wrong index on staging and restarted the wrong pod.",
                 "The wrong index was deleted on staging and the wrong pod was restarted.", id="dropped-i-participle-tag"),
    # a capitalised past the tagger read as a name is still the writer's act, said of its object
    pytest.param("mea culpa, misconfigured the cache so it served 5 req/s instead of 5k",
                 "The cache was misconfigured so it served 5 req/s instead of 5k.", id="dropped-i-after-verdict"),
    # a self-approval followed by an act on another thing: that thing keeps its own act
    pytest.param("Marco merged his own PR without a review and broke the build.",
                 "The PR was merged without a second reviewer; this broke the build.", id="own-pr-then-other-act"),
    # near miss: a later act on the same pull request is still said with it
    pytest.param("Nour merged her own pull request and deployed it.",
                 "The pull request was merged without a second reviewer and deployed.", id="own-pr-then-same-thing"),
    # a pronoun object whose antecedent was in the clause saying who the person was
    pytest.param("The admin who set up the backups never verified them.", "The backups were never verified.", id="pronoun-antecedent-in-who"),
    pytest.param("The developer who wrote a migration script never tested it.", "The migration script was never tested.",
                 id="pronoun-antecedent-indefinite"),
    # a bare "-ing" after a particle verb is the thing turned off
    pytest.param("The SRE turned off paging for the night and nobody noticed the outage.",
                 "Paging was turned off for the night and nobody noticed the outage.", id="gerund-thing-turned-off"),
    # a thing seen doing something is what was not noticed, with its "was"
    pytest.param("Ops didn't notice the disk filling up until the service crashed.",
                 "It was not noticed that the disk was filling up until the service crashed.", id="noticed-thing-doing"),
    pytest.param("Ines never noticed the replicas falling behind during the backfill.",
                 "It was never noticed that the replicas were falling behind during the backfill.", id="noticed-plural-never"),
    # others' state beside the act is no act of theirs
    pytest.param("I rebooted the router while people were still on calls.", "The router was rebooted while people were still on calls.",
                 id="others-state-kept"),
    # the person's finding out, on their act, said without them
    pytest.param("I restarted the service twice before realising the config was wrong.",
                 "The service was restarted twice before it was realised that the config was wrong.", id="before-realising"),
    # a role the detection found is the person too: a restatement that keeps it is rewritten again
    pytest.param("The intern carelessly deleted the config map.", "The config map was deleted.", id="role-restated-again"),
    # a verdict half joined to the act goes with the person; the act stays
    pytest.param("The reviewer was sloppy and approved a broken change.", "A broken change was approved.", id="verdict-half-goes"),
    pytest.param("Ines was careless and deleted the bucket.", "The bucket was deleted.", id="verdict-half-goes-as-adverb-does"),
    # a check that "should have" been made, about a clause, was not made
    pytest.param("Someone should have noticed the disk was full.", "It was not noticed that the disk was full.", id="should-have-noticed-clause"),
    pytest.param("The on-call should have checked whether the backup had run.", "There was no check of whether the backup had run.",
                 id="should-have-checked-whether"),
    # "It was X's mistake to VP": the act, said as done by mistake
    pytest.param("It was Maria's mistake to run the migration during business hours.",
                 "The migration was mistakenly run during business hours.", id="mistake-to-act"),
    # the writer's own apology clause goes like "Sorry," does
    pytest.param("I'm so sorry, I ran the wrong migration on the shared database.",
                 "The wrong migration was run on the shared database.", id="apology-clause-opens"),
    # a hedge on an outcome verb stays ("has broken" lost the "might")
    pytest.param("I might have broken the CI config.", "The CI config might have broken.", id="hedged-outcome"),
    # a decision stays, who made it goes
    pytest.param("The team lead decided to ship without load testing.", "It was decided to ship without load testing.", id="decided-to"),
    # a maker "from" a team goes as one "by" them does
    pytest.param("The outage was triggered by a bad config push from the networking team.",
                 "The outage was triggered by a bad config push.", id="push-from-team"),
    # the writer's hedge of confidence stays as "I think" does
    pytest.param("I'm pretty sure I caused this by bumping the connection limit.",
                 "I'm pretty sure bumping the connection limit caused this.", id="hedge-adjective-frame"),
    # a name called out before "you" is the "you"
    pytest.param("Priya, you deleted the search index.", "The search index was deleted.", id="vocative-goes-with-you"),
    # a fault verb with no object: that a mistake was made, and where or when
    pytest.param("Honestly, I screwed up during the cutover.", "Honestly, a mistake was made during the cutover.",
                 id="screwed-up-during"),
    pytest.param("Kofi has messed up again with the cron syntax.", "A mistake has been made again with the cron syntax.",
                 id="messed-up-perfect-again"),
    pytest.param("Most likely an operator slipped during the restore drill, though the audit trail from that day is thin.",
                 "Most likely a mistake was made during the restore drill, though the audit trail from that day is thin.",
                 id="slipped-during-hedged"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITTEN)
def test_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


REFUSED = [
    # idioms of poor quality: without their doer they keep the judgement as a milder word
    # ("Corners were cut on X, and it shows", "cursory", "cobbled together": graded poor in
    # blind round 23), and said as haste they claim what nobody said: no rewrite
    "Soren cut corners on the backup script, and it shows.",
    "Hakim cut corners on the cabling and skipped the labels.",
    "Declan half-arsed the load test, so nobody knew the cache was cold.",
    "Osric bodged the retry logic together before the launch.",
    # (round 23) a negated act with "instead of", and a habit said as one act; a claim of
    # whose it was, without the owner; a reported punishment dropped for its allegation
    "The team took it hard, but this time it was my patch, and it was my error.",
    "Depot fitters sacked for tampering with the brake lines",
    "I should have reverted each merge one by one instead of rewriting history and pushing over it.",
    # near miss: a blame phrase beside another idiom says how little assurance there was;
    # the other idiom's rephrasing would drop it (graded poor when dropped)
    pytest.param("The QA lead waved the hotfix through on a wing and a prayer.", id="wing-and-prayer-beside-idiom"),
    # near miss: "slipped" somewhere that is no step of the work is no mistake
    pytest.param("Ravi slipped on the wet stairs.", id="slipped-physically"),
    # near miss: a manner adverb of the person's before the verb would have no place
    pytest.param("Ravi badly messed up during the failover.", id="messed-up-manner"),
    # near miss: a clause of the person's own ("when he ...") is not where or when it happened
    pytest.param("Ravi messed up when he rotated the keys.", id="messed-up-person-clause"),
    # near miss: a hazard in nothing named has no thing to be said of
    pytest.param("Odile left a landmine.", id="landmine-no-thing"),
    # near miss: an "-ing" after the object is what the doer did meanwhile, never the subject
    pytest.param("i broke the nightly, reverting", id="status-gerund-not-thing"),
    # near miss: a pronoun that does not agree with the clause's thing points elsewhere
    pytest.param("The admin who set up the backup never verified them.", id="pronoun-disagrees"),
    # near miss: a state that is a fact (fatigue) is not a verdict to drop
    pytest.param("Tomas was tired and deleted the wrong volume.", id="state-half-is-a-fact"),
    # near miss: a verdict about something ("careless with the keys") says more than the verdict
    pytest.param("Tomas was careless with the keys and deleted the wrong volume.", id="verdict-half-with-topic"),
    # near miss: "should have said" is no check that was due
    pytest.param("Someone should have said the disk was full.", id="should-have-said"),
    # near miss: an act whose "-ing" would dangle on the new subject is refused here
    pytest.param("It was my mistake to restart the primary without draining it.", id="mistake-to-dangling"),
    # near miss: a decision about the person's own things keeps no rewrite
    pytest.param("The team lead decided to skip her own review.", id="decided-own"),
    # near miss: a modal's hedge
    pytest.param("Ravi will mess up during the failover.", id="messed-up-modal"),
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_refused(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


@pytest.mark.parametrize("sentence", [
    # the bare verdict is still removed, not said as "A mistake was made."
    "I messed up.",
    # a verdict put on someone with nothing else said
    "The blame lies with the release manager.",
])
def test_bare_verdict_still_removed(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == [""]


@pytest.mark.parametrize("sentence", [
    # near miss: a name before "you" that is not called out stays with its own clause
    "Priya said you deleted the search index.",
])
def test_name_not_called_out_kept(linter: Linter, sentence: str) -> None:
    assert all("Priya" in s for s in suggestions(linter, sentence))


def test_gerund_pair_stays_one_act(linter: Linter) -> None:
    # near miss: two "-ing" forms coordinated are one clause of the act, not a second act
    assert not any(" and was " in s for s in suggestions(linter, "Ines disabled the rate check while testing and verifying the import."))


def test_imperative_is_no_dropped_i(linter: Linter) -> None:
    # near miss: an instruction starts with a base verb, not a past act: no finding, no rewrite
    found = [f for f in linter.lint("Restart the broker and check the lag.", format="text").findings if f.rule.startswith("blame.")]
    assert not found


def test_dropped_i_act_never_offered_as_written(linter: Linter) -> None:
    # near miss: the act with its doer only left unsaid is no rewrite ("Misconfigured the cache ...")
    assert not any(s.startswith("Misconfigured") for s in suggestions(linter, "mea culpa, misconfigured the cache so it served 5 req/s instead of 5k"))


def test_hedge_adjective_is_no_licence_for_the_act(linter: Linter) -> None:
    # near miss: the frame keeps its "I", the act under it still loses its doer
    assert not any("I deleted" in s for s in suggestions(linter, "I'm sure I deleted the wrong index."))


def test_thing_noticed_is_no_clause(linter: Linter) -> None:
    # near miss: "after noticing the spike" notices a thing: never "after it was noticed that the spike"
    assert not any("noticed that the" in s for s in suggestions(linter, "Ana accidentally restarted the primary after noticing the error spike."))


def test_no_role_left_as_the_doer(linter: Linter) -> None:
    assert not any(s.startswith("The intern") for s in suggestions(linter, "The intern clumsily deleted the config map."))


def test_role_state_kept_when_no_round_says_it_otherwise(linter: Linter) -> None:
    # near miss: a role's state ("had no idea") has no passive; the restatement stands as before
    assert suggestions(linter, "The hapless operator had no idea what the purge would do.") == [
        "The operator had no idea what the purge would do."]


def test_progressive_habit_is_never_said_as_one_act(linter: Linter) -> None:
    # (round 23) "have been approving PRs from my tablet" said as "PRs have been approved"
    # turns a habit into one finished act: whatever is offered keeps the progressive
    offered = suggestions(linter, "yeah, my bad, have been approving PRs from my tablet, will redo this")
    assert all("approving" in s for s in offered), offered
