"""/help of `ctip demo` at a phone's width in Japanese, English, Vietnamese and Thai: it answers, fits the
screen, works as a plain form, and passes the accessibility check (tests/browser/accessibility.py).
A screenshot of each is kept in test-artifacts/help-LANG.png."""

import json
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accessibility import check
from pages import follow

PHONE = (390, 844)  # CSS pixels of a common phone
HEADINGS = {"ja": "相談窓口をさがす", "en": "Find help", "vi": "Tìm trợ giúp", "th": "หาความช่วยเหลือ"}


@pytest.fixture
def phone(browser):
    size = browser.get_window_size()
    browser.set_window_size(*PHONE)
    yield browser
    browser.set_window_size(size["width"], size["height"])


@pytest.mark.parametrize("language", ["ja", "en", "vi", "th"])
def test_help_page_on_a_phone(server, phone, artifacts, language):
    phone.get(server.url(f"/help?lang={language}&topic=labour"))
    phone.save_screenshot(str(artifacts / f"help-{language}.png"))

    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert phone.find_element(By.TAG_NAME, "h1").text == HEADINGS[language]
    call = phone.find_element(By.CSS_SELECTOR, ".emergency a[href='tel:110']")
    assert call.is_displayed() and call.text == "110"
    # Nothing wider than the phone: no sideways scrolling.
    overflow = phone.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"/help?lang={language} is {overflow}px wider than a {PHONE[0]}px screen"
    services = phone.find_elements(By.CSS_SELECTOR, "ol.services > li")
    assert services, "no service listed for labour"

    problems = check(phone)
    assert not problems, f"accessibility problems on /help?lang={language}:\n" + "\n".join(problems)


def test_the_form_asks_and_answers_without_script(server, phone, artifacts):
    phone.get(server.url("/help?lang=en"))
    Select(phone.find_element(By.ID, "topic")).select_by_value("labour")
    Select(phone.find_element(By.ID, "lang")).select_by_value("vi")
    phone.find_element(By.CSS_SELECTOR, "label[for='emergency']").click()
    follow(phone, phone.find_element(By.CSS_SELECTOR, "form.ask button[type='submit']"))
    query = urllib.parse.parse_qs(urllib.parse.urlparse(phone.current_url).query)
    assert query == {"topic": ["labour"], "lang": ["vi"], "emergency": ["1"]}, phone.current_url
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    first = phone.find_elements(By.CSS_SELECTOR, "ol.services > li h3")[0].text
    assert "SOS" in first, f"the urgent OTIT desk should come first in an emergency, not {first!r}"


def test_api_and_card(server, phone, artifacts):
    status, content_type, text = server.get("/api/public/help?topic=labour&lang=vi&at=2025-01-02T20:00%2B09:00")
    assert status == 200 and "json" in content_type
    services = json.loads(text)["services"]
    hotline = next(s for s in services if s["id"] == "labor-standards-advice-hotline")
    assert hotline["open_now"] is False and hotline["opens_at"] == "2025-01-04T09:00+09:00"

    phone.get(server.url("/help/card?lang=vi&org=Sakura&phone=03-1234-5678&layout=sheet"))
    phone.save_screenshot(str(artifacts / "help-card-vi.png"))
    assert len(phone.find_elements(By.CSS_SELECTOR, ".card.front")) == 5
    phone.get(server.url("/help/card?lang=en"))
    problems = check(phone)
    assert not problems, "accessibility problems on /help/card:\n" + "\n".join(problems)


def test_help_finder_prints_the_same_json_as_the_api(server, tmp_path):
    """`ctip help-finder … --format json` and GET /api/public/help are one contract."""
    import os
    import subprocess
    from conftest import ROOT

    binary = os.environ.get("CTIP_BIN", str(ROOT / ".build" / "debug" / "ctip"))
    at = "2025-01-02T20:00+09:00"
    result = subprocess.run([binary, "help-finder", "--topic", "labour", "--lang", "vi", "--at", at, "--format", "json",
                             "--database", f"sqlite:///{tmp_path}/cli.sqlite"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    status, _, text = server.get("/api/public/help?topic=labour&lang=vi&at=" + urllib.parse.quote(at))
    assert status == 200
    assert json.loads(result.stdout) == json.loads(text)

    # Japan time whatever the machine's zone: the same answer in Honolulu and in Auckland.
    for zone in ("Pacific/Honolulu", "Pacific/Auckland"):
        elsewhere = subprocess.run([binary, "help-finder", "--topic", "labour", "--lang", "vi", "--at", at, "--format", "json",
                                    "--database", f"sqlite:///{tmp_path}/cli.sqlite"], capture_output=True, text=True,
                                   timeout=60, env={**os.environ, "TZ": zone})
        assert json.loads(elsewhere.stdout) == json.loads(result.stdout), f"different answer with TZ={zone}"

    refused = subprocess.run([binary, "help-finder", "--at", "2025-02-30T10:00+09:00",
                              "--database", f"sqlite:///{tmp_path}/cli.sqlite"], capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "2025-02-30 does not exist" in refused.stderr, refused.stderr


def test_directory_import_is_all_or_nothing_and_audited(tmp_path):
    """`ctip directory export/import`: a bad file changes nothing and names its place; a good one is audited."""
    import os
    import subprocess
    from conftest import ROOT

    binary = os.environ.get("CTIP_BIN", str(ROOT / ".build" / "debug" / "ctip"))
    database = ["--database", f"sqlite:///{tmp_path}/directory.sqlite"]

    def ctip(*arguments):
        return subprocess.run([binary, *arguments, *database], capture_output=True, text=True, timeout=60)

    assert ctip("directory", "export", str(tmp_path / "d.json")).returncode == 0
    original = (tmp_path / "d.json").read_text()
    services = json.loads(original)["services"]
    services[0]["languages"] = ["vie"]
    (tmp_path / "bad.json").write_text(json.dumps({"services": services}))
    bad = ctip("directory", "import", str(tmp_path / "bad.json"))
    assert bad.returncode == 65 and "bad.json:services[0]: languages:" in bad.stderr, bad.stderr
    assert ctip("audit", "verify").stdout.startswith("audit trail intact: 0 entries")

    services[0]["languages"] = ["ja", "vi"]
    (tmp_path / "good.json").write_text(json.dumps({"services": services}))
    good = ctip("directory", "import", str(tmp_path / "good.json"), "--actor", "tester")
    assert good.returncode == 0 and "(1 added, changed or removed)" in good.stdout, good.stdout + good.stderr
    assert ctip("audit", "verify").stdout.startswith("audit trail intact: 1 entry")
    assert ctip("directory", "export", str(tmp_path / "again.json")).returncode == 0
    assert json.loads((tmp_path / "again.json").read_text())["services"][0]["languages"] == ["ja", "vi"]
