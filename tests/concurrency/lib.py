"""Shared helpers of the concurrency suite and the fault tests (tests/concurrency/run.py runs them).

Standard library only. Nothing here is run by itself: see run.py for the command
(`python3 tests/concurrency/run.py --ctip .build/debug/ctip`).

  Checks        the pass/fail ledger that prints `N passed, M failed` at the end
  Http          one HTTP request (urllib, no redirects followed, cookie jars, a hard timeout)
  Staff         a member of staff's account and API token (bearer)
  Session       a signed-in member of staff: own cookie jar, CSRF token
  Ctip          the command line (`ctip migrate`, `users add`, `audit verify`, ...)
  Instance      one `ctip serve` process: start, wait for /health, SIGKILL, restart, stop
  PgDatabase    a throwaway database in CTIP_TEST_POSTGRES_URL's server (or the private cluster's)
  PrivateCluster a private throwaway PostgreSQL cluster the outage test can stop and start
"""

import base64
import hashlib
import html
import http.client
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "concurrency-suite-password-1"
STARTUP_TIMEOUT = 120
# Strings that must never reach a client: a stack trace, a Swift error's reflection, a driver's raw error.
LEAK_MARKERS = ("Stack trace", "Backtrace", "Fatal error", "PSQLError", "SQLiteError", "NIOCore", "0x0000",
                "Swift.", "at /", ".swift:", "Error Domain=", "Thread ", "connectionError")


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path, lines=25):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def excerpt(text, limit=300):
    text = re.sub(r"\s+", " ", text or "")
    return text[:limit] + ("…" if len(text) > limit else "")


def grep_log(path, patterns=("error", "Error", "ERROR", "fatal", "Fatal", "critical", "CRITICAL", "warning", "WARNING"), limit=8):
    """The last lines of a server log that look like errors (for failure reports)."""
    try:
        lines = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    hits = [line for line in lines if any(p in line for p in patterns)]
    return "\n".join(hits[-limit:]) or "(no error lines)"


