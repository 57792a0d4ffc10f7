"""axe-core 4 (the axe.min.js that PyPI's axe-playwright-python ships, installed without Playwright and
injected through Selenium: no network) on the pages of `ctip demo`:
every public page in English and Japanese, at desktop width and at 390 px (a phone), and every staff page
a demo account reaches from its home, signed in as each of the demo's roles. No violation of impact
`serious` or `critical` may remain; the others are printed (`-s`) and listed in the README.

The demo's accounts and their one password come from `ctip demo` itself (`DEMO.sqlite.demo-password`
beside its database).
"""

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from pages import follow, wait

PUBLIC = ["/", "/about", "/help", "/report", "/internet-hotline", "/report/status", "/reports", "/login", "/api/docs",
          "/oversight/published", "/statistics/hotline", "/statistics/small-cells", "/open-data", "/measures"]
# Pages for staff, programmers, the ministries' publications and the public statistics, in Japanese and English only.
EN_JA_ONLY = {"/login", "/api/docs", "/oversight/published", "/statistics/hotline", "/statistics/small-cells", "/open-data", "/measures"}
WIDTHS = {"desktop": (1280, 1024), "phone": (390, 844)}
BLOCKING = {"serious", "critical"}
# Demo accounts (see Sources/ctip/Commands/DemoAccounts.swift): one per role and kind of agency.
DEMO = ["police.caseworker", "police.supervisor", "police.intake", "shelter.caseworker", "hotline.intake", "hotline.triage",
        "hotline.supervisor", "internet.analyst", "npa.officer", "analyst", "auditor", "administrator", "otit.inspector",
        "labour.official", "contributor", "secretariat"]


AXE_SCRIPT = None


def axe_violations(browser):
    """axe.run on the current page: WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices."""
    global AXE_SCRIPT
    if AXE_SCRIPT is None:
        import axe_playwright_python
        AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    browser.execute_script(AXE_SCRIPT)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done([{id: 'axe-error', impact: 'critical', "
        "nodes: [{target: [String(e)]}]}]));")
    return result


def summary(violations):
    return "; ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×: {v['nodes'][0]['target']})" for v in violations)


@pytest.fixture(scope="module")
def results():
    found = {}
    yield found
    # The figures for the README and the issue: pages checked, and what is left below `serious`.
    print(f"\naxe-core: {len(found)} page views checked")
    for key, violations in sorted(found.items()):
        if violations:
            print(f"  {key}: {summary(violations)}")


def check(browser, key, results):
    violations = axe_violations(browser)
    results[key] = violations
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    return blocking


def test_public_pages_have_no_serious_violations(server, browser, results):
    problems = []
    try:
        for width_name, (width, height) in WIDTHS.items():
            browser.set_window_size(width, height)
            for language in ("en", "ja"):
                for path in PUBLIC:
                    url = server.url(f"{path}?lang={language}")
                    browser.get(url)
                    blocking = check(browser, f"{path} [{language}, {width_name}]", results)
                    if blocking:
                        problems.append(f"{path} [{language}, {width_name}]: {summary(blocking)}")
    finally:
        browser.set_window_size(1280, 1024)
    assert not problems, "serious or critical axe violations:\n" + "\n".join(problems)


def demo_password(server):
    log = Path(server.log).read_text(errors="replace")
    match = re.search(r"password for all: (\S+)\)", log)
    assert match, "ctip demo did not print its demo accounts' password"
    return match.group(1)


def sign_in_as(browser, server, email, password):
    browser.delete_all_cookies()
    browser.get(server.url("/login?lang=en"))
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    wait(browser, lambda driver: "/login" not in driver.current_url)


def test_staff_pages_have_no_serious_violations_for_every_demo_role(server, browser, results):
    password = demo_password(server)
    problems = []
    try:
        for account in DEMO:
            sign_in_as(browser, server, f"{account}@demo.ctip.invalid", password)
            # The home in both languages and on a phone, then every page its home links to.
            for language in ("en", "ja"):
                for width_name, (width, height) in WIDTHS.items():
                    browser.set_window_size(width, height)
                    browser.get(server.url(f"/staff?lang={language}"))
                    blocking = check(browser, f"/staff as {account} [{language}, {width_name}]", results)
                    if blocking:
                        problems.append(f"/staff as {account} [{language}, {width_name}]: {summary(blocking)}")
            browser.set_window_size(1280, 1024)
            browser.get(server.url("/staff?lang=en"))
            links = sorted({a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href^='/'], main a[href*='/staff'], main a[href*='/reports']")
                            if a.get_attribute("href") and "/logout" not in a.get_attribute("href")})
            for href in links:
                browser.get(href)
                path = href.replace(server.base_url, "")
                blocking = check(browser, f"{path} as {account} [en, desktop]", results)
                if blocking:
                    problems.append(f"{path} as {account}: {summary(blocking)}")
    finally:
        browser.set_window_size(1280, 1024)
        browser.delete_all_cookies()
    assert not problems, "serious or critical axe violations:\n" + "\n".join(problems)


