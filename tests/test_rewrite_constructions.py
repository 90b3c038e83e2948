"""Rewrites for the constructions of issue 11, section-aware wording, and the checks a
candidate must pass beyond "no blame finding".

Every sentence here was written for this file. Each construction has a true positive
(the rewrite a facilitator would accept) and a near miss where the rewrite must be
absent or must not take the tempting wrong form.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint_service import Linter
from lint_service.rewrite.referents import pronouns_of
from lint_service.rewrite.verify import Original, problems


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def suggestions(linter: Linter, text: str, fmt: str = "text") -> list[str]:
    found = [f for f in linter.lint(text, format=fmt).findings if f.rule.startswith("blame.")]
    assert len(found) == 1, f"{text!r}: {[(f.rule, f.message) for f in found]}"
    return found[0].suggestions


def r(sentence: str, expected: str, id: str):  # noqa: A002 - pytest's name
    return pytest.param(sentence, expected, id=id)


CONSTRUCTIONS = [
    r("Ngaio misconfigured the proxy and restarted the gateway.",
      "The proxy was misconfigured and the gateway was restarted.", "coordinated-two-objects"),
    r("Peregrine restarted the cache and went home.", "The cache was restarted and then left unattended.", "coordinated-departure"),
    r("Imogen dropped the ball on rotating the backup keys.", "The backup keys were not rotated.", "idiom-not-done"),
    r("Bertrand sat on the access request for ten days.", "The access request waited for ten days.", "idiom-waited-keeps-duration"),
    r("It was Ottilie who restarted the primary at noon.", "The primary was restarted at noon.", "cleft"),
    r("The culprit was Barnaby, who deleted the staging bucket without a backup.",
      "The staging bucket was deleted without a backup.", "culprit-who"),
    r("Rosalind should have known better than to restart the primary at noon.",
      "The primary was restarted at noon.", "known-better"),
    r("Ambrose should never have restarted the primary.", "The primary was restarted.", "never-have-polarity"),
    r("Philippa forgot that the cache was shared.", "It was overlooked that the cache was shared.", "forgot-that"),
    r("Horatio didn't check whether the snapshot had finished.",
      "There was no check of whether the snapshot had finished.", "check-whether"),
    r("Make sure Dagny never touches the billing cluster again.",
      "Make sure the billing cluster cannot be touched by mistake again.", "directive-never"),
    r("Remind Horatio to follow the release checklist.", "Make sure the release checklist is followed.", "directive-remind"),
    r("Tamsin approved her own pull request and merged it.",
      "The pull request was approved without a second reviewer and merged.", "self-approval"),
    r("Ignatius caused the outage by restarting the primary.", "Restarting the primary caused the outage.", "means-causal"),
    r("Wilhelmina broke checkout with her change to the tax rules.",
      "The change to the tax rules broke checkout.", "means-instrument"),
    # (a reason of theirs, "because he was late for a meeting", now keeps the candidate
    # refused: tests/test_rewrite_real_faults.py; a circumstance still goes with them)
    r("Lysander skipped the canary while he was in a meeting.", "The canary was skipped.", "circumstance-dropped"),
    r("Clementine missed the alert when she reviewed the dashboard.",
      "The alert went unnoticed when the dashboard was reviewed.", "person-clause-passive"),
    r("Octavia raised the rollout to 50% without a canary.", "The rollout was raised to 50% without a canary.", "percent-verbatim"),
    r("My bad: I deleted the staging bucket.", "The staging bucket was deleted.", "self-blame-lead"),
    r("Cassius went ahead with the failover even though the replica was behind.",
      "The failover went ahead even though the replica was behind.", "went-ahead"),
    r("Regulators blamed the outage on a technician who unplugged the core switch.",
      "Regulators linked the outage to the core switch being unplugged.", "reported-blame"),
    r("i completely forgot the queue was still draining, sorry", "It was overlooked that the queue was still draining",
      "apology-lowercase-i"),
    r("my fault, i forgot to tag the release before publishing", "The release was not tagged before publishing.", "self-blame-comma-lead"),
    r("Sorry everyone, I restarted the wrong broker.", "The wrong broker was restarted.", "apology-lead"),
    r("I mislabelled the staging volumes, my apologies.", "The staging volumes were mislabelled.", "apology-trailer"),
    r("Hats off to Leopold for breaking the nightly build, once again.", "The nightly build broke, once again.", "ironic-thanks"),
    # (rewrite27) "cut corners" said as "rushed" is refused: haste nobody stated (tests/test_rewrite_quality27.py)
    r("Priyanka made a pig's ear of the backup script, and it shows.", "The backup script went wrong, and it shows.", "idiom-keeps-joined-clause"),
    r("The on-call waited 25 minutes before escalating, even though the runbook says 10.",
      "It took 25 minutes to escalate, even though the runbook says 10.", "waited-before"),
    r("Because Cosmo forgot to renew the domain, the site went dark.",
      "Because the domain was not renewed, the site went dark.", "leading-subordinate"),
    r("The on-call didn't look at the error budget before raising the rollout.",
      "The error budget was not looked at before the rollout was raised.", "prepositional-verb"),
    r("The on-call still hasn't looked at the queue.", "The queue still has not been looked at.", "prepositional-verb-perfect"),
    r("Leontyne took down the login page with a patch she had not tested.",
      "A patch that had not been tested took down the login page.", "relative-clause-about-the-person"),
    r("Wendell didn't tell anyone that he had rotated the signing keys.",
      "Nobody was told that the signing keys had been rotated.", "not-told-own-change"),
    r("Wendell didn't tell the on-call that he was draining the node.",
      "The on-call was not told that the node was being drained.", "not-told-recipient-progressive"),
    r("That was me: I deleted the staging bucket.", "The staging bucket was deleted.", "owning-up-lead"),
    r("I feel terrible; I caused the outage by restarting the primary.", "Restarting the primary caused the outage.",
      "feeling-lead-semicolon"),
    r("Gustav leaked the staging tokens, which he has since revoked.",
      "The staging tokens were leaked, which have since been revoked.", "relative-which-object"),
    r("The outage was caused by a contractor accidentally deleting the routing table.",
      "The outage was caused by the routing table being accidentally deleted.", "caused-by-person-doing"),
    r("Anselm broke the release build by merging with a red pipeline.",
      "The release build broke when the change was merged with a red pipeline.", "means-gerund-implied-object"),
    r("Apparently Ulrike force-pushed to the release branch and wiped out a week of fixes.",
      "Apparently a force-push to the release branch wiped out a week of fixes.",  # (rewrite27) the act's noun, not "the change"
      "coordinated-lead-adverb-once"),
    # (rewrite27) "Ignatius's handling of the cutover was sloppy" -> "... fell short" is
    # refused: graders read it as the verdict again (tests/test_rewrite_quality27.py)
]


@pytest.mark.parametrize(("sentence", "expected"), CONSTRUCTIONS)
def test_construction_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


@pytest.mark.parametrize(("sentence", "wrong"), [
    # "<system> allowed X to be done" and "Nothing in the process prevented X" name a
    # subject the sentence never did: blind grading found them vague at best
    pytest.param("Thandeka accidentally rotated the wrong signing key.", "The process allowed the wrong signing key to be rotated.",
                 id="no-generic-allowed"),
    pytest.param("Farrukh is to blame for the broken release.", "Nothing in the process prevented the broken release.",
                 id="no-generic-prevented"),
    pytest.param("Ambrose should never have restarted the primary.", "The primary was not restarted.", id="never-not-negated"),
    pytest.param("Philippa forgot that the cache was shared.", "It was not forgotten that the cache was shared.", id="forgot-not-unforgotten"),
    pytest.param("Octavia raised the rollout to 50% without a canary.", "The rollout was raised to 50 % without a canary.", id="percent-not-split"),
    pytest.param("Lysander skipped the canary because he was late for a meeting.",
                 "The canary was skipped because he was late for a meeting.", id="no-orphan-pronoun"),
    pytest.param("Zainab broke the nightly build by merging two failing branches.",
                 "The nightly build broke by merging two failing branches.", id="no-dangling-by-ing"),
])
def test_near_miss_is_not_offered(linter: Linter, sentence: str, wrong: str) -> None:
    assert wrong not in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    pytest.param("Saoirse went AWOL during the quota review.", id="idiom-without-rewrite-data"),
    pytest.param("Peregrine restarted the cache and logged off at 18:00.", id="departure-with-a-time"),
    # ("Frankly, Ysolde should lose her deploy rights after this." is removed since rewrite26,
    # never made a fact: test_punitive_modal_is_removed_not_made_fact)
    pytest.param("Ignatius was sloppy during the cutover.", id="judged-person-not-a-process"),
    pytest.param("After the page, Hamid went to the cinema without telling anyone.", id="going-to-has-no-passive"),
    pytest.param("Leontyne broke the login page with a hotfix she said was safe.", id="relative-clause-with-its-own-object"),
    pytest.param("Wendell didn't tell anyone that the disk was full.", id="not-told-someone-elses-clause"),
    pytest.param("I was tired, so I restarted the wrong node.", id="lead-that-is-the-reason-stays"),
    pytest.param("Gustav leaked the staging tokens, which he told us about.", id="relative-which-not-the-object"),
    pytest.param("The outage was caused by a contractor deleting his own table.", id="caused-by-act-with-a-pronoun"),
    pytest.param("The false alarm was caused by someone hitting the 'wrong button', officials said.", id="caused-by-act-quoted"),
    pytest.param("Cormac broke the staging deploy by sleeping.", id="means-gerund-without-an-implied-object"),
    pytest.param("Ilka must have deleted the volume by running the cleanup job.", id="must-have-is-a-guess"),
])
def test_no_rewrite_rather_than_a_wrong_one(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


def test_punitive_modal_is_removed_not_made_fact(linter: Linter) -> None:
    # (rewrite26, rewrite/punishment_only.py) the demand goes; no passive says it happened
    assert suggestions(linter, "Frankly, Ysolde should lose her deploy rights after this.") == [""]


DOC = """# Cache outage

