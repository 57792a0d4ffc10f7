"""Programme oversight in headless Chromium, as the bodies that record it: the OTIT inspects an
implementing organisation and finds what may be trafficking, is asked to screen the trainees and to tell
the police, orders a correction and later accepts the improvement report; a form with a problem is sent
back naming its field and nothing is written; a labour bureau asks for a joint inspection, which the OTIT
finds on its inspection plan. Screenshots go to test-artifacts/oversight-*.png (each is taken before the
checks that follow it, so that a failing page can be looked at)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import follow, wait
from test_casework import sign_in

JAPAN = ZoneInfo("Asia/Tokyo")  # the application's days are Japan's


def japan_today():
    return datetime.now(JAPAN).date()


def typed(day):
    """A day as typed into Chromium's date field with the en-US locale (month, day, year)."""
    return day.strftime("%m/%d/%Y")


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def section(browser, identifier):
    return browser.find_element(By.ID, identifier)


def button(container, text):
    return container.find_element(By.XPATH, f".//button[normalize-space()='{text}']")


def back(browser):
    """Goes back one page and returns once it has loaded (a page restored from the back-forward cache
    keeps its script state, so the mark is set on the page being left, under a name `follow` does not use)."""
    browser.execute_script("window.ctipPageBeforeBack = true;")
    browser.back()
    wait(browser, lambda driver: driver.execute_script(
        "return window.ctipPageBeforeBack !== true && document.readyState === 'complete';"))


def inspections_count(browser):
    heading = browser.find_element(By.CSS_SELECTOR, "#inspections h2").text  # "Inspections (N)"
    assert heading.startswith("Inspections (") and heading.endswith(")"), heading
    return int(heading[len("Inspections ("):-1])