# Programme oversight's pages that the staff home does not link to, as the demo's OTIT inspector: the registry
# with results, an organisation with findings that may be trafficking and its actions, a supervising organisation,
# an inspection with its prompt and forms, the inspection plan, the orders awaiting a report, a sending country.
OVERSIGHT = ["/staff/oversight?q=Implementing+organisation+1", "/staff/oversight/organisations/IMP-24001", "/staff/oversight/organisations/SUP-00001",
             "/staff/oversight/inspections/JOINT-01", "/staff/oversight/plan", "/staff/oversight/orders",
             "/staff/oversight/sending?country=VNM"]


def test_oversight_pages_pass_axe(server, browser, results):
    password = demo_password(server)
    problems = []
    try:
        sign_in_as(browser, server, "otit.inspector@demo.ctip.invalid", password)
        for path in OVERSIGHT:
            for language in ("en", "ja"):
                browser.get(server.url(f"{path}{'&' if '?' in path else '?'}lang={language}"))
                heading = browser.find_element(By.TAG_NAME, "h1").text
                assert heading not in ("Not found", "Forbidden") and browser.find_elements(By.TAG_NAME, "main"), f"{path} [{language}]: {heading}"
                blocking = check(browser, f"{path} as otit.inspector [{language}, desktop]", results)
                if blocking:
                    problems.append(f"{path} as otit.inspector [{language}]: {summary(blocking)}")
        browser.get(server.url("/staff/oversight?q=Implementing+organisation+1&lang=en"))
        assert browser.find_elements(By.CSS_SELECTOR, "main table a[href*='/staff/oversight/organisations/']"), "the registry found nothing"
    finally:
        browser.delete_all_cookies()
    assert not problems, "serious or critical axe violations:\n" + "\n".join(problems)


OTHER_LANGUAGES = ["zh", "ko", "es", "ru", "th", "tl", "id", "vi", "pt"]


def test_public_pages_in_the_other_nine_languages_on_a_phone(server, browser, results):
    """The public pages speak the eleven languages of /help: each is checked at phone width."""
    problems = []
    try:
        browser.set_window_size(*WIDTHS["phone"])
        for language in OTHER_LANGUAGES:
            for path in [p for p in PUBLIC if p not in EN_JA_ONLY] + ["/help/card"]:
                browser.get(server.url(f"{path}?lang={language}"))
                assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"{path} in {language}"
                blocking = check(browser, f"{path} [{language}, phone]", results)
                if blocking:
                    problems.append(f"{path} [{language}, phone]: {summary(blocking)}")
    finally:
        browser.set_window_size(1280, 1024)
    assert not problems, "serious or critical axe violations:\n" + "\n".join(problems)


def test_dark_mode_keeps_contrast_and_print_hides_the_navigation(server, browser, results):
    """The stylesheet's dark colours (prefers-color-scheme: dark, emulated through the DevTools protocol)
    pass axe's contrast rules on the public pages and a staff home; printing hides the header's controls."""
    password = demo_password(server)
    problems = []
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        pages = [(f"{path}?lang={language}", None) for language in ("en", "ja") for path in PUBLIC]
        pages += [("/staff?lang=en", "police.caseworker"), ("/staff/victims/new?lang=ja", "police.caseworker"),
                  ("/staff/hotline?lang=en", "hotline.triage")]
        for url, account in pages:
            if account:
                sign_in_as(browser, server, f"{account}@demo.ctip.invalid", password)
            browser.get(server.url(url))
            background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
            assert background == "rgb(18, 20, 23)", f"{url} is not drawn in the dark colours: {background}"
            blocking = check(browser, f"{url} [dark]", results)
            if blocking:
                problems.append(f"{url} [dark]: {summary(blocking)}")
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
        browser.get(server.url("/staff?lang=en"))
        for selector in (".primary-nav", ".language-switch", ".account", ".skip-link"):
            shown = browser.execute_script(f"const e = document.querySelector('{selector}'); return e && getComputedStyle(e).display")
            assert shown == "none", f"{selector} is printed ({shown})"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        browser.delete_all_cookies()
    assert not problems, "serious or critical axe violations in dark mode:\n" + "\n".join(problems)
