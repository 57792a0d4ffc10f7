"""The hot lines' public forms in headless Chromium, in Japanese, English, Thai and Chinese: a report is
sent as a plain form (the pages have no script), the receipt and passcode are shown once, and with them
the reporter follows the report. Each page passes the accessibility check; screenshots are kept in
test-artifacts/hotline-*.png."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accessibility import check
from pages import follow

TITLES = {"ja": "匿名通報ダイヤル", "en": "Anonymous-Reporting Hot Line", "th": "สายด่วนแจ้งเบาะแสโดยไม่ระบุชื่อ", "zh": "匿名举报热线"}
STATES = {"ja": "受付済み・確認待ち", "en": "Received, waiting to be read"}
DESCRIPTIONS = {"ja": "バーの上の部屋に女性が閉じ込められています", "en": "A woman is kept in the flat above the bar <b>now</b>",
                "th": "มีผู้หญิงถูกขังอยู่ในห้องเหนือบาร์", "zh": "酒吧楼上的房间里关着一名女子"}


def send_tip(browser, server, artifacts, language):
    browser.get(server.url(f"/report?lang={language}"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert browser.find_element(By.TAG_NAME, "h1").text == TITLES[language]
    browser.save_screenshot(str(artifacts / f"hotline-report-{language}.png"))
    problems = check(browser)
    assert not problems, f"accessibility problems on /report?lang={language}:\n" + "\n".join(problems)
    assert not browser.find_elements(By.TAG_NAME, "script"), "the form must work without JavaScript"

    Select(browser.find_element(By.ID, "category")).select_by_value("trafficking")
    Select(browser.find_element(By.ID, "prefecture")).select_by_value("JP-13")
    browser.find_element(By.ID, "description").send_keys(DESCRIPTIONS[language])
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    receipt = browser.find_element(By.ID, "receipt").text
    passcode = browser.find_element(By.ID, "passcode").text
    assert len(receipt.replace("-", "")) == 16 and len(passcode.replace("-", "")) == 20
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    problems = check(browser)
    assert not problems, f"accessibility problems on the receipt page ({language}):\n" + "\n".join(problems)
    return receipt, passcode


@pytest.mark.parametrize("language", ["ja", "en", "th", "zh"])
def test_a_tip_is_sent_and_followed(server, browser, artifacts, language):
    receipt, passcode = send_tip(browser, server, artifacts, language)
    browser.get(server.url(f"/report/status?lang={language}"))
    browser.find_element(By.ID, "receipt").send_keys(receipt)
    browser.find_element(By.ID, "passcode").send_keys(passcode.lower())
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    assert browser.find_element(By.ID, "receipt").text == receipt
    if language in STATES:
        assert browser.find_element(By.ID, "state").text == STATES[language]
    browser.save_screenshot(str(artifacts / f"hotline-status-{language}.png"))
    # An answer with markup is shown as the text typed.
    browser.find_element(By.ID, "answer").send_keys("<i>third floor</i>")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/report/status/answer'] button"))
    assert "<i>third floor</i>" in browser.find_element(By.CSS_SELECTOR, "ol.messages").text
    problems = check(browser)
    assert not problems, f"accessibility problems on the status page ({language}):\n" + "\n".join(problems)


def test_a_refused_field_is_named_and_focusable(server, browser):
    browser.get(server.url("/report?lang=en"))
    browser.execute_script("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    Select(browser.find_element(By.ID, "category")).select_by_value("other")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    alert = browser.find_element(By.CSS_SELECTOR, "[role='alert'] a")
    assert alert.get_attribute("href").endswith("#prefecture")
    assert alert.text.startswith("Where (prefecture):")
    assert browser.find_element(By.ID, "prefecture").get_attribute("aria-invalid") == "true"


def test_an_internet_report_in_chinese(server, browser, artifacts):
    browser.get(server.url("/internet-hotline?lang=zh"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh"
    Select(browser.find_element(By.ID, "category")).select_by_value("grave_crime")
    browser.find_element(By.ID, "url").send_keys("https://Example.com/job?utm_source=sns")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    assert browser.find_element(By.ID, "receipt").text
    browser.save_screenshot(str(artifacts / "hotline-internet-zh.png"))
    problems = check(browser)
    assert not problems, "accessibility problems on the internet report's receipt page:\n" + "\n".join(problems)


def sign_in(browser, server, who):
    browser.delete_all_cookies()
    browser.get(server.url("/login?lang=en"))
    browser.find_element(By.ID, "email").send_keys(server.staff[who])
    browser.find_element(By.ID, "password").send_keys(server.password)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']"))


def test_the_analyst_triages_and_the_police_receive(server, browser, artifacts):
    browser.delete_all_cookies()
    browser.get(server.url("/report?lang=en"))
    Select(browser.find_element(By.ID, "category")).select_by_value("trafficking")
    Select(browser.find_element(By.ID, "prefecture")).select_by_value("JP-13")
    browser.find_element(By.ID, "description").send_keys("Triage browser test: <script>alert(1)</script> they will move her tonight")
    browser.find_element(By.CSS_SELECTOR, "label[for='danger_now']").click()
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    receipt = browser.find_element(By.ID, "receipt").text

    sign_in(browser, server, "hotline")
    browser.get(server.url("/staff/hotline"))
    alert = browser.find_element(By.CSS_SELECTOR, "[role='alert']")
    assert "Danger to life" in alert.text and receipt in alert.text
    browser.save_screenshot(str(artifacts / "hotline-triage.png"))
    problems = check(browser)
    assert not problems, "accessibility problems on the triage page:\n" + "\n".join(problems)

    follow(browser, browser.find_element(By.LINK_TEXT, receipt))
    assert "<script>alert(1)</script> they will move her tonight" in browser.find_element(By.ID, "description").text
    Select(browser.find_element(By.ID, "forward-prefecture")).select_by_value("JP-13")
    follow(browser, browser.find_element(By.XPATH, "//form[contains(@action, '/forward')]//button"))
    assert "Done: forward." in browser.find_element(By.CSS_SELECTOR, "[role='status']").text

    sign_in(browser, server, "police")
    browser.get(server.url("/staff/hotline/police"))
    assert receipt in browser.find_element(By.CSS_SELECTOR, "table.queue").text
    follow(browser, browser.find_element(By.LINK_TEXT, receipt))
    follow(browser, browser.find_element(By.XPATH, "//form[contains(@action, '/acknowledge')]//button"))
    assert "acknowledged" in browser.find_element(By.TAG_NAME, "main").text
