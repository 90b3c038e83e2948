"""Service: the real gunicorn server under concurrent clients posting the 1,500-word document.

    python bench/bench_service.py [--clients 4] [--seconds 30] [--workers 2]

Starts ``blamelint serve`` (gunicorn, WEB_CONCURRENCY workers) on a free
127.0.0.1 port, posts the fixture to /v1/lint from ``--clients`` threads for
``--seconds``, and prints p50/p95/p99 latency against the library's own time for
the same call (measured in this process, warm cache as the server's is after the
first request, and cold), the error count (target 0) and the total PSS of
master + workers from /proc/<pid>/smaps_rollup (target <= 320 MB for 2 workers).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from _common import FIXTURE, REPO, machine, measure, stop_server, verdict

PSS_TARGET_MB = 320


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(port: int, body: bytes, timeout: float = 60) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/v1/lint", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def wait_ready(port: int, proc: subprocess.Popen, deadline: float = 60) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"bench_service: the server exited with {proc.returncode}:\n{proc.stderr.read()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("bench_service: the server did not become healthy within 60 s")


def children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def pss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise RuntimeError(f"no Pss line for pid {pid}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def load(port: int, body: bytes, clients: int, seconds: float) -> tuple[list[float], list[float], list[str]]:
    latencies: list[float] = []
    server_ms: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status, raw = post(port, body)
            except OSError as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - started
            with lock:
                if status != 200:
                    errors.append(f"HTTP {status}: {raw[:200]!r}")
                else:
                    latencies.append(elapsed)
                    server_ms.append(json.loads(raw)["stats"].get("elapsed_ms", float("nan")))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, server_ms, errors


def library_time(text: str) -> tuple[float, float]:
    from lint_service import Linter

    linter = Linter()
    linter.lint(text)
    t = measure({"warm": lambda: linter.lint(text)}, 15)
    c = measure({"cold": lambda: linter.lint(text)}, 9, setup=linter.parser.clear)
    return t["warm"].wall, c["cold"].wall


def run(clients: int, seconds: float, workers: int, gunicorn_config: Path | None = None) -> dict[str, float]:
    text = FIXTURE.read_text(encoding="utf-8")
    body = json.dumps({"text": text, "format": "markdown"}).encode()
    port = free_port()
    env = {**os.environ, "PORT": str(port), "BLAMELINT_HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers),
           "LOG_LEVEL": "warning"}
    exe = Path(sys.executable).with_name("blamelint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lint_service.cli"]
    if gunicorn_config is None:
        cmd = cmd + ["serve", "--host", "127.0.0.1", "--port", str(port)]
    else:  # measure a proposed configuration with the same server
        cmd = [sys.executable, "-m", "gunicorn", "-c", str(gunicorn_config.resolve())]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_ready(port, proc)
        for _ in range(2 * workers):  # first request per worker: lazy imports and the first parse
            post(port, body)
        latencies, server_ms, errors = load(port, body, clients, seconds)
        pids = [proc.pid] + children(proc.pid)
        pss = {pid: pss_kb(pid) for pid in pids}
    finally:
        stop_server(proc)
    lib_warm, lib_cold = library_time(text)
    p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
    total_mb = sum(pss.values()) / 1024
    server = "blamelint serve" if gunicorn_config is None else f"gunicorn -c {gunicorn_config.name}"
    print(f"== service: {server} (gunicorn, {workers} workers), {clients} clients x {seconds:g} s, "
          f"POST /v1/lint with {FIXTURE.name}")
    print(f"   requests {len(latencies)}  ({len(latencies) / seconds:.1f}/s)   errors {len(errors)}  target 0  {verdict(not errors)}")
    for e in errors[:5]:
        print(f"     {e}")
    print(f"   latency  p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  p99 {p99 * 1000:6.1f} ms")
    print(f"   server-reported lint time (stats.elapsed_ms) median {statistics.median(server_ms):6.1f} ms")
    print(f"   library lint() in this process: warm {lib_warm * 1000:6.1f} ms, cold {lib_cold * 1000:6.1f} ms")
    print(f"   p50 / library warm {p50 / lib_warm:5.2f}   p95 / library warm {p95 / lib_warm:5.2f}   "
          f"p99 / library warm {p99 / lib_warm:5.2f}   (with {clients} clients on {workers} workers a request "
          f"waits for about {clients / workers - 1:g} other)")
    print(f"   PSS master + {len(pids) - 1} workers: {total_mb:.0f} MB  "
          f"({', '.join(f'{v / 1024:.0f}' for v in pss.values())} MB)   target <= {PSS_TARGET_MB}  {verdict(total_mb <= PSS_TARGET_MB)}")
    return {"p50": p50, "p95": p95, "p99": p99, "errors": len(errors), "pss_mb": total_mb}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--gunicorn-config", type=Path, help="run gunicorn with this config file instead of blamelint serve")
    args = ap.parse_args(argv)
    print(f"machine: {machine()}")
    run(args.clients, args.seconds, args.workers, args.gunicorn_config)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
