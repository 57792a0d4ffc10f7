"""The hot line's promise under crashes: while reports stream in, `ctip serve` is killed with SIGKILL at
random moments and restarted; every report whose receipt reached its sender is there afterwards, and
none of the senders' browser or address markers is in the database or the server's log (at trace level).

Small here (a few rounds of a few seconds); benchmarks/hotline.sh runs it large (CTIP_CRASH_ROUNDS,
CTIP_CRASH_SECONDS)."""

import base64
import json
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import ROOT, _free_port, _tail

ROUNDS = int(os.environ.get("CTIP_CRASH_ROUNDS", "4"))
SECONDS_PER_ROUND = float(os.environ.get("CTIP_CRASH_SECONDS", "2.5"))
SENDERS = 4
MARKERS = {"User-Agent": "CrashMarkerBrowser/1.0 fingerprint-K9", "X-Forwarded-For": "198.51.100.201",
           "X-Real-IP": "198.51.100.202", "Cookie": "session=cookie-marker-Q4"}


def _start(binary, database, port, log_file, env):
    return subprocess.Popen([str(binary), "serve", "--host", "127.0.0.1", "--port", str(port), "--database", f"sqlite:///{database}"],
                            cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)


def _wait_healthy(base, process, log):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"ctip serve exited with {process.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"ctip serve did not become healthy:\n{_tail(log)}")


def _sender(base, stop, accepted, lock, number):
    rng = random.Random(number)
    sent = 0
    while not stop.is_set():
        sent += 1
        body = json.dumps({"lang": rng.choice(["ja", "en", "th", "zh"]), "category": rng.choice(["trafficking", "child_abuse", "other"]),
                           "prefecture": f"JP-{rng.randint(1, 47):02d}", "description": f"crash test sender {number} report {sent}"}).encode()
        request = urllib.request.Request(base + "/api/public/tips", data=body, method="POST",
                                         headers={"Content-Type": "application/json", **MARKERS})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 201:
                    answer = json.loads(response.read())
                    with lock:
                        accepted.append((answer["receipt"], answer["passcode"], body))
        except (OSError, ValueError):
            time.sleep(0.02)  # the server is down: no receipt, so nothing was promised


def test_every_receipt_survives_sigkill(tmp_path):
    binary = Path(os.environ.get("CTIP_BIN", ROOT / ".build" / "debug" / "ctip"))
    assert binary.is_file(), f"{binary} is missing: run `swift build` first"
    database = tmp_path / "crash.sqlite"
    log = tmp_path / "serve.log"
    env = dict(os.environ, LOG_LEVEL="trace", CTIP_HOTLINE_RATE_LIMIT="100000000", CTIP_HOTLINE_LOOKUP_LIMIT="100000000",
               CTIP_HOTLINE_KEY=base64.b64encode(os.urandom(32)).decode())
    accepted, lock = [], threading.Lock()
    rng = random.Random()
    with open(log, "ab") as log_file:
        for round_number in range(ROUNDS):
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            process = _start(binary, database, port, log_file, env)
            try:
                _wait_healthy(base, process, log)
                stop = threading.Event()
                threads = [threading.Thread(target=_sender, args=(base, stop, accepted, lock, round_number * 100 + n)) for n in range(SENDERS)]
                for thread in threads:
                    thread.start()
                time.sleep(rng.uniform(0.3, SECONDS_PER_ROUND))
                process.send_signal(signal.SIGKILL)   # mid-stream: requests are in flight
                process.wait(timeout=10)
                stop.set()
                for thread in threads:
                    thread.join(timeout=30)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()

        assert len(accepted) >= ROUNDS, f"too few reports were accepted to test anything ({len(accepted)}):\n{_tail(log)}"
        connection = sqlite3.connect(database)
        stored = {row[0]: row[1] for row in connection.execute("SELECT receipt, description FROM tips")}
        connection.close()
        missing = [receipt for receipt, _, _ in accepted if receipt not in stored]
        assert not missing, f"{len(missing)} of {len(accepted)} acknowledged reports are lost after SIGKILL: {missing[:5]}"
        for receipt, _, body in accepted:
            assert stored[receipt] == json.loads(body)["description"]

        # And with the passcode, through the reporter's page, after one more restart.
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        process = _start(binary, database, port, log_file, env)
        try:
            _wait_healthy(base, process, log)
            for receipt, passcode, _ in rng.sample(accepted, min(10, len(accepted))):
                form = urllib.parse.urlencode({"lang": "en", "receipt": receipt, "passcode": passcode}).encode()
                with urllib.request.urlopen(urllib.request.Request(base + "/report/status", data=form, method="POST"), timeout=10) as response:
                    assert response.status == 200 and receipt in response.read().decode()
        finally:
            process.terminate()
            process.wait(timeout=20)

    traces = log.read_bytes()
    assert b"/api/public/tips" in traces, "the log at trace level should show the requests (method and path)"
    everything = traces + b"".join(path.read_bytes() for path in tmp_path.glob("crash.sqlite*") if path.is_file())
    for marker in ["fingerprint-K9", "198.51.100.201", "198.51.100.202", "cookie-marker-Q4"] + [p for _, p, _ in accepted[:50]]:
        assert marker.encode() not in everything, f"{marker} was written to the log or the database"
