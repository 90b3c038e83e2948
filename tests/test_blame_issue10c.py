"""Issue 10, round 20: constructions of real incident writing developed under a transfer
discipline (half ``a`` of real-tune and sentences of our own; half ``b`` only as a
figure). Each construction has true positives and near misses of the same shape that
must stay silent; and a floor on the round's own sentences
(``tests/data/blame_sentences_issue10c.tsv``: chat lines, issue comments, news prose and
headlines, confessions, hedged attribution, judgements). Every sentence here was written
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

OWN = REPO / "tests" / "data" / "blame_sentences_issue10c.tsv"
eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


# A belief told first and the damaging act joined to it by "and" (believed_then.py):
# the parser hangs the act on the belief verb or on the belief's own clause.
BELIEF_THEN_ACT = [
    "I thought it was the sandbox account and deleted it.",
    "I thought I was on my laptop and rebooted the build server.",
    "i didn't realise the toggle was global and flipped it for every tenant",
    "i figured the bucket was unused and deleted it",
    "I thought the replica was the retired primary and wiped it.",
    "She thought the topic had drained and purged it.",
    "I didn't know the schema was shared and truncated it.",
    "I believed the export had finished and dropped the volume.",
    "I assumed the build had passed and merged it.",
    "Priya thought she was on staging and dropped the table.",
]
BELIEF_THEN_ACT_SILENT = [
    "I thought it was a routing issue and restarted the proxy.",  # a diagnosis, and recovery
    "I thought the pod was wedged and restarted it.",  # recovery
    "I thought the restore was fine and went to bed.",  # no damaging act
    "We thought the bucket was unused and deleted it.",  # "we" as the team (rule 9)
    "I thought it was the proxy, but it was the resolver.",  # no act joined
    "I thought it would help and cleared the cache.",  # a hope
    "I knew the schema was a scratch copy and truncated it.",  # known, not believed
    "I thought the alert was noise and acknowledged it.",  # a response
    "The cleanup script assumed the directory was unused and deleted it.",  # a system believes
    "I thought the deploy had finished and opened the dashboard.",  # a look
    "I didn't know the schema was shared and asked the owners first.",  # no damaging act
    "I thought the job had hung and killed it.",  # a diagnosis and its remedy
    "I thought the node had stopped and rebooted it.",  # a stop said of a machine is a breakdown
    "The on-call thought the service was healthy and closed the incident.",  # the incident's own handling
]


@pytest.mark.parametrize("sentence", BELIEF_THEN_ACT)
def test_belief_then_act(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].message.endswith("."), sentence


@pytest.mark.parametrize("sentence", BELIEF_THEN_ACT_SILENT)
def test_belief_then_act_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


# A chat apology before the dropped "I", when the parser takes it for the subject
# ("apologies/nsubj, typed ...") or it is spoken to the channel ("sorry all, ...")
# (fragments.implied_writer; apology_addressees in rules/blame_terms.yaml).
APOLOGY_PAIRS = [
    ("apology-as-subject", "apologies, typed the wrong zone into the dns vars",
     "apologies, restarted the runner and it's green now"),
    ("whoops-as-subject", "Whoops, deleted the team calendar instead of mine.",
     "Whoops, restored the calendar from last night's export, all good."),
    ("sorry-all", "sorry all, dropped the wrong index on the replica", "sorry all, rolled back the bad release"),
    ("apologies-folks", "apologies folks, pointed the importer at the live tenant",
     "apologies folks, the importer was pointed at the live tenant"),
    ("sorry-everyone-forgot", "Sorry everyone, forgot to tag the release.", "Sorry everyone, tagged the release an hour late, the runner was down."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in APOLOGY_PAIRS])
def test_apology_before_dropped_subject(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


# Faulty work handed on "from" or "by" a person (possessives._maker): any made thing
# called bad or judged, with the phrase on the noun or hung on the verb; not news or a
# mood (unmade_nouns), not a day (calendar_words), not an outsider (rule 10).
FROM_PERSON = [
    "I was given a broken export from our payroll lead, so half the refunds went to the wrong accounts.",
    "The bad mapping file from the integrations contractor sent every parcel to the wrong depot.",
    "It all began with a sloppy regex by the on-call.",
    "A faulty wiring diagram from the site foreman put both feeds on one breaker.",
    "we were working off an outdated runbook from the previous admin",
    "The rollout used an untested manifest from the platform lead.",
    "The bad filter from the cfo sent the notice to half our members.",
]
FROM_PERSON_SILENT = [
    "I was given an export from our payroll lead, so I checked it against the ledger.",
    "We got bad news from the on-call at 02:00: the replica was gone.",
    "A corrupted upload from a customer crashed the parser.",
    "The broken build from Tuesday was rolled back.",
    "The stale cache from the old deploy served errors for ten minutes.",
    "A bad feeling from the review stayed with the team.",
    "The outdated runbook from 2019 still listed the old hosts.",
]


@pytest.mark.parametrize("sentence", FROM_PERSON)
def test_faulty_work_from_person(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].rule == "blame.possessive", (sentence, [(f.rule, f.message) for f in found])


@pytest.mark.parametrize("sentence", FROM_PERSON_SILENT)
def test_faulty_work_from_person_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


# A response or an appearance a person never made, said in the past (absence.py;
# "attendance" in rules/verbs.yaml).
ABSENT = [
    "The on-call never answered the page.",
    "The DBA who was meant to cover that weekend never answered.",
    "The auditor never showed up.",
    "The release manager didn't join the bridge until the outage was over.",
    "The on-call never answered the page because the rota pointed to an old number.",  # rule 1
    "i never replied to the escalation, it was buried in my inbox",
    "Our backup engineer had never acknowledged the handover.",
]
ABSENT_SILENT = [
    "The on-call didn't have to answer the page; the runbook bot resolved it.",  # another verb's act
    "Nobody answered the page for twenty minutes.",  # rule 5
    "The vendor never answered our ticket.",  # rule 10
    "The on-call doesn't answer pages for the staging cluster.",  # a present policy
    "The DBA hasn't replied yet.",  # not yet past
    "The pager never reached the on-call.",  # a system
    "The on-call answered within two minutes.",
    "The health endpoint never responded.",
    "The customer never logged in again.",  # rule 10
]


@pytest.mark.parametrize("sentence", ABSENT)
def test_absent_response(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].message.endswith("."), sentence


@pytest.mark.parametrize("sentence", ABSENT_SILENT)
def test_absent_response_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


# A headline's article-less noun with a "who" clause is a person ("Man who ... speaks
# out", agents.classify), and "woman"/"women"/"men" are people; "man" alone is not listed
# (chat says "man, ..." as an interjection).
HEADLINE_PAIRS = [
    ("man-who", "Man who accidentally wiped the county's tax records speaks out",
     "Man who found the county's lost tax records speaks out"),
    ("woman-subject", "The woman on the help desk reset every password in the company by mistake.",
     "The woman on the help desk reset the password for the locked-out account."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in HEADLINE_PAIRS])
def test_headline_people(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)


def test_chat_interjection_man_is_no_person(linter: Linter) -> None:
    assert not blame(linter, "man\nship it on a friday evening, what could go wrong")


# Words of poor quality said of a person's doing (poor_work.py; poor_work_words and
# work_nouns in rules/blame_terms.yaml), not of a thing, the team speaking, or a system.
POOR_WORK = [
    "The electrician did a terrible job on the panel.",
    "Honestly, Tomasz's work on the upgrade was subpar.",
    "The on-call's response was a joke.",
    "The way the DBA handled the switchover was embarrassing.",
    "the helpdesk team did a lousy job of telling members anything",
    "His handling of the page was a disgrace.",
    "Our new admin's testing was frankly appalling.",
]
POOR_WORK_SILENT = [
    "The crew did a great job on the recovery.",
    "We did a poor job of communicating during the outage.",  # rule 9
    "The importer did a terrible job of parsing dates.",  # a system
    "The panel diagram was terrible and out of date.",  # a thing
    "The switchover runbook is a joke and needs a rewrite.",
    "Tomasz's work on the upgrade was excellent.",
    "The on-call's response wasn't terrible, given what the dashboards showed.",  # denied
    "Her car was a mess after the storm.",  # not work
    "The alerting's response to the spike was poor.",  # a system's doing
    "The way the switchover tool handled the split was embarrassing.",
    "The weather was terrible on the day of the cutover.",
]


@pytest.mark.parametrize("sentence", POOR_WORK)
def test_poor_work(linter: Linter, sentence: str) -> None:
    found = blame(linter, sentence)
    assert found and found[0].rule == "blame.judgement", (sentence, [(f.rule, f.message) for f in found])


@pytest.mark.parametrize("sentence", POOR_WORK_SILENT)
def test_poor_work_silent(linter: Linter, sentence: str) -> None:
    assert not blame(linter, sentence), [(f.rule, f.message) for f in blame(linter, sentence)]


def test_own_sentences_floor(linter: Linter) -> None:
    """The round's own sentences, written in the styles of real writing before and while
    the constructions above were developed, misses included (at the end of
    the round: 0.955 / 0.819 with the last 30 confessions; the false positives left are
    listed in the round's report)."""
    rows = labelled.load_path(OWN)
    assert len(rows) >= 400 and {r.label for r in rows} == {"B", "N"}
    assert sum(r.label == "N" for r in rows) >= 0.4 * len(rows)
    res = eval_blame.evaluate(linter, rows)
    misses = "\n".join(f"{label} [{kind}] {sentence}" for label, kind, sentence, _ in res["misses"])
    assert res["precision"] >= 0.95 and res["recall"] >= 0.80, f"P {res['precision']:.3f} R {res['recall']:.3f}\n{misses}"


# "responsible for" a failure or for a thing called bad (assertions.blame_noun)
RESPONSIBLE_PAIRS = [
    ("responsible-broken", "I was responsible for the broken release last week.", "I was responsible for the release last week."),
    ("responsible-bad", "The DBA was responsible for the bad migration.", "The DBA was responsible for fixing the bad migration."),
    ("responsible-failure-noun", "The contractor was responsible for the delays on site.",
     "The contractor was not responsible for the delays on site."),
]


@pytest.mark.parametrize(("positive", "near_miss"), [pytest.param(p, n, id=i) for i, p, n in RESPONSIBLE_PAIRS])
def test_responsible_for_failure(linter: Linter, positive: str, near_miss: str) -> None:
    assert_pair(linter, positive, near_miss)