class Checks:
    """Every assertion of the suite: a name, pass or fail, and for a failure what was seen."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []
        self.lock = threading.Lock()

    def check(self, ok, name, detail=""):
        with self.lock:
            if ok:
                self.passed += 1
                log(f"  ok    {name}")
            else:
                self.failed += 1
                self.failures.append((name, detail))
                log(f"  FAIL  {name}")
                if detail:
                    for line in str(detail).splitlines()[:40]:
                        log(f"          {line}")
        return ok

    def summary(self):
        return f"{self.passed} passed, {self.failed} failed"


class Response:
    def __init__(self, status, headers, body, elapsed, base, error=None):
        self.status = status          # None when no HTTP answer came (connection refused, reset, timeout)
        self.headers = headers or {}
        self.body = body or ""
        self.elapsed = elapsed
        self.base = base
        self.error = error            # "timeout", "refused", "reset", ... when status is None

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 400

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def location(self):
        return self.headers.get("location", "")

    def __repr__(self):
        if self.status is None:
            return f"<no answer from {self.base}: {self.error} after {self.elapsed:.1f}s>"
        return f"<{self.status} from {self.base} in {self.elapsed:.2f}s: {excerpt(self.body, 200)}>"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Http:
    """One request at a time; every call returns a Response, never raises for HTTP or network errors."""

    def __init__(self, jar=None, timeout=15.0):
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self.timeout = timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, base, method, path, *, json_body=None, form=None, multipart=None, headers=None, timeout=None):
        url = base + path
        data = None
        all_headers = {"Accept-Language": "en"}
        if json_body is not None:
            data = json.dumps(json_body).encode()
            all_headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif multipart is not None:
            boundary = "----ctipconc" + secrets.token_hex(8)
            parts = []
            for name, value in multipart.items():
                if isinstance(value, tuple):  # (filename, bytes, content type)
                    filename, content, ctype = value
                    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                                 f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
                else:
                    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
            data = b"".join(parts) + f"--{boundary}--\r\n".encode()
            all_headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif method in ("POST", "PUT"):
            data = b""
        all_headers.update(headers or {})
        req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        started = time.monotonic()
        try:
            with self.opener.open(req, timeout=timeout or self.timeout) as answer:
                body = answer.read().decode("utf-8", "replace")
                return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, body,
                                time.monotonic() - started, base)
        except urllib.error.HTTPError as error:
            try:
                body = error.read().decode("utf-8", "replace")
            except Exception:  # noqa: BLE001 - a body cut off by a dying server
                body = ""
            return Response(error.code, {k.lower(): v for k, v in (error.headers or {}).items()}, body,
                            time.monotonic() - started, base)
        except (socket.timeout, TimeoutError) as error:
            return Response(None, {}, "", time.monotonic() - started, base, error=f"timeout ({error})")
        except urllib.error.URLError as error:
            reason = error.reason
            kind = "timeout" if isinstance(reason, (socket.timeout, TimeoutError)) else f"{type(reason).__name__}: {reason}"
            return Response(None, {}, "", time.monotonic() - started, base, error=kind)
        except (ConnectionError, http.client.HTTPException, OSError) as error:
            return Response(None, {}, "", time.monotonic() - started, base, error=f"{type(error).__name__}: {error}")


CSRF_RE = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')


def csrf_from(page):
    for tag in CSRF_RE.findall(page):
        m = re.search(r'value="([^"]*)"', tag)
        if m and m.group(1):
            return html.unescape(m.group(1))
    return None


def element_text(page, element_id):
    m = re.search(r'id="%s"[^>]*>([^<]*)<' % re.escape(element_id), page)
    return html.unescape(m.group(1)).strip() if m else None


def fact(page, label):
    """The value of `<dt>label</dt> <dd>value</dd>` on a staff page."""
    m = re.search(r"<dt>%s</dt>\s*<dd[^>]*>([^<]*)</dd>" % re.escape(label), page)
    return html.unescape(m.group(1)).strip() if m else None


def account_row(page, email):
    """The cells after an account's email on /staff/accounts, or None when it is not listed."""
    m = re.search(r"<td>%s</td>(.*?)</tr>" % re.escape(email), page, re.S)
    return m.group(1) if m else None


class Staff:
    """A member of staff: an API token (bearer) and, once signed in, a cookie session with its CSRF token."""

    def __init__(self, key, email, agency, role, token=None):
        self.key, self.email, self.agency, self.role = key, email, agency, role
        self.token = token

    def bearer(self):
        return {"Authorization": f"Bearer {self.token}"}


class Session:
    """A browser-like session of one member of staff (own cookie jar), signed in at one instance."""

    def __init__(self, staff, timeout=15.0):
        self.staff = staff
        self.http = Http(timeout=timeout)
        self.csrf = None

    def login(self, base):
        r = self.http.request(base, "POST", "/login?lang=en", form={"email": self.staff.email, "password": PASSWORD, "next": "/staff"})
        if r.status != 303 or not any(c.name == "ctip_session" for c in self.http.jar):
            return r
        page = self.http.request(base, "GET", "/staff/screening?lang=en")
        self.csrf = csrf_from(page.body)
        if not self.csrf:
            page = self.http.request(base, "GET", "/staff/accounts?lang=en")
            self.csrf = csrf_from(page.body)
        if not self.csrf:
            page = self.http.request(base, "GET", "/staff/hotline?lang=en")
            self.csrf = csrf_from(page.body)
        return r

    def post(self, base, path, fields, **kw):
        fields = dict(fields)
        fields["csrf_token"] = self.csrf or ""
        return self.http.request(base, "POST", path, form=fields, **kw)

    def get(self, base, path, **kw):
        return self.http.request(base, "GET", path, **kw)