def test_inspection_finding_order_and_improvement_report(server, browser, artifacts):
    sign_in(browser, server, "otit")

    # The registry finds the organisation by its identifier.
    browser.get(server.url("/staff/oversight?lang=en"))
    browser.find_element(By.ID, "q").send_keys("IMP-00002")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main form[action='/staff/oversight'] button[type='submit']"))
    assert "q=IMP-00002" in browser.current_url
    follow(browser, browser.find_element(By.CSS_SELECTOR, "main table a[href^='/staff/oversight/organisations/IMP-00002?']"))
    wait(browser, lambda driver: "/staff/oversight/organisations/IMP-00002" in driver.current_url)
    organisation_url = browser.current_url.split("#")[0]
    assert "IMP-00002" in main_text(browser)

    # An ad-hoc inspection that finds forced savings and unpaid wages.
    form = section(browser, "record-inspection")
    Select(form.find_element(By.NAME, "inspector")).select_by_value("otit")
    before = japan_today()
    today = form.find_element(By.NAME, "inspected_on").get_attribute("value")
    assert today in {before.isoformat(), japan_today().isoformat()}, f"the inspection's day is prefilled with {today!r}, not today"
    Select(form.find_element(By.NAME, "kind")).select_by_value("ad_hoc")
    Select(form.find_element(By.NAME, "violation_found")).select_by_value("true")
    for name in ("finding_forced_savings", "finding_unpaid_wages"):
        form.find_element(By.NAME, name).click()
        assert form.find_element(By.NAME, name).is_selected()
    follow(browser, button(form, "Record the inspection"))

    # Forced savings may be trafficking: the inspection opens on what to do next.
    wait(browser, lambda driver: "/staff/oversight/inspections/INS" in driver.current_url)
    inspection_url = browser.current_url.split("#")[0]
    browser.save_screenshot(str(artifacts / "oversight-inspection.png"))
    prompt = section(browser, "may-be-trafficking")
    assert prompt.is_displayed()
    assert "forced_savings" in prompt.text
    assert "unpaid_wages" not in prompt.text  # unpaid wages alone is a labour violation, not an indicator
    assert "The police have not been informed yet." in prompt.text
    screen = prompt.find_element(By.ID, "screen-trainee")
    href = screen.get_attribute("href")
    assert "control_RestrictsFinancialAccess=on" in href and "purpose_forced_labour_or_services=on" in href, href

    # The screening opens with the boxes the findings stand for ticked; it names no one.
    follow(browser, screen)
    wait(browser, lambda driver: "/staff/screening" in driver.current_url)
    assert browser.find_element(By.ID, "control_RestrictsFinancialAccess").is_selected()
    assert browser.find_element(By.ID, "purpose_forced_labour_or_services").is_selected()
    back(browser)
    assert browser.current_url.split("#")[0] == inspection_url

    # The police are told: the prompt says so and stops saying they have not been.
    prompt = section(browser, "may-be-trafficking")
    Select(prompt.find_element(By.ID, "police")).select_by_value("police-14")
    assert prompt.find_element(By.ID, "informed_on").get_attribute("value") == today
    follow(browser, button(prompt, "Record that the police were informed"))
    wait(browser, lambda driver: "Informed Kanagawa Prefectural Police" in section(driver, "may-be-trafficking").text)
    assert "not been informed yet" not in main_text(browser)
    assert f"Informed Kanagawa Prefectural Police on {today} (otit)" in section(browser, "may-be-trafficking").text

    # A correction order with its improvement report due in 30 days.
    due = (datetime.fromisoformat(today).date() + timedelta(days=30)).isoformat()
    form = section(browser, "record-action")
    Select(form.find_element(By.NAME, "kind")).select_by_value("correction_order")
    Select(form.find_element(By.NAME, "by")).select_by_value("otit")
    form.find_element(By.NAME, "due_on").send_keys(typed(datetime.fromisoformat(due)))  # Chromium's date field, en-US order
    assert form.find_element(By.NAME, "due_on").get_attribute("value") == due
    follow(browser, button(form, "Record the action"))
    wait(browser, lambda driver: f"due {due}" in main_text(driver))
    assert browser.current_url.split("#")[0] == inspection_url
    assert "correction_order" in main_text(browser)

    # The order waits for its improvement report; accepting it (dated today) closes it.
    browser.get(server.url("/staff/oversight/orders?lang=en"))
    row = browser.find_element(By.XPATH, "//main//tr[td/a[contains(@href, '/staff/oversight/organisations/IMP-00002?')]]")
    assert "correction_order (otit)" in row.text and due in row.text
    accept = row.find_element(By.CSS_SELECTOR, "form[action$='/report-accepted']")
    action_url = accept.get_dom_attribute("action")
    assert accept.find_element(By.NAME, "closed_on").get_attribute("value") == today
    browser.save_screenshot(str(artifacts / "oversight-orders.png"))
    follow(browser, button(accept, "Accept the improvement report"))
    wait(browser, lambda driver: "/staff/oversight/organisations/IMP-00002" in driver.current_url)
    assert browser.current_url.split("#")[0] == organisation_url
    browser.save_screenshot(str(artifacts / "oversight-accepted.png"))
    actions = section(browser, "actions")
    assert "correction_order" in actions.text and f"accepted {today}" in actions.text, actions.text

    browser.get(server.url("/staff/oversight/orders?lang=en"))
    assert not browser.find_elements(By.CSS_SELECTOR, f"form[action='{action_url}']"), f"{action_url} is still awaited"


