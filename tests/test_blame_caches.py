"""Work the blame check saves without changing a result: the kind of a token memoised on
its Doc (per lexicon), verb classes that look for a particle only where one matters, the
judgement recognizer's opening test, one search for every blame phrase, a headline told
by its last word first, a verb's lemma kept per word, and the first verification parses
of every finding's rewrites made in one batch. Every sentence here was written for this file."""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.checks.blame import engine
from lint_service.checks.blame.agents import Kind, _classify, classify
from lint_service.checks.blame.assertions import blame_phrase
from lint_service.checks.blame.headlines import headline_doer
from lint_service.checks.blame.judgements import judgement
from lint_service.checks.blame.lexicon import VerbClass, load_lexicon
from recognizer_support import _nlp, assert_recognized


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def test_a_memoised_kind_is_the_kind_worked_out_afresh() -> None:
    lex = load_lexicon((), ())
    doc = _nlp()("Marisol told the on-call engineer that the ingest worker had stalled.")
    first = [classify(t, lex) for t in doc]
    assert "blamelint.kinds" in doc.user_data
    assert [classify(t, lex) for t in doc] == first == [_classify(t, lex) for t in doc]
    assert first[0] == Kind.PERSON


def test_a_kind_memoised_for_one_lexicon_is_not_read_with_another() -> None:
    # the same Doc, first read with the shipped lists, then with a config naming
    # "Marisol" as a system: the memo must not hand back the first answer
    doc = _nlp()("Marisol restarted the ingest worker.")
    assert classify(doc[0], load_lexicon((), ())) == Kind.PERSON
    assert classify(doc[0], load_lexicon(("marisol",), ())) == Kind.SYSTEM
    assert classify(doc[0], load_lexicon((), ())) == Kind.PERSON


def test_a_phrasal_entry_needs_its_particle_and_a_plain_one_does_not() -> None:
    verbs = VerbClass(["mess up", "wipe"])
    doc = _nlp()("Tobias messed up the rollout and wiped the cache.")
    messed, wiped = (next(t for t in doc if t.text == w) for w in ("messed", "wiped"))
    assert verbs.match(messed) and verbs.match(wiped)
    bare = _nlp()("Tobias messed with the rollout.")[1]
    assert not verbs.match(bare)  # "mess" is only in the class with "up"


def test_a_judgement_that_opens_the_sentence_after_adverbs_only() -> None:
    assert_recognized(judgement, "Honestly, careless of Wendell to ship the build early.",
                      "Careless of the deadline, the scheduler shipped the build.")


TWO_FINDINGS = "# Incident\n\nIngrid deleted the staging bucket.\n\nTobias wiped the audit table by accident.\n"


def _parses(linter: Linter, text: str) -> list[list[str]]:
    """The texts of each parser call of a lint that reached spaCy (not all from the cache)."""
    calls: list[list[str]] = []
    real = linter.parser.parse

    def spy(texts):
        texts = list(texts)
        before = linter.parser.parsed_count
        out = real(texts)
        if linter.parser.parsed_count > before:
            calls.append(texts)
        return out

    linter.parser.parse = spy  # type: ignore[method-assign]
    try:
        linter.lint(text)
    finally:
        del linter.parser.parse
    return calls


def test_the_first_candidates_of_every_finding_are_parsed_in_one_batch(linter: Linter, monkeypatch) -> None:
    linter.parser.clear()
    calls = _parses(linter, TWO_FINDINGS)
    report = linter.lint(TWO_FINDINGS)
    assert [f.suggestions for f in report.findings if f.rule.startswith("blame.")] == [
        ["The staging bucket was deleted."], ["The audit table was wiped by accident."]]
    # the document pass, then one verification parse holding both findings' candidates
    assert len(calls) == 2
    assert sorted(calls[1]) == ["The audit table was wiped by accident.", "The staging bucket was deleted."]
    # the same findings and rewrites as when each finding parses its own candidates
    monkeypatch.setattr(engine, "_plan_rewrites", lambda findings, ctx, lex_key: None)
    linter.parser.clear()
    assert [f.to_dict() for f in linter.lint(TWO_FINDINGS).findings] == [f.to_dict() for f in report.findings]


def test_memoised_rewrites_are_neither_planned_nor_parsed_again(linter: Linter) -> None:
    linter.parser.clear()
    linter.lint(TWO_FINDINGS)
    assert _parses(linter, TWO_FINDINGS) == []  # every paragraph and every candidate from the cache


def test_a_failing_plan_costs_the_rewrite_not_the_finding(linter: Linter, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a rewrite strategy")

    monkeypatch.setattr(engine, "plan_rewrites", broken)
    linter.parser.clear()
    found = [f for f in linter.lint(TWO_FINDINGS).findings if f.rule.startswith("blame.")]
    assert [f.rule for f in found] == ["blame.person-subject", "blame.person-subject"]
    assert all(not f.suggestions for f in found)


def test_one_search_finds_a_blame_phrase_and_misses_its_words_apart() -> None:
    found = assert_recognized(blame_phrase, "Honestly the stale cache was my bad, sorry all.",
                              "My badge reader was flaky all morning.")
    assert "my bad" in found.message


def test_the_phrase_a_message_names_is_the_longest_present_whatever_the_hash_seed() -> None:
    # two phrases in one sentence: "my fault" and "all on me"; a frozenset's order would pick
    # either, depending on the process's hash seed
    found = assert_recognized(blame_phrase, "It was my fault, all on me, the cache purge.",
                              "It was my faulty cable tester.")
    assert '"all on me"' in found.message


def test_a_headline_is_told_by_its_last_word_first() -> None:
    assert_recognized(headline_doer, "Rogue admin wipes payroll servers", "Rogue admin wipes payroll servers.")


def test_a_verb_lemma_is_worked_out_once_per_word() -> None:
    from lint_service.rewrite.text import verb_lemma_of

    first = verb_lemma_of("bulldozed")
    hits = verb_lemma_of.cache_info().hits
    assert verb_lemma_of("bulldozed") == first == "bulldoze"
    assert verb_lemma_of.cache_info().hits == hits + 1
    assert verb_lemma_of("Bulldozed") == "bulldoze"  # another spelling, the same lemma
