"""The product's gunicorn settings plus a pre-fork warm-up: the change proposed for
lint_service/web/gunicorn_conf.py, kept here so bench_service.py can measure it.

    python bench/bench_service.py --gunicorn-config bench/gunicorn_prefork_warmup.py

The master lints one document before forking, so lazily loaded data (lemminflect's
tables, rule files, lazy imports) is loaded once and shared copy-on-write, then
freezes the garbage collector's view of those objects so collections in the
workers do not write to (and so copy) the shared pages.
"""
from lint_service.web.gunicorn_conf import *  # noqa: F401,F403


def when_ready(server) -> None:  # runs in the master after preload_app, before workers fork
    import gc

    from lint_service.web.app import get_linter
    from lint_service.web.wsgi import app

    linter = get_linter(app)
    linter.lint("# Summary\n\nKenji forgot to renew the certificate, and the deploy pipeline failed.\n")
    linter.parser.clear()
    gc.collect()
    gc.freeze()
