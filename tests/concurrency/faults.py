"""Fault tests of CTIP, run by run.py (`python3 tests/concurrency/run.py --ctip .build/debug/ctip --only kill,pg-outage,sqlite-faults`).

  kill_test      (a) SIGKILL one of two instances repeatedly during mixed load; clients that get no answer retry
                 on the survivor. No acknowledged write may be lost, the survivor answers every request (no 5xx),
                 and on SQLite the file stays sound (PRAGMA integrity_check).
  pg_outage      (b) PostgreSQL stopped with `pg_ctl stop -m immediate` and started again while CTIP runs (a private
                 cluster of its own): meanwhile every request answers 503 with a clear message within 10 s (no hang,
                 no stack trace), GET /health 503; afterwards CTIP recovers by itself (health 200, writes succeed).
  sqlite_faults  (c) the SQLite file not writable while the server runs (`chattr +i`, which binds root too), the
                 directory not writable at start, and the disk full (a 6 MiB tmpfs filled up): a write answers a
                 clear error naming the database file, nothing is half-written (integrity_check, every victim row
                 with its file row and audit entry, none that was refused); `ctip import` into a full disk fails
                 naming the file and changes nothing.
"""

import collections
import concurrent.futures
import errno
import os
import random
import re
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import lib
from lib import Ctip, Http, Instance, Session, Staff, excerpt, log

PROBE_TIMEOUT = 10.0   # a request that takes longer is a hang


def leaks(body):
    return [m for m in lib.LEAK_MARKERS if m in (body or "")]


def visible(body, limit=170):
    """What a person reads in an answer: the JSON as it is, an HTML page's text from its <main> (or <body>)."""
    if body.lstrip().startswith("{"):
        return excerpt(body, limit)
    m = re.search(r"<main[^>]*>(.*?)</main>", body, re.S) or re.search(r"<body[^>]*>(.*?)</body>", body, re.S)
    return excerpt(re.sub(r"<[^>]+>", " ", m.group(1) if m else body), limit)


def victim_payload(tag):
    return {"protected_on": "2026-02-03", "sex": "female", "age": 22, "nationality": "VNM",
            "residence_status": "technical_intern_training_2", "exploitation": "labour", "name": f"Fault Person {tag}",
            "protecting_agency": "wcsc-13", "whereabouts_kind": "shelter", "whereabouts": f"Fault shelter {tag}"}


def make_staff(ctip, engine, key, agency="police-13", role="case_worker"):
    email = f"{key}.{engine}.{os.getpid()}@faults.example.jp"
    ctip.add_user(email, agency, role)
    return Staff(key, email, agency, role, ctip.token(email))


# ==================================================================================================
# (a) SIGKILL one of two instances under load


