"""The pre-commit hook for real: `pre-commit try-repo` installs this checkout into
its own virtualenv (spaCy and the model from the package index, so it is slow)
and runs the `blamelint` hook of .pre-commit-hooks.yaml on a team's files."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BLAMEFUL = "# Outage\n\nJohn forgot to renew the certificate.\n"


def test_hook_manifest_is_well_formed() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "blamelint" and hook["language"] == "python"
    assert hook["entry"] == "blamelint check"
    assert set(hook["types_or"]) == {"markdown", "yaml", "plain-text"}


def test_action_declares_its_inputs() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "config", "sarif-file", "baseline"} <= set(action["inputs"])
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert '--baseline "$BL_BASELINE"' in scripts
    assert "${{" not in scripts  # inputs go through env:, never into the script text
    assert "--report" in scripts and "blamelint" in scripts


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if not (REPO / ".git").exists():
        pytest.skip("this checkout is not a git repository")
    team = tmp_path / "team"
    team.mkdir()
    subprocess.run(["git", "init", "-q", str(team)], check=True)
    (team / "blame.md").write_text(BLAMEFUL, encoding="utf-8")
    (team / "clean.txt").write_text("The cache filled up and the service stopped.\n", encoding="utf-8")
    (team / "script.py").write_text("print('not a postmortem')\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=team, check=True)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    proc = subprocess.run(
        [pre_commit, "try-repo", str(REPO), "blamelint", "--verbose", "--color", "never",
         "--files", "blame.md", "clean.txt", "script.py"],
        cwd=team, capture_output=True, text=True, timeout=1800, env=env,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "blamelint" in out and "Failed" in out
    assert "blame.md:3:1: warning blame.person-subject" in out
    assert "clean.txt:" not in out and "script.py" not in out


def test_every_cli_module_ships_in_the_wheel() -> None:
    """pyproject lists packages explicitly: a new sub-folder of lint_service/ that is
    not listed is missing from a real install (pre-commit, the Action, Docker)."""
    import tomllib

    declared = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    cli = REPO / "lint_service" / "cli"
    folders = {p.parent for p in cli.rglob("*.py") if "__pycache__" not in p.parts}
    packages = {".".join(f.relative_to(REPO).parts) for f in folders}
    assert packages <= declared, f"not in pyproject's packages: {sorted(packages - declared)}"
