"""Navigation helpers shared by the browser tests.

A click that submits a form or follows a link returns before the next page has necessarily replaced
this one: reading the page right after it can read the old page, or an element that is torn down
while it is read. `follow` marks the current page's window, clicks, and waits until a window without
the mark has finished loading; `wait` retries a condition while the page it reads is being replaced."""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

PAGE_LOAD_SECONDS = 30


def wait(browser, condition, seconds=PAGE_LOAD_SECONDS):
    """Until `condition(browser)` is true. While a page is being replaced, Chromium answers with one
    of several errors (stale element, node not in the document, execution context destroyed); each
    means "not yet", so any WebDriver error is retried until the time is up, then raised."""
    return WebDriverWait(browser, seconds, ignored_exceptions=(WebDriverException,)).until(condition)


def follow(browser, element):
    """Clicks a button or link that loads another page, and returns once that page has loaded."""
    browser.execute_script("window.ctipPageBeforeClick = true;")
    element.click()
    wait(browser, lambda driver: driver.execute_script(
        "return window.ctipPageBeforeClick !== true && document.readyState === 'complete';"))
