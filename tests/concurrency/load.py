"""The concurrency suite: N clients (threads) against two `ctip serve` processes on one database.

Run through run.py (`python3 tests/concurrency/run.py --ctip .build/debug/ctip --only sqlite,postgresql`).

Each client alternates between the two instances request by request and drives every state-changing
API route and staff form: victim files (API and form), protection steps, whereabouts, referrals and the
receiving agency's answer, consent withdrawal, screenings (API and form), cleared cases, suspects,
dispositions, trials (API and forms), hot-line tips (form and JSON), internet reports (form and JSON),
the reporter's status look-up and answer, phone intake, triage (classify, ask, merge, forward), the
police's acknowledgement and outcome, rewards (decide, claim, pay), internet items (judge, deletion
request, deletion), directory import, account creation and disabling, sign-in; `ctip report publish`
runs once in the middle of the load. Then a race phase: every client does the same thing at the same
moment (same new account, same reward paid, same tip forwarded, same URL reported, same file's step).

Afterwards every acknowledged write is read back through the instance that did not write it, and the
product's own figures (`ctip hotline stats --json`, /staff/hotline/stats, `ctip export`, the annual
report's JSON, /staff/directory, /staff/accounts, /reports) must equal what was acknowledged;
`ctip audit verify` must pass; zero 5xx.
"""

import collections
import csv
import datetime
import random
import re
import secrets
import shutil
import threading
import time
from pathlib import Path

import lib
from lib import Ctip, Http, Instance, Session, Staff, log, excerpt

# (key) -> (agency, role): the staff accounts of the suite, made with `ctip users add`.
ACCOUNTS = {
    "police": ("police-13", "case_worker"),       # opens files and cases; Tokyo's police queue of forwarded tips
    "police_sup": ("police-13", "supervisor"),    # refers without consent (override)
    "shelter": ("wcsc-13", "case_worker"),        # protects the person: sees whereabouts
    "iom": ("iom", "case_worker"),                # receives referrals
    "moj": ("moj", "case_worker"),                # prosecutors' liaison: dispositions and trials
    "hotline": ("hotline", "case_worker"),        # triage of tips
    "hotline_sup": ("hotline", "supervisor"),     # rewards
    "hotline_intake": ("hotline", "intake"),      # phone intake
    "ihc": ("ihc", "case_worker"),                # internet items
    "admin": ("npa", "administrator"),            # accounts, directory
    "auditor": ("npa", "auditor"),
    "analyst": ("npa", "analyst"),
    "otit": ("otit", "case_worker"),              # programme oversight: records inspections
    "contributor": ("cao", "contributor"),        # the Cabinet Office's registers of the measures and its part of the annual report
    "secretariat": ("cas", "secretariat"),        # the Council's secretariat: the annual report's year
}

# The organisation the OTIT inspects and the poster the Cabinet Office distributes during the load.
OVERSIGHT_ORG = "CONC-ORG-1"
MATERIAL = "conc-poster"
# The seed, read as the 2024 edition of the whole report; the 2025 draft started from it takes the comments
# of the load. C2025-0019 (1 (2)) is written jointly by the ministries, the Cabinet Office among them.
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_d5bf70a9649b1a73.txt"
REPORT_YEAR, REPORT_CONTRIBUTION = 2025, "C2025-0019"

NATIONALITIES = ["VNM", "THA", "PHL", "IDN", "CHN"]
CHARGE = "employment_security_act"


def japan_fiscal_year(now=None):
    now = now or datetime.datetime.now(datetime.timezone.utc)
    jst = now + datetime.timedelta(hours=9)
    return jst.year if jst.month >= 4 else jst.year - 1


class SuiteBroken(Exception):
    """Too many requests got no answer: the servers hang; stop rather than wait out every timeout."""


NO_ANSWER_LIMIT = 20