def kill_test(engine, database, binary, workdir, logdir, checks, keys, kills=3, clients=6, sqlite_file=None):
    name = f"fault-kill[{engine}]"
    env = lib.server_env(*keys)
    ctip = Ctip(binary, database, env=env, cwd=str(workdir))
    ctip.must("migrate")
    police = make_staff(ctip, engine, "killpolice")
    survivor = Instance(binary, database, env, logdir, f"kill-{engine}-survivor", str(workdir))
    victim = Instance(binary, database, env, logdir, f"kill-{engine}-killed", str(workdir))
    instances = [survivor, victim]
    stop = threading.Event()
    lock = threading.Lock()
    stats = collections.Counter()
    five_xx, survivor_misses, failures = [], [], []
    acked = {"victims": {}, "tips": {}, "internet": {}, "steps": collections.Counter()}
    in_doubt = collections.Counter()
    kill_log = []
    try:
        for instance in instances:
            instance.start(wait=False)
        for instance in instances:
            if not instance.wait_healthy():
                raise RuntimeError(f"{instance.name} did not start:\n{lib.tail(instance.log)}")
        for i, instance in enumerate(instances):   # both must take a write before anything is killed
            r = Http(timeout=PROBE_TIMEOUT).request(instance.base, "POST", "/api/victims", json_body=victim_payload(f"sanity{i}"),
                                                    headers=police.bearer())
            if r.status != 201:
                raise RuntimeError(f"{instance.name} does not take a write before the kills: {r}\n{lib.grep_log(instance.log)}")
            acked["victims"][r.json()["id"]] = i

        def worker(index):
            http = Http(timeout=PROBE_TIMEOUT)
            rng = random.Random(f"{engine}-{index}")
            n = index
            own = None
            seq = 0
            while not stop.is_set():
                seq += 1
                op = ["victim", "tip", "internet", "step"][seq % 4]
                if op == "step" and own is None:
                    op = "victim"
                tag = f"{engine}-{index}-{seq}"
                if op == "victim":
                    args = ("POST", "/api/victims", {"json_body": victim_payload(tag), "headers": police.bearer()})
                elif op == "tip":
                    args = ("POST", "/api/public/tips", {"json_body": {"lang": "en", "category": "other", "prefecture": "JP-13",
                                                                       "description": f"kill {tag}"}})
                elif op == "internet":
                    args = ("POST", "/api/public/internet-reports", {"json_body": {"lang": "en", "category": "harmful",
                                                                                   "url": f"https://kill-{engine}.example.org/{tag}"}})
                else:
                    args = ("POST", f"/api/victims/{own}/steps", {"json_body": {"step": "counseling", "on": "2026-02-03"},
                                                                  "headers": police.bearer()})
                first = n % 2
                n += 1
                for attempt, i in enumerate((first, 1 - first)):
                    method, path, kw = args
                    r = http.request(instances[i].base, method, path, **kw)
                    with lock:
                        stats["requests"] += 1
                        stats[f"instance{i}"] += 1
                        if r.status is None:
                            stats["no answer"] += 1
                            if i == 0:
                                survivor_misses.append(f"{op}: {r.error}")
                                if len(survivor_misses) >= 20:
                                    stop.set()   # the survivor hangs: no point waiting out more timeouts
                            # Refused: never arrived. Otherwise (reset, cut off) the write may or may not have been
                            # committed: in doubt, never counted as acknowledged.
                            if "Refused" not in (r.error or ""):
                                in_doubt[op] += 1
                        elif r.status >= 500:
                            five_xx.append((op, i, r.status, excerpt(r.body, 200)))
                        elif r.status not in (200, 201):
                            failures.append((op, i, r.status, excerpt(r.body, 200)))
                    if r.status is None:
                        if attempt == 0:
                            with lock:
                                stats["retried on the survivor"] += 1
                            continue
                        break
                    if r.status in (200, 201):
                        with lock:
                            if op == "victim":
                                vid = r.json()["id"]
                                acked["victims"][vid] = i
                                if own is None:
                                    # the file this client adds counseling steps to: identified first
                                    for j in (i, 1 - i):
                                        ident = http.request(instances[j].base, "POST", f"/api/victims/{vid}/steps",
                                                             json_body={"step": "identification", "on": "2026-02-03"},
                                                             headers=police.bearer())
                                        if ident.status == 200:
                                            own = vid
                                            break
                            elif op == "tip":
                                acked["tips"][r.json()["receipt"]] = r.json()["passcode"]
                            elif op == "internet":
                                acked["internet"][r.json()["receipt"]] = r.json()["passcode"]
                            else:
                                acked["steps"][own] += 1
                    break
                time.sleep(rng.uniform(0.01, 0.05))

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        for k in range(kills):
            time.sleep(random.uniform(1.0, 2.0))
            pid = victim.process.pid if victim.process else None
            victim.kill()
            killed_at = time.monotonic()
            time.sleep(1.0)           # the survivor carries the load alone
            victim.start(wait=False)
            up = victim.wait_healthy(60)
            kill_log.append((pid, up, time.monotonic() - killed_at))
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        # ---- verification, through both instances
        http = Http(timeout=30)
        missing = []
        found = 0
        def read_victim(item):
            vid, writer = item
            client = Http(timeout=PROBE_TIMEOUT)
            answers = [client.request(instances[i].base, "GET", f"/api/victims/{vid}", headers=police.bearer()) for i in (1 - writer, writer)]
            return None if all(r.status == 200 for r in answers) else f"victim {vid} (written through instance {writer}): {answers}"

        def read_report(item):
            n, (receipt, passcode) = item
            r = Http(timeout=PROBE_TIMEOUT).request(instances[n % 2].base, "POST", "/report/status", form={"receipt": receipt, "passcode": passcode})
            return None if r.status == 200 else f"report {receipt}: {r}"

        if len(survivor_misses) >= 20:
            results = ["not read back: the survivor stopped answering"]
        else:
            with concurrent.futures.ThreadPoolExecutor(4) as pool:
                results = list(pool.map(read_victim, acked["victims"].items()))
                results += list(pool.map(read_report, enumerate(list(acked["tips"].items()) + list(acked["internet"].items()))))
        missing = [x for x in results if x]
        found = len(results) - len(missing)
        step_problems = []
        for vid, count in acked["steps"].items():
            r = http.request(survivor.base, "GET", f"/api/victims/{vid}", headers=police.bearer())
            steps = sum(1 for x in (r.json() or {}).get("timeline") or [] if x.get("step") == "counseling") if r.status == 200 else -1
            if not count <= steps <= count + in_doubt["step"]:
                step_problems.append(f"{vid}: {steps} steps, {count} acknowledged (+{in_doubt['step']} in doubt)")
            found += min(steps, count) if steps >= 0 else 0
        acknowledged = len(acked["victims"]) + len(acked["tips"]) + len(acked["internet"]) + sum(acked["steps"].values())
        # figures: the victims in the database are the acknowledged ones plus at most those in doubt
        report = http.request(survivor.base, "GET", "/api/reports/2026?lang=en", timeout=60)
        total = ((report.json() or {}).get("victims") or {}).get("total", {}).get("count") if report.status == 200 else None
    finally:
        stop.set()
        for instance in instances:
            instance.stop()

    restarted = [k for k in kill_log if k[1]]
    checks.check(len(kill_log) >= kills and len(restarted) == len(kill_log),
                 f"{name}: instance killed with SIGKILL {len(kill_log)} times and restarted each time",
                 f"kills: {kill_log}\n{lib.tail(victim.log)}")
    checks.check(not survivor_misses, f"{name}: the survivor answered every request ({stats['instance0']} requests)",
                 "\n".join(survivor_misses[:10]))
    checks.check(not five_xx, f"{name}: zero 5xx ({len(five_xx)})",
                 "\n".join(map(str, five_xx[:10])) + "\nsurvivor log:\n" + lib.grep_log(survivor.log) if five_xx else "")
    checks.check(not failures, f"{name}: no other refusals ({len(failures)})", "\n".join(map(str, failures[:10])))
    checks.check(not missing and not step_problems,
                 f"{name}: no acknowledged write lost (acknowledged {acknowledged}, found {found})",
                 "\n".join((missing + step_problems)[:15]))
    checks.check(total is not None and len(acked["victims"]) <= total <= len(acked["victims"]) + in_doubt["victim"],
                 f"{name}: the report counts {total} victims: the {len(acked['victims'])} acknowledged "
                 f"(+ at most {in_doubt['victim']} in doubt)", repr(report))
    out = ctip.run("audit", "verify", timeout=300)
    checks.check(out.returncode == 0, f"{name}: `ctip audit verify` exits 0 after the kills", excerpt(out.stdout + out.stderr, 500))
    if sqlite_file:
        result = integrity(sqlite_file)
        checks.check(result == "ok", f"{name}: PRAGMA integrity_check of the SQLite file after the kills = ok", result)
    log(f"{name}: {len(kill_log)} kills, {clients} clients, {stats['requests']} requests, {len(five_xx)} 5xx, "
        f"{stats['no answer']} without an answer ({stats['retried on the survivor']} retried on the survivor), "
        f"acknowledged {acknowledged} writes, found {found}; in doubt {sum(in_doubt.values())}")


