"""gunicorn settings for blamelint: ``gunicorn -c python:lint_service.web.gunicorn_conf``.

Read from the environment:

``BLAMELINT_HOST``, ``PORT`` where to listen (default 127.0.0.1:8080, as ``blamelint serve``;
                            the Docker image sets BLAMELINT_HOST=0.0.0.0)
``WEB_CONCURRENCY``         worker processes (default: the CPUs this process may use)
``BLAMELINT_THREADS``       request threads per worker (default 4)
``BLAMELINT_REQUEST_READ_TIMEOUT`` seconds a client may take to send one request (default 15)
``BLAMELINT_WORKER_TIMEOUT`` seconds a worker's main loop may stall before it is killed (default 60;
                            a lint is answered 413 at BLAMELINT_LINT_TIMEOUT, default 30)
``BLAMELINT_WORKER_MAX_MB`` a worker whose own memory stays above this after a request is
                            replaced gracefully (default 110)
``LOG_LEVEL``               gunicorn's log level (default info)
"""
from __future__ import annotations

import os

from lint_service.web import memory as _memory


def _int_env(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"blamelint: {name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise SystemExit(f"blamelint: {name} must be at least {minimum}, not {value}")
    return value


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # respects CPU pinning / container cpusets
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _bind() -> str:
    host = os.environ.get("BLAMELINT_HOST", "").strip() or "127.0.0.1"
    port = _int_env("PORT", 8080)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


wsgi_app = "lint_service.web.wsgi:app"
bind = [_bind()]
workers = _int_env("WEB_CONCURRENCY", _cores())
# Threads, so a worker busy linting still answers /healthz and reads other requests;
# idle and slow clients wait in the worker's poller, not in a thread, and reading one
# request has a deadline (BLAMELINT_REQUEST_READ_TIMEOUT). See docs/http.md.
worker_class = "lint_service.web.worker.BlamelintWorker"
threads = _int_env("BLAMELINT_THREADS", 4)
worker_connections = 1000
# The worker's sockets have timeouts, which os.sendfile does not honour.
sendfile = False
# Load the app (and the spaCy pipeline) once in the master; forked workers share it.
preload_app = True
timeout = _int_env("BLAMELINT_WORKER_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
backlog = 2048
# Leave room for LanguageTool clients that put text in a GET query string.
limit_request_line = 8190
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").strip().lower() or "info"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# gunicorn >= 24 opens a control socket at ~/.gunicorn/gunicorn.ctl: every server
# on a host would share that path, and a container's user may have no home.
control_socket_disable = True


# Before any thread exists, so the workers inherit it (see lint_service/web/memory.py).
_memory.limit_malloc_arenas()
_WORKER_MAX_MB = _memory.worker_max_mb()


def post_request(worker, req, environ, resp) -> None:  # noqa: ANN001 - gunicorn's hook
    """Return freed memory after large requests; replace a worker whose own memory
    stays over BLAMELINT_WORKER_MAX_MB (default 110)."""
    _memory.after_request(worker, environ, _WORKER_MAX_MB)


def when_ready(server) -> None:  # noqa: ANN001 - gunicorn's Arbiter
    """Warm up in the master, before the workers fork.

    One lint loads everything that is loaded lazily (lemminflect's tables, rule
    files, lazy imports), so the workers share those pages copy-on-write instead
    of each loading its own copy; ``gc.freeze()`` keeps the workers' garbage
    collections from writing to (and so copying) them. Measured by
    bench/bench_service.py: 389 MB -> 289 MB PSS for a master and two workers.
    """
    import gc

    from .app import get_linter
    from .wsgi import app

    linter = get_linter(app)
    linter.lint("# Summary\n\nKenji forgot to renew the certificate, and the deploy pipeline failed.\n")
    linter.parser.clear()
    gc.collect()
    gc.freeze()
