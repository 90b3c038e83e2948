"""The HTML metrics report in Debian's Chromium (Playwright): self-contained (no request
leaves the page), three charts drawn, tables filled, no script errors.

Set ``BLAMELINT_METRICS_SCREENSHOT=docs/metrics-report.png`` to refresh the docs' screenshot.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from metrics_samples import generated
from test_browser import CHROMIUM, browser  # noqa: F401  (the project's Chromium fixture)

from lint_service.cli.metrics_html import render
from lint_service.metrics import MetricsBuilder

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = MetricsBuilder().build(generated(24), dt.date(2024, 9, 1))
    path = tmp_path_factory.mktemp("html") / "metrics.html"
    path.write_text(render(report), encoding="utf-8")
    return path


def test_report_is_self_contained_and_drawn(browser: Any, report_file: Path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 1750})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(report_file.as_uri())
    page.wait_for_load_state("networkidle")
    assert requests == [report_file.as_uri()], "the report fetched something at view time"
    assert errors == []
    for chart in ("#chart-times", "#chart-closure", "#chart-recurrence"):
        box = page.locator(f"{chart} svg").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 80, chart
        assert page.locator(f"{chart} svg path").count() > 10, f"{chart} has nothing drawn"
    assert page.locator("#incidents tbody tr").count() == 24
    assert page.locator("#open-items tbody tr").count() >= 1
    assert "median" in page.locator("#summary").inner_text()
    shot = os.environ.get("BLAMELINT_METRICS_SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=False)
    page.close()


def test_report_escapes_document_text(browser: Any, tmp_path: Path) -> None:
    hostile = '# <img src=x onerror="window.__pwned=1"> outage\n\n## Root causes\n\n- <script>window.__pwned=1</script>\n'
    report = MetricsBuilder().build([("x<b>.md", hostile)], dt.date(2024, 1, 1))
    path = tmp_path / "m.html"
    path.write_text(render(report), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("window.__pwned") is None
    assert "x<b>.md" in page.locator("#incidents").inner_text()  # shown as text, not markup
    page.close()