def integrity(path):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
            return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))
    except sqlite3.Error as error:
        return f"sqlite3 error: {error}"


def half_written(path):
    """Problems where a victim's rows are incomplete: a `victims` row without its file row or its audit entry, or the reverse."""
    problems = []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
            victims = {r[0] for r in db.execute("SELECT victim_id FROM victims")}
            files = {r[0] for r in db.execute("SELECT victim_id FROM victim_files")}
            audited = {r[0][len("victim:"):] for r in db.execute("SELECT record FROM audit_log WHERE action = 'create' AND record LIKE 'victim:%'")}
    except sqlite3.Error as error:
        return [f"sqlite3 error: {error}"], set()
    for vid in sorted(victims ^ files):
        problems.append(f"{vid}: in {'victims' if vid in victims else 'victim_files'} only")
    for vid in sorted(files - audited):
        problems.append(f"{vid}: no audit entry of its creation")
    return problems, files


# ==================================================================================================
# (b) PostgreSQL stopped and started while CTIP runs


def pg_outage(binary, workdir, logdir, checks, keys):
    name = "fault-pg-outage"
    cluster = lib.PrivateCluster(logdir)
    db = None
    instance = None
    try:
        admin = cluster.setup()
        db = lib.PgDatabase(admin, "ctip_outage")
        url = db.create()
        env = lib.server_env(*keys)
        ctip = Ctip(binary, url, env=env, cwd=str(workdir))
        ctip.must("migrate")
        police = make_staff(ctip, "pg", "outagepolice")
        instance = Instance(binary, url, env, logdir, "pg-outage", str(workdir))
        if not instance.start():
            raise RuntimeError(f"ctip serve did not start:\n{lib.tail(instance.log)}")
        pid = instance.process.pid
        session = Session(police, timeout=PROBE_TIMEOUT)
        session.login(instance.base)
        http = Http(timeout=PROBE_TIMEOUT)
        r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("before"), headers=police.bearer())
        if r.status != 201:
            raise RuntimeError(f"no write before the outage: {r}")
        before = r.json()["id"]

        done = cluster.stop_immediate()
        checks.check(done.returncode == 0, f"{name}: `pg_ctl stop -m immediate`", done.stderr)
        stopped_at = time.monotonic()
        time.sleep(0.5)
        probes = [
            ("GET /health", lambda: http.request(instance.base, "GET", "/health"), "json"),
            ("POST /api/victims", lambda: http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("during"),
                                                       headers=police.bearer()), "json"),
            ("GET /api/victims/:id", lambda: http.request(instance.base, "GET", f"/api/victims/{before}", headers=police.bearer()), "json"),
            ("GET /staff/victims (page)", lambda: session.get(instance.base, "/staff/victims?lang=en"), "html"),
            ("POST /staff/victims (form)", lambda: session.post(instance.base, "/staff/victims?lang=en", victim_payload("form")), "html"),
            ("POST /api/public/tips", lambda: http.request(instance.base, "POST", "/api/public/tips", json_body={
                "lang": "en", "category": "other", "prefecture": "JP-13", "description": "outage"}), "json"),
            ("POST /report (form)", lambda: http.request(instance.base, "POST", "/report", form={
                "lang": "en", "category": "other", "prefecture": "JP-13", "description": "outage"}), "html"),
            ("GET / (home)", lambda: http.request(instance.base, "GET", "/?lang=en"), "html"),
        ]
        for round_ in (1, 2):   # twice: the first request finds the connections broken, the second finds no server
            for label, probe, kind in probes:
                r = probe()
                problems = []
                if r.status is None:
                    problems.append(f"no answer within {PROBE_TIMEOUT:.0f} s ({r.error}): a hang")
                elif r.status != 503:
                    problems.append(f"status {r.status}, expected 503")
                if r.status is not None:
                    body = r.body
                    if kind == "json":
                        j = r.json()
                        text = (j or {}).get("error") if isinstance((j or {}).get("error"), str) else None
                        if label == "GET /health":
                            if not (j and j.get("status") == "unavailable"):
                                problems.append("health body does not say unavailable")
                        elif not text or "database" not in text.lower() or "unavailable" not in text.lower():
                            problems.append("no JSON `error` saying the database is unavailable")
                    elif "database" not in body.lower():
                        problems.append("the page does not say the database is unavailable")
                    if leaks(body):
                        problems.append(f"leaks {leaks(body)}")
                checks.check(not problems, f"{name}: during the outage {label} answers 503 with a clear message (try {round_})",
                             f"{'; '.join(problems)}\n{r!r}" + (f"\nserver log:\n{lib.grep_log(instance.log, limit=4)}" if problems else ""))
                if round_ == 1 and not problems:
                    log(f"          {r.status} in {r.elapsed:.2f}s: {visible(r.body)}")
        checks.check(instance.alive(), f"{name}: ctip serve keeps running while the database is down", lib.tail(instance.log))

        cluster.start()
        restarted_at = time.monotonic()
        healthy_after = None
        while time.monotonic() - restarted_at < 30:
            r = http.request(instance.base, "GET", "/health")
            if r.status == 200:
                healthy_after = time.monotonic() - restarted_at
                break
            time.sleep(0.5)
        checks.check(healthy_after is not None, f"{name}: GET /health is 200 again after the restart without restarting ctip"
                                                f" ({healthy_after if healthy_after is None else round(healthy_after, 1)} s)", repr(r))
        wrote_after = None
        while time.monotonic() - restarted_at < 40:
            r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("after"), headers=police.bearer())
            if r.status == 201:
                wrote_after = time.monotonic() - restarted_at
                break
            time.sleep(1.0)
        checks.check(wrote_after is not None, f"{name}: writes succeed again by themselves "
                                              f"({wrote_after if wrote_after is None else round(wrote_after, 1)} s after the restart)",
                     f"{r!r}\n{lib.grep_log(instance.log, limit=4)}")
        r2 = session.get(instance.base, "/staff/victims?lang=en")
        checks.check(r2.status == 200, f"{name}: staff pages answer again (session still valid)", repr(r2))
        r3 = http.request(instance.base, "GET", f"/api/victims/{before}", headers=police.bearer())
        checks.check(r3.status == 200, f"{name}: the write acknowledged before the outage is still there", repr(r3))
        checks.check(instance.alive() and instance.process.pid == pid, f"{name}: the same ctip process served throughout (pid {pid})")
        out = ctip.run("audit", "verify", timeout=120)
        checks.check(out.returncode == 0, f"{name}: `ctip audit verify` exits 0 after the outage", excerpt(out.stdout + out.stderr, 400))
        log(f"{name}: database down for {restarted_at - stopped_at:.1f} s; health back after "
            f"{healthy_after if healthy_after is None else round(healthy_after, 1)} s, writes after "
            f"{wrote_after if wrote_after is None else round(wrote_after, 1)} s")
    finally:
        if instance:
            instance.stop()
        if db and cluster.running:
            db.drop()
        cluster.teardown()