class Ctip:
    """The command line against one database."""

    def __init__(self, binary, database, env=None, cwd=None, run_as=None):
        self.binary = str(binary)
        self.database = database
        self.env = dict(os.environ, **(env or {}))
        self.cwd = cwd
        self.run_as = run_as

    def command(self, *args):
        cmd = [self.binary, *args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return cmd

    def run(self, *args, stdin=None, timeout=300, database=True):
        extra = ["--database", self.database] if database else []
        return subprocess.run(self.command(*args, *extra), input=stdin, capture_output=True, text=True,
                              env=self.env, cwd=self.cwd, timeout=timeout)

    def must(self, *args, **kw):
        done = self.run(*args, **kw)
        if done.returncode != 0:
            raise RuntimeError(f"ctip {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}")
        return done.stdout

    def add_user(self, email, agency, role):
        self.must("users", "add", "--agency", agency, "--role", role, "--password-stdin", email, stdin=PASSWORD + "\n")

    def token(self, email, name="conc"):
        out = self.must("users", "token", "--name", name, email).strip().splitlines()
        return out[-1].strip()


def make_keys(binary):
    """A data key (`ctip keys generate`, the base64 after `id:`) and a hot-line key (32 random bytes)."""
    out = subprocess.run([str(binary), "keys", "generate"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"ctip keys generate failed: {out.stderr}")
    line = out.stdout.strip().splitlines()[-1]
    data_key = line.split(":", 1)[1]
    hotline_key = base64.b64encode(secrets.token_bytes(32)).decode()
    return data_key, hotline_key


STARTED = []   # every Instance ever started, so that run.py can stop any left running at the end


class Instance:
    """One `ctip serve --database URL --port P`, its output in a log file that stays after it ends."""

    def __init__(self, binary, database, env, logdir, name, cwd, run_as=None, port=None):
        self.binary, self.database, self.env = str(binary), database, env
        self.logdir, self.name, self.cwd, self.run_as = Path(logdir), name, cwd, run_as
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.starts = 0
        self.log = None

    def start(self, wait=True, timeout=STARTUP_TIMEOUT):
        self.starts += 1
        self.log = self.logdir / f"{self.name}.{self.starts}.log"
        cmd = [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--database", self.database]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        if self not in STARTED:
            STARTED.append(self)
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            env=self.env, cwd=self.cwd, start_new_session=True)
        if wait:
            return self.wait_healthy(timeout)
        return True

    def wait_healthy(self, timeout=STARTUP_TIMEOUT):
        deadline = time.monotonic() + timeout
        client = Http(timeout=3)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            r = client.request(self.base, "GET", "/health")
            if r.status == 200:
                return True
            time.sleep(0.2)
        return False

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        """SIGKILL, no goodbye."""
        if self.alive():
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=30)

    def stop(self):
        if self.process is None:
            return
        if self.alive():
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


def server_env(data_key, hotline_key, extra=None):
    env = dict(os.environ)
    env.update({"CTIP_DATA_KEY": data_key, "CTIP_HOTLINE_KEY": hotline_key,
                "CTIP_HOTLINE_RATE_LIMIT": "100000", "CTIP_HOTLINE_LOOKUP_LIMIT": "100000"})
    env.pop("CTIP_DATABASE_URL", None)
    env.update(extra or {})
    return env


def item_id(url):
    """The internet item of a plain URL (scheme, case and default port already normal): SHA-256 of host+path, 16 bytes hex."""
    parsed = urllib.parse.urlsplit(url)
    key = parsed.hostname + (parsed.path or "/") + (("?" + parsed.query) if parsed.query else "")
    return hashlib.sha256(key.encode()).digest()[:16].hex()


# --------------------------------------------------------------------------------------------------
# PostgreSQL


def pg_bindir():
    for d in [os.environ.get("CTIP_PG_BINDIR", "")] + sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if d and Path(d, "initdb").exists() and Path(d, "pg_ctl").exists():
            return str(d)
    for name in ("initdb", "pg_ctl"):
        if not shutil.which(name):
            return None
    return str(Path(shutil.which("initdb")).parent)


def psql_binary():
    bindir = pg_bindir()
    if bindir and Path(bindir, "psql").exists():
        return str(Path(bindir, "psql"))
    return shutil.which("psql")


def replace_db(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def psql(url, sql, timeout=60):
    return subprocess.run([psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-Atc", sql, url], capture_output=True,
                          text=True, timeout=timeout, env=dict(os.environ, PGCONNECT_TIMEOUT="5"))


class PgDatabase:
    """A throwaway database with a random name in the server of `admin_url` (whose role has CREATEDB)."""

    def __init__(self, admin_url, prefix="ctip_conc"):
        self.admin_url = admin_url
        self.name = f"{prefix}_{secrets.token_hex(5)}"
        self.url = None

    def create(self):
        done = psql(self.admin_url, f"CREATE DATABASE \"{self.name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        if done.returncode != 0:
            raise RuntimeError(f"could not create database {self.name}: {done.stderr.strip()}")
        self.url = replace_db(self.admin_url, self.name)
        return self.url

    def drop(self):
        if self.url:
            psql(self.admin_url, f"DROP DATABASE IF EXISTS \"{self.name}\" WITH (FORCE)")
            self.url = None


class PrivateCluster:
    """A tiny private PostgreSQL cluster this suite controls (stop -m immediate, start), as scripts/lib/postgres.sh makes one:
    initdb as `postgres` (when root) in a temporary directory, 127.0.0.1 on a free port, the socket in that directory,
    a role `ctip`/`ctip` with CREATEDB."""

    def __init__(self, logdir):
        self.bindir = pg_bindir()
        self.dir = None
        self.port = None
        self.logdir = Path(logdir)
        self.running = False

    def _as_owner(self, *cmd, timeout=120):
        if os.geteuid() == 0:
            cmd = ("runuser", "-u", "postgres", "--") + cmd
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.dir)

    def setup(self):
        if not self.bindir:
            raise RuntimeError("PostgreSQL's initdb/pg_ctl not found (install Debian's postgresql)")
        self.dir = tempfile.mkdtemp(prefix="ctip-conc-pg.")
        os.chmod(self.dir, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        done = self._as_owner(f"{self.bindir}/initdb", "-D", f"{self.dir}/data", "-U", "postgres", "-E", "UTF8", "--locale=C",
                              "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr or done.stdout}")
        # fsync off (a machine crash is not tested), but synchronous_commit stays on: `pg_ctl stop -m immediate` would
        # otherwise lose commits already acknowledged, and the outage test checks that none is lost.
        conf = (f"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.dir}'\nmax_connections = 100\n"
                "fsync = off\nsynchronous_commit = on\nfull_page_writes = off\n")
        self._as_owner("sh", "-c", f"cat >> '{self.dir}/data/postgresql.conf' <<'EOF'\n{conf}\nEOF")
        self.port = free_port()
        self.start()
        admin = subprocess.run([f"{self.bindir}/psql", "-X", "-q", "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d",
                                "postgres", "-c", "CREATE ROLE ctip LOGIN CREATEDB PASSWORD 'ctip'"],
                               capture_output=True, text=True, timeout=60)
        if admin.returncode != 0:
            raise RuntimeError(f"could not create role ctip: {admin.stderr}")
        return f"postgres://ctip:ctip@127.0.0.1:{self.port}/postgres"

    def start(self):
        done = self._as_owner(f"{self.bindir}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/server.log", "-w", "-t", "60",
                              "-o", f"-p {self.port}", "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr or done.stdout}\n{tail(Path(self.dir) / 'server.log')}")
        self.running = True

    def stop_immediate(self):
        done = self._as_owner(f"{self.bindir}/pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")
        self.running = False
        return done

    def teardown(self):
        if not self.dir:
            return
        if self.running or Path(self.dir, "data", "postmaster.pid").exists():
            self._as_owner(f"{self.bindir}/pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")
        try:
            shutil.copy(Path(self.dir) / "server.log", self.logdir / "private-postgres.log")
        except OSError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None
