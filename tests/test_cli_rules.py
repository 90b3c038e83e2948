"""`blamelint rules` and `blamelint explain` against the real rule registry."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lint_service.checks.registry import rule_infos
from lint_service.cli.main import main


def test_rules_lists_every_rule_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "rules"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["RULE", "CATEGORY", "SEVERITY", "DESCRIPTION"]
    infos = rule_infos()
    for info in infos.values():
        row = next(line for line in lines if line.startswith(info.id + " "))
        assert row.split()[1:3] == [info.category, info.severity]
        assert info.description in row
    assert "blame.person-subject" in infos


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rules"]
    assert [r["id"] for r in rows] == list(rule_infos())
    assert set(rows[0]) == {"id", "category", "severity", "enabled", "description"}


def test_explain_shows_story_and_real_finding_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "explain", "blame.person-subject"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    info = rule_infos()["blame.person-subject"]
    out = " ".join(proc.stdout.split())
    for part in ("Why:", "Example:", "Rewrite:", info.example, info.rewrite):
        assert " ".join(part.split()) in out
    # The linter really ran on the example: the finding and a rewritten sentence are shown.
    assert "warning blame.person-subject" in out
    assert "suggestion:" in out and "gives:" in out


@pytest.mark.parametrize("rule", sorted(rule_infos()))
def test_explain_every_rule(rule: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule]) == 0
    out = capsys.readouterr().out
    assert out.startswith(rule) and "What blamelint reports on the example:" in out


def test_explain_rule_off_by_default_still_demonstrates(capsys: pytest.CaptureFixture[str]) -> None:
    off = [i.id for i in rule_infos().values() if not i.enabled and i.example]
    if not off:
        pytest.skip("no rule is off by default")
    assert main(["explain", off[0]]) == 0
    assert "off by default" in capsys.readouterr().out


def test_explain_unknown_rule_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "possessive"]) == 2
    assert "did you mean blame.possessive?" in capsys.readouterr().err
    assert main(["explain", "blame.person-subjekt"]) == 2
    assert "blame.person-subject" in capsys.readouterr().err