## Timeline

- 14:05 Bartholomew restarted the primary without a canary.

## Root causes

Bartholomew restarted the primary without a canary.
"""


def test_timeline_entries_are_factual_events_and_analysis_gets_system_framing(linter: Linter) -> None:
    found = [f for f in linter.lint(DOC, format="markdown").findings if f.rule.startswith("blame.")]
    assert len(found) == 2
    timeline, analysis = found
    assert timeline.suggestions and all("allowed" not in s and "Nothing" not in s for s in timeline.suggestions)
    assert timeline.suggestions[0] == "The primary was restarted without a canary."
    assert analysis.suggestions[0] == "Nothing required a canary before the primary was restarted.", analysis.suggestions
    assert not any(s.startswith("The process allowed") for s in analysis.suggestions)


def test_nothing_stopped_is_analysis_framing_only(linter: Linter) -> None:
    # "should not have X" says X happened; "Nothing stopped X" adds a missing safeguard
    # the writer never named, which only an analysis section asks for
    sentence = "Ottoline shouldn't have dropped the audit table."
    plain = suggestions(linter, sentence)
    assert plain == ["The audit table was dropped."], plain
    chat = suggestions(linter, "Ottoline shouldn't have dropped the audit table :)")
    assert not any("Nothing stopped" in s for s in chat), chat
    doc = f"# Audit outage\n\n## Root causes\n\n{sentence}\n"
    found = [f for f in linter.lint(doc, format="markdown").findings if f.rule.startswith("blame.")]
    assert found[0].suggestions[0] == "Nothing stopped the audit table from being dropped.", found[0].suggestions


def test_document_system_is_preferred_to_the_generic_one(linter: Linter) -> None:
    text = ("The deploy pipeline promotes builds.\n\nThe deploy pipeline runs at noon.\n\n"
            "Hamish forgot to renew the certificate.\n")
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert any("the deploy pipeline" in s for s in found[0].suggestions), found[0].suggestions


# ---------------------------------------------------------------- the verifier itself


@pytest.fixture(scope="module")
def parse(linter: Linter):
    return lambda text: list(linter.parser.parse([text])[0].sents)[0]


def test_verifier_refuses_an_orphan_pronoun_and_accepts_its_fix(parse) -> None:
    orig = parse("Lysander skipped the canary because he was late.")
    removed = orig[0]
    o = Original(orig, {removed.i}, ["canary"], {"Lysander"}, pronouns_of(removed))
    assert any("pronoun" in p for p in problems(parse("The canary was skipped because he was late."), o))
    assert problems(parse("The canary was skipped."), o) == []


def test_verifier_allows_someone_elses_pronoun(parse) -> None:
    orig = parse("I forgot to update the allowlist when the partner changed their range.")
    o = Original(orig, {orig[0].i}, ["allowlist"], set(), pronouns_of(orig[0]))
    assert problems(parse("The allowlist was not updated when the partner changed their range."), o) == []


def test_verifier_refuses_lost_negation_changed_object_and_names(parse) -> None:
    orig = parse("Wendeline restarted the primary, which did not fail over.")
    o = Original(orig, {orig[0].i}, ["primary"], {"Wendeline"}, pronouns_of(orig[0]))
    assert "negation lost" in problems(parse("The primary was restarted, which failed over."), o)
    assert any("object" in p for p in problems(parse("The replica was restarted, which did not fail over."), o))
    assert any("names" in p for p in problems(parse("Wendeline's primary was restarted, which did not fail over."), o))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.sampled_from(["5%", "12ms", "$900m", "14:05", "2,000", "v1.2.3", "3x"]))
def test_numbers_must_survive_verbatim(parse, number: str) -> None:
    orig = parse(f"Evander raised the limit to {number} on the gateway.")
    o = Original(orig, {orig[0].i}, ["limit"], {"Evander"}, pronouns_of(orig[0]))
    assert problems(parse(f"The limit was raised to {number} on the gateway."), o) == []
    spaced = " ".join(number)
    assert any("number" in p for p in problems(parse(f"The limit was raised to {spaced} on the gateway."), o))


def test_a_verdict_lead_takes_only_the_main_clause_subject_as_the_person(linter: Linter) -> None:
    # "CI" is the subject of the "before" clause, not the one the verdict was about
    assert suggestions(linter, "Oops, my bad, I tagged the release before CI had passed.") == [
        "The release was tagged before CI had passed."]
    # near miss: the person the verdict is about is still never named in the rewrite
    assert not any("Gwilym" in s for s in suggestions(linter, "My bad, Gwilym tagged the release before CI had passed."))


@pytest.mark.parametrize(("sentence", "expected"), [
    # an apology the parser hangs on the verb is no manner of the act
    ("sorry sorry, tagged the wrong commit for the release", "The wrong commit for the release was tagged"),
    # "just" plays down another person's act; once passive it would read as "recently"
    ("Bartosz just pasted the wrong API key into the config.", "The wrong API key was pasted into the config."),
    # near miss: the writer's own "i just ..." says when, and stays
    ("i think i just dropped the sessions table on prod", "I think the sessions table was just dropped on prod"),
])
def test_apologies_and_minimisers_on_the_verb(linter: Linter, sentence: str, expected: str) -> None:
    assert suggestions(linter, sentence)[:1] == [expected], suggestions(linter, sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    # after a verb of putting or trying, "on" says where the act was done
    ("Imogen deployed the unreviewed build on the canary hosts.", "The unreviewed build was deployed on the canary hosts."),
    ("Imogen never tried the failover on a staging replica.", "The failover was never tried on a staging replica."),
    # near miss: elsewhere the "on" phrase stays with its noun
    ("Kai silenced the alert on the payments dashboard.", "The alert on the payments dashboard was silenced."),
])
def test_an_on_phrase_after_a_placing_verb_follows_the_passive(linter: Linter, sentence: str, expected: str) -> None:
    assert suggestions(linter, sentence)[:1] == [expected], suggestions(linter, sentence)


def test_quoted_words_not_restated(linter: Linter) -> None:
    """A quote is never edited inside its marks. (prec20) Said as indirect speech it is
    rewrite24's report (rewrite/quoted_report.py), offered once the verifier stopped
    reading the reported "that the build broke" as the writer's consequence."""
    got = suggestions(linter, '"I broke the build," she wrote in the team channel.')
    assert not any('"' in s or "I broke" in s for s in got), got
    assert all(s.startswith("She wrote in the team channel that ") for s in got), got
