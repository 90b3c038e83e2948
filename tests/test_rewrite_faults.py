"""Rewrites the blind graders found poor or wrong, fixed by construction (issue 11, round 3).

Every sentence here was written for this file (a few vary our own synthetic sets'). Each
fix has the rewrite a facilitator would accept (or, where no faithful rewrite exists,
the refusal) and a near miss that shows the fix is not a blanket ban on the construction.
"""
from __future__ import annotations

import pytest
from test_rewrite_constructions import linter, r, suggestions  # noqa: F401  (the shared fixture and helpers)

from lint_service import Linter
from lint_service.rewrite.text import verb_lemma_of


FIXED = [
    # agreement after a partitive: the plural after "of" decides
    r("Wren restarted three of the five brokers at once.", "Three of the five brokers were restarted at once.", "partitive-plural"),
    # a purpose clause with its own object follows the passive verb
    r("Tobias removed the only standby to free up some memory.",
      "The only standby was removed to free up some memory.", "purpose-after-verb"),
    # "went unanswered" only for what can be answered
    r("Ines ignored the latency graph and shipped the build anyway.",
      "The latency graph went unheeded and the build was shipped anyway.", "unheeded-not-unanswered"),
    r("Ines ignored the pager alert for an hour.", "The pager alert went unanswered for an hour.", "answerable-unanswered"),
    # a place phrase the parser hung on the verb belongs to the outcome's subject
    r("Mirela ignored the disk alert on the build cluster for a day.",
      "The disk alert on the build cluster went unanswered for a day.", "outcome-keeps-place-with-noun"),
    # (rewrite27) "bodged ... together" said as "put together in a hurry" is refused (haste
    # nobody stated); its particle is still never said twice (WRONG below)
    # an unknown verb keeps its doubled consonant, so its rule data applies
    r("Anouk steamrolled the migration through review without a rollback plan.",
      "The migration was pushed through review without a rollback plan.", "doubled-consonant-lemma"),
    # "my own" with an approval keeps the fact that nobody else reviewed it
    # (rewrite29) and the purpose the parser hung on the noun stays, as any purpose does
    r("I approved my own pull request to save a few minutes.",
      "The pull request was approved without a second reviewer to save a few minutes.", "own-approval-says-whose"),
    # a participle inside the agent goes with it
    r("The regression was not caught in staging by the teams involved.", "The regression was not caught in staging.",
      "agent-participle-goes-with-agent"),
    # a multiword name the parser kept whole
    r("Odile ran VACUUM FREEZE on the events table at noon.", "VACUUM FREEZE was run on the events table at noon.", "name-kept-whole"),
    # a cleft with facts beyond who did it keeps them
    r("It was Lorcan who restarted the primary during the backup.", "The primary was restarted during the backup.", "cleft-with-facts"),
    # a brief departure still reads as the action left unattended
    r("Sunniva restarted the queue and went to bed.", "The queue was restarted and then left unattended.", "brief-departure"),
    # a circumstance of the person goes with them
    r("Berit skipped the canary while she was on a call.", "The canary was skipped.", "circumstance-dropped"),
    # a factual modifier of the possessed thing stays; a verdict on the person goes
    r("Yusuf's wrong subnet mask cut off the whole staging VPC.", "The wrong subnet mask cut off the whole staging VPC.",
      "possessive-keeps-fact"),
    r("Yusuf's careless subnet mask cut off the whole staging VPC.", "The subnet mask cut off the whole staging VPC.",
      "possessive-drops-verdict"),
    # an apology ends at a colon: what follows it stays
    r("Oops: three days ago, someone ran the purge script against production.",
      "Three days ago, the purge script was run against production.", "apology-ends-at-colon"),
    r("Oops: two weeks ago, the outage happened because someone ran the cleanup script against production.",
      "Two weeks ago, the outage happened because the cleanup script was run against production.",
      "restated-person-in-subordinate-clause"),
    # a trailing apology goes with the person
    r("Restarted the wrong broker again, apologies", "The wrong broker was restarted again", "trailing-apology-dropped"),
    # "lagged" for an activity that lagged
    r("The web team has been lazy about rotating the keys.", "Rotating the keys has lagged.", "lagged-activity"),
    # the perfect stays perfect
    r("The regulator said a trader had entered the wrong price.", "The regulator said the wrong price had been entered.",
      "past-perfect-kept"),
    r("Kenji has deleted the staging bucket.", "The staging bucket has been deleted.", "present-perfect-kept"),
    # a configuration someone messed up was misconfigured, which says what "went wrong" hides
    r("Oren messed up the firewall rules during the move.", "The firewall rules were misconfigured during the move.",
      "botched-config-misconfigured"),
    r("Oren messed up the proxy configuration during the move.", "The proxy configuration was wrong during the move.",
      "botched-configuration-not-said-twice"),
    r("Oren fumbled the handover to the night shift.", "The handover to the night shift went wrong.", "botched-other-went-wrong"),
    # slang for a typing slip says what it was
    r("I typoed the port number and broke the load balancer.", "The port number was mistyped and the load balancer broke.",
      "typoed-mistyped"),
    # the instrument the sentence names becomes the subject
    r("The web team broke the login page with an untested Helm chart.", "An untested Helm chart broke the login page.",
      "instrument-chart"),
    r("The backend crew tanked the search API with a chatty new endpoint.", "A chatty new endpoint took down the search API.",
      "instrument-slang-verb"),
    # an owner named with "a" leaves a thing not named before
    r("A new hire's sloppy upgrade broke the cluster.", "An upgrade broke the cluster.", "indefinite-owner"),
    r("The contractor's bad firmware push took out the edge.", "The bad firmware push took out the edge.", "definite-owner"),
    # a fronted object short enough to read
    r("The trader mistyped a sell order for one unit of a fund called Foo at ten dollars.",
      "A sell order for one unit of a fund called Foo at ten dollars was mistyped.", "fronted-object-short-enough"),
    # a "while" clause with its own subject stays
    r("Osric deleted the staging bucket while the backup was still running.",
      "The staging bucket was deleted while the backup was still running.", "while-with-its-own-subject"),
    # after a passive, "while + -ing" only leaves the doer unsaid; since rewrite30 it is said
    # without its doer too (rewrite/while_passive.py: graded acceptable at best as it dangled)
    r("Osric deleted the scratch bucket while tidying up the old projects.",
      "The scratch bucket was deleted while the old projects were being tidied up.", "while-ing-after-passive"),
    # a "with" phrase the parser hung on the object follows the verb when it is the act's material or has its own predicate
    r("A contractor overwrote the shared stock sheet with last month's copy.",
      "The shared stock sheet was overwritten with last month's copy.", "with-material-after-verb"),
    r("Soren merged the change with the CI badge still red.", "The change was merged with the CI badge still red.", "with-absolute-after-verb"),
    # straight quotes hug what they quote after the sentence is rebuilt
    r('Femke set the connection pool size to zero "to be safe".', 'The connection pool size was set to zero "to be safe".', "quotes-snug"),
    # a plain counterfactual keeps its rewrite
    r("Had the reviewer read the migration, the outage would have been avoided.",
      "Had the migration been read, the outage would have been avoided.", "counterfactual-without-comparison"),
]


