"""The three main tasks with the keyboard alone — no click, no mouse: find help (from the home page),
report anonymously (from the home page), and open a victim's file and refer it (from the staff home).
Every step moves the focus with Tab, chooses with the arrow keys or by typing, and acts with Enter or
Space, as someone who cannot use a pointer would; the test reads which element has the focus."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages import wait

MAX_TABS = 400


def focused(browser):
    return browser.switch_to.active_element


def describe(element):
    return (element.tag_name, element.get_attribute("id") or "", element.get_attribute("name") or "",
            (element.get_attribute("href") or "").split("?")[0], element.text.strip()[:60])


def tab_to(browser, matches, what):
    """Presses Tab until the focused element matches; fails naming `what` if it never does."""
    seen = []
    for _ in range(MAX_TABS):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        element = focused(browser)
        seen.append(describe(element))
        if matches(element):
            return element
    raise AssertionError(f"Tab never reached {what}; the focus went through {seen[:40]}")


def by_id(identifier):
    return lambda element: element.get_attribute("id") == identifier


def by_href(path):
    return lambda element: element.tag_name == "a" and (element.get_attribute("href") or "").split("?")[0].endswith(path)


def by_text(text):
    return lambda element: element.text.strip() == text


def press(browser, *keys):
    chain = ActionChains(browser)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def choose(browser, identifier, value, what):
    """Focuses a <select> with Tab, then moves through its options with the arrow keys until `value`."""
    select = tab_to(browser, by_id(identifier), what)
    for _ in range(400):
        if select.get_attribute("value") == value:
            return
        press(browser, Keys.ARROW_DOWN)
    raise AssertionError(f"the arrow keys never chose {value} in #{identifier}")


def test_find_help_with_the_keyboard(server, browser):
    browser.get(server.url("/?lang=en"))
    link = tab_to(browser, by_href("/help"), "the help finder's link on the home page")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: "/help" in driver.current_url)
    choose(browser, "topic", "labour", "the help finder's topic")
    choose(browser, "lang", "vi", "the help finder's language")
    tab_to(browser, lambda element: element.tag_name == "button", "the help finder's button")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: "topic=labour" in driver.current_url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    assert browser.find_elements(By.CSS_SELECTOR, "ol.services > li"), "no service listed"
    del link


def test_report_anonymously_with_the_keyboard(server, browser):
    browser.get(server.url("/?lang=en"))
    tab_to(browser, by_href("/report"), "the anonymous report's link on the home page")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: driver.current_url.split("?")[0].endswith("/report"))
    choose(browser, "category", "trafficking", "the report's category")
    choose(browser, "prefecture", "JP-13", "the report's prefecture")
    tab_to(browser, by_id("description"), "the report's description")
    press(browser, "Keyboard-only report: a man keeps the passports of the women working at a bar.")
    tab_to(browser, lambda element: element.tag_name == "button" and element.get_attribute("type") == "submit", "the report's button")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: driver.find_elements(By.ID, "receipt"))
    assert len(browser.find_element(By.ID, "receipt").text.replace("-", "")) == 16


def test_open_a_file_and_refer_it_with_the_keyboard(server, browser):
    browser.delete_all_cookies()
    browser.get(server.url("/login?lang=en"))
    tab_to(browser, by_id("email"), "the e-mail field")
    press(browser, server.staff["police"])
    tab_to(browser, by_id("password"), "the password field")
    press(browser, server.password, Keys.ENTER)
    wait(browser, lambda driver: driver.current_url.split("?")[0].endswith("/staff"))

    tab_to(browser, by_href("/staff/victims/new"), "“Open a new file” on the staff home")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: driver.current_url.split("?")[0].endswith("/staff/victims/new"))
    tab_to(browser, by_id("protected_on"), "the date of protection")
    press(browser, "04012026")  # Chromium's date field: month, day, year, typed in its segments
    choose(browser, "sex", "male", "sex")
    tab_to(browser, by_id("age"), "age")
    press(browser, "19")
    choose(browser, "nationality", "PHL", "nationality")
    choose(browser, "residence_status", "technical_intern_training_2", "the status of residence")
    choose(browser, "exploitation", "labour", "the form of exploitation")
    tab_to(browser, by_id("name"), "the name")
    press(browser, "Keyboard Test Person")
    values = browser.execute_script("return Object.fromEntries([...document.querySelectorAll('main form input, main form select')]"
                                    ".filter(e => e.name).map(e => [e.name, e.value]))")
    tab_to(browser, by_text("Open the file"), "the form's button")
    press(browser, Keys.ENTER)
    try:
        wait(browser, lambda driver: "/staff/victims/V" in driver.current_url, seconds=10)
    except Exception:
        raise AssertionError(f"the file was not opened; the form held {values}; the page says: "
                             f"{browser.find_element(By.TAG_NAME, 'main').text[:400]!r} at {browser.current_url}")

    choose(browser, "to_agency", "iom", "the referral's agency")
    share = tab_to(browser, lambda element: element.get_attribute("name") == "share_basic", "“share the basic fields”")
    if not share.is_selected():
        press(browser, Keys.SPACE)
    choose(browser, "basis", "consent", "the referral's basis")
    tab_to(browser, by_text("Refer"), "the referral's button")
    press(browser, Keys.ENTER)
    wait(browser, lambda driver: "pending" in driver.find_element(By.TAG_NAME, "main").text)
    browser.delete_all_cookies()
