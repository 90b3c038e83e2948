"""`blamelint metrics` as users run it: formats, exit status, bad input, tracker exports."""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from metrics_samples import BAD_TIME, FIELDS_YAML, INFERRED, MARKERS, NO_TIMELINE, generated

from lint_service.cli.main import main


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "pm").mkdir()
    for name, text in (("2024-03-11-checkout.md", MARKERS), ("search.md", INFERRED), ("login.yaml", FIELDS_YAML),
                       ("billing.md", NO_TIMELINE), ("queue.md", BAD_TIME)):
        (tmp_path / "pm" / name).write_text(text, encoding="utf-8")
    (tmp_path / "pm" / "image.png").write_bytes(b"\x89PNG")  # not a postmortem extension: skipped
    return tmp_path / "pm"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["metrics", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_per_incident_and_summary(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "json", "--as-of", "2024-07-01", str(tree))
    assert code == 0
    data = json.loads(out)
    by_path = {i["path"]: i for i in data["incidents"]}
    assert len(by_path) == 5
    checkout = by_path[str(tree / "2024-03-11-checkout.md")]
    assert checkout["minutes"] == {"to_detect": 13, "to_mitigate": 24, "to_resolve": 42}
    assert checkout["milestones"]["started"]["source"] == "timeline-marker"
    billing = by_path[str(tree / "billing.md")]
    assert billing["minutes"]["to_detect"] is None and billing["reasons"]
    assert data["summary"]["incidents"] == 5
    assert data["summary"]["action_items"]["overdue"] >= 1
    # The malformed time is reported with file and line, and the file is still in the report.
    assert f"{tree / 'queue.md'}:6: unreadable time" in err


def test_text_table(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--as-of", "2024-07-01", str(tree))
    assert code == 0
    assert "detect" in out.splitlines()[0] and "2024-03-11-checkout.md" in out
    assert "to detect: median" in out and "p90" in out
    assert "mean" not in out
    assert "\r" not in out


def test_csv_row_per_incident(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "csv", str(tree))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 5
    row = next(r for r in rows if r["path"].endswith("login.yaml"))
    assert (row["minutes_to_detect"], row["detected_source"], row["id"]) == ("7", "field", "INC-2024-0610")


def test_jira_csv_open_items(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "jira-csv", "--as-of", "2024-07-01", str(tree))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert list(rows[0]) == ["Summary", "Assignee", "Due date", "Labels", "Description"]
    reload = next(r for r in rows if r["Summary"].startswith("Reload services"))
    assert (reload["Assignee"], reload["Due date"]) == ("ops", "2024-06-20")
    assert "overdue" in reload["Labels"].split() and "INC-2024-0610" in reload["Labels"].split()
    assert "login.yaml, line" in reload["Description"]


def test_github_issues_json_lines(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "github-issues", "--as-of", "2024-07-01", str(tree))
    issues = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and issues
    for issue in issues:
        assert set(issue) == {"title", "body", "assignees", "labels"}
        assert "postmortem" in issue["labels"]
    unowned = next(i for i in issues if i["title"].startswith("Alert when a served certificate"))
    assert unowned["assignees"] == []
    owned = next(i for i in issues if i["title"].startswith("Reload services"))
    assert owned["assignees"] == ["ops"]


def test_output_file(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "m.json"
    code, out, _ = run(capsys, "--format", "json", "-o", str(target), str(tree))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["incidents"] == 5


def test_unreadable_file_is_exit_2_and_the_rest_is_reported(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "broken.md").write_bytes(b"# T\n\xff\xfe not utf-8\n")
    (tree / "bad.yaml").write_text("incident: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", str(tree), str(tree / "missing.md"))
    assert code == 2
    assert "broken.md: not valid UTF-8" in err and "missing.md: no such file" in err and "bad.yaml" in err
    data = json.loads(out)
    assert len(data["incidents"]) == 5 and len(data["errors"]) == 3


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "json")[0] == 2
    assert run(capsys, "--as-of", "31/12/2024", ".")[0] == 2
    assert run(capsys, "--format", "pdf", ".")[0] == 2


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    for path, text in generated(12):
        (tmp_path / Path(path).name).write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "lint_service.cli", "metrics", "--format", "json", str(tmp_path)]
    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and "\r" not in piped.stderr
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=child_fd)
    os.close(child_fd)
    seen = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(main_fd)
    assert proc.returncode == 0 and json.loads(out)["summary"]["incidents"] == 12
    assert b"\r" in seen and b"12/12" in seen


def test_html_without_matplotlib_is_a_clear_error(tree: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    code, out, err = run(capsys, "--format", "html", str(tree))
    assert code == 2 and out == ""
    assert "lint_service[report]" in err


def test_html_report_file(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "m.html"
    code, _, _ = run(capsys, "--format", "html", "-o", str(target), str(tree))
    html = target.read_text(encoding="utf-8")
    assert code == 0 and html.count("<svg") == 3
    # Namespaces name XML vocabularies; nothing is loaded from an address.
    assert not re.search(r"""(?:href|src)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?https?:|@import""", html)
    assert "<script" not in html
