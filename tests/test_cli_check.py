"""`blamelint check` as users run it: a real subprocess for the end-to-end paths,
``main(argv)`` in-process (the Linter stays loaded) for the many small cases."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint_service.cli.main import main, serve_address

CLEAN = """\
# Certificate expiry

## Summary

The certificate expired because no alert covered its renewal date.

## Impact

The status page was unreachable for 40 minutes.

## Timeline

- 08:02 The certificate expired.
- 08:15 An alert fired for failed health checks.

## Root causes

No alert covered the renewal date.

## Action items

- Add an expiry alert (owner: platform-team, due: 2024-05-01)

## Lessons learned

Expiry dates need monitoring.
"""
# The same postmortem with one blaming sentence (line 5), so it has exactly one finding.
BLAMEFUL = CLEAN.replace("The certificate expired because no alert covered its renewal date.",
                         "John forgot to renew the certificate.")


def blamelint(*args: str, cwd: Path | None = None, stdin: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as CI runs it."""
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "lint_service.cli.main", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300, env=full_env,
    )


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of postmortems: clean, blameful, a broken YAML, a non-UTF-8 file, a dangling symlink."""
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "blame.md").write_text(BLAMEFUL, encoding="utf-8")
    (tmp_path / "sub" / "notes.txt").write_text("The cache filled up and the service stopped.\n", encoding="utf-8")
    (tmp_path / "sub" / "ignored.py").write_text("print('not a postmortem')\n", encoding="utf-8")
    return tmp_path


def test_clean_file_exits_0_with_summary(tree: Path) -> None:
    proc = blamelint("check", str(tree / "clean.md"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "No problems found in 1 file."
    assert proc.stderr == ""


def test_blameful_file_exits_1_and_shows_suggestion(tree: Path) -> None:
    proc = blamelint("check", "--format", "text", str(tree / "sub" / "blame.md"))
    assert proc.returncode == 1
    first, second = proc.stdout.splitlines()[:2]
    assert first.startswith(f"{tree / 'sub' / 'blame.md'}:5:1: warning blame.person-subject ")
    assert second.startswith("    suggestion: ")


def test_folder_walk_lists_only_postmortem_extensions(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "check", "--format", "json", "--fail-on", "never", str(tree))
    assert code == 0
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == sorted(paths)
    assert [Path(p).relative_to(tree).as_posix() for p in paths] == ["clean.md", "sub/blame.md", "sub/notes.txt"]


def test_bad_files_are_reported_and_the_rest_still_checked(tree: Path) -> None:
    (tree / "sub" / "latin1.md").write_bytes("Caf\xe9 outage\n".encode("latin-1"))
    (tree / "dangling.md").symlink_to(tree / "does-not-exist.md")
    proc = blamelint("check", "--format", "json", str(tree))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    by_path = {Path(f["path"]).name: f for f in data["files"]}
    assert set(by_path) == {"clean.md", "blame.md", "notes.txt", "latin1.md", "dangling.md"}
    assert "not valid UTF-8" in by_path["latin1.md"]["error"]
    assert "broken symbolic link" in by_path["dangling.md"]["error"]
    assert "error" not in by_path["clean.md"] and "stats" in by_path["clean.md"]
    assert data["stats"]["errors"] == 2 and data["stats"]["files"] == 5
    # stderr names each file and the problem
    assert f"{tree / 'sub' / 'latin1.md'}: not valid UTF-8" in proc.stderr
    assert f"{tree / 'dangling.md'}: broken symbolic link" in proc.stderr


def test_missing_path_is_exit_2_but_others_are_reported(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(capsys, "check", str(tree / "clean.md"), str(tree / "nope.md"))
    assert code == 2
    assert "nope.md: no such file or folder" in err
    assert "No problems found in 1 file; 1 file could not be checked." in out


def test_broken_yaml_is_invalid_input(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tree / "report.yaml"
    bad.write_text("incident: {id: [unclosed\ntimeline:\n  - time: '08:02\n", encoding="utf-8")
    code, out, err = run_main(capsys, "check", str(tree))
    assert code == 2
    assert f"{bad}: invalid input" in err
    assert "in 1 of 3 files; 1 file could not be checked." in out


def test_stdin_and_stdin_filename(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\ufeff" + CLEAN).encode("utf-8"))))
    code, out, _ = run_main(capsys, "check", "--format", "json", "--stdin-filename", "pm/draft.md", "-")
    assert code == 0
    data = json.loads(out)
    assert data["files"][0]["path"] == "pm/draft.md"
    # The BOM is not part of the text: character counts start after it.
    assert data["files"][0]["stats"]["characters"] == len(CLEAN)


def test_stdin_subprocess_undecodable_is_exit_2() -> None:
    proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "check", "-"],
                          input=b"\xff\xfe broken", capture_output=True, timeout=300)
    assert proc.returncode == 2
    assert b"-: not valid UTF-8" in proc.stderr


def test_stdin_blame_subprocess() -> None:
    proc = blamelint("check", "--format", "json", "-", stdin="John forgot to renew the certificate.\n")
    assert proc.returncode == 1
    finding = json.loads(proc.stdout)["files"][0]["findings"][0]
    assert finding["rule"].startswith("blame.") and finding["suggestions"]


def test_exclude_globs(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "check", "--format", "json", "--fail-on", "never",
                            "--exclude", "*.txt,clean.md", str(tree))
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["blame.md"]
    code, out, _ = run_main(capsys, "check", "--format", "json", "--exclude", "sub", str(tree))
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["clean.md"]


def _files(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code, out, err = run_main(capsys, "check", "--format", "json", "--fail-on", "never", *args)
    assert code == 0, err
    return [f["path"] for f in json.loads(out)["files"]]


def test_gitignore_without_git(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".gitignore").write_text("# drafts\n*.txt\n/clean.md\n", encoding="utf-8")
    (tree / "sub" / ".gitignore").write_text("!notes.txt\n", encoding="utf-8")
    assert _files(capsys, str(tree)) == [str(tree / "sub" / "blame.md"), str(tree / "sub" / "notes.txt")]
    assert len(_files(capsys, "--no-gitignore", str(tree))) == 3


def test_gitignore_inside_git_work_tree(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    (tree / ".gitignore").write_text("sub/\n", encoding="utf-8")
    (tree / "drafts").mkdir()
    (tree / "drafts" / ".gitignore").write_text("*\n", encoding="utf-8")
    (tree / "drafts" / "wip.md").write_text(CLEAN, encoding="utf-8")
    assert _files(capsys, str(tree)) == [str(tree / "clean.md")]
    # A file named explicitly is checked even when ignored (pre-commit and editors pass files).
    assert _files(capsys, str(tree / "sub" / "blame.md")) == [str(tree / "sub" / "blame.md")]


def test_jobs_2_gives_the_same_output_as_jobs_1(tree: Path) -> None:
    for i in range(4):
        (tree / f"pm{i}.md").write_text(BLAMEFUL if i % 2 else CLEAN, encoding="utf-8")
    one = blamelint("check", "--format", "json", "--jobs", "1", str(tree))
    two = blamelint("check", "--format", "json", "--jobs", "2", str(tree))
    assert one.returncode == two.returncode
    strip = lambda s: [{k: v for k, v in f.items() if k != "stats"} for f in json.loads(s)["files"]]  # noqa: E731
    assert strip(one.stdout) == strip(two.stdout)
    assert len(strip(one.stdout)) == 7


def test_fail_on_levels(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for level in ("error", "warning", "info", "never"):
        code, _, _ = run_main(capsys, "check", "--fail-on", level, str(tree / "clean.md"))
        assert code == 0


def test_fail_on_decides_exit_status_of_warnings(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tree / "sub" / "blame.md")
    assert run_main(capsys, "check", "--fail-on", "warning", path)[0] == 1
    assert run_main(capsys, "check", "--fail-on", "info", path)[0] == 1
    assert run_main(capsys, "check", "--fail-on", "error", path)[0] == 0
    assert run_main(capsys, "check", "--fail-on", "never", path)[0] == 0
    assert run_main(capsys, "check", "--disable", "blame.", path)[0] == 0


def test_config_file_and_errors(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tree / "cfg.yaml"
    good.write_text("disable: [blame.]\n", encoding="utf-8")
    assert run_main(capsys, "check", "--config", str(good), str(tree / "sub" / "blame.md"))[0] == 0
    toml = tree / "pyproject.toml"
    toml.write_text("[tool.blamelint]\ndisable = ['blame.']\n", encoding="utf-8")
    assert run_main(capsys, "check", "--config", str(toml), str(tree / "sub" / "blame.md"))[0] == 0
    bad = tree / "bad.yaml"
    bad.write_text("disabel: [blame.]\n", encoding="utf-8")
    code, out, err = run_main(capsys, "check", "--config", str(bad), str(tree))
    assert code == 2 and out == ""
    assert str(bad) in err and "disabel" in err
    code, _, err = run_main(capsys, "check", "--config", str(tree / "missing.yaml"), str(tree))
    assert code == 2 and "missing.yaml" in err


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(capsys, "check")[0] == 2
    code, _, err = run_main(capsys, "check", "--format", "xml", ".")
    assert code == 2 and "invalid choice" in err
    assert run_main(capsys, "check", "-", "-")[0] == 2
    assert run_main(capsys, "frobnicate")[0] == 2
    assert run_main(capsys)[0] == 2
    code, _, err = run_main(capsys, "explain", "blame.nonsense")
    assert code == 2 and "unknown rule" in err


def test_no_files_found_warns_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "code.py").write_text("x = 1\n", encoding="utf-8")
    code, _, err = run_main(capsys, "check", str(tmp_path))
    assert code == 0 and "no files to check" in err


def test_output_file_and_quiet(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tree / "out.json"
    code, out, err = run_main(capsys, "check", "-q", "--format", "json", "--output", str(target), str(tree / "clean.md"))
    assert code == 0 and out == "" and err == ""
    assert json.loads(target.read_text(encoding="utf-8"))["stats"]["files"] == 1
    code, out, _ = run_main(capsys, "check", "-q", str(tree / "clean.md"))
    assert out == ""  # quiet: findings only, and there are none


def test_colour_only_when_asked_or_on_a_terminal(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blame = str(tree / "sub" / "blame.md")
    assert "\x1b[" not in run_main(capsys, "check", blame)[1]  # captured output is not a terminal
    assert "\x1b[33mwarning\x1b[0m" in run_main(capsys, "check", "--color", "always", blame)[1]
    # A pseudo-terminal: coloured unless NO_COLOR is set.
    import pty

    def on_tty(env: dict[str, str]) -> str:
        leader, follower = pty.openpty()
        full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env | {"TERM": "xterm"}
        proc = subprocess.run([sys.executable, "-m", "lint_service.cli.main", "check", blame],
                              stdout=follower, stderr=subprocess.PIPE, timeout=300, env=full_env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the writer is gone and everything has been read
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert proc.returncode == 1, proc.stderr
        return b"".join(chunks).decode()

    plain = on_tty({"NO_COLOR": "1"})
    assert "warning blame.person-subject" in plain and "\x1b[" not in plain
    assert "\x1b[33mwarning\x1b[0m" in on_tty({})


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    from lint_service import __version__

    proc = blamelint("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"blamelint {__version__}"
    code, out, _ = run_main(capsys, "check", "--help")
    assert code == 0
    assert "examples:" in out and "--fail-on" in out and "--jobs" in out and "--report" in out
    code, out, _ = run_main(capsys, "--help")
    assert code == 0 and "blamelint explain blame.person-subject" in out


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("blamelint")
    if not script.exists():
        pytest.skip("the blamelint console script is not installed next to this interpreter")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("blamelint ")


def test_serve_address_defaults_to_loopback() -> None:
    assert serve_address(None, None, {}) == ("127.0.0.1", 8080)
    assert serve_address(None, None, {"BLAMELINT_HOST": "0.0.0.0", "PORT": "9000"}) == ("0.0.0.0", 9000)
    assert serve_address("::1", "81", {"PORT": "9000"}) == ("::1", 81)


def test_serve_rejects_bad_port(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "eighty")
    code, _, err = run_main(capsys, "serve")
    assert code == 2 and "PORT must be a number" in err
    code, _, err = run_main(capsys, "serve", "--port", "70000")
    assert code == 2 and "--port must be a number" in err


def test_config_discovered_next_to_the_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blame = str(tree / "sub" / "blame.md")
    assert run_main(capsys, "check", blame)[0] == 1
    (tree / "sub" / ".blamelint.yaml").write_text("disable: [blame.]\n", encoding="utf-8")
    assert run_main(capsys, "check", blame)[0] == 0
    # --enable on the command line beats the discovered file's disable.
    assert run_main(capsys, "check", "--enable", "blame.person-subject", blame)[0] == 1


def test_progress_bar_only_on_a_terminal_with_many_files() -> None:
    from lint_service.cli.runner import Progress, progress_stream

    assert progress_stream(50, quiet=False) is None  # pytest's stderr is not a terminal
    stream = io.StringIO()
    bar = Progress(3, stream)
    for name in ("a.md", "b.md", "c.md"):
        bar.advance(name)
    bar.close()
    assert "3/3 c.md" in stream.getvalue() and stream.getvalue().endswith("\r\x1b[2K")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_the_http_service() -> None:
    import time
    import urllib.request

    pytest.importorskip("lint_service.web.serve")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("BLAMELINT_HOST", "PORT")}
    proc = subprocess.Popen([sys.executable, "-m", "lint_service.cli.main", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "blamelint serve did not answer /healthz"
                time.sleep(0.3)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # the session this test started, and nothing else
            proc.wait()
