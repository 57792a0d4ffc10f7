"""Browser tests: start the built `ctip demo` server and drive it with headless Chromium.

Run with `python3 -m pytest -q tests/browser` from the repository root after `swift build`
(scripts/test does both). Environment overrides:
  CTIP_BIN          the ctip executable (default: .build/debug/ctip)
  CTIP_CHROMIUM     the browser (default: /usr/bin/chromium)
  CTIP_CHROMEDRIVER the driver (default: /usr/bin/chromedriver)
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
STARTUP_TIMEOUT = 120  # seconds until /health must answer 200
SEED = ROOT.parent / "shared" / "seed" / "000_d5bf70a9649b1a73.txt"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# Staff accounts made with `ctip users add` before the demo starts: (email, agency, role).
STAFF = {
    "police": ("worker@police-13.example.jp", "police-13", "case_worker"),
    "iom": ("worker@iom.example.org", "iom", "case_worker"),
    "shelter": ("worker@wcsc-13.example.jp", "wcsc-13", "case_worker"),
    "intake": ("intake@police-13.example.jp", "police-13", "intake"),
    "hotline": ("analyst@hotline.example.jp", "hotline", "case_worker"),
    "otit": ("inspector@otit.example.jp", "otit", "case_worker"),
    "labour": ("official@labour-13.example.jp", "labour-13", "case_worker"),
}
STAFF_PASSWORD = "browser-test-password-1"


class Server:
    def __init__(self, base_url: str, log: Path):
        self.base_url = base_url
        self.log = log
        self.staff = {name: email for name, (email, _, _) in STAFF.items()}
        self.password = STAFF_PASSWORD

    def url(self, path: str) -> str:
        return self.base_url + path

    def get(self, path: str, timeout: float = 10):
        """(status, content type, body text) of a plain HTTP GET, without the browser."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=timeout) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8", "replace")


@pytest.fixture(scope="session")
def server():
    binary = Path(os.environ.get("CTIP_BIN", ROOT / ".build" / "debug" / "ctip"))
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail(f"{binary} is missing: run `swift build` first (scripts/test does)")

    port = _free_port()
    workdir = Path(tempfile.mkdtemp(prefix="ctip-browser-"))
    log = workdir / "ctip-demo.log"
    command = [
        str(binary), "demo",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--database", f"sqlite:///{workdir}/demo.sqlite",
    ]
    # The seed, read as the published edition of 2024 (`ctip demo --edition`): the whole report's pages.
    if SEED.is_file():
        command += ["--edition", str(SEED)]
    database = f"sqlite:///{workdir}/demo.sqlite"
    for email, agency, role in STAFF.values():
        made = subprocess.run([str(binary), "users", "add", "--agency", agency, "--role", role, "--password-stdin",
                               "--database", database, email],
                              input=STAFF_PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT)
        if made.returncode != 0:
            pytest.fail(f"ctip users add {email} failed: {made.stderr or made.stdout}")
    with open(log, "wb") as log_file:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"`{' '.join(command)}` exited with {process.returncode} before answering:\n{_tail(log)}")
            try:
                with urllib.request.urlopen(base_url + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{base_url}/health did not answer 200 within {STARTUP_TIMEOUT} s:\n{_tail(log)}")
            time.sleep(0.25)
        yield Server(base_url, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager try to download anything
    options = Options()
    options.binary_location = os.environ.get("CTIP_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1024", "--lang=en-US"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CTIP_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
