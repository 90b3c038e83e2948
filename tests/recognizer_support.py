"""One recognizer run on one sentence, read through the shipped pipeline: the tests of
a recognizer check that it, not another rule, fires on its true positive."""
from __future__ import annotations

import functools
from typing import Callable

from lint_service.checks.blame.clauses import clauses
from lint_service.checks.blame.lexicon import load_lexicon
from lint_service.checks.blame.quotes import quoted_tokens
from lint_service.checks.blame.recognizers import Detection, SentenceView
from lint_service.nlp import load_pipeline, read_pipeline_spec


@functools.cache
def _nlp():
    return load_pipeline(read_pipeline_spec())


def run(recognizer: Callable[[SentenceView], Detection | None], text: str) -> Detection | None:
    """The recognizer's detection on the first sentence of ``text``, or None."""
    lex = load_lexicon((), ())
    sent = next(iter(_nlp()(text).sents))
    return recognizer(SentenceView(sent, clauses(sent, lex), quoted_tokens(sent, lex), lex))


def assert_recognized(recognizer: Callable[[SentenceView], Detection | None], positive: str, near_miss: str) -> Detection:
    """The recognizer fires on ``positive`` and not on ``near_miss``; its detection."""
    found = run(recognizer, positive)
    assert found is not None, f"{recognizer.__name__} does not fire on {positive!r}"
    assert run(recognizer, near_miss) is None, f"{recognizer.__name__} fires on {near_miss!r}"
    return found
