"""The learned blame scorer (lint_service/blame_model.py) and its recall net
(checks/blame/learned.py, rule blame.learned, off by default)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lint_service import Linter
from lint_service.blame_model import (
    PROPER_NOUN, BlameScorer, ModelLoadError, classifier_text, load_classifier,
)
from lint_service.checks.blame.learned import RULE, THRESHOLD, person_mention
from lint_service.checks.blame.lexicon import load_lexicon
from lint_service.checks.registry import rule_infos
from lint_service.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
MODEL = resource_path("models", "blame_textcat")

# Sentences written for these tests. The first is blame no rule recognises (an
# verdict naming a person as the outage); the second names a person doing
# recovery work; the third is systems only.
NET_CASE = "Honestly the outage was Dmitri and his shortcut with the tokens, nothing more."
RECOVERY = "Priya restored the replica from the nightly snapshot and confirmed the checksums."
SYSTEMS = "The disk on the replica filled up at 03:10 and writes stalled for six minutes."


@pytest.fixture(scope="module")
def default() -> Linter:
    return Linter()


@pytest.fixture(scope="module")
def with_net() -> Linter:
    return Linter(config={"enable": [RULE]})


def score(linter: Linter, text: str) -> float:
    doc = linter.parser.parse([text])[0]
    return max(s._.blame_score for s in doc.sents)


def test_shipped_model_is_small_and_declared_as_package_data() -> None:
    files = [p for p in MODEL.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"config.cfg", "model", "cfg"}
    assert sum(p.stat().st_size for p in files) < 3_000_000
    # Every weight file is covered by pyproject's package-data, so a wheel carries it
    # (tests/test_packaging.py lints with the installed copy).
    globs = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["lint_service.models_data"]
    covered = {p for g in globs for p in MODEL.parent.glob(g)}
    assert set(files) <= covered, sorted(str(p) for p in set(files) - covered)
    assert not (MODEL / "vocab").exists() and not (MODEL / "textcat" / "vocab").exists()  # no word lists shipped


def test_scorer_runs_only_for_a_linter_that_reports_its_rule(default: Linter, with_net: Linter) -> None:
    assert "blame_score" not in default.parser.nlp.pipe_names
    assert with_net.parser.nlp.pipe_names[-1] == "blame_score"
    doc = default.parser.parse([NET_CASE])[0]
    assert doc[:]._.blame_score is None


def test_scorer_is_a_parse_attribute(with_net: Linter) -> None:
    doc = with_net.parser.parse([f"{SYSTEMS} {NET_CASE}"])[0]
    scores = [s._.blame_score for s in doc.sents]
    assert len(scores) == 2 and all(0.0 <= x <= 1.0 for x in scores)
    assert scores[1] > scores[0]


def test_clear_case_scores_above_threshold_and_non_cases_below(with_net: Linter) -> None:
    assert score(with_net, NET_CASE) >= THRESHOLD
    assert score(with_net, "Kenji forgot to renew the certificate and the checkout went down.") > 0.5
    assert score(with_net, SYSTEMS) < 0.5
    assert score(with_net, RECOVERY) < THRESHOLD


def test_proper_nouns_are_read_as_one_placeholder(with_net: Linter) -> None:
    a = with_net.parser.parse(["Kenji deleted the bucket."])[0]
    b = with_net.parser.parse(["Ayesha deleted the bucket."])[0]
    assert classifier_text(a[:]) == classifier_text(b[:]) == f"{PROPER_NOUN} deleted the bucket ."
    assert a[:]._.blame_score == pytest.approx(b[:]._.blame_score)


def test_net_is_off_by_default(default: Linter) -> None:
    assert rule_infos()[RULE].enabled is False
    assert not default.lint(NET_CASE, format="text").findings


def test_enabled_net_reports_the_sentence_without_a_rewrite(with_net: Linter) -> None:
    findings = with_net.lint(f"{SYSTEMS} {NET_CASE}", format="text").findings
    assert [f.rule for f in findings] == [RULE]
    f = findings[0]
    assert f.category == "blame" and f.text == NET_CASE and f.suggestions == []
    assert '"Dmitri"' in f.message


def test_net_needs_a_person_like_mention(with_net: Linter) -> None:
    # The same shape with a system where the person was: no mention, no finding,
    # whatever the score.
    text = "Honestly the outage was the cache and its shortcut with the tokens, nothing more."
    assert not [f for f in with_net.lint(text, format="text").findings if f.rule == RULE]
    lex = load_lexicon()
    doc = with_net.parser.parse(["you broke the nightly build again"])[0]
    assert person_mention(doc[:], lex) is not None  # "you" counts


def test_rules_keep_their_own_findings(with_net: Linter) -> None:
    rules = [f.rule for f in with_net.lint("Kenji forgot to renew the certificate.", format="text").findings]
    assert rules == ["blame.person-subject"]
    assert not with_net.lint(RECOVERY, format="text").findings


def test_net_can_be_switched_off_again() -> None:
    linter = Linter(config={"enable": ["blame."], "disable": [RULE]})
    assert not [f for f in linter.lint(NET_CASE, format="text").findings if f.rule == RULE]


def test_missing_or_broken_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="cannot load the blame classifier"):
        load_classifier(tmp_path)
    (tmp_path / "config.cfg").write_text((MODEL / "config.cfg").read_text())
    (tmp_path / "textcat").mkdir()
    (tmp_path / "textcat" / "cfg").write_text("{not json")
    with pytest.raises(ModelLoadError, match=str(tmp_path)):
        load_classifier(tmp_path)


def test_empty_text_scores_nothing_without_error() -> None:
    scorer = BlameScorer(load_classifier(MODEL))
    assert scorer.score([]) == []
    assert scorer.score(["", ""]) == [0.0, 0.0]
    assert all(0.0 <= p <= 1.0 for p in scorer.score(["x", "x y", "x y z"]))  # shorter than the n-grams


def test_training_refuses_the_test_half() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from train_blame_model import training_rows

    with pytest.raises(ValueError, match="real-test"):
        training_rows(("synthetic-1", "real-test"))


def test_training_command_runs_end_to_end_on_a_tiny_set(tmp_path: Path) -> None:
    out = tmp_path / "model"
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_blame_model.py"), "--sets", "synthetic-1", "--limit", "40", "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "trained on 40 sentences" in run.stdout
    scorer = BlameScorer(load_classifier(out))
    [p] = scorer.score([f"{PROPER_NOUN} forgot to renew the certificate ."])
    assert 0.0 <= p <= 1.0
    assert "/tmp" not in (out / "config.cfg").read_text()  # no temporary paths in the shipped config