@pytest.mark.parametrize(("sentence", "expected"), FIXED)
def test_fixed_rewrite(linter: Linter, sentence: str, expected: str) -> None:
    assert expected in suggestions(linter, sentence)


WRONG = [
    r("Wren restarted three of the five brokers at once.", "Three of the five brokers was restarted at once.", "no-singular-after-partitive"),
    r("Tobias removed the only standby to free up some memory.",
      "The only standby to free up some memory was removed.", "purpose-not-on-noun"),
    r("Ines ignored the latency graph and shipped the build anyway.",
      "The latency graph went unanswered and the build was shipped anyway.", "graph-never-unanswered"),
    r("A contractor overwrote the shared stock sheet with last month's copy.",
      "The shared stock sheet with last month's copy was overwritten.", "with-material-not-on-noun"),
    # a piece said twice in the rebuilt sentence is refused
    r("Nomvula jumped the gun and flipped the flag for all users instead of 1%.",
      "The flag was flipped early for all users instead of 1% %.", "doubled-symbol"),
    # a hindsight wish stays one without its person: no rewrite (blind round 3)
    r("If only the on-call had paused the rollout before lunch.", "If only the rollout had been paused before lunch.", "if-only-withdrawn"),
    # withdrawn after blind round 3: each invents a safeguard nobody named
    r("Quentin was careless with the deploy keys.", "Nothing protected the deploy keys from mistakes.", "careless-with-withdrawn"),
    r("A more careful engineer would have spotted the missing index.",
      "An automated check would have spotted the missing index.", "ideal-person-withdrawn"),
    r("Osric bodged the retry logic together before the launch.",
      "The retry logic was put together in a hurry together before the launch.", "particle-said-once"),
]


