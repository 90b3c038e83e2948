"""Rewrites offered with blame findings.

Two kinds of test: exact suggestions for sentences a careful editor would
rewrite a particular way, and the property every suggestion must have: applied
to the text, it lints without any blame finding. The property is checked on the
labelled B sentences (dev corpus and tests/data) and on generated sentences.

Cases marked ``xfail(strict=True)`` are outputs that are worse English than the
expected one; the reason says what is wrong.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_SENTENCES = SHARED / "corpus" / "dev" / "sentences.tsv"
HELD_OUT = REPO / "tests" / "data" / "blame_sentences.tsv"


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def blame_findings(linter: Linter, text: str) -> list:
    return [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]


def only_finding(linter: Linter, text: str):
    found = blame_findings(linter, text)
    assert len(found) == 1, f"{text!r}: {[(f.rule, f.message) for f in found]}"
    return found[0]


def r(sentence: str, expected: str | tuple[str, ...], id: str, marks=()):  # noqa: A002 - pytest's name
    """``expected``: the rewrite, or several equally acceptable ones (any one must be offered)."""
    return pytest.param(sentence, (expected,) if isinstance(expected, str) else expected, id=id, marks=marks)


REWRITES = [
    # omission: the step did not happen, said without the person
    r("Kenji forgot to renew the TLS certificate.", "The TLS certificate was not renewed.", "omission-forgot"),
    r("Nkechi forgot to rotate the signing key before the audit.", "The signing key was not rotated before the audit.", "omission-keeps-time"),
    r("Anahera did not run the smoke tests before promoting the release.",
      "The smoke tests were not run before promoting the release.", "omission-did-not-plural"),
    r("Wei never checked the queue depth dashboard during the rollout.",
      "The queue depth dashboard was never checked during the rollout.", "omission-never"),
    r("Esperanza did not bother to read the deprecation warning.", "The deprecation warning was not read.", "omission-bother"),
    r("I forgot to renew the certificate.", "The certificate was not renewed.", "omission-first-person"),
    # fault verbs: outcome phrasing or agentless passive
    r("The on-call SRE ignored the disk alert for six hours.", "The disk alert went unanswered for six hours.", "fault-ignored-outcome"),
    r("She overlooked the expiry date on the signing certificate.",
      ("The expiry date on the signing certificate went unnoticed.", "The expiry date on the signing certificate was overlooked."),
      "fault-overlooked-outcome"),
    r("Tevita messed up the DNS cutover.", "The DNS cutover went wrong.", "fault-phrasal-outcome"),
    r("Joaquín misconfigured the ingress timeout on the checkout cluster.",
      ("The ingress timeout on the checkout cluster was misconfigured.", "The ingress timeout was misconfigured on the checkout cluster."),
      "fault-mis-verb-passive"),
    r("The payments squad skipped the load test before Black Friday.", "The load test was skipped before Black Friday.", "fault-team"),
    # framing, destruction, risky circumstances: agentless passive keeps the circumstance
    r("Hamid pushed the change without review.", "The change was pushed without review.", "framing-without"),
    r("Hamid pushed an untested change to the billing service.",
      ("An untested change was pushed to the billing service.", "An untested change to the billing service was pushed."),
      "framing-untested"),
    r("Svetlana deleted the production database.", "The production database was deleted.", "destructive"),
    r("Tariq turned off two-factor authentication to save time.",
      "Two-factor authentication was turned off to save time.", "risky-particle-verb"),
    r("Yusuf pasted the root credentials into a public gist.",
      "The root credentials were pasted into a public gist.", "risky-exposure"),
    r("Aditi left the admin port open to the internet.", "The admin port was left open to the internet.", "left-open"),
    r("Leilani left the debug endpoint enabled in production.", "The debug endpoint was left enabled in production.", "left-enabled"),
    r("Matteo ran the purge script against the live bucket.", "The purge script was run against the live bucket.", "risky-target"),
    # a clause inside a reported sentence keeps its frame
    r("Pedro says the release manager forgot to tag the build.", "Pedro says the build was not tagged.", "embedded-clause"),
    # passive agent dropped
    r("The staging bucket was emptied by Oksana during the quarterly cleanup.",
      "The staging bucket was emptied during the quarterly cleanup.", "passive-agent"),
    r("The alerting rules were accidentally overwritten by the SRE team.",
      "The alerting rules were accidentally overwritten.", "passive-agent-team"),
    r("The customer records were copied by Dariusz to his personal laptop.",
      "The customer records were copied to a personal laptop.", "passive-agent-leftover-pronoun"),
    # possessive replaced
    r("Chidera's mistake took the search cluster down for an hour.", "A mistake took the search cluster down for an hour.", "possessive-blame-noun"),
    r("The intern's carelessness exposed the staging keys.", "An oversight exposed the staging keys.", "possessive-judgement-noun"),
    r("Mehmet's typo in the DNS record took the API offline.", "The typo in the DNS record took the API offline.", "possessive-change-noun"),
    r("The outage was caused by Rafael's change to the rate limiter.",
      "The outage was caused by the change to the rate limiter.", "possessive-agent"),
    # blame nouns
    r("It was Tomasz's fault that the cache stampeded.", "The cache stampeded.", "noun-fault-clause"),
    # counterfactual passivised
    r("If Seo-yeon had checked the diff, the outage would not have happened.",
      "If the diff had been checked, the outage would not have happened.", "counterfactual-if"),
    r("Had the reviewer read the migration, the lock would have been caught.",
      "Had the migration been read, the lock would have been caught.", "counterfactual-inverted"),
    r("Hiroshi ought to have rotated the key before leaving.", "The key was not rotated before leaving.", "counterfactual-ought"),
    r("I should have checked the replica lag.", "The replica lag was not checked.", "counterfactual-first-person"),
    # person as cause removed
    r("Because of Xochitl, the checkout flow was down for an hour.", "The checkout flow was down for an hour.", "cause-because-of"),
    r("Due to the intern, every session token was invalidated.", "Every session token was invalidated.", "cause-due-to"),
    # judgements
    r("It was reckless of Bashir to restart every broker at once.", "It was risky to restart every broker at once.", "judgement-of"),
    # ("The platform team handled the cutover sloppily": no rewrite since blind grading found
    # "handled the cutover" empty, tests/test_rewrite_verdicts.py)
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITES)
def test_suggestion_text(linter: Linter, sentence: str, expected: tuple[str, ...]) -> None:
    f = only_finding(linter, sentence)
    assert set(expected) & set(f.suggestions), f"{sentence!r} -> {f.suggestions}"


@pytest.mark.parametrize("sentence", [
    pytest.param("The bad regex in the WAF rule was mine.", id="predicate-possessive"),
    pytest.param("Ngozi's rushed migration locked the orders table for an hour.", id="possessive-judged"),
    pytest.param("The contractor's sloppy work broke the login page.", id="possessive-judged-work"),
])
def test_no_broken_suggestion(linter: Linter, sentence: str) -> None:
    """Better no suggestion than one that ends in a dangling determiner or preposition."""
    f = only_finding(linter, sentence)
    broken = [s for s in f.suggestions if s.rstrip(".").split()[-1].lower() in ("the", "a", "an", "of", "by", "to")]
    assert broken == [], f"dangling word at the end of {broken}"


@pytest.mark.parametrize("sentence", [
    pytest.param("Saoirse went AWOL during the quota review.", id="idiom-without-rewrite-data"),
    # "Nothing required waiting for the canary" claimed a missing rule and read as "not needed";
    # with no act named after it, nothing else says what happened (with one, see
    # test_rewrite_fallbacks: "The build was promoted without waiting for the canary")
    pytest.param("Kalinda should have waited for the canary.", id="counterfactual-intransitive"),
    # nothing says what the error was without inventing it ("a manual step" emptied the claim;
    # "an error in a manual step" keeps it where the sentence gives it as a cause, but "it"
    # names nothing the verdict is about: tests/test_rewrite_verdicts.py)
    pytest.param("Action item: take Dagny's production access away until she learns to review a diff.", id="punitive-directive"),
])
def test_no_suggestion_when_no_faithful_rewrite(linter: Linter, sentence: str) -> None:
    """Constructions the rewriter does not attempt: an empty list, never a guess."""
    assert only_finding(linter, sentence).suggestions == []


@pytest.mark.parametrize("sentence", [
    pytest.param("Farrukh was at fault.", id="at-fault-no-outcome"),
    pytest.param("It was operator error.", id="operator-error-no-invented-replacement"),
])
def test_a_verdict_with_nothing_else_is_only_removed(linter: Linter, sentence: str) -> None:
    """Only the verdict: no restatement is faithful, so the one suggestion is the removal
    (rewrite/verdict_only.py), never a guessed act or error."""
    assert only_finding(linter, sentence).suggestions == [""]


def test_suggestion_replaces_only_the_finding_span(linter: Linter) -> None:
    text = "## Summary\n\nThe page fired at 02:10. Svetlana deleted the production database. We restored it by 03:00.\n"
    (f,) = blame_findings(linter, text)
    fixed = text[:f.start] + f.suggestions[0] + text[f.end:]
    assert fixed == "## Summary\n\nThe page fired at 02:10. The production database was deleted. We restored it by 03:00.\n"


# ---------------------------------------------------------------- property: applied suggestions are blameless


def _b_sentences(path: Path) -> list:
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is absent"), id="absent")]
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [pytest.param(row[2], id=f"{path.stem}-{i}") for i, row in enumerate(rows, 2) if len(row) >= 3 and row[0].strip() == "B"]


def assert_suggestions_blameless(linter: Linter, text: str) -> int:
    """Apply every suggestion of every blame finding; return how many were checked."""
    checked = 0
    for f in blame_findings(linter, text):
        for s in f.suggestions:
            fixed = text[:f.start] + s + text[f.end:]
            left = blame_findings(linter, fixed)
            assert not left, f"{text!r} -> {fixed!r} still has {[(g.rule, g.message) for g in left]}"
            checked += 1
    return checked


@pytest.mark.parametrize("sentence", _b_sentences(DEV_SENTENCES) + _b_sentences(HELD_OUT))
def test_applied_suggestions_are_blameless_on_labelled_sentences(linter: Linter, sentence: str) -> None:
    assert_suggestions_blameless(linter, sentence)


def _labelled(name: str) -> list[str] | None:
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from labelled import load_set

    rows = load_set(name)
    return None if rows is None else [r.sentence for r in rows if r.label == "B"]


# real-test is the held-back half: its sentences are not read one by one, so a
# failure there would print one; it is measured by bench/eval_rewrites.py instead.
@pytest.mark.parametrize("name", ["synthetic-2", "real-quotes", "real-tune"])
def test_applied_suggestions_are_blameless_on_every_labelled_set(linter: Linter, name: str) -> None:
    sentences = _labelled(name)
    if sentences is None:
        pytest.skip(f"set {name} is absent (../shared not found)")
    checked = sum(assert_suggestions_blameless(linter, s) for s in sentences)
    assert checked, f"no suggestion was offered on {name}"


def test_labelled_sentences_get_suggestions(linter: Linter) -> None:
    """The property above must not pass vacuously: most dev-set blame gets a rewrite."""
    if not DEV_SENTENCES.is_file():
        pytest.skip(f"{DEV_SENTENCES} is absent")
    sentences = [p.values[0] for p in _b_sentences(DEV_SENTENCES)]
    with_rewrite = sum(1 for s in sentences if any(f.suggestions for f in blame_findings(linter, s)))
    # a floor under the offered rate measured by bench/eval_rewrites.py (84.8% after the
    # blind-graded "The process allowed ..." and "a manual step" forms were withdrawn)
    assert with_rewrite >= 0.82 * len(sentences), f"only {with_rewrite} of {len(sentences)} have a suggestion"


SUBJECTS = ["Kawika", "Zeynep", "Oluwadamilare", "Mireille", "Thandeka", "Haruto", "The release manager",
            "The on-call engineer", "She", "He", "The storage team", "I"]
FAULT_VERBS = ["forgot to renew", "failed to rotate", "did not check", "never tested", "misconfigured",
               "ignored", "skipped", "overlooked", "botched", "neglected to update"]
VERBS = FAULT_VERBS + ["deleted", "overwrote", "dropped", "wiped", "disabled", "pushed", "restarted"]
# object -> is it plural (for agreement in the rewrite)
OBJECT_NUMBER = {"the TLS certificate": False, "the production database": False, "the signing keys": True,
                 "the billing cron job": False, "the load balancer config": False, "the payments alert": False,
                 "the nightly backup": False, "the customers table": False}
OBJECTS = list(OBJECT_NUMBER)
MODIFIERS = ["", " before the release", " without review", " during the peak sale", " by mistake",
             " on Friday evening", " accidentally", " even though the canary was red", " for three days"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(MODIFIERS))
def test_applied_suggestions_are_blameless_on_generated_sentences(linter: Linter, subject: str, verb: str, obj: str, modifier: str) -> None:
    sentence = f"{subject} {verb} {obj}{modifier}."
    assert_suggestions_blameless(linter, sentence)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SUBJECTS[:-1]), st.sampled_from(FAULT_VERBS), st.sampled_from(OBJECTS), st.sampled_from(MODIFIERS))
def test_generated_fault_sentences_are_flagged(linter: Linter, subject: str, verb: str, obj: str, modifier: str) -> None:
    """A person or team as the subject of a fault or omission verb is always blame (label rule 1)."""
    sentence = f"{subject} {verb} {obj}{modifier}."
    assert blame_findings(linter, sentence), sentence


def grammar_problems(sentence: str, obj: str, suggestions: list[str]) -> list[str]:
    """What a careful editor would reject in rewrites of a past-tense "<subject> <verb> <obj> ..." sentence:
    the object noun phrase split apart, a present-tense verb, or "was"/"were" not agreeing with the object."""
    core = obj.removeprefix("the ")
    wrong_be = " were " if not OBJECT_NUMBER[obj] else " was "
    problems = []
    for s in suggestions:
        padded = f" {s} "
        if core not in s:
            problems.append(f"{s!r} splits {core!r}")
        if f"{core}{wrong_be}" in padded or f"{core} are " in padded or f"{core} is " in padded:
            problems.append(f"{s!r}: verb does not agree with {core!r} or is not past tense")
    return problems


GRAMMAR = [
    pytest.param("Oluwadamilare skipped the payments alert.", "the payments alert", id="compound-plural-modifier"),
    pytest.param("Haruto wiped the customers table before the release.", "the customers table", id="compound-plural-modifier-wiped"),
    pytest.param("Kawika overwrote the TLS certificate.", "the TLS certificate", id="tense-overwrote"),
    pytest.param("Thandeka skipped the signing keys without review.", "the signing keys", id="agreement-outcome-phrase"),
    pytest.param("Zeynep botched the payments alert.", "the payments alert", id="compound-split-outcome"),
    pytest.param("He deleted the payments alert during the peak sale.", "the payments alert", id="compound-split-passive"),
    pytest.param("Zeynep neglected to update the signing keys before the release.", "the signing keys", id="agreement-plural-omission"),
    pytest.param("Mireille deleted the nightly backup during the peak sale.", "the nightly backup", id="destructive-singular"),
]


def test_trailing_modifier_stays_with_its_noun(linter: Linter) -> None:
    """The parser hangs "close" on "connection" as a trailing modifier; moving it after the
    verb would give "The missing connection was not caught close in code review"."""
    f = only_finding(linter, "The reviewer should have caught the missing connection close in code review.")
    assert f.suggestions
    assert all("missing connection close" in s for s in f.suggestions), f.suggestions


@pytest.mark.parametrize(("sentence", "obj"), GRAMMAR)
def test_rewrite_grammar(linter: Linter, sentence: str, obj: str) -> None:
    f = only_finding(linter, sentence)
    assert f.suggestions, sentence
    assert grammar_problems(sentence, obj, f.suggestions) == []


@settings(max_examples=80, deadline=None, phases=(Phase.generate,), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SUBJECTS[:-1]), st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(MODIFIERS))
def test_rewrite_grammar_on_generated_sentences(linter: Linter, subject: str, verb: str, obj: str, modifier: str) -> None:
    sentence = f"{subject} {verb} {obj}{modifier}."
    for f in blame_findings(linter, sentence):
        assert grammar_problems(sentence, obj, f.suggestions) == [], sentence
