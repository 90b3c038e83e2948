"""The product's gunicorn settings with the former worker model (sync: one request per
process, no read deadline), kept so bench/attack.py can measure both in one run.

    python bench/attack.py --compare-sync
"""
from lint_service.web.gunicorn_conf import *  # noqa: F401,F403

worker_class = "sync"
threads = 1
