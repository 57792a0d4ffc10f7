"""The annual report's page, /reports/2024, in headless Chromium: tables and figures visible, the
figures' numbers reachable as tables, and the Japanese edition."""

from selenium.webdriver.common.by import By


def visible(elements):
    return [e for e in elements if e.is_displayed()]


def test_report_2024_shows_its_tables_and_figures(server, browser, artifacts):
    status, content_type, _ = server.get("/reports/2024")
    assert status == 200 and content_type.startswith("text/html"), f"GET /reports/2024 answered {status} {content_type!r}"

    browser.get(server.url("/reports/2024"))
    browser.save_screenshot(str(artifacts / "report-2024.png"))
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "was 66 (five more than in 2023)" in body, body[:400]

    tables = {t.get_attribute("id"): t for t in visible(browser.find_elements(By.CSS_SELECTOR, "table[id^=table-]"))}
    assert sorted(tables) == ["table-2", "table-3", "table-4", "table-5"], sorted(tables)
    assert len(tables["table-2"].find_elements(By.CSS_SELECTOR, "tbody tr")) == 47
    assert "Pending trial" in tables["table-2"].text

    figures = visible(browser.find_elements(By.TAG_NAME, "figure"))
    assert len(figures) == 5, f"{len(figures)} figures visible"
    for figure in figures:
        svg = figure.find_element(By.TAG_NAME, "svg")
        size = svg.size
        assert size["width"] > 300 and size["height"] > 40, f"figure drawn at {size}"
        assert figure.find_element(By.TAG_NAME, "figcaption").text.startswith("[Figure")

    # The numbers behind a figure open from its <details>, for screen readers and keyboards alike.
    first = figures[0]
    first.find_element(By.TAG_NAME, "summary").click()
    data = first.find_element(By.CSS_SELECTOR, "table.figure-data")
    assert data.is_displayed() and "2024" in data.text and "66" in data.text


def test_report_in_japanese(server, browser, artifacts):
    browser.get(server.url("/reports/2024?lang=ja"))
    browser.save_screenshot(str(artifacts / "report-2024-ja.png"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "66人（前年比5人増）" in body
    assert len(visible(browser.find_elements(By.CSS_SELECTOR, "table[id^=table-]"))) == 4