# ==================================================================================================
# (c) SQLite: not writable, disk full


def chattr(flag, *paths):
    for p in paths:
        if Path(p).exists():
            subprocess.run(["chattr", flag, str(p)], capture_output=True, text=True)


def write_probes(checks, name, instance, police, session, filename, acked):
    """Writes while the database cannot be written: each must answer a clear error naming the file, quickly.
    Without a session, signing in (which writes the session) is the form tried."""
    http = Http(timeout=PROBE_TIMEOUT)
    if session is not None:
        form = ("POST /staff/victims (form)", lambda t: session.post(instance.base, "/staff/victims?lang=en", victim_payload(t)), "html")
    else:
        form = ("POST /login (form; writes the session)", lambda t: Http(timeout=PROBE_TIMEOUT).request(
            instance.base, "POST", "/login?lang=en", form={"email": police.email, "password": lib.PASSWORD, "next": "/staff"}), "html")
    for label, probe, kind in (
        ("POST /api/victims", lambda t: http.request(instance.base, "POST", "/api/victims", json_body=victim_payload(t),
                                                     headers=police.bearer()), "json"),
        form,
        ("POST /api/public/tips", lambda t: http.request(instance.base, "POST", "/api/public/tips", json_body={
            "lang": "en", "category": "other", "prefecture": "JP-13", "description": f"fault {t}"}), "public"),
    ):
        r = probe(f"{name}-{label}")
        if r.status in (201, 303):
            if kind != "public":
                m = re.search(r"V\d{4}-[A-Z0-9]+", r.body + r.location())
                if m:
                    acked.add(m.group(0))
        problems = []
        if r.status is None:
            problems.append(f"no answer within {PROBE_TIMEOUT:.0f} s ({r.error})")
        elif r.status < 500:
            problems.append(f"status {r.status}: the write was not refused")
        if r.status is not None:
            if kind != "public" and filename not in r.body:
                problems.append(f"the answer does not name the database file ({filename})")
            if kind == "public" and filename in r.body:
                problems.append(f"an anonymous reporter is told the database file's name ({filename})")
            if leaks(r.body):
                problems.append(f"leaks {leaks(r.body)}")
        expectation = "a 5xx without a stack trace" if kind == "public" else f"a clear error naming {filename}"
        checks.check(not problems, f"{name}: {label} answers {expectation}",
                     f"{'; '.join(problems)}\n{r!r}" + (f"\nserver log:\n{lib.grep_log(instance.log, limit=4)}" if problems else ""))
        if not problems:
            log(f"          {r.status} in {r.elapsed:.2f}s: {visible(r.body)}")