@pytest.mark.parametrize(("sentence", "wrong"), WRONG)
def test_wrong_form_is_not_offered(linter: Linter, sentence: str, wrong: str) -> None:
    assert wrong not in suggestions(linter, sentence)


@pytest.mark.parametrize("sentence", [
    # inversion: the passive would keep the inverted auxiliary ("Did the change was ...")
    pytest.param("Did you really restart the primary at noon without a canary?", id="question-inversion"),
    # an attempt is not a finished act
    pytest.param("The vendor's IT staff tried to upgrade the array themselves without waiting for support.", id="attempt-not-done"),
    # "my own": whose, nobody would say
    pytest.param("I deleted my own staging bucket by accident.", id="own-without-owner"),
    # a participle of the removed agent with words of its own: they would go with it
    pytest.param("The outage was not noticed in time by the support staff affected for an hour.", id="agent-participle-dangles"),
    pytest.param("The outage was not noticed in time by the support staff affected and escalated late.", id="agent-participle-conj"),
    # (a cleft whose only fact is who did it is removed since rewrite26, never restated:
    # tests/test_rewrite_removal.py)
    # the belief that explains the act cannot be said without the person (one that only
    # said what the object was taken for can: tests/test_rewrite_person_acts.py; one
    # about a state of another thing is said of it: tests/test_rewrite_person_clauses.py)
    pytest.param("Halvard wiped the staging volume because he thought nobody was using it.", id="belief-kept-so-refused"),
    pytest.param("Ayla skipped the review because she wanted the fix out before the demo.", id="motive-with-facts-refused"),
    pytest.param("Dorota ghosted the incident channel after she was paged.", id="what-happened-to-them-refused"),
    # a judgement word survives the person
    pytest.param("Casimir showed a careless disregard for the freeze.", id="judgement-survives"),
    # (scare quotes around the person's work and a "while + -ing" of theirs now have
    # rewrites: tests/test_rewrite_person_acts.py)
    # the second half of a sentence is not a rewrite of it
    pytest.param("Maelle had one job, and it was rotating that key.", id="half-a-sentence"),
    # a directive aimed at the team stays aimed at them with the possessive rewritten
    pytest.param("Have a word with the platform team about their carelessness.", id="imperative-possessive"),
    # a longer absence is not "left unattended"
    pytest.param("Oisin changed the VPN routes and left for a two-week holiday.", id="absence-not-unattended"),
    # a blame phrase that was the whole point of the predicate is not dropped (since
    # rewrite31 the idiom's rule data says it: tests/test_rewrite_round31.py)
    # a leading "-ing" whose subject was the person would dangle before the passive, and
    # one about another person cannot be said without them (tests/test_rewrite_leads.py)
    pytest.param("Before telling anyone, the team patched the schema by hand.", id="leading-ing-dangles"),
    # the object is too long to put before the verb
    pytest.param("The trader mistyped a sell order which was meant to request the sale of one unit of a fund called Foo "
                 "at ten dollars, and lost money.", id="fronted-object-too-long"),
    # without its blame phrase only a verb, an object and a particle would be left
    pytest.param("The QA lead waved the hotfix through on a wing and a prayer.", id="blame-phrase-leaves-a-particle"),
    # "while + -ing" had the person as its subject and nothing to say it of
    pytest.param("Osric broke the staging cluster while debugging.", id="dangling-while-ing"),
    pytest.param('Wen borked the DNS zone while "quickly fixing" a record.', id="scare-quoted-ing"),
    # a verb that judges how it was done survives the passive
    pytest.param("Anouk sleepwalked through the release checklist before the launch.", id="judging-verb"),
    # the person's other act or state would vanish inside the rewritten range
    pytest.param("Marit confirmed the page, accidentally waking the whole team.", id="other-act-vanishes"),
    pytest.param("Idris was exhausted at the console and ran the cleanup against the live cluster.", id="state-vanishes"),
    # shouted in capitals: "IT" may be the department
    pytest.param("I DROPPED THE USERS TABLE SO SORRY", id="all-caps"),
    # ("lagged" does not say what was wrong with a thing; rewrite26 removed the sentence,
    # which lost the thing: since rewrite29 it gets nothing)
    pytest.param("The web team were careless about cache headers.", id="careless-about-thing"),
])
def test_refused_rather_than_wrong(linter: Linter, sentence: str) -> None:
    assert suggestions(linter, sentence) == []


