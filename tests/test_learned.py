"""The learned blame scorer (lint_service/blame_model.py) and its recall net
(checks/blame/learned.py, rule blame.learned, off by default)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lint_service import Linter
from lint_service.blame_features import NO_ACTOR, parse_features
from lint_service.blame_model import (
    PROPER_NOUN, BlameScorer, ModelLoadError, classifier_text, load_classifier, model_features,
)
from lint_service.checks.blame.clauses import clauses
from lint_service.checks.blame.learned import RULE, THRESHOLD, learned_net, person_mention, sentence_actor
from lint_service.checks.blame.recognizers import SentenceView
from lint_service.checks.blame.lexicon import load_lexicon
from lint_service.checks.registry import rule_infos
from lint_service.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
MODEL = resource_path("models", "blame_textcat")

# Sentences written for these tests. The first is blame no rule recognises (a
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


def test_clear_case_scores_above_non_cases(with_net: Linter) -> None:
    assert score(with_net, NET_CASE) > 0.5
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


def test_enabled_net_reports_the_sentence_without_a_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every sentence scored as certain blame: what the net reports is then decided by
    # the rules (none fire here) and the gate (the systems sentence names no one).
    monkeypatch.setattr(BlameScorer, "score", lambda self, texts: [0.999] * len(texts))
    findings = Linter(config={"enable": [RULE]}).lint(f"{SYSTEMS} {NET_CASE}", format="text").findings
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
    with pytest.raises(ValueError, match="synthetic-4"):
        training_rows(("synthetic-4",))


@pytest.mark.parametrize("check_set", ["blind-c", "blind-d"])
def test_training_refuses_the_check_sets(check_set: str) -> None:
    # blind-c and blind-d are read once, in aggregate, after the choice: never trained on
    sys.path.insert(0, str(REPO / "bench"))
    from train_blame_model import TRAIN_SETS, training_rows

    assert check_set not in TRAIN_SETS
    with pytest.raises(ValueError, match=check_set):
        training_rows(("blind-a", check_set))
    run = subprocess.run([sys.executable, str(REPO / "bench" / "train_blame_model.py"), "--sets", check_set, "--out", "/nowhere"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "invalid choice" in run.stderr


def test_training_uses_the_development_cross_author_sets() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from train_blame_model import SHIPPED_SETS, TRAIN_SETS

    assert {"blind-a", "blind-b", "issue10c", "issue10d", "issue10h"} <= set(TRAIN_SETS)
    # the shipped weights are round 3's, rebuilt by the default command without the later sets
    assert set(SHIPPED_SETS) == set(TRAIN_SETS) - {"blind-a", "blind-b", "issue10b", "issue10c", "issue10d", "issue10h"}


def test_training_command_runs_end_to_end_on_a_tiny_set(tmp_path: Path) -> None:
    out = tmp_path / "model"
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_blame_model.py"), "--sets", "synthetic-1", "--limit", "40", "--out", str(out),
         "--features", "both", "--ngram", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "trained on 40 sentences" in run.stdout
    classifier = load_classifier(out)
    assert model_features(classifier.config) == "both"  # the model says what it reads
    assert classifier.config["components"]["textcat"]["model"]["ngram_size"] == 1
    scorer = BlameScorer(classifier, "both")
    [p] = scorer.score([f"{PROPER_NOUN} forgot to renew the certificate . ACTOR_person VERB_renew CTRL_forget"])
    assert 0.0 <= p <= 1.0
    assert "/tmp" not in (out / "config.cfg").read_text()  # no temporary paths in the shipped config


# The actor gate: a person-like mention counts only as the actor of a clause.
ACTORS = [  # (sentence, the actor's text, or None)
    ("Tomasz dropped the staging table during the migration.", "Tomasz"),
    ("We paged Tomasz at 03:00 about the staging table.", None),  # an object
    ("The staging table was dropped by a contractor.", "contractor"),  # a passive agent
    ("The staging table was dropped by the nightly cron job.", None),
    ("Tomasz was on call that night.", None),  # copular: a state, not an act
    ("Tomasz's change removed the retry loop.", "Tomasz"),  # the possessor of an act noun
    ("The pager was on Tomasz's desk.", None),  # the possessor of a thing
    ("Pushed my branch straight to main, sorry everyone.", "Pushed"),  # the writer, unnamed
    ("Restarted the pods at 10:02.", None),  # a timeline step: not said in first person
    ("Thanks to Tomasz for restoring the table.", None),  # credit
    ("tomasz: is the table back yet?", None),  # a chat line's speaker
    ("If Tomasz drops the table, the job fails.", None),  # hypothetical
]


@pytest.mark.parametrize("text, expected", ACTORS)
def test_actor_gate_reads_who_acts_from_the_parse(default: Linter, text: str, expected: str | None) -> None:
    lex = load_lexicon()
    [sent] = default.parser.parse([text])[0].sents
    who = sentence_actor(sent, lex)
    assert (who.text if who is not None else None) == expected


def test_actor_gate_needs_an_actor_not_a_mention(default: Linter) -> None:
    lex = load_lexicon()
    doc = default.parser.parse(["We paged Tomasz at 03:00 about the staging table. Tomasz dropped the staging table."])[0]
    paged, dropped = doc.sents
    assert person_mention(paged, lex) is not None and sentence_actor(paged, lex) is None
    doc._.blame_scores = {paged.start: 0.999, dropped.start: 0.999}
    views = [SentenceView(s, clauses(s, lex), set(), lex) for s in (paged, dropped)]
    assert learned_net(views[0], gate="mention") is not None
    assert learned_net(views[0], gate="actor") is None
    found = learned_net(views[1], gate="actor")
    assert found is not None and found.target.text == "Tomasz"
    doc._.blame_scores = {paged.start: 0.5, dropped.start: 0.5}
    assert learned_net(views[1], gate="actor") is None  # below the threshold
    with pytest.raises(ValueError, match="unknown gate"):
        learned_net(views[1], gate="anyone")


def features_of(linter: Linter, text: str) -> list[str]:
    [sent] = linter.parser.parse([text])[0].sents
    return parse_features(sent, load_lexicon())


def test_parse_features_describe_the_actor_and_the_act(default: Linter) -> None:
    f = features_of(default, "The staging table was accidentally dropped by a contractor.")
    assert {"ACTOR_role", "VERB_drop", "PASSIVE", "ADV_accidentally", "CLAUSE_main"} <= set(f)
    assert "MODAL_should" in features_of(default, "Tomasz should have checked the canary.")
    assert "NEG" in features_of(default, "Tomasz did not check the canary.")
    assert "NEG" not in features_of(default, "Tomasz checked the canary.")
    assert "OBJ_MOD_wrong" in features_of(default, "i tagged the wrong commit")
    sub = features_of(default, "The job failed because Tomasz dropped the table.")
    assert "CLAUSE_sub" in sub and "CLAUSE_main" not in sub


def test_parse_features_of_a_sentence_without_an_actor(default: Linter) -> None:
    assert features_of(default, "We paged Tomasz at 03:00 about the staging table.") == [NO_ACTOR]
    assert features_of(default, SYSTEMS) == [NO_ACTOR]


def test_classifier_text_modes(default: Linter) -> None:
    [sent] = default.parser.parse(["Kenji dropped the table."])[0].sents
    words, parse = classifier_text(sent, "words"), classifier_text(sent, "parse")
    assert words == f"{PROPER_NOUN} dropped the table ."
    assert parse.startswith("ACTOR_person VERB_drop")
    assert classifier_text(sent, "both") == f"{words} {parse}"
    with pytest.raises(ValueError, match="unknown classifier features"):
        classifier_text(sent, "letters")
    with pytest.raises(ModelLoadError, match="unknown classifier features"):
        model_features({"blamelint": {"features": "letters"}})
    assert model_features({}) == "words"  # a model trained before round 3


def test_cv_choice_rule_pools_the_real_like_sets_and_bounds_precision() -> None:
    # The round-4 rule (models/README.md) on four made-up rows: the net may add a
    # blame sentence the rules missed, but not at the price of precision on a set.
    sys.path.insert(0, str(REPO / "bench"))
    import eval_learned as ev
    from labelled import Row

    def item(set_name: str, label: str, rules: bool, acted: bool) -> "ev.Item":
        return ev.Item(set_name, Row(label, "k", "x"), 0, rules, ["x"], ["x"], ["x"], [True], [acted])

    items = [item("real-tune", "B", True, True), item("blind-b", "B", False, True),
             item("blind-a", "N", False, False), item("synthetic-1", "N", False, True)]
    scores = {0: [0.2], 1: [0.995], 2: [0.995], 3: [0.5]}
    assert ev.admissible(items, scores, 0.99, "actor") == (True, 1.0)  # one more true positive, pooled
    ok, _ = ev.admissible(items, scores, 0.99, "mention")
    assert not ok  # the blind-a row passes the mention gate: a false positive there
    assert ev.admissible(items, scores, 0.999, "actor") == (True, pytest.approx(2 / 3))  # the rules alone
    scores[3] = [0.995]
    ok, _ = ev.admissible(items, scores, 0.99, "actor")
    assert not ok  # a false positive on a synthetic set breaks its 0.98 bound