def consistent(checks, name, path, acked):
    result = integrity(path)
    checks.check(result == "ok", f"{name}: PRAGMA integrity_check = ok", result)
    problems, files = half_written(path)
    checks.check(not problems, f"{name}: nothing half-written (every victim row with its file row and audit entry)", "\n".join(problems[:10]))
    extra = sorted(files - acked)
    lost = sorted(acked - files)
    checks.check(not extra and not lost, f"{name}: the files in the database are exactly the {len(acked)} acknowledged",
                 f"not acknowledged but present: {extra[:5]}; acknowledged but missing: {lost[:5]}")


def chattr_works(directory):
    probe = Path(directory) / "chattr-probe"
    probe.write_text("x")
    try:
        if subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode != 0:
            return False
        try:
            with open(probe, "a") as f:
                f.write("y")
            return False      # immutable but still writable: the flag does not bind here
        except OSError:
            return True
    except FileNotFoundError:
        return False
    finally:
        subprocess.run(["chattr", "-i", str(probe)], capture_output=True)
        probe.unlink()


def sqlite_faults(binary, workdir, logdir, checks, keys):
    env = lib.server_env(*keys)
    workdir = Path(workdir)
    if chattr_works(workdir):
        sqlite_unwritable(binary, workdir, logdir, checks, env)
    else:
        log(f"  skipped the unwritable-file tests: `chattr +i` does not work on the file system of {workdir}")
    sqlite_disk_full(binary, workdir, logdir, checks, env)