@pytest.mark.parametrize("sentence", ["It was Lorcan who restarted the primary."])
def test_only_who_or_a_judgement_is_removed_not_restated(linter: Linter, sentence: str) -> None:
    # (rewrite26) the removal is the one suggestion: nothing said without the person is offered
    assert suggestions(linter, sentence) == [""]


def test_graded_condition_loses_its_grade(linter: Linter) -> None:
    # "more carefully" kept in a passive ("Had the migration been read more carefully")
    # keeps the implied carelessness; said as what happened, the grade goes
    # (tests/test_rewrite_verdicts.py)
    got = suggestions(linter, "Had the reviewer read the migration more carefully, the outage would have been avoided.")
    assert got and not any("carefully" in s for s in got), got


@pytest.mark.parametrize(("sentence", "expected"), [
    r("Kendra forgot to renew the TLS certificate.", "The TLS certificate was not renewed.", "event-only-outside-analysis"),
])
def test_generic_process_framing_only_in_analysis(linter: Linter, sentence: str, expected: str) -> None:
    assert suggestions(linter, sentence) == [expected]
    doc = f"# Outage\n\n## Root causes\n\n{sentence}\n"
    assert any(s.startswith("Nothing in the process ensured") for s in suggestions(linter, doc, "markdown"))


def test_restated_sentence_still_about_the_person_goes_round_again(linter: Linter) -> None:
    # "My bad; I ..." loses its lead and the rest is rewritten too: no "I" survives
    out = suggestions(linter, "My bad; I already pushed the tag.")
    assert out and not any(s.split()[0] == "I" for s in out), out


@pytest.mark.parametrize(("word", "lemma"), [
    ("steamrolled", "steamroll"), ("travelled", "travel"), ("controlled", "control"), ("stopped", "stop"), ("bodged", "bodge"),
    ("typoed", "typo"), ("echoed", "echo"), ("freed", "free"), ("queued", "queue"),
])
def test_verb_lemma_keeps_a_doubled_consonant_only_when_the_word_needs_it(word: str, lemma: str) -> None:
    assert verb_lemma_of(word) == lemma


def test_a_defining_with_phrase_is_not_the_acts(linter: Linter) -> None:
    """Near miss of the material/absolute rule: "the folder with the signed contracts"
    names which folder; nothing moves it after the verb."""
    from lint_service.rewrite.clause import _with_follows_verb

    doc = linter.parser.nlp("Priya archived the folder with the signed contracts.")
    prep = next(t for t in doc if t.lower_ == "with")
    assert not _with_follows_verb(prep, doc[1])
    material = linter.parser.nlp("Priya overwrote the folder with the signed contracts.")
    assert _with_follows_verb(next(t for t in material if t.lower_ == "with"), material[1])


def test_tidy_pairs_straight_quotes_and_leaves_odd_ones() -> None:
    from lint_service.rewrite.text import tidy

    assert tidy('it was set to zero "to be safe ".') == 'It was set to zero "to be safe".'
    assert tidy('a " lone quote stays') == 'A " lone quote stays'  # near miss: unbalanced, untouched
