"""The writer's verdict on themselves beside the act (rewrite/self_verdict.py): owning,
apology, confession and self-judgement parts go when the rest states the event, and
the act they judged is kept and rewritten; a verdict with no act gets no rewrite.

Every sentence here was written for this file. Each construction has a true positive
and a near miss where a rewrite would be unfaithful and must be absent or differ.
"""
from __future__ import annotations

import pytest

from lint_service import Linter
from rewrite_support import applied as suggestions, first_sentence


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


REWRITTEN = [
    pytest.param("I want to own this mistake: I deleted the cache keys, and every session expired.",
                 "The cache keys were deleted, and every session expired.", id="owning-lead-colon"),
    pytest.param("That was me - I merged the branch without tests.",
                 "The branch was merged without tests.", id="that-was-me-lead"),
    pytest.param("Not my finest hour: I rebooted the primary instead of the replica.",
                 "The primary was rebooted instead of the replica.", id="not-my-finest-hour-keeps-instead"),
    pytest.param("Not my proudest moment, but I deleted the audit table during the cleanup.",
                 "The audit table was deleted during the cleanup.", id="verdict-lead-takes-its-but"),
    pytest.param("Admitting it here before anyone asks: I skipped the second check on the insulin pump because the ward was busy.",
                 "The second check on the insulin pump was skipped because the ward was busy.", id="participle-confession-frame"),
    pytest.param("Posting this so others can learn from it: I typed the wrong port into the balancer config.",
                 "The wrong port was typed into the balancer config.", id="participle-writing-frame"),
    pytest.param("In the retro I admitted that I had muted the pager the evening before.",
                 "The pager had been muted the evening before.", id="confession-frame-with-that-clause"),
    pytest.param("I feel awful; I deleted the customer exports.", "The customer exports were deleted.", id="feeling-part"),
    pytest.param("I was careless with my credentials and they leaked into the logs.", "The credentials leaked into the logs.",
                 id="careless-with-plural-thing-they"),
    pytest.param("The cleanup job, my fault, deleted the audit rows.", "The cleanup job deleted the audit rows.",
                 id="verdict-inside-a-clause-takes-both-commas"),
    pytest.param("my bad, deleted the wrong queue on the broker",
                 "The wrong queue on the broker was deleted.", id="my-bad-lead-subjectless-act"),
    pytest.param("I reindexed the search cluster during peak hours, and I take full responsibility for the downtime.",
                 "The search cluster was reindexed during peak hours.", id="trailing-take-responsibility"),
    pytest.param("I was sloppy with the rollout plan; I skipped the canary stage.",
                 "The canary stage was skipped.", id="self-judgement-part-before-semicolon"),
    pytest.param("i was a fool and ran the purge on prod", "The purge was run on prod.", id="judgement-joined-to-act"),
    pytest.param("During the night I was an idiot and ran the purge on prod.", "During the night the purge was run on prod.",
                 id="judgement-joined-keeps-the-rest"),
    pytest.param("Not my finest hour; I was reckless to deploy on a freeze day.", "The change was deployed on a freeze day.",
                 id="verdict-part-and-joined-judgement"),
    pytest.param("I was reckless to deploy on a freeze day.", "The change was deployed on a freeze day.",
                 id="judgement-with-infinitive-act"),
    pytest.param("I was careless with the glob and it deleted every log file.", "The glob deleted every log file.",
                 id="careless-with-thing-pronoun-takes-it-back"),
    pytest.param("Reimaged the wrong laptop, my fault, reimaging the right one now",
                 "The wrong laptop was reimaged; reimaging the right one now.", id="status-fragment-set-apart"),
]


@pytest.mark.parametrize("sentence, expected", REWRITTEN)
def test_verdict_goes_and_the_act_is_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


# a verdict with no act: nothing factual is left to restate, and the one suggestion is
# the sentence's removal (rewrite/verdict_only.py, rewrite20)
REMOVED = [
    pytest.param("I was careless, and I am sorry.", id="verdict-without-act"),
    pytest.param("I take full responsibility for the outage.", id="owning-alone"),
]


