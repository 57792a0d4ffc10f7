"""The whole annual report's year in headless Chromium, over the demo's edition of 2024 (the seed, loaded by
`ctip demo --edition`): the Council's secretariat (`secretariat@demo.ctip.invalid`) asks the Cabinet Office for
a contribution to an item with a deadline; the Cabinet Office's contributor (`contributor@demo.ctip.invalid`)
writes and submits it; the secretariat returns it with a comment, the contributor answers, the secretariat
accepts it, checks the year and publishes it — and the published whole report holds the text under its item.
Then the year's pages pass axe in English and Japanese. Screenshots go to test-artifacts/whole-report-*.png.

This file runs last of the browser tests (pytest's order is the files' names): publishing freezes 2024."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import SEED
from pages import follow, wait
from test_axe import check, demo_password, results, sign_in_as, summary  # noqa: F401 (results is a fixture)

SECRETARIAT = "secretariat@demo.ctip.invalid"
CONTRIBUTOR = "contributor@demo.ctip.invalid"
ITEM = "3 (7) i)"
TEXT = "The Cabinet Office asked railway companies to show the poster in 120 stations (a browser test's text)."
ANSWER = TEXT[:-len(" (a browser test's text).")] + ", about 3,000 copies (a browser test's text)."

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed {SEED} is not here: the demo has no whole report")


def button(container, text):
    return container.find_element(By.XPATH, f".//button[normalize-space()='{text}']")


def notice(browser):
    return browser.find_element(By.CSS_SELECTOR, "main .notice[role='status']").text


def state(browser):
    return browser.find_element(By.ID, "state").text


def open_requested(browser, server):
    """The contribution the secretariat requested, from the 2024 board."""
    browser.get(server.url("/staff/annual-report/2024?lang=en"))
    link = browser.find_element(By.CSS_SELECTOR, "#board a[href*='/contributions/C2024-R']")
    follow(browser, link)
    return browser.current_url.split("?")[0].replace(server.base_url, "")


def test_contributor_to_secretariat_to_publication(server, browser, artifacts):
    password = demo_password(server)

    # The secretariat finds the annual report in its navigation and asks the Cabinet Office for a contribution.
    sign_in_as(browser, server, SECRETARIAT, password)
    browser.get(server.url("/staff?lang=en"))
    follow(browser, browser.find_element(By.CSS_SELECTOR, "nav.primary-nav a[href^='/staff/annual-report?']"))
    years = browser.find_element(By.TAG_NAME, "main").text
    assert "Report on 2025" in years and "Report on 2024" in years, years
    browser.get(server.url("/staff/annual-report/2024?lang=en"))
    form = browser.find_element(By.ID, "request")
    Select(form.find_element(By.NAME, "ministry")).select_by_value("cao")
    Select(form.find_element(By.NAME, "item")).select_by_value(ITEM)
    follow(browser, button(form, "Request"))
    assert "Requested: 1 contribution." in notice(browser)
    browser.save_screenshot(str(artifacts / "whole-report-board.png"))

    # The contributor writes it and submits it; another ministry's contributions are not on their board.
    sign_in_as(browser, server, CONTRIBUTOR, password)
    browser.get(server.url("/staff/annual-report/2024?lang=en"))
    assert not browser.find_elements(By.ID, "request"), "a contributor does not request"
    path = open_requested(browser, server)
    assert state(browser) == "requested"
    form = browser.find_element(By.ID, "text_en").find_element(By.XPATH, "./ancestor::form")
    form.find_element(By.ID, "text_en").send_keys(TEXT)
    follow(browser, button(form, "Save and submit"))
    assert "submitted to the secretariat" in notice(browser) and state(browser) == "submitted"

    # The secretariat returns it: without a comment the form says what is missing; with one, it goes back.
    sign_in_as(browser, server, SECRETARIAT, password)
    browser.get(server.url(path + "?lang=en"))
    assert not browser.find_elements(By.ID, "text_en"), "the secretariat does not write a ministry's text"
    follow(browser, button(browser.find_element(By.ID, "work"), "Return to the ministry"))
    assert browser.find_element(By.ID, "comment-error").is_displayed()
    browser.find_element(By.ID, "comment").send_keys("Please say how many copies.")
    follow(browser, button(browser.find_element(By.ID, "work"), "Return to the ministry"))
    assert state(browser) == "returned"

    # The contributor sees the comment in the history and answers.
    sign_in_as(browser, server, CONTRIBUTOR, password)
    browser.get(server.url(path + "?lang=en"))
    assert "Please say how many copies." in browser.find_element(By.ID, "history").text
    text = browser.find_element(By.ID, "text_en")
    text.clear()
    text.send_keys(ANSWER)
    follow(browser, button(text.find_element(By.XPATH, "./ancestor::form"), "Save and submit"))
    assert state(browser) == "submitted"
    browser.save_screenshot(str(artifacts / "whole-report-contribution.png"))

    # The secretariat accepts it, reads the check, and publishes the year (the Council's approval is the seed's).
    sign_in_as(browser, server, SECRETARIAT, password)
    browser.get(server.url(path + "?lang=en"))
    follow(browser, button(browser.find_element(By.ID, "work"), "Accept"))
    assert state(browser) == "accepted"
    browser.get(server.url("/staff/annual-report/2024/check?lang=en"))
    findings = browser.find_element(By.TAG_NAME, "main").text
    assert "findings" in findings and "Numbers that contradict the records" in findings, findings[:400]
    browser.save_screenshot(str(artifacts / "whole-report-check.png"))
    browser.get(server.url("/staff/annual-report/2024?lang=en"))
    assert "Approved by the Council on 2025-08-26" in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, button(browser.find_element(By.ID, "approval"), "Publish the report on 2024"))
    assert "The report was published" in notice(browser)
    assert not browser.find_elements(By.ID, "request"), "a published year takes no more requests"

    # The published whole report holds the accepted text under its item.
    status, _, page = server.get("/reports/2024/whole?lang=en")
    assert status == 200 and "in 120 stations, about 3,000 copies (a browser test" in page


ANNUAL_REPORT = ["/staff/annual-report", "/staff/annual-report/2025", "/staff/annual-report/2025/check",
                 "/staff/annual-report/2025/contributions/C2025-0001", "/staff/annual-report/2025/outline"]


def test_the_years_pages_pass_axe(server, browser, results):
    password = demo_password(server)
    problems = []
    try:
        sign_in_as(browser, server, SECRETARIAT, password)
        for path in ANNUAL_REPORT:
            for language in ("en", "ja"):
                browser.get(server.url(f"{path}?lang={language}"))
                heading = browser.find_element(By.TAG_NAME, "h1").text
                assert heading not in ("Not found", "Forbidden", "見つかりません") and browser.find_elements(By.TAG_NAME, "main"), f"{path} [{language}]: {heading}"
                blocking = check(browser, f"{path} as secretariat [{language}, desktop]", results)
                if blocking:
                    problems.append(f"{path} as secretariat [{language}]: {summary(blocking)}")
    finally:
        browser.delete_all_cookies()
    assert not problems, "serious or critical axe violations:\n" + "\n".join(problems)
