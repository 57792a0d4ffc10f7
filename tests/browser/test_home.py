"""The home page, /health and /metrics of `ctip demo` (the reference data: victims of 2023 and 2024)."""

import json

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def test_home_page_shows_the_victim_counts(server, browser, artifacts):
    status, content_type, _ = server.get("/")
    assert status == 200, f"GET / answered {status}"
    assert content_type.startswith("text/html"), f"GET / is {content_type!r}, not HTML"

    browser.get(server.url("/"))
    # The screenshot is saved before the checks, so that a failing page can be looked at.
    browser.save_screenshot(str(artifacts / "home.png"))
    try:
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        has_h1 = True
    except TimeoutException:
        has_h1 = False
    if not has_h1:
        body = browser.find_element(By.TAG_NAME, "body").text
        pytest.fail(f"no <h1> on / (screenshot: test-artifacts/home.png); page text: {body[:500]!r}")

    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h1") if h.is_displayed()]
    assert any("CTIP" in text for text in headings), f"no visible <h1> with CTIP; <h1>s: {headings!r}"

    body = browser.find_element(By.TAG_NAME, "body").text
    assert "victim" in body.lower(), "the page does not mention victims"
    assert "2024" in body, "the page does not show the year 2024 of the reference data"

    tables = [t for t in browser.find_elements(By.TAG_NAME, "table") if t.is_displayed()]
    assert tables, "no visible table (the counts per year)"
    cells = [c.text.strip() for t in tables for c in t.find_elements(By.TAG_NAME, "td")]
    assert any(cells), "the tables have no filled cells"
    assert any(text.replace(",", "").isdigit() and text != "0" for text in cells), \
        f"no count in the tables' cells: {cells[:20]!r}"


def test_health_is_ok(server):
    status, content_type, text = server.get("/health")
    assert status == 200
    assert "json" in content_type, f"/health is {content_type!r}, not JSON"
    assert json.loads(text).get("status") == "ok", text


def test_metrics_count_requests(server):
    server.get("/")  # at least one request has been counted
    status, _, text = server.get("/metrics")
    assert status == 200
    assert "http_requests_total" in text, text[:500]