def test_a_form_problem_is_named_and_nothing_is_written(server, browser, artifacts):
    sign_in(browser, server, "otit")
    browser.get(server.url("/staff/oversight/organisations/IMP-00003?lang=en"))
    organisation_url = browser.current_url
    count = inspections_count(browser)

    # An inspection dated tomorrow, which has not happened yet.
    tomorrow = (japan_today() + timedelta(days=1))
    form = section(browser, "record-inspection")
    Select(form.find_element(By.NAME, "inspector")).select_by_value("otit")
    form.find_element(By.NAME, "inspected_on").send_keys(typed(tomorrow))  # Chromium's date field, en-US order
    assert form.find_element(By.NAME, "inspected_on").get_attribute("value") == tomorrow.isoformat()
    Select(form.find_element(By.NAME, "violation_found")).select_by_value("true")
    form.find_element(By.NAME, "finding_passport_retained").click()
    follow(browser, button(form, "Record the inspection"))
    browser.save_screenshot(str(artifacts / "oversight-refused.png"))

    # The answer names the field, links to it, and gives the form back as it was sent.
    alert = browser.find_element(By.CSS_SELECTOR, "main [role='alert']")
    assert "inspected_on" in alert.text, alert.text
    link = alert.find_element(By.CSS_SELECTOR, "a[href='#inspected_on']")
    assert link.get_dom_attribute("href") == "#inspected_on" and link.text.startswith("inspected_on:")
    assert browser.find_elements(By.ID, "inspected_on"), "the error links to a field that is not on the page"
    form = section(browser, "record-inspection")
    assert form.find_element(By.NAME, "inspected_on").get_attribute("value") == tomorrow.isoformat()
    assert form.find_element(By.NAME, "finding_passport_retained").is_selected()
    assert Select(form.find_element(By.NAME, "violation_found")).first_selected_option.get_attribute("value") == "true"
    assert "/staff/oversight/inspections/" not in browser.current_url

    # Nothing was written.
    browser.get(organisation_url)
    assert inspections_count(browser) == count


def test_a_labour_bureau_asks_for_a_joint_inspection_and_the_otit_sees_it(server, browser, artifacts):
    sign_in(browser, server, "labour")
    browser.get(server.url("/staff/oversight/organisations/IMP-00005?lang=en"))
    form = section(browser, "request-joint")
    box = form.find_element(By.NAME, "finding_restricted_movement")
    box.click()
    assert box.is_selected()
    follow(browser, button(form, "Request a joint inspection"))
    wait(browser, lambda driver: "/staff/oversight/organisations/IMP-00005" in driver.current_url)
    browser.save_screenshot(str(artifacts / "oversight-joint-requested.png"))
    assert "Joint inspection requested by labour-13" in main_text(browser)
    assert "(restricted_movement)" in main_text(browser)

    # The labour official signs out with the header's button; the OTIT's inspector signs in.
    follow(browser, browser.find_element(By.XPATH, "//header//form[@action='/logout']//button"))
    browser.get(server.url("/staff?lang=en"))
    wait(browser, lambda driver: "/login" in driver.current_url)
    sign_in(browser, server, "otit")
    browser.get(server.url("/staff/oversight/plan?lang=en"))
    browser.save_screenshot(str(artifacts / "oversight-plan.png"))
    requests = section(browser, "joint-requests")
    row = requests.find_element(By.XPATH, ".//tr[td/a[contains(@href, '/staff/oversight/organisations/IMP-00005?')]]")
    assert "Implementing organisation 5 (synthetic)" in row.text
    assert "labour-13" in row.text and "restricted_movement" in row.text


@pytest.mark.parametrize("who", ["otit", "labour"])
def test_every_field_of_the_organisation_page_has_its_own_label(server, browser, who):
    """Each form field has an id of its own and exactly one label: a <label for> names the first element
    with that id, so a repeated id leaves the later fields without a name for screen readers."""
    sign_in(browser, server, who)
    browser.get(server.url("/staff/oversight/organisations/IMP-00007?lang=en"))
    unnamed = browser.execute_script(
        "return [...document.querySelectorAll('main input, main select, main textarea')]"
        ".filter(e => e.type !== 'hidden' && e.labels.length !== 1)"
        ".map(e => `${e.closest('section') ? '#' + e.closest('section').id : ''} ${e.name}: ${e.labels.length} labels`)")
    repeated = browser.execute_script(
        "const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        "return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];")
    assert not unnamed and not repeated, f"fields without exactly one label: {unnamed}; repeated ids: {repeated}"
