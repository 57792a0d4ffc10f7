"""The registers of the measures in headless Chromium, as the Cabinet Office's contributor of the demo
(`contributor@demo.ctip.invalid`, made by `ctip demo` with the demo's one password): a new distribution of
the victims' poster is recorded on the register's page, and the dashboard then shows its places in the
table under the distributions' chart, whose SVG bars are drawn by CTIP; a distribution of more copies than
the poster's print run is sent back with the problem beside `copies`, nothing written. Screenshots go to
test-artifacts/measures-*.png (each is taken before the checks that follow it)."""

from selenium.webdriver.common.by import By

from pages import follow, wait
from test_axe import demo_password, sign_in_as

CONTRIBUTOR = "contributor@demo.ctip.invalid"
# In the demo's reference rows: the Cabinet Office's FY2024 print run of the victims' poster, about 46,000 copies.
MATERIAL = "cao-poster-victims-fy2024"


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def button(container, text):
    return container.find_element(By.XPATH, f".//button[normalize-space()='{text}']")


def rows_count(browser):
    heading = browser.find_element(By.CSS_SELECTOR, "#rows h2").text  # "Rows (N)"
    assert heading.startswith("Rows (") and heading.endswith(")"), heading
    return int(heading[len("Rows ("):-1])


def test_a_contributor_records_a_distribution_and_the_dashboard_shows_it(server, browser, artifacts):
    sign_in_as(browser, server, CONTRIBUTOR, demo_password(server))

    # The staff navigation leads to the registers.
    browser.get(server.url("/staff?lang=en"))
    follow(browser, browser.find_element(By.CSS_SELECTOR, "nav.primary-nav a[href^='/staff/measures?']"))
    wait(browser, lambda driver: "/staff/measures" in driver.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Registers of the measures"

    # The register of distributions: its rows, and the form with the ministry fixed to the contributor's own.
    browser.get(server.url("/staff/measures/distributions?lang=en"))
    before = rows_count(browser)
    form = browser.find_element(By.ID, "record-row")
    assert not form.find_elements(By.NAME, "ministry"), "the ministry is the contributor's own, not a field"
    assert "Cabinet Office (cao)" in form.text
    form.find_element(By.NAME, "distribution_id").send_keys("cao-distribution-stations-fy2025")
    form.find_element(By.NAME, "material_id").send_keys(MATERIAL)
    form.find_element(By.NAME, "fiscal_year").send_keys("2025")
    form.find_element(By.NAME, "places").send_keys("120")
    form.find_element(By.NAME, "recipients").send_keys("railway stations")
    follow(browser, button(form, "Record the row"))

    # Recorded: the dashboard says so.
    wait(browser, lambda driver: "/staff/measures?registered=distributions" in driver.current_url)
    notice = browser.find_element(By.CSS_SELECTOR, "main .notice[role='status']")
    assert "Distributions" in notice.text, notice.text

    # The dashboard: the distributions' chart is CTIP's own SVG, and the table under it holds the new places.
    browser.get(server.url("/staff/measures?lang=en"))
    browser.save_screenshot(str(artifacts / "measures-dashboard.png"))
    chart = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='chart-distributions']")
    assert chart.find_element(By.TAG_NAME, "h3").text == "Places distributed to, by fiscal year"
    svg = chart.find_element(By.CSS_SELECTOR, ".chart svg")
    assert svg.get_attribute("role") == "img"
    bars = [bar.get_attribute("textContent") for bar in svg.find_elements(By.CSS_SELECTOR, "rect")]
    assert any(text.startswith("FY2025: 120") for text in bars), bars
    table = chart.find_element(By.ID, "chart-distributions-table")
    row = table.find_element(By.XPATH, ".//tr[th[normalize-space()='FY2025']]")
    assert row.find_element(By.TAG_NAME, "td").text == "120", row.text
    assert table.find_elements(By.XPATH, ".//tr[th[normalize-space()='FY2024']]"), "the reference rows' FY2024 stays beside it"

    # The register lists the new row, for the Cabinet Office.
    browser.get(server.url("/staff/measures/distributions?lang=en"))
    assert rows_count(browser) == before + 1
    new = browser.find_element(By.XPATH, "//table[@id='rows-table']//tr[td[normalize-space()='cao-distribution-stations-fy2025']]")
    assert "cao" in new.text and "120" in new.text and "railway stations" in new.text, new.text


def test_more_copies_than_printed_are_refused_beside_copies(server, browser, artifacts):
    sign_in_as(browser, server, CONTRIBUTOR, demo_password(server))
    browser.get(server.url("/staff/measures/distributions?lang=en"))
    before = rows_count(browser)
    form = browser.find_element(By.ID, "record-row")
    form.find_element(By.NAME, "distribution_id").send_keys("cao-distribution-too-many")
    form.find_element(By.NAME, "material_id").send_keys(MATERIAL)
    form.find_element(By.NAME, "copies").send_keys("47000")
    follow(browser, button(form, "Record the row"))
    browser.save_screenshot(str(artifacts / "measures-refused.png"))

    # The problem is at the top, linked to its field, and beside the field; what was typed is kept.
    alert = browser.find_element(By.CSS_SELECTOR, "main [role='alert']")
    assert alert.find_element(By.CSS_SELECTOR, "a[href='#copies']").text.startswith("copies:")
    error = browser.find_element(By.ID, "copies-error")
    assert "47000 copies distributed, but only 46000" in error.text, error.text
    copies = browser.find_element(By.ID, "copies")
    assert copies.get_attribute("aria-invalid") == "true" and copies.get_attribute("aria-describedby") == "copies-error"
    assert copies.get_attribute("value") == "47000"
    assert browser.find_element(By.ID, "distribution_id").get_attribute("value") == "cao-distribution-too-many"

    # Nothing was written.
    browser.get(server.url("/staff/measures/distributions?lang=en"))
    assert rows_count(browser) == before
    assert "cao-distribution-too-many" not in main_text(browser)
