"""The Dockerfile, checked without a Docker engine: its shape, and its ENTRYPOINT and
HEALTHCHECK commands run for real against this checkout."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from http_support import ROOT, free_port

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instruction(name: str) -> list[str]:
    """Every argument string of instruction ``name`` (continuation lines joined)."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [m.group(1).strip() for m in re.finditer(rf"^{name}\s+(.*)$", joined, re.M)]


def exec_form(text: str) -> list[str]:
    text = re.sub(r"^(CMD)\s+", "", text)
    return json.loads(text)


def test_dockerfile_shape():
    assert instruction("FROM") == ["python:3.11-slim"]
    assert "pip install ." in " ".join(instruction("RUN"))
    assert re.search(r"spacy\s+download", DOCKERFILE) is None  # the pipeline comes from PyPI with `pip install .`
    users = instruction("USER")
    assert users and users[-1] not in ("root", "0")
    assert instruction("EXPOSE") == ["8080"]
    assert "BLAMELINT_HOST=0.0.0.0" in " ".join(instruction("ENV"))
    entry = exec_form(instruction("ENTRYPOINT")[0])
    assert entry[0] == "gunicorn" and "python:lint_service.web.gunicorn_conf" in entry


def test_dockerignore_keeps_the_context_small():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", ".venv", "tests", "**/__pycache__"} <= ignored
    for needed in ("pyproject.toml", "README.md", "lint_service", "rules", "models"):
        assert needed not in ignored


def test_entrypoint_and_healthcheck_commands_work(tmp_path):
    port = free_port()
    env = {**os.environ, "BLAMELINT_HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"}
    bin_dir = Path(sys.executable).parent
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    entry = exec_form(instruction("ENTRYPOINT")[0])
    # run outside the checkout, as in the image (WORKDIR is the user's home)
    proc = subprocess.Popen(entry, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        health = instruction("HEALTHCHECK")[0]
        probe = exec_form(health[health.index("CMD"):])
        deadline = time.monotonic() + 60
        while True:
            result = subprocess.run(probe, env=env, capture_output=True, timeout=30)
            if result.returncode == 0:
                break
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, result.stderr.decode()
            time.sleep(0.5)
        r = requests.post(f"http://127.0.0.1:{port}/v1/lint", json={"text": "John forgot to renew the certificate."}, timeout=30)
        finding = next(f for f in r.json()["findings"] if f["rule"].startswith("blame."))
        assert finding["suggestions"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    # a stopped server fails the health check
    assert subprocess.run(probe, env=env, capture_output=True, timeout=30).returncode != 0
