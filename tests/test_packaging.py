"""A real (non-editable) install carries rules/ and models/ and can lint.

The repo's data folders are installed as package data; an editable install
would hide a packaging mistake because it reads them from the checkout.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", str(target), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    if build.returncode != 0:
        pytest.fail(f"pip install failed:\n{build.stdout}\n{build.stderr}")
    return target


def test_installed_package_ships_rule_and_model_files(installed: Path) -> None:
    pkg = installed / "lint_service"
    assert (pkg / "rules_data" / "checks.yaml").is_file()
    assert (pkg / "rules_data" / "schema" / "verbs.json").is_file()
    assert (pkg / "rules_data" / "templates" / "default.yaml").is_file()
    assert (pkg / "models_data" / "pipeline.cfg").is_file()
    assert (pkg / "models_data" / "blame_textcat" / "textcat" / "model").is_file()  # the learned scorer
    assert (pkg / "web" / "templates").is_dir()


def test_installed_package_lints_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    code = (
        "import lint_service, json; "
        "assert 'site' in lint_service.__file__ or 'pytest' in lint_service.__file__, lint_service.__file__; "
        "r = lint_service.lint('Kenji forgot to renew the certificate.'); "
        "print(json.dumps([f.rule for f in r.findings])); "
        "from lint_service.linter import Linter; "
        "d = Linter({'enable': ['blame.learned']}).parser.parse(['Kenji forgot to renew the certificate.'])[0]; "
        "print('score', list(d.sents)[0]._.blame_score)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    assert "blame.person-subject" in run.stdout
    assert "score 0." in run.stdout  # the learned scorer loaded from the installed copy