class Ledger:
    """What the clients did and what the instances answered, shared by all threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.by_instance = collections.Counter()
        self.five_xx = []            # (route, status, instance, body)
        self.unexpected = collections.defaultdict(list)   # (route, status) -> [(instance, body)]
        self.no_answer = []          # (route, instance, error)
        self.slow = []               # requests over 10 s
        self.writes_acked = collections.Counter()          # route -> count
        self.verified = 0

    @property
    def broken(self):
        return len(self.no_answer) >= NO_ANSWER_LIMIT

    def record(self, route, response, instance, expect):
        with self.lock:
            self.requests += 1
            self.by_instance[instance] += 1
            if response.status is None:
                self.no_answer.append((route, instance, response.error))
                return
            if response.elapsed > 10:
                self.slow.append((route, instance, response.elapsed))
            if response.status >= 500:
                self.five_xx.append((route, response.status, instance, excerpt(response.body, 300)))
            if expect and response.status not in expect:
                self.unexpected[(route, response.status)].append((instance, excerpt(response.body, 300)))
            elif response.status < 400 and route.split(" ")[0] in ("POST", "PUT"):
                self.writes_acked[route] += 1


class Suite:
    """One engine's run: the database, two instances, the staff, the clients and what they acknowledged."""

    def __init__(self, engine, binary, database, workdir, logdir, checks, clients=8, rounds=2, data_key=None, hotline_key=None):
        self.engine, self.binary, self.database = engine, binary, database
        self.workdir, self.logdir, self.checks = Path(workdir), Path(logdir), checks
        self.n_clients, self.rounds = clients, rounds
        self.data_key, self.hotline_key = data_key, hotline_key
        self.load_limit = 240.0
        self.deadline = float("inf")
        self.env = lib.server_env(data_key, hotline_key)
        self.ctip = Ctip(binary, database, env=self.env, cwd=str(self.workdir))
        self.instances = []
        self.staff = {}
        self.sessions = {}
        self.ledger = Ledger()
        self.lock = threading.RLock()
        self.year = datetime.date.today().year
        self.fy = japan_fiscal_year()
        # Acknowledged writes, to be read back.
        self.victims = {}          # id -> expectations
        self.cases = {}            # id -> {"suspects": {sid: {...}}}
        self.tips = {}             # receipt -> {...}
        self.internet = {}         # receipt -> {"passcode", "item"}
        self.items = {}            # item id -> {"url", "reports", "judgement", "deletion"}
        self.accounts = {}         # email -> {"disabled": bool}
        self.directory_uploads = 0
        self.directory_count = None
        self.directory_csv = None
        self.hot_file = None
        self.hot_steps = 0
        self.hot_url = f"https://conc-{engine}.example.org/shared/{secrets.token_hex(4)}"
        self.merged = 0
        self.published = None
        self.inspections = {}      # inspection id -> instance that acknowledged it
        self.distributions = {}    # distribution id -> (copies, instance)
        self.report = False        # the whole report's draft is there (the seed was found)
        self.report_comments = {}  # comment text -> instance that acknowledged it
        self.ids = collections.Counter()   # every identifier handed out, must each be 1

    # ------------------------------------------------------------------ setup

    def setup(self):
        t0 = time.monotonic()
        self.ctip.must("migrate")
        log(f"  [{self.engine}] migrated ({time.monotonic() - t0:.1f}s)")
        # An organisation to inspect and a poster to distribute, imported as the files an agency would send.
        seed = self.workdir / "seed-oversight"
        seed.mkdir(exist_ok=True)
        (seed / "organisations.csv").write_text(f"org_id,kind,name,prefecture\n{OVERSIGHT_ORG},implementing,Concurrency Farm,JP-13\n")
        self.ctip.must("import", str(seed))
        measures = self.workdir / "seed-measures"
        measures.mkdir(exist_ok=True)
        (measures / "materials.csv").write_text(f"material_id,ministry,kind,title_en,copies,fiscal_year\n{MATERIAL},cao,poster,Concurrency poster,1000000,{self.fy}\n")
        self.ctip.must("measures", "import", str(measures))
        # The whole report: the seed as the 2024 edition and the 2025 draft from it (when the seed is there).
        if SEED.is_file():
            self.ctip.must("report", "import-edition", "--year", "2024", str(SEED))
            self.ctip.must("report", "draft", "--year", str(REPORT_YEAR))
            self.report = True
        # bcrypt at cost 12 per account: in parallel, a few at a time.
        threads, errors = [], []

        def add(key, agency, role):
            email = f"{key}.{self.engine}@conc.example.jp"
            try:
                self.ctip.add_user(email, agency, role)
                token = self.ctip.token(email)
                with self.lock:
                    self.staff[key] = Staff(key, email, agency, role, token)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(str(error))

        for key, (agency, role) in ACCOUNTS.items():
            threads.append(threading.Thread(target=add, args=(key, agency, role)))
        for batch in range(0, len(threads), 4):
            for t in threads[batch:batch + 4]:
                t.start()
            for t in threads[batch:batch + 4]:
                t.join()
        if errors:
            raise RuntimeError("; ".join(errors))
        log(f"  [{self.engine}] {len(self.staff)} staff accounts and API tokens ({time.monotonic() - t0:.1f}s)")
        for name in ("a", "b"):
            instance = Instance(self.binary, self.database, self.env, self.logdir, f"{self.engine}-{name}", str(self.workdir))
            self.instances.append(instance)
        for instance in self.instances:
            instance.start(wait=False)
        for instance in self.instances:
            if not instance.wait_healthy():
                raise RuntimeError(f"{instance.name} did not answer /health 200:\n{lib.tail(instance.log)}")
        log(f"  [{self.engine}] two instances up on ports {self.instances[0].port}, {self.instances[1].port} ({time.monotonic() - t0:.1f}s)")
        # Shared sessions (one sign-in per account, at instance b; used through instance a too).
        for key in ("iom", "moj", "hotline", "hotline_sup", "hotline_intake", "ihc", "admin", "analyst", "auditor", "shelter",
                    "contributor", "secretariat"):
            session = Session(self.staff[key])
            r = session.login(self.instances[1].base)
            if not session.csrf:
                raise RuntimeError(f"sign-in of {key} failed: {r}")
            self.sessions[key] = session
        log(f"  [{self.engine}] signed in ({time.monotonic() - t0:.1f}s)")
        # The shared file every client adds steps to, and the directory as it ships.
        police = self.staff["police"]
        http = Http()
        r = http.request(self.instances[0].base, "POST", "/api/victims", headers=police.bearer(),
                         json_body={"protected_on": f"{self.year}-01-05", "sex": "female", "age": 30, "nationality": "VNM",
                                    "residence_status": "technical_intern_training_2", "exploitation": "labour"})
        if r.status != 201:
            raise RuntimeError(f"could not open the shared file: {r}\nserver log: {lib.grep_log(self.instances[0].log, limit=4)}")
        self.hot_file = r.json()["id"]
        self.victims[self.hot_file] = self.new_victim_expectation(0, form=False)
        r = http.request(self.instances[1].base, "POST", f"/api/victims/{self.hot_file}/steps", headers=police.bearer(),
                         json_body={"step": "identification", "on": f"{self.year}-01-05"})
        if r.status != 200:
            raise RuntimeError(f"could not record the shared file's identification: {r}")
        self.victims[self.hot_file]["steps"].append("identification")
        r = self.sessions["admin"].get(self.instances[0].base, "/staff/directory.csv")
        if r.status != 200:
            raise RuntimeError(f"could not download the directory: {r}")
        self.directory_csv = r.body.encode()
        self.directory_count = sum(1 for _ in csv.DictReader(r.body.splitlines()))

    def directory_form(self):
        """The directory upload exactly as the browser's form sends it: the CSRF token in the multipart body."""
        session = self.sessions["admin"]
        r = session.http.request(self.instances[0].base, "POST", "/staff/directory?lang=en",
                                 multipart={"csrf_token": session.csrf, "file": ("services.csv", self.directory_csv, "text/csv")})
        self.ledger.record("POST /staff/directory (form as a browser sends it)", r, 0, None)
        ok = r.status == 200 and f"{self.directory_count} services saved" in r.body
        self.checks.check(ok, f"concurrency[{self.engine}]: the directory upload form as a browser sends it "
                              f"({len(self.directory_csv)} bytes, token in the multipart body) answers 200",
                          f"{r!r}" + ("\n(the same upload with the token in the X-CSRF-Token header is accepted: the CSRF check "
                                      "does not find the token in a multipart body of this size)" if r.status == 403 else ""))
        if ok:
            self.directory_uploads += 1

    def new_victim_expectation(self, instance, form):
        return {"writer": instance, "form": form, "steps": [], "whereabouts": None, "referrals": {}, "screenings": 0,
                "withdrawn": False}

    def new_id(self, kind, value):
        with self.lock:
            self.ids[(kind, value)] += 1

    def stop(self):
        for instance in self.instances:
            instance.stop()

    # ------------------------------------------------------------------ run

    def run(self):
        barrier = threading.Barrier(self.n_clients)
        race = Race(self)
        clients = [Client(self, i, barrier, race) for i in range(self.n_clients)]
        publisher = threading.Thread(target=self.publish_midway, args=(clients,))
        started = time.monotonic()
        self.deadline = started + self.load_limit
        for c in clients:
            c.start()
        publisher.start()
        for c in clients:
            c.join(timeout=600)
        publisher.join(timeout=300)
        self.load_seconds = time.monotonic() - started
        crashed = [c for c in clients if c.crash]
        for c in crashed:
            self.checks.check(False, f"concurrency[{self.engine}]: client {c.index} ran to the end", c.crash)
        if not crashed:
            self.checks.check(True, f"concurrency[{self.engine}]: {self.n_clients} clients ran to the end ({self.load_seconds:.0f}s)")
        race.judge()

    def publish_midway(self, clients):
        # When about half of the clients' rounds are done, publish this year's edition from the command line.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            done = sum(c.rounds_done for c in clients)
            if done >= max(1, (self.rounds * self.n_clients) // 2) or all(not c.is_alive() for c in clients):
                break
            time.sleep(0.2)
        out = self.ctip.run("report", "publish", "--year", str(self.year), timeout=120)
        self.published = out
        self.checks.check(out.returncode == 0, f"concurrency[{self.engine}]: `ctip report publish --year {self.year}` during the load",
                          f"exit {out.returncode}: {excerpt(out.stderr or out.stdout)}")

    # ------------------------------------------------------------------ verify

    def verify(self):
        self.directory_form()
        v = Verifier(self)
        try:
            v.run()
        except SuiteBroken as error:
            self.checks.check(False, f"concurrency[{self.engine}]: the acknowledged writes could be read back", str(error))
        return v


class Client(threading.Thread):
    """One client: alternates between the instances on every request."""

    def __init__(self, suite, index, barrier, race):
        super().__init__(name=f"client-{index}", daemon=True)
        self.suite, self.index, self.barrier, self.race = suite, index, barrier, race
        self.n = index            # so that clients start on different instances
        self.rng = random.Random(f"{suite.engine}-{index}")
        self.crash = None
        self.rounds_done = 0
        self.http = Http()
        self.police = Session(suite.staff["police"])
        # Sessions shared with the other clients: the same cookie, own jar.
        self.s = {key: self.clone(session) for key, session in suite.sessions.items()}

    @staticmethod
    def clone(session):
        copy = Session(session.staff)
        for cookie in session.http.jar:
            copy.http.jar.set_cookie(cookie)
        copy.csrf = session.csrf
        return copy

    def pick(self):
        i = self.n % 2
        self.n += 1
        return i

    def base(self, i):
        return self.suite.instances[i].base

    def call(self, route, method, path, *, staff=None, session=None, json_body=None, form=None, multipart=None,
             expect=(200,), instance=None, headers=None):
        if self.suite.ledger.broken:
            raise SuiteBroken(f"{NO_ANSWER_LIMIT} requests got no answer (e.g. {self.suite.ledger.no_answer[-1]})")
        if time.monotonic() > self.suite.deadline:
            raise SuiteBroken(f"the load ran past its time limit ({self.suite.load_limit:.0f} s)")
        i = self.pick() if instance is None else instance
        base = self.base(i)
        if session is not None:
            if method == "GET":
                r = session.get(base, path)
            elif multipart is not None:
                multipart = dict(multipart, csrf_token=session.csrf)
                r = session.http.request(base, method, path, multipart=multipart, headers=headers)
            else:
                r = session.post(base, path, form or {})
        else:
            hdrs = dict(headers or {})
            if staff is not None:
                hdrs.update(staff.bearer())
            r = self.http.request(base, method, path, json_body=json_body, form=form, headers=hdrs)
        self.suite.ledger.record(route, r, i, expect)
        return r, i

    def day(self):
        return f"{self.suite.year}-{self.rng.randint(1, 11):02d}-{self.rng.randint(1, 28):02d}"

    # ------------------------------------------------------------------

    def run(self):
        try:
            r = self.police.login(self.base(self.pick()))
            self.suite.ledger.record("POST /login", r, (self.n - 1) % 2, (303,))
            if not self.police.csrf:
                raise RuntimeError(f"police sign-in failed: {r}")
            for round_ in range(self.suite.rounds):
                self.one_round(round_)
                self.rounds_done += 1
        except SuiteBroken as error:
            self.crash = str(error)
            self.race.abort(error)
        except Exception as error:  # noqa: BLE001 - reported as a failed check
            import traceback
            self.crash = traceback.format_exc()
            self.race.abort(error)
        finally:
            try:
                self.barrier.wait(timeout=300)
                if not self.race.aborted:
                    self.race.run(self)
            except threading.BrokenBarrierError:
                pass
            try:
                if not self.crash:
                    self.sign_out()
            except SuiteBroken:
                pass

    def sign_out(self):
        """POST /logout through one instance; the old cookie must then be refused by the other."""
        token = next((c.value for c in self.police.http.jar if c.name == "ctip_session"), None)
        if not token:
            return
        r, i = self.call("POST /logout", "POST", "/logout?lang=en", session=self.police, form={}, expect=(303,))
        if r.status != 303:
            return
        stale = Http()
        r2 = stale.request(self.base(1 - i), "GET", "/staff/victims?lang=en", headers={"Cookie": f"ctip_session={token}"})
        self.suite.ledger.record("GET /staff/victims with a signed-out session", r2, 1 - i, (303,))
        if r2.status == 303 and not r2.location().startswith("/login"):
            with self.suite.ledger.lock:
                self.suite.ledger.unexpected[("GET /staff/victims with a signed-out session: not sent to /login", 303)].append(
                    (1 - i, r2.location()))

    def one_round(self, round_):
        s = self.suite
        police, iom, moj, shelter, sup = (s.staff[k] for k in ("police", "iom", "moj", "shelter", "police_sup"))
        tag = f"{s.engine}-{self.index}-{round_}"

        # ---- victim file through the API
        on = self.day()
        r, wi = self.call("POST /api/victims", "POST", "/api/victims", staff=police, expect=(201,), json_body={
            "protected_on": on, "sex": self.rng.choice(["female", "male"]), "age": self.rng.randint(15, 50),
            "nationality": self.rng.choice(NATIONALITIES), "residence_status": "technical_intern_training_2",
            "exploitation": self.rng.choice(["labour", "sexual"]), "name": f"Conc Person {tag}",
            "protecting_agency": "wcsc-13", "whereabouts": f"Shelter {tag} a", "whereabouts_kind": "shelter"})
        if r.status != 201:
            return
        vid = r.json()["id"]
        s.new_id("victim", vid)
        exp = s.new_victim_expectation(wi, form=False)
        exp["whereabouts"] = f"Shelter {tag} a"
        with s.lock:
            s.victims[vid] = exp
        # steps (the next request goes to the other instance: the file must already be there)
        r, _ = self.call("POST /api/victims/:id/steps", "POST", f"/api/victims/{vid}/steps", staff=police,
                         json_body={"step": "identification", "on": on})
        if r.ok:
            exp["steps"].append("identification")
        r, _ = self.call("POST /api/victims/:id/steps", "POST", f"/api/victims/{vid}/steps", staff=police,
                         json_body={"step": "counseling", "on": on})
        if r.ok:
            exp["steps"].append("counseling")
        r, _ = self.call("POST /api/victims/:id/steps (shared file)", "POST", f"/api/victims/{s.hot_file}/steps", staff=police,
                         json_body={"step": "counseling", "on": f"{s.year}-01-06"})
        if r.ok:
            with s.lock:
                s.hot_steps += 1
        # whereabouts move
        r, _ = self.call("PUT /api/victims/:id/whereabouts", "PUT", f"/api/victims/{vid}/whereabouts", staff=police, expect=(204,),
                         json_body={"protecting_agency": "wcsc-13", "whereabouts": f"Shelter {tag} b", "whereabouts_kind": "shelter"})
        if r.ok:
            exp["whereabouts"] = f"Shelter {tag} b"
        # the protecting agency reads the new whereabouts (through the other instance)
        r, _ = self.call("GET /api/victims/:id (shelter)", "GET", f"/api/victims/{vid}", staff=shelter)
        if r.status == 200:
            got = ((r.json() or {}).get("whereabouts") or {}).get("description")
            if got != exp["whereabouts"]:
                with s.ledger.lock:
                    s.ledger.unexpected[("read-your-write whereabouts", 200)].append((None, f"{vid}: {got!r} != {exp['whereabouts']!r}"))
        # screening through the API, stored with the file
        r, _ = self.call("POST /api/screenings", "POST", "/api/screenings", staff=police, expect=(201,), json_body={
            "acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour_or_services"], "age": 25, "file": vid})
        if r.status == 201:
            exp["screenings"] += 1
            sid = (r.json() or {}).get("screening_id")
            if sid:
                s.new_id("screening", sid)
        # referral with consent, answered by IOM (accept or decline), through the API
        answer = "accept" if (self.index + round_) % 2 == 0 else "decline"
        r, _ = self.call("POST /api/victims/:id/referrals", "POST", f"/api/victims/{vid}/referrals", staff=police, expect=(201,),
                         json_body={"to_agency": "iom", "sections": ["basic", "identity"], "basis": "consent"})
        rid = (r.json() or {}).get("id") if r.status == 201 else None
        if rid:
            s.new_id("referral", rid)
            exp["referrals"][rid] = "pending"
            r, _ = self.call("POST /api/referrals/:id", "POST", f"/api/referrals/{rid}", staff=iom, json_body={"answer": answer})
            if r.ok:
                exp["referrals"][rid] = "accepted" if answer == "accept" else "declined"
        # a referral the sending agency revokes before it is answered
        r, _ = self.call("POST /api/victims/:id/referrals", "POST", f"/api/victims/{vid}/referrals", staff=police, expect=(201,),
                         json_body={"to_agency": "iom", "sections": ["basic"], "basis": "consent"})
        rid3 = (r.json() or {}).get("id") if r.status == 201 else None
        if rid3:
            s.new_id("referral", rid3)
            exp["referrals"][rid3] = "pending"
            r, _ = self.call("POST /api/referrals/:id (revoke)", "POST", f"/api/referrals/{rid3}", staff=police,
                             json_body={"answer": "revoke"})
            if r.ok:
                exp["referrals"][rid3] = "revoked"
        # a supervisor's override referral (no consent) to IOM, answered through IOM's referral form
        r, _ = self.call("POST /api/victims/:id/referrals (override)", "POST", f"/api/victims/{vid}/referrals", staff=sup, expect=(201,),
                         json_body={"to_agency": "iom", "sections": ["basic"], "basis": "override",
                                    "override_reason": "a court order requires sharing this file now"})
        rid2 = (r.json() or {}).get("id") if r.status == 201 else None
        if rid2:
            s.new_id("referral", rid2)
            exp["referrals"][rid2] = "pending"
            r, _ = self.call("POST /staff/referrals/:id", "POST", f"/staff/referrals/{rid2}?lang=en", session=self.s["iom"],
                             form={"answer": "accept"}, expect=(303,))
            if r.ok:
                exp["referrals"][rid2] = "accepted"
        # consent withdrawn on every other file: ends the consent-based referrals (not the override)
        if round_ % 2 == 1:
            r, _ = self.call("POST /api/victims/:id/consent-withdrawal", "POST", f"/api/victims/{vid}/consent-withdrawal",
                             staff=police)
            if r.ok:
                exp["withdrawn"] = True
                for ref, status in list(exp["referrals"].items()):
                    if ref != rid2 and status in ("pending", "accepted"):
                        exp["referrals"][ref] = "consent_withdrawn"

        # ---- victim file through the staff forms
        on2 = self.day()
        r, wi = self.call("POST /staff/victims", "POST", "/staff/victims?lang=en", session=self.police, expect=(303,), form={
            "protected_on": on2, "sex": "female", "age": "19", "nationality": self.rng.choice(NATIONALITIES),
            "residence_status": "technical_intern_training_2", "exploitation": "sexual", "name": f"Form Person {tag}",
            "protecting_agency": "wcsc-13", "whereabouts": f"Form shelter {tag}", "whereabouts_kind": "shelter"})
        m = re.search(r"/staff/victims/([A-Z0-9-]+)", r.location())
        if r.status == 303 and m:
            fid = m.group(1)
            s.new_id("victim", fid)
            fexp = s.new_victim_expectation(wi, form=True)
            fexp["whereabouts"] = f"Form shelter {tag}"
            with s.lock:
                s.victims[fid] = fexp
            r, _ = self.call("POST /staff/victims/:id/steps", "POST", f"/staff/victims/{fid}/steps?lang=en", session=self.police,
                             expect=(303,), form={"step": "identification", "on": on2, "agency": "police-13"})
            if r.ok:
                fexp["steps"].append("identification")
            r, _ = self.call("POST /staff/victims/:id/whereabouts", "POST", f"/staff/victims/{fid}/whereabouts?lang=en",
                             session=self.police, expect=(303,),
                             form={"protecting_agency": "wcsc-13", "whereabouts": f"Form shelter {tag} moved", "whereabouts_kind": "address"})
            if r.ok:
                fexp["whereabouts"] = f"Form shelter {tag} moved"
            r, _ = self.call("POST /staff/screening", "POST", "/staff/screening?lang=en", session=self.police, expect=(200, 201), form={
                "act_harbouring": "on", "means_coercion": "on", "purpose_prostitution_of_others": "on", "age": "19", "file": fid})
            if r.ok:
                fexp["screenings"] += 1
            r, _ = self.call("POST /staff/victims/:id/referrals", "POST", f"/staff/victims/{fid}/referrals?lang=en",
                             session=self.police, expect=(303,),
                             form={"to_agency": "iom", "share_basic": "on", "share_timeline": "on", "basis": "consent"})
            if r.ok:
                # find its id from the other instance (the owner's view lists referrals)
                rv, _ = self.call("GET /api/victims/:id", "GET", f"/api/victims/{fid}", staff=police)
                refs = [x for x in ((rv.json() or {}).get("referrals") or []) if x.get("status") == "pending"]
                for ref in refs:
                    s.new_id("referral", ref["id"])
                    fexp["referrals"][ref["id"]] = "pending"
            r, _ = self.call("POST /staff/victims/:id/consent-withdrawal", "POST", f"/staff/victims/{fid}/consent-withdrawal?lang=en",
                             session=self.police, expect=(303,), form={})
            if r.ok:
                fexp["withdrawn"] = True
                for ref in fexp["referrals"]:
                    fexp["referrals"][ref] = "consent_withdrawn"

        # ---- cleared case, suspect, disposition, trial through the API
        cleared = self.day()
        r, wi = self.call("POST /api/cases", "POST", "/api/cases", staff=police, expect=(201,), json_body={"cleared_on": cleared,
                                                                                                        "summary": f"conc {tag}"})
        if r.status == 201:
            cid = r.json()["id"]
            s.new_id("case", cid)
            cexp = {"suspects": {}, "writer": wi}
            with s.lock:
                s.cases[cid] = cexp
            r, _ = self.call("POST /api/cases/:id/suspects", "POST", f"/api/cases/{cid}/suspects", staff=police, expect=(201,),
                             json_body={"arrested_on": cleared, "sex": "male", "nationality": "JPN", "charges": [CHARGE], "broker": True})
            if r.status == 201:
                sid = r.json()["id"]
                s.new_id("suspect", sid)
                sexp = {"disposition": None, "verdict": None}
                cexp["suspects"][sid] = sexp
                r, _ = self.call("PUT /api/suspects/:id/disposition", "PUT", f"/api/suspects/{sid}/disposition", staff=moj,
                                 expect=(204,), json_body={"disposition": "prosecuted", "disposition_on": cleared})
                if r.ok:
                    sexp["disposition"] = "prosecuted"
                    sexp["verdict"] = "pending"
                    r, _ = self.call("PUT /api/suspects/:id/trial", "PUT", f"/api/suspects/{sid}/trial", staff=moj, expect=(204,),
                                     json_body={"verdict": "guilty", "decided_on": cleared, "imprisonment_months": 24,
                                                "suspension_months": 36})
                    if r.ok:
                        sexp["verdict"] = "guilty"
        # ---- and through the staff forms
        r, wi = self.call("POST /staff/cases", "POST", "/staff/cases?lang=en", session=self.police, expect=(303,),
                          form={"cleared_on": cleared, "summary": f"form {tag}"})
        m = re.search(r"/staff/cases/([A-Z0-9-]+)", r.location())
        if r.status == 303 and m:
            cid = m.group(1)
            s.new_id("case", cid)
            cexp = {"suspects": {}, "writer": wi}
            with s.lock:
                s.cases[cid] = cexp
            r, _ = self.call("POST /staff/cases/:id/suspects", "POST", f"/staff/cases/{cid}/suspects?lang=en", session=self.police,
                             expect=(303,), form={"arrested_on": cleared, "sex": "female", "nationality": "THA", "charges": CHARGE,
                                                  "organized_crime": "on"})
            if r.ok:
                rv, _ = self.call("GET /api/cases/:id", "GET", f"/api/cases/{cid}", staff=police)
                for suspect in (rv.json() or {}).get("suspects", []):
                    sid = suspect["record"]["id"]
                    s.new_id("suspect", sid)
                    sexp = {"disposition": None, "verdict": None}
                    cexp["suspects"][sid] = sexp
                    r, _ = self.call("POST /staff/suspects/:id/disposition", "POST", f"/staff/suspects/{sid}/disposition?lang=en",
                                     session=self.s["moj"], expect=(303,), form={"disposition": "prosecuted", "disposition_on": cleared})
                    if r.ok:
                        sexp["disposition"], sexp["verdict"] = "prosecuted", "pending"
                        r, _ = self.call("POST /staff/suspects/:id/trial", "POST", f"/staff/suspects/{sid}/trial?lang=en",
                                         session=self.s["moj"], expect=(303,),
                                         form={"verdict": "guilty", "decided_on": cleared, "fine_yen": "500000"})
                        if r.ok:
                            sexp["verdict"] = "guilty"

        # ---- the hot lines: tips (JSON, form, phone), internet reports (JSON, form)
        tips = []
        r, wi = self.call("POST /api/public/tips", "POST", "/api/public/tips", expect=(201,), json_body={
            "lang": "en", "category": "trafficking", "prefecture": "JP-13", "description": f"conc tip {tag} json"})
        if r.status == 201:
            tips.append(self.add_tip(r.json()["receipt"], r.json()["passcode"], wi, "web"))
        r, wi = self.call("POST /report", "POST", "/report", expect=(201,), form={
            "lang": "ja", "category": "child_welfare", "prefecture": "JP-13", "description": f"conc tip {tag} form"})
        rec, pas = lib.element_text(r.body, "receipt"), lib.element_text(r.body, "passcode")
        if r.status == 201 and rec and pas:
            tips.append(self.add_tip(rec, pas, wi, "web"))
        r, wi = self.call("POST /staff/hotline/intake", "POST", "/staff/hotline/intake?lang=en", session=self.s["hotline_intake"],
                          expect=(201,), form={"lang": "en", "category": "other", "prefecture": "JP-27", "description": f"conc call {tag}"})
        rec, pas = lib.element_text(r.body, "receipt"), lib.element_text(r.body, "passcode")
        if r.status == 201 and rec and pas:
            tips.append(self.add_tip(rec, pas, wi, "phone"))
        own_url = f"https://conc-{s.engine}.example.org/c{self.index}/r{round_}"
        for url, how in ((own_url, "json"), (s.hot_url, "form")):
            if how == "json":
                r, wi = self.call("POST /api/public/internet-reports", "POST", "/api/public/internet-reports", expect=(201,),
                                  json_body={"lang": "en", "category": "grave_crime", "url": url, "description": f"conc {tag}"})
                rec, pas = (r.json() or {}).get("receipt"), (r.json() or {}).get("passcode")
            else:
                r, wi = self.call("POST /internet-hotline", "POST", "/internet-hotline", expect=(201,),
                                  form={"lang": "zh", "category": "grave_crime", "url": url})
                rec, pas = lib.element_text(r.body, "receipt"), lib.element_text(r.body, "passcode")
            if r.status == 201 and rec and pas:
                s.new_id("receipt", rec)
                item = lib.item_id(url)
                with s.lock:
                    s.internet[rec] = {"passcode": pas, "item": item, "writer": wi}
                    entry = s.items.setdefault(item, {"url": url, "reports": 0, "judgement": "pending", "deletion": "none"})
                    entry["reports"] += 1

        # the reporters follow their reports from the other instance, and answer
        for tip in tips:
            r, _ = self.call("POST /report/status", "POST", "/report/status", form={"receipt": tip["receipt"], "passcode": tip["passcode"]})
            r, _ = self.call("POST /report/status/answer", "POST", "/report/status/answer",
                             form={"receipt": tip["receipt"], "passcode": tip["passcode"], "answer": f"more detail {tag}"})
            if r.ok:
                tip["messages"] += 1

        # triage: the web tip is classified, asked about, forwarded to Tokyo; Tokyo's police acknowledge and
        # record victim_protected; a supervisor decides a reward; the reporter claims it; it is paid.
        if len(tips) >= 2:
            main, dup = tips[0], tips[1]
            hs, hsup = self.s["hotline"], self.s["hotline_sup"]
            r, _ = self.call("POST /staff/hotline/tips/:r/classify", "POST", f"/staff/hotline/tips/{main['receipt']}/classify?lang=en",
                             session=hs, form={"category": "trafficking", "urgency": "high", "prefecture": "JP-13"})
            if r.ok:
                main["status"] = "triaged"
            r, _ = self.call("POST /staff/hotline/tips/:r/ask", "POST", f"/staff/hotline/tips/{main['receipt']}/ask?lang=en",
                             session=hs, form={"question": f"which floor? {tag}"})
            if r.ok:
                main["messages"] += 1
            r, _ = self.call("POST /staff/hotline/tips/:r/merge", "POST", f"/staff/hotline/tips/{dup['receipt']}/merge?lang=en",
                             session=hs, form={"into": main["receipt"]})
            if r.ok:
                dup["status"] = "merged"
            r, _ = self.call("POST /staff/hotline/tips/:r/forward", "POST", f"/staff/hotline/tips/{main['receipt']}/forward?lang=en",
                             session=hs, form={"prefecture": "JP-13"})
            if r.ok:
                main["status"], main["forwarded"] = "forwarded", True
                r, _ = self.call("POST /staff/hotline/tips/:r/acknowledge", "POST",
                                 f"/staff/hotline/tips/{main['receipt']}/acknowledge?lang=en", session=self.police, form={})
                if r.ok:
                    main["status"] = "acknowledged"
                r, _ = self.call("POST /staff/hotline/tips/:r/outcome", "POST", f"/staff/hotline/tips/{main['receipt']}/outcome?lang=en",
                                 session=self.police, form={"outcome": "victim_protected", "case_file": vid})
                if r.ok:
                    main["status"], main["outcome"] = "closed", "victim_protected"
                    r, _ = self.call("POST /staff/hotline/tips/:r/reward", "POST", f"/staff/hotline/tips/{main['receipt']}/reward?lang=en",
                                     session=hsup, form={"amount": "10000", "contribution": "victim_protected", "reason": f"rescue {tag}"})
                    if r.ok:
                        main["reward"], main["amount"] = "decided", 10000
                        r, _ = self.call("POST /report/status/claim", "POST", "/report/status/claim",
                                         form={"receipt": main["receipt"], "passcode": main["passcode"]})
                        if r.ok:
                            main["reward"] = "claimed"
                        r, _ = self.call("POST /staff/hotline/rewards", "POST", "/staff/hotline/rewards?lang=en", session=hsup,
                                         form={"receipt": main["receipt"], "passcode": main["passcode"]})
                        if r.ok:
                            main["reward"] = "paid"
        # internet item of this client: judged illegal, deletion requested, deleted
        item = lib.item_id(own_url)
        if item in s.items:
            ihc = self.s["ihc"]
            r, _ = self.call("POST /staff/hotline/internet/:item/judge", "POST", f"/staff/hotline/internet/{item}/judge?lang=en",
                             session=ihc, form={"judgement": "illegal", "category": "grave_crime"})
            if r.ok:
                s.items[item]["judgement"] = "illegal"
                r, _ = self.call("POST /staff/hotline/internet/:item/request-deletion", "POST",
                                 f"/staff/hotline/internet/{item}/request-deletion?lang=en", session=ihc,
                                 form={"language": self.rng.choice(["en", "ja"])})
                if r.ok:
                    s.items[item]["deletion"] = "requested"
                    r, _ = self.call("POST /staff/hotline/internet/:item/deletion", "POST",
                                     f"/staff/hotline/internet/{item}/deletion?lang=en", session=ihc, form={"state": "deleted"})
                    if r.ok:
                        s.items[item]["deletion"] = "deleted"

        # ---- administration: an account made and disabled; the directory replaced (each client once)
        email = f"made-{tag}@conc.example.jp"
        r, _ = self.call("POST /staff/accounts", "POST", "/staff/accounts?lang=en", session=self.s["admin"], expect=(201,),
                         form={"email": email, "agency": "police-27", "role": "intake"})
        if r.status == 201:
            with s.lock:
                s.accounts[email] = {"disabled": False}
            if round_ % 2 == 0:
                rp, _ = self.call("GET /staff/accounts", "GET", "/staff/accounts?lang=en", session=self.s["admin"])
                m = re.search(r"/staff/accounts/([^/\"]+)/disable", lib.account_row(rp.body, email) or "")
                if m:
                    r, _ = self.call("POST /staff/accounts/:id/disable", "POST", f"/staff/accounts/{m.group(1)}/disable?lang=en",
                                     session=self.s["admin"], expect=(303,), form={})
                    if r.ok:
                        s.accounts[email]["disabled"] = True
                else:
                    with s.ledger.lock:
                        s.ledger.unexpected[("GET /staff/accounts lists the new account", 200)].append((None, email))
        # ---- programme oversight and the measures registers, from both instances at once
        r, wi = self.call("POST /api/oversight/organisations/:id/inspections", "POST", f"/api/oversight/organisations/{OVERSIGHT_ORG}/inspections",
                          staff=s.staff["otit"], expect=(201,), json_body={"inspector": "otit", "inspected_on": f"{s.year - 1}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
                                                                           "violation_found": True, "findings": ["unpaid_wages"]})
        if r.status == 201:
            inspection = r.json()["id"]
            s.new_id("inspection", inspection)
            with s.lock:
                s.inspections[inspection] = wi
        distribution = f"d-{tag}"
        copies = self.rng.randint(1, 50)
        r, wi = self.call("POST /api/measures/:register", "POST", "/api/measures/distributions", staff=s.staff["contributor"], expect=(201,),
                          json_body={"distribution_id": distribution, "material_id": MATERIAL, "fiscal_year": str(s.fy),
                                     "copies": str(copies), "places": "1"})
        if r.status == 201:
            with s.lock:
                s.distributions[distribution] = (copies, wi)
        if s.report:
            # The ministry and the secretariat comment on one contribution from both instances at once: every
            # comment acknowledged must be in its history, once.
            comment = f"conc-comment-{tag}"
            r, wi = self.call("POST /staff/annual-report/:year/contributions/:id", "POST",
                              f"/staff/annual-report/{REPORT_YEAR}/contributions/{REPORT_CONTRIBUTION}?lang=en",
                              session=self.s["contributor" if self.index % 2 else "secretariat"], expect=(303,),
                              form={"action": "comment", "comment": comment})
            if r.status == 303:
                with s.lock:
                    s.report_comments[comment] = wi
        if round_ == 0:
            # Every client replaces the directory once, at about the same time. The CSRF token travels in the
            # X-CSRF-Token header here; the form as a browser sends it (token in the multipart body) is checked
            # once by itself (Suite.directory_form).
            r, _ = self.call("POST /staff/directory", "POST", "/staff/directory?lang=en", session=self.s["admin"],
                             multipart={"file": ("services.csv", s.directory_csv, "text/csv")},
                             headers={"X-CSRF-Token": self.s["admin"].csrf})
            if r.ok:
                with s.lock:
                    s.directory_uploads += 1

    def add_tip(self, receipt, passcode, instance, channel):
        tip = {"receipt": receipt, "passcode": passcode, "writer": instance, "channel": channel, "status": "received",
               "forwarded": False, "outcome": None, "reward": "none", "amount": 0, "messages": 0}
        self.suite.new_id("receipt", receipt)
        with self.suite.lock:
            self.suite.tips[receipt] = tip
        return tip


