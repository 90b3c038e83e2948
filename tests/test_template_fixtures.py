"""Three postmortems written for these tests, one per template style (tests/data/postmortems):
every planted problem is found on its line, nothing else is, and each is checked
against the template it is written in."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint_service import Linter

DATA = Path(__file__).resolve().parent / "data" / "postmortems"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports():
    linter = Linter()
    return {name: linter.lint((DATA / name).read_text(encoding="utf-8"), "markdown") for name in EXPECTED}


def _found(report) -> list[tuple[str, int]]:
    # Blame findings are matched by category: which recognizer fires is the blame tests' business.
    return sorted(("blame" if f.category == "blame" else f.rule, f.line) for f in report.findings)


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in DATA.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_template_is_recognised(reports, name: str) -> None:
    assert reports[name].stats["template"] == EXPECTED[name]["template"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_planted_problem_and_nothing_else(reports, name: str) -> None:
    expected = sorted((p["rule"], p["line"]) for p in EXPECTED[name]["problems"])
    assert _found(reports[name]) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_missing_sections_are_named(reports, name: str) -> None:
    for p in EXPECTED[name]["problems"]:
        if p["rule"] == "structure.missing-section":
            (finding,) = [f for f in reports[name].findings if f.rule == p["rule"] and f.line == p["line"]]
            assert f"no {p['section']} section" in finding.message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lines_that_must_not_be_flagged(reports, name: str) -> None:
    quiet = {n["line"] for n in EXPECTED[name]["not_flagged"]}
    assert [f for f in reports[name].findings if f.line in quiet] == []
