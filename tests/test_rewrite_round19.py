"""Faults blind round 19 found in the rewrites (branch rewrite29): a judgement of how
recurring work was kept up said of the work and its scope rather than removed; a role
opener that said more than who; a "where" clause and a "with <thing> <state>" phrase
that a fronted object tangled; a hedge on who said of whether; a status note after a
passive; and "too <judgement> to <act>" said as the act done. Each has a near miss.

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
    # recurring work let lapse: the work and its scope stay
    pytest.param("Looking back, I was lax about the fire-door inspections that month.",
                 "Looking back, the fire-door inspections lapsed that month.", id="lax-about-inspections-scope"),
    pytest.param("The vendor team was negligent about the firmware audits that whole year.",
                 "The firmware audits lapsed that whole year.", id="negligent-about-audits"),
    # a bare role opener before a plain act still goes with its holder
    pytest.param("As the on-call, I accidentally deleted the primary database.", "The primary database was accidentally deleted.",
                 id="bare-role-opener-goes"),
    # a value typed where another was due: the "where" clause follows the passive verb
    pytest.param("Ines typed staging where the form said test.", "Staging was typed where the form said test.", id="where-clause-after-verb"),
    pytest.param("Ines typed 500 where the ticket said 50.", "500 was typed where the ticket said 50.", id="typed-value-is-one"),
    # near miss: a "where" clause on a noun with its article is the noun's own
    pytest.param("Ines accidentally rebooted the rack where the spare disks sit.",
                 "The rack where the spare disks sit was accidentally rebooted.", id="real-relative-stays"),
    # a hedge before a cleft was on who: it goes with them; the status note is set apart
    pytest.param("pretty sure it was the build engineer who turned the toggle off in staging, checking the deploy log now",
                 "The toggle was turned off in staging; checking the deploy log now.", id="cleft-hedge-goes-with-who"),
    # the state of a "with" phrase the parser hung on the verb follows the phrase, after the verb
    pytest.param("Marta shipped the update with the trace flag still on.", "The update was shipped with the trace flag still on.",
                 id="with-state-split"),
    # near miss: the "with" phrase parsed whole moves behind the verb as before
    pytest.param("Marta rolled out the patch with the test banner still on.", "The patch was rolled out with the test banner still on.",
                 id="with-state-whole"),
    pytest.param("Oops, deleted the staging bucket, restoring from backup now.",
                 "The staging bucket was deleted; restoring from backup now.", id="status-after-passive-set-apart"),
]


@pytest.mark.parametrize(("sentence", "expected"), REWRITTEN)
def test_rewritten(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


REFUSED = [
    # a thing handled, not recurring work: no faithful wording, and no removal
    pytest.param("The electricians were careless with the cable tags in every aisle.", id="careless-with-thing"),
    pytest.param("Whoever set up this backup job was careless with the retention settings.", id="whoever-careless-with-thing"),
    # "sloppy" says the work was done badly, not let lapse; one check is no recurring work
    pytest.param("The night crew was sloppy about the fire-door inspections that month.", id="sloppy-not-lapsed"),
    pytest.param("I was lax about the fire-door inspection.", id="single-check"),
    # a habit said in the present is no event
    pytest.param("The vendor team is negligent about the firmware audits.", id="present-habit"),
    # a role with words of its own, or before an act not done, said which step or thing
    pytest.param("As the approver of that merge request, I didn't check that the cron schedule used UTC.", id="role-with-its-thing"),
    pytest.param("As the reviewer, I didn't check that the migration had a rollback.", id="role-before-omission"),
    # "too lazy to" says it was not done
    pytest.param("I was too lazy to do the canary rollout.", id="too-lazy-to"),
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_refused(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []  # neither a rewrite nor the removal


def test_judgement_with_no_thing_is_still_removed(linter: Linter) -> None:
    # near miss of the withdrawn removal: nothing but the verdict would be lost
    assert suggestions(linter, "Whoever wrote this restore script was clearly lazy.") == [""]


# ---- (rewrite29, part 2) constructions that had no rewrite on our own sets

OFFERED = [
    # a chat line's restated clause is read closed with a period, and given back unclosed
    pytest.param("i pushed the hotfix to prod instead of staging, sorry all",
                 "The hotfix was pushed to prod instead of staging", id="chat-line-read-closed"),
    # a span of time the parser split from the word that closes it
    pytest.param("The day shift skipped the restore drill for the fourth month running.",
                 "The restore drill was skipped for the fourth month running.", id="time-span-after-verb"),
]


@pytest.mark.parametrize(("sentence", "expected"), OFFERED)
def test_offered(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


def test_closed_line_keeps_its_words(linter: Linter) -> None:
    # near miss: a sentence that ends with its period keeps it
    assert "The hotfix was pushed to prod instead of staging." in suggestions(
        linter, "Sorry all, I pushed the hotfix to prod instead of staging.")


def test_time_phrase_of_the_thing_stays_with_it(linter: Linter) -> None:
    # near miss: nothing closes the span after it, so the phrase stays where the parser put it
    assert all("running" not in s for s in suggestions(linter, "Ines accidentally deleted the report for last week."))


def test_a_name_the_tagger_reads_as_plural_keeps_its_pronouns(linter: Linter) -> None:
    # "Ines/NNS": "she" later in the sentence is still hers, so the rewrite may not keep it
    assert all(" she " not in f" {s} " for s in suggestions(linter, "Ines overlooked the index that pointed at the table she archived."))
    # near miss: a plural noun keeps only plural pronouns ("they" may be the engineers')
    from lint_service.rewrite.verify import pronouns_of
    from rewrite_support import first_sentence

    sent = first_sentence("Engineers deleted the bucket.")
    assert pronouns_of(sent[0]) == frozenset({"they", "them", "their", "theirs", "themselves"})


def test_what_a_dropped_verdict_was_for_leads_the_act(linter: Linter) -> None:
    got = suggestions(linter, "The blame for the lost pallets sits with me; I scanned the wrong manifest.")
    assert got == ["The lost pallets: the wrong manifest was scanned."], got


def test_a_verdict_that_said_more_than_its_thing_gets_no_lead(linter: Linter) -> None:
    # near miss: "on Monday" would be lost with the verdict's clause
    got = suggestions(linter, "Sorry for the lost pallets on Monday; I scanned the wrong manifest.")
    assert not any(s.startswith("The lost pallets:") for s in got), got


def test_an_act_kept_up_is_said_with_its_aspect() -> None:
    from lint_service.rewrite.restate import plain_passive
    from rewrite_support import first_sentence

    said = plain_passive(first_sentence("Tove kept deferring the quota ticket until it blocked the release."))
    assert said is not None and said.text == "The quota ticket kept being deferred until it blocked the release.", said
    # near miss: "kept" with an object of its own is no act kept up
    other = plain_passive(first_sentence("Tove kept the quota ticket open until Friday."))
    assert other is None or "being" not in other.text


def test_self_approval_keeps_its_purpose(linter: Linter) -> None:
    # the purpose the parser hung on the noun, and a self-approval found behind another finding
    assert "The hotfix was approved without a second reviewer to unblock the release." in suggestions(
        linter, "I approved my own hotfix to unblock the release.")
    assert "The change was approved without a second reviewer to save time." in suggestions(
        linter, "I approved my own change to save time.")


def test_own_on_a_thing_not_approved_is_no_self_approval(linter: Linter) -> None:
    # near miss: "own" on the object of another act says nothing of a second reviewer
    got = suggestions(linter, "Ravi accidentally deleted his own branch.")
    assert not any("second reviewer" in s for s in got), got


def test_a_thing_owned_before_a_semicolon_leads_the_act(linter: Linter) -> None:
    got = suggestions(linter, "The missed courier slot is on me; I booked the wrong pickup date.")
    assert got == ["The missed courier slot: the wrong pickup date was booked."], got
    # near miss: a comma is no clause boundary the parse can be trusted with
    assert not any(s.startswith("The missed courier slot:") for s in suggestions(
        linter, "The missed courier slot is on me, I booked the wrong pickup date."))


def test_what_someone_was_not_told_follows_the_passive(linter: Linter) -> None:
    # the parser hangs the "that" clause on the one told; it is what they were not told
    assert "The help desk was not told that the billing queue was paused." in suggestions(
        linter, "Marta didn't tell the help desk that the billing queue was paused.")
    # and the teller's own act inside it goes with them, in its progressive
    assert "The help desk was not told that the billing queue was being drained." in suggestions(
        linter, "Marta didn't tell the help desk that she was draining the billing queue.")
    # near miss: a real relative clause on the one told stays with them
    assert "The team that owns the zone was not told." in suggestions(linter, "Ines didn't tell the team that owns the zone.")


def test_a_virtue_found_wanting_is_a_judgement_kept(linter: Linter) -> None:
    # "Wasn't careful enough" left before the passive still judges the writer: refused
    for sentence in ("Wasn't careful enough, I skipped the smoke test.", "Not careful enough, I skipped the smoke test."):
        assert not any("careful" in s for s in suggestions(linter, sentence)), sentence
    # near miss: a judgement adverb that goes leaves the act alone
    assert "The smoke test was skipped before the release." in suggestions(linter, "Stupidly, I skipped the smoke test before the release.")
