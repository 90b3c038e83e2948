"""`blamelint check --write-baseline` / `--baseline`: adopting the check on a repository
that already has postmortems. One end-to-end subprocess run, the rest through
``main(argv)`` in-process (the Linter stays loaded)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint_service.cli.main import main

PM = """\
# Database failover

## Summary

Priya forgot to renew the certificate.

## Impact

Logins failed for 20 minutes.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--color", "never", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "postmortems").mkdir()
    (tmp_path / "postmortems" / "db.md").write_text(PM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings_of(out: str) -> list[tuple[str, int]]:
    data = json.loads(out)
    return [(f["rule"], f["line"]) for fi in data["files"] for f in fi["findings"]]


def test_written_baseline_is_stable_sorted_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--write-baseline", "baseline.json", "postmortems")
    assert code == 0 and "recorded" in err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "blamelint" and data["version"] == 1
    entries = data["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["text"]))
    assert {e["path"] for e in entries} == {"postmortems/db.md"}
    assert any(e["rule"].startswith("blame.") and "Priya" in e["text"] and e["count"] == 1 for e in entries)
    first = (repo / "baseline.json").read_text(encoding="utf-8")
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    assert (repo / "baseline.json").read_text(encoding="utf-8") == first


def test_baseline_hides_recorded_findings_even_after_lines_move(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    pm = repo / "postmortems" / "db.md"
    pm.write_text(PM.replace("## Summary\n", "## Summary\n\nWritten after the review.\n"), encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", "--baseline", "baseline.json", "postmortems")
    assert code == 0 and findings_of(out) == []
    assert "not reported" in err


def test_a_second_identical_finding_is_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    pm = repo / "postmortems" / "db.md"
    sentence = "Priya forgot to renew the certificate."
    pm.write_text(PM.replace(sentence, f"{sentence}\n\n{sentence}"), encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "--baseline", "baseline.json", "postmortems")
    assert code == 1
    assert [r for r, _ in findings_of(out)] == ["blame.person-subject"]


def test_new_findings_fail_and_fixed_ones_are_counted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    pm = repo / "postmortems" / "db.md"
    pm.write_text(PM.replace("Priya forgot to renew the certificate.", "The certificate was not renewed.")
                  .replace("Logins failed for 20 minutes.", "Marco deleted the production database."),
                  encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", "--baseline", "baseline.json", "postmortems")
    assert code == 1
    assert findings_of(out) and all(line == 9 for _, line in findings_of(out))
    assert "1 recorded finding no longer occurs" in err


def test_same_text_in_another_file_is_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    (repo / "postmortems" / "copy.md").write_text(PM, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "--baseline", "baseline.json", "postmortems")
    assert code == 1
    data = json.loads(out)
    assert {fi["path"] for fi in data["files"] if fi["findings"]} == {os.path.join("postmortems", "copy.md")}


def test_paths_are_relative_to_the_baseline_file(repo: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "--write-baseline", "baseline.json", "postmortems")
    monkeypatch.chdir(repo / "postmortems")
    code, out, _ = run(capsys, "--format", "json", "--baseline", "../baseline.json", "db.md")
    assert code == 0 and findings_of(out) == []


@pytest.mark.parametrize("content, message", [
    ("{", "invalid JSON at line"),
    ('{"tool": "ruff", "findings": []}', "not a blamelint baseline"),
    ('{"tool": "blamelint", "version": 9, "findings": []}', "version 9"),
    ('{"tool": "blamelint", "version": 1, "findings": [{"path": "a.md", "rule": 3, "text": "x"}]}', "findings[0]: 'rule'"),
    ('{"tool": "blamelint", "version": 1, "findings": [{"path": "a.md", "rule": "r", "text": "x", "count": 0}]}', "'count'"),
])
def test_broken_baseline_is_a_clear_error(repo: Path, capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--baseline", "baseline.json", "postmortems")
    assert code == 2 and out == ""
    assert "baseline.json" in err and message in err


def test_missing_baseline_says_how_to_make_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--baseline", "nope.json", "postmortems")
    assert code == 2 and "--write-baseline nope.json" in err


def test_both_options_together_are_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--baseline", "a.json", "--write-baseline", "b.json", "postmortems")
    assert code == 2 and "cannot be used together" in err


def test_end_to_end_subprocess(repo: Path) -> None:
    def blamelint(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lint_service.cli.main", "check", *args], cwd=repo,
                              capture_output=True, text=True, timeout=300)

    assert blamelint("postmortems").returncode == 1
    assert blamelint("--write-baseline", ".blamelint-baseline.json", "postmortems").returncode == 0
    done = blamelint("--format", "sarif", "--baseline", ".blamelint-baseline.json", "postmortems")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["runs"][0]["results"] == []


def test_pre_commit_hook_takes_the_baseline_in_its_args(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pre-commit runs the hook's entry, then the hook's `args:`, then the changed files."""
    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = hooks[0]["entry"].split()
    assert entry[:2] == ["blamelint", "check"]
    run(capsys, "--write-baseline", ".blamelint-baseline.json", "postmortems")
    argv = [*entry[2:], "--baseline", ".blamelint-baseline.json", "postmortems/db.md"]
    code, _, _ = run(capsys, *argv)
    assert code == 0
