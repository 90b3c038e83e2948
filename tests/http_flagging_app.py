"""A WSGI app for server tests: the real app factory with ``http_support.flagging_linter``."""
from http_support import flagging_linter

from lint_service.web.app import create_app

app = create_app(linter=flagging_linter())
