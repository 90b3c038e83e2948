"""The command line under hostile input: FIFOs and other non-regular files, files over
``--max-bytes``, a full disk, closed standard streams and broken pipes. Each ends with
a message and exit status 2, never a hang or a traceback (see tests/test_hostile.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lint_service.cli.inputs import InputFileError, Source, read_source

BLAME = "Kenji forgot to renew the certificate.\n"


def blamelint(*args: str, cwd, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "lint_service.cli", *args], cwd=cwd, timeout=300, **kwargs)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_or_found_is_skipped_with_a_message(tmp_path):
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "sub" / "deep.md")
    (tmp_path / "ok.md").write_text(BLAME)
    named = blamelint("check", "pipe.md", cwd=tmp_path)
    assert named.returncode == 2 and b"pipe.md: not a regular file (a FIFO); skipped" in named.stderr
    found = blamelint("check", ".", cwd=tmp_path)
    assert found.returncode == 2 and b"sub/deep.md: not a regular file" in found.stderr
    assert b"ok.md:1:1" in found.stdout  # the other files are still checked
    assert b"Traceback" not in named.stderr + found.stderr


def test_files_over_max_bytes_are_refused_before_they_are_read(tmp_path):
    path = tmp_path / "big.md"
    path.write_text(BLAME * 10)
    with pytest.raises(InputFileError, match="larger than --max-bytes"):
        read_source(Source("big.md", path), max_bytes=100)
    assert read_source(Source("big.md", path), max_bytes=len(BLAME) * 10) == BLAME * 10
    r = blamelint("check", "--max-bytes", "1K", "-", cwd=tmp_path, input=b"x" * 2000)
    assert r.returncode == 2 and b"larger than --max-bytes" in r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_exit_2_with_a_message(tmp_path):
    (tmp_path / "a.md").write_text(BLAME)
    with open("/dev/full", "w") as full:
        r = blamelint("check", "a.md", cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert r.returncode == 2 and b"No space left" in r.stderr and b"Traceback" not in r.stderr


def test_closed_streams_and_broken_pipes_are_exit_2_without_a_traceback(tmp_path):
    (tmp_path / "a.md").write_text(BLAME * 20)
    closed_out = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); from lint_service.cli.main import main; "
                                 "sys.exit(main(['check', 'a.md']))"], cwd=tmp_path, capture_output=False,
                                stderr=subprocess.PIPE, timeout=300)
    assert closed_out.returncode == 2 and b"Traceback" not in closed_out.stderr
    closed_in = subprocess.run([sys.executable, "-c", "import os, sys; os.close(0); sys.stdin = None; "
                                "from lint_service.cli.main import main; sys.exit(main(['check', '-']))"],
                               cwd=tmp_path, capture_output=True, timeout=300)
    assert closed_in.returncode == 2 and b"standard input is closed" in closed_in.stderr
    proc = subprocess.Popen([sys.executable, "-m", "lint_service.cli", "check", "a.md"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader has gone before the report is written, as `| head -1` can
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 2 and b"Traceback" not in err and b"Exception ignored" not in err