def sqlite_unwritable(binary, workdir, logdir, checks, env):
    # ---- (c1) the database file made unwritable while the server runs
    name = "fault-sqlite-readonly"
    d = workdir / "readonly"
    d.mkdir()
    path = d / "readonly.sqlite"
    ctip = Ctip(binary, f"sqlite:///{path}", env=env, cwd=str(workdir))
    ctip.must("migrate")
    police = make_staff(ctip, "sqlite", "ropolice")
    instance = Instance(binary, f"sqlite:///{path}", env, logdir, "sqlite-readonly", str(workdir))
    acked = set()
    try:
        if not instance.start():
            raise RuntimeError(f"ctip serve did not start:\n{lib.tail(instance.log)}")
        session = Session(police, timeout=PROBE_TIMEOUT)
        session.login(instance.base)
        http = Http(timeout=PROBE_TIMEOUT)
        r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("before"), headers=police.bearer())
        if r.status != 201:
            raise RuntimeError(f"no write before the file was made unwritable: {r}\n{lib.grep_log(instance.log)}")
        acked.add(r.json()["id"])
        chattr("+i", path, f"{path}-wal", d)
        try:
            write_probes(checks, name, instance, police, session, path.name, acked)
        finally:
            chattr("-i", path, f"{path}-wal", d)
        recovered = None
        started = time.monotonic()
        while time.monotonic() - started < 15:
            r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("after"), headers=police.bearer())
            if r.status == 201:
                acked.add(r.json()["id"])
                recovered = time.monotonic() - started
                break
            time.sleep(1)
        checks.check(recovered is not None, f"{name}: writes succeed again once the file is writable, without a restart", repr(r))
    finally:
        chattr("-i", path, f"{path}-wal", d)
        instance.stop()
    consistent(checks, name, path, acked)

    # ---- (c2) the directory and the file not writable before the server starts
    name = "fault-sqlite-readonly-dir"
    chattr("+i", path, d)
    starter = Instance(binary, f"sqlite:///{path}", env, logdir, "sqlite-readonly-dir", str(workdir))
    try:
        up = starter.start(timeout=30)
        if up:
            # It serves what it can read; a write must then be refused naming the file.
            write_probes(checks, name + " (server started)", starter, police, None, path.name, set())
        else:
            text = Path(starter.log).read_text(errors="replace")
            checks.check(path.name in text and not leaks(text),
                         f"{name}: ctip serve refuses to start and its message names the database file",
                         excerpt(text, 600))
        out = ctip.run("users", "add", "--agency", "police-13", "--role", "intake", "--password-stdin", "ro-dir@faults.example.jp",
                       stdin=lib.PASSWORD + "\n")
        text = out.stdout + out.stderr
        checks.check(out.returncode != 0 and path.name in text and not leaks(text),
                     f"{name}: `ctip users add` fails with a message naming the database file",
                     f"exit {out.returncode}: {excerpt(text, 500)}")
        log(f"          exit {out.returncode}: {excerpt(text, 200)}")
    finally:
        starter.stop()
        chattr("-i", path, d)
    consistent(checks, name, path, acked)