class Race:
    """Every client does the same thing at the same moment; the product must pick exactly one winner where
    there can be only one, and answer the others with a 4xx, never a 5xx."""

    def __init__(self, suite):
        self.suite = suite
        self.aborted = None
        self.lock = threading.Lock()
        self.results = collections.defaultdict(list)
        self.barrier = threading.Barrier(suite.n_clients)
        self.prepared = threading.Event()
        self.email = f"race-{secrets.token_hex(3)}@conc.example.jp"
        self.tip = None

    def abort(self, error):
        self.aborted = error
        self.prepared.set()

    def prepare(self, client):
        """Client 0 makes a tip with a decided reward, and another waiting to be forwarded."""
        s = self.suite
        hs, hsup = client.s["hotline"], client.s["hotline_sup"]
        made = []
        for _ in range(2):
            r, wi = client.call("POST /api/public/tips", "POST", "/api/public/tips", expect=(201,),
                                json_body={"lang": "en", "category": "trafficking", "prefecture": "JP-13", "description": "race"})
            made.append(client.add_tip(r.json()["receipt"], r.json()["passcode"], wi, "web"))
        paid, forwarded = made
        client.call("POST /staff/hotline/tips/:r/forward", "POST", f"/staff/hotline/tips/{paid['receipt']}/forward?lang=en",
                    session=hs, form={"prefecture": "JP-13"})
        client.call("POST /staff/hotline/tips/:r/outcome", "POST", f"/staff/hotline/tips/{paid['receipt']}/outcome?lang=en",
                    session=client.police, form={"outcome": "case_cleared"})
        r, _ = client.call("POST /staff/hotline/tips/:r/reward", "POST", f"/staff/hotline/tips/{paid['receipt']}/reward?lang=en",
                           session=hsup, form={"amount": "30000", "contribution": "case_cleared", "reason": "race"})
        paid.update(status="closed", forwarded=True, outcome="case_cleared", reward="decided", amount=30000)
        self.tip = (paid, forwarded)

    def run(self, client):
        if client.index == 0:
            try:
                self.prepare(client)
            except Exception as error:  # noqa: BLE001
                self.abort(error)
            self.prepared.set()
        self.prepared.wait(timeout=120)
        if self.aborted or not self.tip:
            return
        paid, forwarded = self.tip
        s = self.suite
        steps = [
            ("same new account", lambda: client.call("POST /staff/accounts (race)", "POST", "/staff/accounts?lang=en",
                                                     session=client.s["admin"], expect=(201, 422),
                                                     form={"email": self.email, "agency": "police-27", "role": "intake"})),
            ("same reward paid", lambda: client.call("POST /staff/hotline/rewards (race)", "POST", "/staff/hotline/rewards?lang=en",
                                                     session=client.s["hotline_sup"], expect=(200, 400),
                                                     form={"receipt": paid["receipt"], "passcode": paid["passcode"]})),
            ("same tip forwarded", lambda: client.call("POST /staff/hotline/tips/:r/forward (race)", "POST",
                                                       f"/staff/hotline/tips/{forwarded['receipt']}/forward?lang=en",
                                                       session=client.s["hotline"], expect=(200, 400), form={"prefecture": "JP-13"})),
            ("same URL reported", lambda: client.call("POST /api/public/internet-reports (race)", "POST", "/api/public/internet-reports",
                                                      expect=(201,), json_body={"lang": "en", "category": "csam", "url": s.hot_url})),
            ("same file's step", lambda: client.call("POST /api/victims/:id/steps (race)", "POST", f"/api/victims/{s.hot_file}/steps",
                                                     staff=s.staff["police"], json_body={"step": "counseling", "on": f"{s.year}-01-07"})),
        ]
        for name, action in steps:
            try:
                self.barrier.wait(timeout=60)
            except threading.BrokenBarrierError:
                return
            try:
                r, wi = action()
            except SuiteBroken as error:
                self.abort(error)
                self.barrier.abort()
                return
            with self.lock:
                self.results[name].append(r)
            if name == "same URL reported" and r.status == 201:
                j = r.json()
                with s.lock:
                    s.new_id("receipt", j["receipt"])
                    s.internet[j["receipt"]] = {"passcode": j["passcode"], "item": lib.item_id(s.hot_url), "writer": wi}
                    s.items[lib.item_id(s.hot_url)]["reports"] += 1
            if name == "same file's step" and r.ok:
                with s.lock:
                    s.hot_steps += 1
            if name == "same new account" and r.status == 201:
                with s.lock:
                    s.accounts[self.email] = {"disabled": False}
            if name == "same tip forwarded" and r.status == 200:
                forwarded.update(status="forwarded", forwarded=True)
            if name == "same reward paid" and r.status == 200 and "paid" in r.body.lower():
                paid["reward"] = "paid"

    def judge(self):
        c, e, n = self.suite.checks, self.suite.engine, self.suite.n_clients
        if self.aborted:
            c.check(False, f"race[{e}]: prepared", str(self.aborted))
            return
        for name, unique in (("same new account", True), ("same reward paid", True), ("same tip forwarded", True),
                             ("same URL reported", False), ("same file's step", False)):
            results = self.results.get(name, [])
            statuses = collections.Counter(r.status for r in results)
            winners = sum(1 for r in results if r.status is not None and 200 <= r.status < 300)
            five = [r for r in results if r.status is None or r.status >= 500]
            ok = len(results) == n and not five and (winners == 1 if unique else winners == n)
            want = "exactly one 2xx, the others 4xx" if unique else "all 2xx"
            c.check(ok, f"race[{e}]: {n} clients at once, {name}: {want} (got {dict(statuses)})",
                    "\n".join(repr(r) for r in (five or results)[:4]))


