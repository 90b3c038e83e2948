"""The WSGI entry point: ``gunicorn lint_service.web.wsgi:app``.

The app (and with it the spaCy pipeline) is built at import, so gunicorn's
``preload_app`` builds it once in the master and the workers share it.
Settings come from the environment (see :func:`lint_service.web.app.settings_from_env`).
"""
from __future__ import annotations

from .app import create_app, settings_from_env

app = create_app(settings_from_env())