@pytest.mark.parametrize("sentence", REMOVED)
def test_verdict_without_an_act_is_only_removed(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == [""]


REFUSED = [
    # the other clause has a subject of its own that is not the thing judged: dropping the
    # judgement would lose what it was about ("the ladder lockout")
    pytest.param("I was careless with the ladder lockout and the fitter could have been hurt.", id="careless-with-other-subject"),
    # a lead that names a fact ("the late invoice run") is not only a verdict
    pytest.param("The late invoice run is on me; I mistyped the billing date.", id="on-me-lead-with-a-fact"),
    # "they" after a singular thing may be people: the thing cannot take it back
    pytest.param("I was careless with the glob and they deleted every log file.", id="they-after-a-singular-thing"),
    # a feeling about something names a consequence ("the outage"): it is not dropped
    pytest.param("I feel terrible about the outage, I pushed the wrong config.", id="feeling-about-a-consequence"),
    # a confession made to someone ("to the team") says more than the frame: not dropped
    pytest.param("I admitted to the team that I had muted the pager.", id="confession-to-someone"),
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_verdict_without_a_separable_act_gets_no_rewrite(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


def test_a_denial_is_not_a_verdict(linter: Linter) -> None:
    # "not me" denies; it is not the writer owning the act, and the imperative after it
    # must never become a passive event ("the log was checked")
    for s in suggestions(linter, "you wiped the shared calendar, not me, look at the audit trail"):
        assert "was checked" not in s and "looked at" not in s and "not me" not in s.lower()


def test_a_subjectless_act_is_not_an_event(linter: Linter) -> None:
    # with "me again" gone, "Mistyped the bucket name ..." is still the writer's act with
    # the writer left unsaid
    for s in suggestions(linter, "ugh, me again, mistyped the bucket name and deleted the wrong one"):
        assert not s.startswith("Mistyped")


def test_a_bare_apology_stays_with_the_apology_strategy(linter: Linter) -> None:
    # "sorry everyone" is an apology, which restate.py already drops without adding a stop
    assert "The purge was run against the live queue" in suggestions(linter, "i ran the purge against the live queue, sorry everyone")


def test_status_fragment_after_an_active_clause_is_set_apart(linter: Linter) -> None:
    # "The staging build broke, reverting" says the build is reverting: the writer's status
    # note is kept as written, set apart as a note; (rewrite29) after a passive too when it
    # is placed in the writer's present (blind round 19: the passive's subject read as the doer)
    assert "The staging build broke; reverting" in suggestions(linter, "i broke the staging build, reverting")
    assert "The wrong branch was merged; reverting now." in suggestions(linter, "Merged the wrong branch, reverting now.")
    assert "The cache was restarted, causing a brief outage." in suggestions(linter, "I restarted the cache, causing a brief outage.")


def test_status_check_reads_the_parse() -> None:
    from lint_service.rewrite.self_verdict import status_of_new_subject

    active = first_sentence("The staging build broke, reverting now.")
    passive = first_sentence("The wrong branch was merged, reverting now.")
    result = first_sentence("The cache was restarted, causing a brief outage.")
    assert status_of_new_subject(active, active) == "reverting"
    # (rewrite29) after a passive when the act was the writer's
    assert status_of_new_subject(passive, first_sentence("Merged the wrong branch, reverting now.")) == "reverting"
    assert status_of_new_subject(passive, first_sentence("Ines merged the wrong branch, reverting now.")) is None
    assert status_of_new_subject(result, first_sentence("I restarted the cache, causing a brief outage.")) is None


def test_owning_a_thing_or_an_act_is_no_verdict() -> None:
    from types import SimpleNamespace

    from lint_service.checks.blame.lexicon import load_lexicon
    from lint_service.rewrite.self_verdict import self_verdict

    ctx = SimpleNamespace(cache={"blame.lexicon": load_lexicon()})

    def restated(text: str) -> list[str]:
        return [c.text for c in self_verdict(None, first_sentence(text), ctx)]

    assert restated("I own this one: I deleted the billing queue.") == ["I deleted the billing queue."]
    # "the billing service" is a thing the writer owns; "up to deleting" is the act itself
    assert restated("I own the billing service, and I accidentally deleted the production queue.") == []
    assert restated("I own up to deleting the billing queue, and the backup failed.") == []


def test_a_lowercase_writer_is_still_the_writer_after_the_verdict_goes(linter: Linter) -> None:
    # chat's lowercase "i" is capitalised when the verdict before it goes; the act left
    # ("ran the import as root") is no fault on its own, so nothing would passivise it
    # if the restated "I ..." were not seen as the writer still acting
    got = suggestions(linter, "i was an idiot and ran the import as root")
    assert got == ["The import was run as root."]
    near = suggestions(linter, "I was an idiot and ran the import as root")
    assert near == ["The import was run as root."]
