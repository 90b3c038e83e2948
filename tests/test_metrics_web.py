"""The web form's review summary shows the draft's times and open action items: the
server-rendered path, POST /v1/incident for the script path, and both in Chromium."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from http_support import Server, running_server
from metrics_samples import FIELDS_YAML, MARKERS
from test_browser import CHROMIUM, browser  # noqa: F401  (the project's Chromium fixture)

from lint_service.web.app import create_app


@pytest.fixture(scope="module")
def client():
    return create_app().test_client()


def test_server_rendered_summary_shows_times_and_open_items(client) -> None:
    html = client.post("/", data={"text": MARKERS, "format": ""}).get_data(as_text=True)
    assert 'id="incident-summary"' in html
    assert "13 min" in html and "24 min" in html and "42 min" in html
    assert "Alert on database connection saturation" in html
    start = MARKERS[: MARKERS.index("- 08:07")].count("\n") + 1
    assert f"from line {start} to line {start + 1} (timeline)" in html


def test_incident_api(client) -> None:
    body = client.post("/v1/incident", json={"text": FIELDS_YAML, "format": "yaml"}).get_json()
    times = {t["key"]: t["minutes"] for t in body["incident"]["times"]}
    assert times == {"to_detect": 7, "to_mitigate": 35, "to_resolve": 85}
    assert [i["description"] for i in body["incident"]["open_items"]][0].startswith("Reload services")


@pytest.mark.parametrize(("payload", "code"), [
    ({}, "missing_field"), ({"text": 3}, "invalid_field"), ({"text": "x", "format": "pdf"}, "invalid_field"),
    ({"text": "x", "extra": 1}, "unknown_field"), ({"text": "incident: [", "format": "yaml"}, "invalid_document"),
])
def test_incident_api_errors(client, payload: dict, code: str) -> None:
    response = client.post("/v1/incident", json=payload)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == code


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from running_server(workers=1)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`")
@pytest.mark.parametrize("javascript", [True, False])
def test_summary_in_the_browser(browser: Any, server: Server, javascript: bool) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=javascript)
    page: Any = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/")
    page.fill("#draft", MARKERS)
    page.click("#check")
    summary = page.locator("#incident-summary")
    expect(summary).to_be_visible(timeout=30_000)
    expect(summary.locator('[data-key="to_detect"] .incident-minutes')).to_have_text("13 min")
    expect(summary.locator(".open-item")).to_have_count(2)  # the checked-off item is done
    assert errors == []
    context.close()
