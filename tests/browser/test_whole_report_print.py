"""The whole report printed by Chromium (print to PDF through the DevTools protocol, A4 as the page's CSS
says): every page carries its number at the foot, from CSS paged media (`@page { @bottom-center {
content: counter(page) } }`). The PDF's text is read with poppler's `pdftotext`; without it, skipped.
The PDF goes to test-artifacts/whole-report-2024-en.pdf."""

import base64
import shutil
import subprocess

import pytest

from conftest import SEED

pytestmark = [pytest.mark.skipif(not SEED.is_file(), reason=f"the seed {SEED} is not here: the demo has no whole report"),
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")]


def test_every_printed_page_of_the_whole_report_is_numbered(server, browser, artifacts):
    browser.get(server.url("/reports/2024/whole?lang=en"))
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    path = artifacts / "whole-report-2024-en.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 20, f"the whole report printed on {len(pages)} pages"
    for number, page in enumerate(pages, start=1):
        last = [line.strip() for line in page.splitlines() if line.strip()][-1]
        assert last == str(number), f"page {number} ends with {last!r}, not its number"
    assert "Measures to Combat Trafficking in Persons" in pages[0]
