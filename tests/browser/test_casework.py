"""Case work in headless Chromium: sign in, open a victim's file, record a step, refer it to IOM with the
victim's consent, and accept the referral as IOM — which then sees what was shared and not where the
person is. Screenshots go to test-artifacts/casework-*.png."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accessibility import check
from pages import follow, wait

WHEREABOUTS = "Browser-test shelter 4-5-6"


def sign_in(browser, server, who):
    browser.delete_all_cookies()
    browser.get(server.url("/login?lang=en"))
    browser.find_element(By.ID, "email").send_keys(server.staff[who])
    browser.find_element(By.ID, "password").send_keys(server.password)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']"))
    wait(browser, lambda driver: "/login" not in driver.current_url)


def test_sign_in_refuses_a_wrong_password(server, browser):
    browser.delete_all_cookies()
    browser.get(server.url("/login?lang=en"))
    browser.find_element(By.ID, "email").send_keys(server.staff["police"])
    browser.find_element(By.ID, "password").send_keys("not the password")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']"))
    alert = browser.find_element(By.CSS_SELECTOR, "[role='alert']")
    assert alert.text == "The email or the password is wrong."
    assert browser.get_cookie("ctip_session") is None


def test_open_refer_and_accept(server, browser, artifacts):
    sign_in(browser, server, "police")
    assert browser.current_url.endswith("/staff")
    cookie = browser.get_cookie("ctip_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    browser.get(server.url("/staff/victims/new?lang=en"))
    problems = check(browser)
    assert not problems, "accessibility problems on the new-file form:\n" + "\n".join(problems)
    browser.find_element(By.ID, "protected_on").send_keys("04/01/2026")  # Chromium's date field, en-US order
    Select(browser.find_element(By.ID, "sex")).select_by_value("female")
    browser.find_element(By.ID, "age").send_keys("24")
    Select(browser.find_element(By.ID, "nationality")).select_by_value("VNM")
    Select(browser.find_element(By.ID, "residence_status")).select_by_value("technical_intern_training_2")
    Select(browser.find_element(By.ID, "exploitation")).select_by_value("labour")
    browser.find_element(By.ID, "name").send_keys("Browser Test Person")
    Select(browser.find_element(By.ID, "protecting_agency")).select_by_value("wcsc-13")
    Select(browser.find_element(By.ID, "whereabouts_kind")).select_by_value("shelter")  # never guessed: stated with the whereabouts
    browser.find_element(By.ID, "whereabouts").send_keys(WHEREABOUTS)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']"))

    wait(browser, lambda driver: "/staff/victims/V" in driver.current_url)
    file_url = browser.current_url.split("?")[0]
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Browser Test Person" in page and WHEREABOUTS not in page  # the police hold the file; the centre protects
    browser.save_screenshot(str(artifacts / "casework-file.png"))

    Select(browser.find_element(By.ID, "step")).select_by_value("identification")
    browser.find_element(By.ID, "on").send_keys("04/01/2026")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Add the step']"))
    wait(browser, lambda driver: "identification" in driver.find_element(By.TAG_NAME, "main").text.split("Protection timeline")[-1])
    assert "identification" in browser.find_element(By.TAG_NAME, "table").text

    Select(browser.find_element(By.ID, "to_agency")).select_by_value("iom")
    browser.find_element(By.NAME, "share_basic").click()
    browser.find_element(By.NAME, "share_identity").click()
    Select(browser.find_element(By.ID, "basis")).select_by_value("consent")
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Refer']"))
    wait(browser, lambda driver: "pending" in driver.find_element(By.TAG_NAME, "main").text)

    sign_in(browser, server, "iom")
    browser.get(file_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not found"  # nothing shared before accepting
    browser.get(server.url("/staff/referrals?lang=en"))
    problems = check(browser)
    assert not problems, "accessibility problems on the referral inbox:\n" + "\n".join(problems)
    follow(browser, browser.find_element(By.XPATH, "//button[text()='Accept']"))
    wait(browser, lambda driver: "/staff/victims/V" in driver.current_url)
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Browser Test Person" in page and WHEREABOUTS not in page
    assert "Women's Counseling" not in page  # nor which agency protects the person
    browser.save_screenshot(str(artifacts / "casework-accepted.png"))

    sign_in(browser, server, "shelter")
    browser.get(file_url)
    assert WHEREABOUTS in browser.find_element(By.CSS_SELECTOR, "section.secret").text
    # The server's log saw all of this and holds neither where the person is nor who they are.
    log = server.log.read_text(errors="replace")
    assert WHEREABOUTS not in log and "Browser Test Person" not in log
