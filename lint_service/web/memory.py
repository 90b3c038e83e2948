"""Keeping a worker's memory bounded after hostile requests (Linux; elsewhere no-ops).

The parse cache is bounded by bytes (:mod:`lint_service.nlp`), but a process
also keeps what it has freed: glibc hands freed blocks back to the system
only from the top of each heap, and gives every thread an arena of its own.
spaCy's vocabulary grows with every new word it sees and never shrinks. So:

- :func:`limit_malloc_arenas` caps glibc's arenas (called in the master, before
  any thread exists; the forked workers inherit it);
- :func:`after_request` returns free memory to the system after a large
  request (``malloc_trim``), and when a worker's private memory is still over
  ``BLAMELINT_WORKER_MAX_MB`` it asks gunicorn to replace the worker
  gracefully: requests in flight finish, and a fresh fork of the warmed-up
  master takes its place.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from typing import Any

from .env_settings import env_number

log = logging.getLogger("lint_service.web")

DEFAULT_WORKER_MAX_MB = 110
_M_ARENA_MAX = -8
_LARGE_REQUEST = 64 * 1024  # bytes of body after which freed memory is trimmed
_CHECK_EVERY = 256  # and after every so many requests, whatever their size


def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim, libc.mallopt  # noqa: B018 - glibc only
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _libc()


def limit_malloc_arenas(arenas: int = 2) -> None:
    if _LIBC is not None:
        _LIBC.mallopt(_M_ARENA_MAX, arenas)


def trim() -> None:
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def private_mb(pid: int | str = "self") -> float | None:
    """Memory only this process holds (Private_Clean + Private_Dirty), in MB."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            kb = sum(int(line.split()[1]) for line in fh if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except OSError:
        return None
    return kb / 1024


def worker_max_mb(environ: dict[str, str] | None = None) -> float:
    return env_number("BLAMELINT_WORKER_MAX_MB", DEFAULT_WORKER_MAX_MB, "megabytes", environ=environ)


def after_request(worker: Any, environ: dict[str, Any], limit_mb: float) -> None:
    """gunicorn's ``post_request``: trim after large requests, recycle a worker over its limit."""
    try:
        size = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        size = 0
    chunked = "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower()
    if size < _LARGE_REQUEST and not chunked and getattr(worker, "nr", 1) % _CHECK_EVERY:
        return
    trim()
    held = private_mb()
    if held is not None and held > limit_mb and getattr(worker, "alive", False):
        log.warning("worker %s holds %.0f MB of its own (limit %.0f MB): replacing it", os.getpid(), held, limit_mb)
        worker.alive = False
