"""Helpers shared by the blame tests: the bench's evaluator, the blame findings of a
text, and the check of a true positive with its near miss."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]


def load_eval_blame() -> ModuleType:
    """``bench/eval_blame.py`` as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("eval_blame", REPO / "bench" / "eval_blame.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def blame(linter: Linter, text: str) -> list:
    return [f for f in linter.lint(text, format="text").findings if f.rule.startswith("blame.")]


def assert_pair(linter: Linter, positive: str, near_miss: str) -> None:
    """``positive`` gets a blame finding with a full-sentence message; ``near_miss``, of the
    same shape, gets none."""
    found = blame(linter, positive)
    assert found, f"not flagged: {positive!r}"
    assert found[0].message.endswith(".")
    silent = blame(linter, near_miss)
    assert not silent, f"{near_miss!r}: {[(f.rule, f.message) for f in silent]}"
