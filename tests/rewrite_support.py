"""Helpers shared by the rewrite tests: a sentence with each suggestion of its first blame
finding applied, and one sentence parsed by the project pipeline."""
from __future__ import annotations

from spacy.tokens import Span

from lint_service import Linter
from lint_service.nlp import load_pipeline, read_pipeline_spec


def applied(linter: Linter, text: str) -> list[str]:
    """``text`` with each suggestion of its first blame finding applied to the finding's span."""
    found = [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]
    assert found, f"{text!r}: no blame finding"
    f = found[0]
    return [text[: f.start] + s + text[f.end :] for s in f.suggestions]


def first_sentence(text: str) -> Span:
    """The first sentence of ``text`` as the linter's pipeline parses it."""
    return next(load_pipeline(read_pipeline_spec())(text).sents)