class Verifier:
    """Reads every acknowledged write back through the other instance; compares the figures."""

    def __init__(self, suite):
        self.s = suite
        self.http = Http(timeout=15)
        self.reads = 0
        self.found = 0
        self.missing = []
        self.no_answer = 0

    def req(self, base, method, path, **kw):
        r = self.http.request(base, method, path, **kw)
        self.guard(r)
        return r

    def guard(self, r):
        if r.status is None:
            self.no_answer += 1
            if self.no_answer >= NO_ANSWER_LIMIT:
                raise SuiteBroken(f"{NO_ANSWER_LIMIT} reads got no answer (last: {r})")
        return r

    def other(self, writer):
        return self.s.instances[1 - writer].base if writer is not None else self.s.instances[0].base

    def get(self, writer, path, staff=None, session=None):
        self.reads += 1
        if session is not None:
            return self.guard(session.get(self.other(writer), path))
        return self.req(self.other(writer), "GET", path, headers=staff.bearer() if staff else None)

    def expect(self, ok, what):
        if ok:
            self.found += 1
        else:
            self.missing.append(what)

    def run(self):
        s, c, e = self.s, self.s.checks, self.s.engine
        police, shelter, iom = s.staff["police"], s.staff["shelter"], s.staff["iom"]
        # victim files, their steps, whereabouts, referrals, screenings
        for vid, exp in s.victims.items():
            r = self.get(exp["writer"], f"/api/victims/{vid}", staff=police)
            if r.status != 200:
                self.expect(False, f"victim {vid}: {r}")
                continue
            view = r.json()
            steps = collections.Counter(x["step"] for x in view.get("timeline") or [])
            want_steps = collections.Counter(exp["steps"])
            if vid == s.hot_file:
                want_steps["counseling"] = s.hot_steps
            self.expect(steps == want_steps, f"victim {vid}: timeline {dict(steps)} != acknowledged {dict(want_steps)}")
            refs = {x["id"]: x["status"] for x in view.get("referrals") or []}
            for rid, status in exp["referrals"].items():
                self.expect(refs.get(rid) == status, f"victim {vid}: referral {rid} is {refs.get(rid)}, acknowledged {status}")
            self.expect(len(view.get("screenings") or []) == exp["screenings"],
                        f"victim {vid}: {len(view.get('screenings') or [])} screenings, acknowledged {exp['screenings']}")
            if exp["whereabouts"]:
                r = self.get(exp["writer"], f"/api/victims/{vid}", staff=shelter)
                got = ((r.json() or {}).get("whereabouts") or {}).get("description") if r.status == 200 else r
                self.expect(got == exp["whereabouts"], f"victim {vid}: whereabouts {got!r}, acknowledged {exp['whereabouts']!r}")
            # IOM sees the file exactly when a referral to it is accepted and still shares
            shares = any(status == "accepted" for status in exp["referrals"].values())
            r = self.get(exp["writer"], f"/api/victims/{vid}", staff=iom)
            self.expect(r.status == (200 if shares else 404), f"victim {vid}: IOM gets {r.status}, expected {200 if shares else 404}")
        # cases, suspects, dispositions, trials
        for cid, exp in s.cases.items():
            r = self.get(exp["writer"], f"/api/cases/{cid}", staff=police)
            r2 = self.get(exp["writer"], f"/api/cases/{cid}", staff=s.staff["moj"])
            self.reads += 1
            if r.status != 200 or r2.status != 200:
                self.expect(False, f"case {cid}: {r} / {r2}")
                continue
            got = {x["record"]["id"]: (x["record"].get("disposition"), (x.get("trial") or {}).get("verdict")) for x in r.json()["suspects"]}
            want = {sid: (x["disposition"], x["verdict"]) for sid, x in exp["suspects"].items()}
            self.expect(got == want, f"case {cid}: suspects {got} != acknowledged {want}")
        # tips: staff view from the other instance and the reporter's own look-up
        labels = {"received": "received", "triaged": "triaged", "forwarded": "forwarded", "acknowledged": "acknowledged",
                  "closed": "closed", "merged": "merged"}
        for receipt, tip in s.tips.items():
            r = self.get(tip["writer"], f"/staff/hotline/tips/{receipt}?lang=en", session=s.sessions["hotline"])
            status = lib.fact(r.body, "Status") if r.status == 200 else r
            self.expect(status == labels[tip["status"]], f"tip {receipt}: staff view says {status!r}, acknowledged {tip['status']}")
            r = self.req(self.other(tip["writer"]), "POST", "/report/status",
                                  form={"receipt": receipt, "passcode": tip["passcode"], "lang": "en"})
            self.reads += 1
            self.expect(r.status == 200 and receipt in r.body, f"tip {receipt}: reporter's look-up {r}")
        for receipt, report in s.internet.items():
            r = self.req(self.other(report["writer"]), "POST", "/report/status",
                                  form={"receipt": receipt, "passcode": report["passcode"], "lang": "en"})
            self.reads += 1
            self.expect(r.status == 200 and receipt in r.body, f"internet report {receipt}: reporter's look-up {r}")
        for item, exp in s.items.items():
            r = self.get(0, f"/staff/hotline/internet/{item}?lang=en", session=s.sessions["ihc"])
            self.expect(r.status == 200 and exp["url"] in r.body, f"internet item {item} ({exp['url']}): {r}")
        # accounts
        for i, instance in enumerate(s.instances):
            r = s.sessions["admin"].get(instance.base, "/staff/accounts?lang=en")
            self.reads += 1
            for email, exp in s.accounts.items():
                row = lib.account_row(r.body, email)
                disabled = bool(row and re.search(r">\s*disabled\s*<", row))
                self.expect(row is not None and disabled == exp["disabled"],
                            f"account {email} on instance {i}: {'listed' if row else 'missing'}, disabled={disabled}, expected {exp['disabled']}")
        # the annual report's comments, read back on each instance: each acknowledged one in the history, once
        if s.report:
            self.expect(len(s.report_comments) == s.n_clients * s.rounds,
                        f"the annual report: {len(s.report_comments)} comments acknowledged of {s.n_clients * s.rounds} sent")
            for i in (0, 1):
                r = self.get(i, f"/staff/annual-report/{REPORT_YEAR}/contributions/{REPORT_CONTRIBUTION}?lang=en", session=s.sessions["secretariat"])
                page = r.body if r.status == 200 else ""
                for comment, writer in s.report_comments.items():
                    self.expect(page.count(f"<blockquote>{comment}</blockquote>") == 1,
                                f"comment {comment} (acknowledged on instance {writer}) in the history read from instance {1 - i}: {page.count(comment)} times")
        # inspections and distributions, each read back from the instance that did not write it
        for i in (0, 1):
            r = self.get(i, f"/api/oversight/organisations/{OVERSIGHT_ORG}", staff=s.staff["otit"])
            stored = {x["id"] for x in (r.json() or {}).get("inspections", [])} if r.status == 200 else set()
            for inspection, writer in s.inspections.items():
                if writer == i:
                    self.expect(inspection in stored, f"inspection {inspection} (written on instance {i}) on instance {1 - i}: {r.status}")
            r = self.get(i, "/api/measures/distributions", staff=s.staff["contributor"])
            rows = {x.get("distribution_id"): x.get("copies") for x in (r.json() or {}).get("rows", [])} if r.status == 200 else {}
            for distribution, (copies, writer) in s.distributions.items():
                if writer == i:
                    self.expect(rows.get(distribution) == str(copies),
                                f"distribution {distribution} (written on instance {i}) on instance {1 - i}: {rows.get(distribution)!r}, acknowledged {copies}")
        c.check(not self.missing, f"concurrency[{e}]: every acknowledged write readable from the other instance "
                                  f"({self.found} verified, {len(self.missing)} not)", "\n".join(self.missing[:15]))
        s.ledger.verified = self.found
        dupes = [k for k, n in s.ids.items() if n > 1]
        c.check(not dupes, f"concurrency[{e}]: receipts and identifiers unique ({len(s.ids)} handed out)", str(dupes[:10]))
        c.check(all(re.fullmatch(r"\d{16}", r.replace("-", "")) for r in list(s.tips) + list(s.internet)),
                f"concurrency[{e}]: receipts are 16 digits", str([r for r in list(s.tips)[:3]]))
        self.figures()

    def figures(self):
        s, c, e = self.s, self.s.checks, self.s.engine
        # the hot lines' statistics: command line, and the staff page on both instances
        tips = [t for t in s.tips.values() if t["status"] != "merged"]
        want = {
            "tipsReceived": len(tips),
            "tipsForwarded": sum(1 for t in tips if t["forwarded"]),
            "rewardsDecided": sum(1 for t in tips if t["reward"] in ("decided", "claimed", "paid")),
            "rewardsPaid": sum(1 for t in tips if t["reward"] == "paid"),
            "rewardAmountPaid": sum(t["amount"] for t in tips if t["reward"] == "paid"),
            "internetReportsReceived": len(s.internet),
            "internetItems": len(s.items),
            "judgedIllegal": sum(1 for i in s.items.values() if i["judgement"] == "illegal"),
            "deletionRequested": sum(1 for i in s.items.values() if i["deletion"] in ("requested", "deleted")),
            "deleted": sum(1 for i in s.items.values() if i["deletion"] == "deleted"),
            "outcomes.victim_protected": sum(1 for t in tips if t["outcome"] == "victim_protected"),
            "outcomes.case_cleared": sum(1 for t in tips if t["outcome"] == "case_cleared"),
        }
        fy_now = japan_fiscal_year()
        if fy_now != s.fy:
            c.check(True, f"concurrency[{e}]: hot-line figures skipped (the fiscal year changed during the run)")
        else:
            out = s.ctip.run("hotline", "stats", "--fiscal-year", str(s.fy), "--json", timeout=120)
            sources = []
            if out.returncode == 0:
                sources.append(("ctip hotline stats --json", out.stdout))
            else:
                c.check(False, f"concurrency[{e}]: ctip hotline stats --fiscal-year {s.fy} --json", out.stderr)
            for i, instance in enumerate(s.instances):
                r = s.sessions["analyst"].get(instance.base, f"/staff/hotline/stats?fiscal_year={s.fy}&format=json")
                sources.append((f"/staff/hotline/stats on instance {i}", r.body if r.status == 200 else f"{{\"status\": {r.status}}}"))
            for name, text in sources:
                try:
                    total = __import__("json").loads(text)["total"]
                except (ValueError, KeyError) as error:
                    c.check(False, f"concurrency[{e}]: {name} readable", f"{error}: {excerpt(text)}")
                    continue
                got = {k: (total.get("outcomes", {}).get(k.split(".")[1]) if k.startswith("outcomes.") else total.get(k)) for k in want}
                diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
                c.check(not diff, f"concurrency[{e}]: {name} FY{s.fy} = writes acknowledged "
                                  f"(tips {want['tipsReceived']}, internet reports {want['internetReportsReceived']}, items {want['internetItems']})",
                        "figure: (reported, acknowledged) " + str(diff))
        # the bundle export: one row per file, case, suspect, trial acknowledged
        export = s.workdir / "export"
        shutil.rmtree(export, ignore_errors=True)
        out = s.ctip.run("export", str(export), timeout=120)
        if out.returncode != 0:
            c.check(False, f"concurrency[{e}]: ctip export", out.stderr)
        else:
            def rows(name):
                with open(export / name, newline="") as f:
                    return list(csv.DictReader(f))
            suspects = [x for case in s.cases.values() for x in case["suspects"].values()]
            want_rows = {"victims.csv": len(s.victims), "cases.csv": len(s.cases), "suspects.csv": len(suspects),
                         "trials.csv": sum(1 for x in suspects if x["verdict"])}
            got_rows = {name: len(rows(name)) for name in want_rows}
            c.check(got_rows == want_rows, f"concurrency[{e}]: `ctip export` rows = acknowledged {want_rows}", f"exported {got_rows}")
        # the annual report of this year (the database holds nothing else): victims, cases, suspects, trials
        suspects = [x for case in s.cases.values() for x in case["suspects"].values()]
        want_report = {"victims.total.count": len(s.victims), "suspects.cleared_cases.count": len(s.cases),
                       "suspects.arrested.count": len(suspects),
                       "suspects.prosecuted": sum(1 for x in suspects if x["disposition"] == "prosecuted"),
                       "suspects.outcomes.guilty": sum(1 for x in suspects if x["verdict"] == "guilty")}
        for i, instance in enumerate(s.instances):
            r = self.req(instance.base, "GET", f"/api/reports/{s.year}?lang=en", timeout=120)
            report = r.json() if r.status == 200 else None
            got = {k: dig(report, k) for k in want_report}
            c.check(got == want_report, f"concurrency[{e}]: the {s.year} report on instance {i} counts what was acknowledged {want_report}",
                    f"report: {got}" if report else repr(r))
        # the directory after the concurrent uploads, on both instances
        for i, instance in enumerate(s.instances):
            r = s.sessions["admin"].get(instance.base, "/staff/directory?lang=en")
            m = re.search(r"(\d+) services are listed", r.body)
            c.check(bool(m) and int(m.group(1)) == s.directory_count,
                    f"concurrency[{e}]: directory on instance {i} after {s.directory_uploads} concurrent uploads lists {s.directory_count}",
                    repr(r))
        # the published edition, seen by both instances
        if s.published is not None and s.published.returncode == 0:
            for i, instance in enumerate(s.instances):
                r = self.req(instance.base, "GET", f"/reports/{s.year}?edition=published&lang=en", timeout=60)
                c.check(r.status == 200, f"concurrency[{e}]: published edition {s.year} served by instance {i}", repr(r))
        # the audit trail
        out = s.ctip.run("audit", "verify", timeout=120)
        c.check(out.returncode == 0, f"concurrency[{e}]: `ctip audit verify` exits 0", excerpt(out.stdout + out.stderr, 600))
        r = self.req(s.instances[0].base, "GET", "/api/audit", headers=s.staff["auditor"].bearer())
        c.check(r.status == 200, f"concurrency[{e}]: the auditor reads the trail", repr(r))


def dig(node, dotted):
    for key in dotted.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node