def sqlite_disk_full(binary, workdir, logdir, checks, env):
    # ---- (c3) the disk full
    name = "fault-sqlite-disk-full"
    mnt = workdir / "full"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if mounted.returncode != 0:
        log(f"  skipped the disk-full tests: cannot mount a tmpfs here ({mounted.stderr.strip()})")
        return
    instance = None
    filler = mnt / "filler"
    try:
        path = mnt / "full.sqlite"
        ctip = Ctip(binary, f"sqlite:///{path}", env=env, cwd=str(workdir))
        ctip.must("migrate")
        police = make_staff(ctip, "sqlite", "fullpolice")
        instance = Instance(binary, f"sqlite:///{path}", env, logdir, "sqlite-disk-full", str(workdir))
        if not instance.start():
            raise RuntimeError(f"ctip serve did not start:\n{lib.tail(instance.log)}")
        session = Session(police, timeout=PROBE_TIMEOUT)
        session.login(instance.base)
        http = Http(timeout=PROBE_TIMEOUT)
        acked = set()
        r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("before"), headers=police.bearer())
        if r.status != 201:
            raise RuntimeError(f"no write before the disk was filled: {r}\n{lib.grep_log(instance.log)}")
        acked.add(r.json()["id"])
        fill(filler)
        write_probes(checks, name, instance, police, session, path.name, acked)
        filler.unlink()
        recovered = None
        started = time.monotonic()
        while time.monotonic() - started < 15:
            r = http.request(instance.base, "POST", "/api/victims", json_body=victim_payload("after"), headers=police.bearer())
            if r.status == 201:
                acked.add(r.json()["id"])
                recovered = time.monotonic() - started
                break
            time.sleep(1)
        checks.check(recovered is not None, f"{name}: writes succeed again once there is space, without a restart", repr(r))
        instance.stop()
        consistent(checks, name, path, acked)

        # `ctip import` into the full disk: fails, names the file, changes nothing.
        name = "fault-sqlite-import-disk-full"
        bundle = workdir / "bundle"
        out = subprocess.run([str(binary), "generate", "--victims", "3000", "--suspects", "600", "--years", "2019-2024", "--seed", "7",
                              str(bundle)], capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError(f"ctip generate failed: {out.stderr}")
        control = Ctip(binary, f"sqlite:///{workdir}/control.sqlite", env=env, cwd=str(workdir))
        ok = control.run("import", str(bundle), timeout=300)
        checks.check(ok.returncode == 0, f"{name}: (control) the bundle imports into a database with space", excerpt(ok.stderr, 300))
        before = victims_count(path)
        fill(filler)
        out = ctip.run("import", str(bundle), timeout=300)
        text = out.stdout + out.stderr
        checks.check(out.returncode != 0 and path.name in text and not leaks(text),
                     f"{name}: `ctip import` into a full disk fails with a message naming the database file",
                     f"exit {out.returncode}: {excerpt(text, 600)}")
        log(f"          exit {out.returncode}: {excerpt(text, 200)}")
        filler.unlink()
        checks.check(victims_count(path) == before, f"{name}: the import changed nothing ({before} victims before and after)",
                     f"after: {victims_count(path)}")
        result = integrity(path)
        checks.check(result == "ok", f"{name}: PRAGMA integrity_check = ok", result)
    finally:
        if instance:
            instance.stop()
        try:
            filler.unlink()
        except OSError:
            pass
        done = subprocess.run(["umount", str(mnt)], capture_output=True, text=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True, text=True)


def fill(path):
    """Writes until the file system is full (ENOSPC)."""
    with open(path, "ab", buffering=0) as f:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            chunk = b"\0" * size
            for _ in range(100000):
                try:
                    f.write(chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break


def victims_count(path):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
            return db.execute("SELECT count(*) FROM victims").fetchone()[0]
    except sqlite3.Error as error:
        return f"sqlite3 error: {error}"
