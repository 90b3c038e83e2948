"""Starting the HTTP service: gunicorn with :mod:`.gunicorn_conf`, or a single process.

``run(host, port)`` is what ``blamelint serve`` calls. gunicorn needs ``fork``
and ``fcntl``; where it cannot run (Windows) a single-process Werkzeug server
serves the same app, for development only.
"""
from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

log = logging.getLogger("lint_service.web")
CONFIG_MODULE = "lint_service.web.gunicorn_conf"


def gunicorn_available() -> bool:
    if sys.platform == "win32":
        return False
    try:
        importlib.import_module("gunicorn.app.base")
    except ImportError:
        return False
    return True


def bind_address(host: str, port: int) -> str:
    if not isinstance(port, int) or isinstance(port, bool) or not 0 <= port <= 65535:
        raise ValueError(f"port must be a number from 0 to 65535, not {port!r}")
    if not host:
        raise ValueError("host must not be empty")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def run(host: str, port: int, **options: Any) -> None:
    """Serve blamelint on ``host:port`` until interrupted.

    ``options`` override gunicorn settings of :mod:`.gunicorn_conf` (e.g. ``workers=2``).
    """
    bind = bind_address(host, port)
    if gunicorn_available():
        _GunicornServer({**options, "bind": [bind]}).run()
    else:
        run_single_process(host, port)


def run_single_process(host: str, port: int) -> None:
    """One process, one request at a time: development servers and Windows."""
    from werkzeug.serving import run_simple

    from .app import create_app, settings_from_env

    log.warning("gunicorn cannot run here; serving with a single-process development server")
    app = create_app(settings_from_env())
    run_simple(host, port, app, threaded=False, use_reloader=False)


def _gunicorn_base() -> type:
    from gunicorn.app.base import BaseApplication

    return BaseApplication


class _GunicornServer(_gunicorn_base() if gunicorn_available() else object):  # type: ignore[misc]
    """gunicorn configured from :mod:`.gunicorn_conf`, never from our own command line."""

    def __init__(self, overrides: dict[str, Any]) -> None:
        self.overrides = overrides
        super().__init__()

    def load_config(self) -> None:
        module = importlib.import_module(CONFIG_MODULE)
        for key, value in vars(module).items():
            if key in self.cfg.settings and not key.startswith("_"):
                self.cfg.set(key, value)
        for key, value in self.overrides.items():
            if key not in self.cfg.settings:
                raise ValueError(f"unknown gunicorn setting {key!r}")
            self.cfg.set(key, value)

    def load(self) -> Any:
        from gunicorn.util import import_app

        return import_app(self.cfg.wsgi_app or "lint_service.web.wsgi:app")
