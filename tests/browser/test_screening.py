"""Identification screening in headless Chromium: an intake officer prints the interview sheet in the
person's language, screens a case by Article 3 without a file (shown, not stored), then screens again
with the victim's file number and finds the screening on the file. Screenshots go to
test-artifacts/screening-*.png."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accessibility import check
from pages import follow
from test_casework import sign_in


def test_interview_sheet_in_the_persons_language(server, browser, artifacts):
    sign_in(browser, server, "intake")
    browser.get(server.url("/staff/screening/sheet?lang=vi&worker=ja"))
    problems = check(browser)
    assert not problems, "accessibility problems on the interview sheet:\n" + "\n".join(problems)
    rows = browser.find_elements(By.CSS_SELECTOR, "main tbody tr")
    assert len(rows) > 25
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    assert cells[1].get_attribute("lang") == "vi" and "tuổi" in cells[1].text
    assert "何歳" in cells[2].text
    # The language picker works without JavaScript: a plain GET form.
    Select(browser.find_element(By.ID, "lang")).select_by_value("th")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "nav form button[type='submit']"))
    assert "lang=th" in browser.current_url
    assert "อายุ" in browser.find_element(By.CSS_SELECTOR, "main tbody td[lang='th']").text
    browser.save_screenshot(str(artifacts / "screening-sheet-th.png"))


def test_screen_a_case(server, browser, artifacts):
    sign_in(browser, server, "intake")
    browser.get(server.url("/staff?lang=en"))
    follow(browser, browser.find_element(By.LINK_TEXT, "Identification screening"))
    problems = check(browser)
    assert not problems, "accessibility problems on the screening form:\n" + "\n".join(problems)

    # An adult recruited with false promises, passport taken, made to work: every element holds.
    for name in ("act_recruitment", "control_FalsePromises", "control_WithholdsDocuments", "purpose_forced_labour_or_services"):
        browser.find_element(By.ID, name).click()
    browser.find_element(By.ID, "age").send_keys("27")
    Select(browser.find_element(By.ID, "nationality")).select_by_value("VNM")
    Select(browser.find_element(By.ID, "says_they_consented")).select_by_value("yes")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Screen']"))

    main = browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_element(By.ID, "outcome").text == "Meets the definition of trafficking in persons"
    assert "Not stored" in main
    assert "violation of the Immigration Control and Refugee Recognition Act" in main
    assert "Labor Standards Inspection Office" in main or "Immigration Services Agency" in main
    assert "irrelevant once a means was used" in main
    problems = check(browser)
    assert not problems, "accessibility problems on the result page:\n" + "\n".join(problems)
    browser.save_screenshot(str(artifacts / "screening-result.png"))

    # A child with no means: the definition is met without one (Art. 3 (c)); a missing purpose keeps it "possible".
    browser.get(server.url("/staff/screening?lang=en"))
    browser.find_element(By.ID, "act_harbouring").click()
    browser.find_element(By.ID, "age").send_keys("15")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Screen']"))
    assert browser.find_element(By.ID, "outcome").text == "Possible — interview further"
    assert "No purpose of exploitation was recorded." in browser.find_element(By.TAG_NAME, "main").text


def test_screen_from_a_victims_file(server, browser, artifacts):
    sign_in(browser, server, "intake")
    browser.get(server.url("/staff/victims/new?lang=en"))
    browser.find_element(By.ID, "protected_on").send_keys("05/02/2026")  # Chromium's date field, en-US order
    Select(browser.find_element(By.ID, "sex")).select_by_value("female")
    Select(browser.find_element(By.ID, "nationality")).select_by_value("PHL")
    Select(browser.find_element(By.ID, "residence_status")).select_by_value("temporary_visitor")
    Select(browser.find_element(By.ID, "exploitation")).select_by_value("sexual")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']"))
    assert "/staff/victims/V" in browser.current_url, browser.find_element(By.TAG_NAME, "main").text
    file_id = browser.current_url.split("/staff/victims/")[1].split("?")[0]
    assert "No screening yet." in browser.find_element(By.TAG_NAME, "main").text

    follow(browser, browser.find_element(By.LINK_TEXT, "Screen this person"))
    assert browser.find_element(By.ID, "file").get_attribute("value") == file_id
    for name in ("act_transportation", "control_DebtBondage", "control_RestrictsMovement", "purpose_prostitution_of_others"):
        browser.find_element(By.ID, name).click()
    browser.find_element(By.ID, "age").send_keys("22")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Screen']"))
    assert "Stored with victim file" in browser.find_element(By.CSS_SELECTOR, "[role='status']").text

    follow(browser, browser.find_element(By.LINK_TEXT, file_id))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Identification screenings" in main and "Meets the definition of trafficking in persons" in main
    assert "confinement" in main  # the offense suggested by restricted movement
    browser.save_screenshot(str(artifacts / "screening-on-file.png"))
