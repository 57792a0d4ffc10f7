#!/usr/bin/env python3
"""CTIP's concurrency suite and fault tests: one command, standard library only.

    python3 tests/concurrency/run.py --ctip .build/debug/ctip

Runs, in order (select with --only, comma-separated):
  sqlite         the concurrency suite on a fresh SQLite file (N clients, two `ctip serve`)
  postgresql     the same on a fresh PostgreSQL database
  kill           fault (a): SIGKILL one of two instances repeatedly under mixed load (PostgreSQL, and SQLite)
  pg-outage      fault (b): PostgreSQL stopped (`pg_ctl stop -m immediate`) and started while CTIP runs
  sqlite-faults  fault (c): the SQLite file or directory not writable, and the disk full (a small tmpfs)

PostgreSQL: the suite makes its own database (random name) in CTIP_TEST_POSTGRES_URL (the URL's role needs
CREATEDB) and drops it afterwards. pg-outage always uses a private throwaway cluster it can stop and start
(initdb/pg_ctl of Debian's postgresql, as the user `postgres` when run as root); when CTIP_TEST_POSTGRES_URL
is not set, that private cluster serves the other PostgreSQL parts too. sqlite-faults needs root (mount,
chattr). Parts that cannot run here are skipped with the reason.

Options: --ctip PATH (or CTIP_BIN; default .build/debug/ctip; the binary is copied to a private directory
first, so a rebuild cannot pull it away), --clients N (default 8), --rounds N (per client, default 3),
--kills N (default 3), --logdir DIR (server logs; kept when something fails or with --keep-logs).

Prints one `ok`/`FAIL` line per check, a summary line per engine
(`concurrency[postgresql]: 8 clients, 2 instances, 1234 requests, 0 5xx, 456 writes verified`) and at the
very end `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import faulthandler
import os
import signal
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import faults  # noqa: E402
import lib  # noqa: E402
import load  # noqa: E402
from lib import Checks, log  # noqa: E402

PARTS = ["sqlite", "postgresql", "kill", "pg-outage", "sqlite-faults"]


def concurrency(engine, database, binary, workdir, logdir, checks, args, keys):
    suite = load.Suite(engine, binary, database, workdir, logdir, checks, clients=args.clients, rounds=args.rounds,
                       data_key=keys[0], hotline_key=keys[1])
    try:
        suite.setup()
        suite.run()
        suite.verify()
    finally:
        suite.stop()
    ledger = suite.ledger
    c = checks
    c.check(not ledger.five_xx, f"concurrency[{engine}]: zero 5xx ({len(ledger.five_xx)})",
            "\n".join(f"{route} -> {status} on instance {i}: {body}" for route, status, i, body in ledger.five_xx[:12])
            + ("\nserver log:\n" + "\n".join(lib.grep_log(inst.log) for inst in suite.instances) if ledger.five_xx else ""))
    c.check(not ledger.no_answer, f"concurrency[{engine}]: every request answered ({len(ledger.no_answer)} without an answer)",
            "\n".join(f"{route} on instance {i}: {error}" for route, i, error in ledger.no_answer[:10]))
    c.check(not ledger.slow, f"concurrency[{engine}]: no request took over 10 s", str(ledger.slow[:5]))
    unexpected = {k: v for k, v in ledger.unexpected.items()}
    c.check(not unexpected, f"concurrency[{engine}]: every request answered as expected "
                            f"({sum(len(v) for v in unexpected.values())} unexpected)",
            "\n".join(f"{route} -> {status} x{len(v)} (e.g. on instance {v[0][0]}: {v[0][1]})" for (route, status), v in
                      sorted(unexpected.items(), key=lambda kv: str(kv[0]))[:20]))
    writes = sum(ledger.writes_acked.values())
    routes = len(ledger.writes_acked)
    log(f"concurrency[{engine}]: {args.clients} clients, 2 instances, {ledger.requests} requests, {len(ledger.five_xx)} 5xx, "
        f"{ledger.verified} writes verified ({writes} writes acknowledged on {routes} write routes, "
        f"{ledger.by_instance[0]}/{ledger.by_instance[1]} requests per instance, load {suite.load_seconds:.0f}s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ctip", default=os.environ.get("CTIP_BIN", str(lib.ROOT / ".build" / "debug" / "ctip")))
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ", ".join(PARTS))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--logdir", default=None)
    parser.add_argument("--keep-logs", action="store_true")
    parser.add_argument("--postgres-url", default=os.environ.get("CTIP_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {unknown}; choose from {PARTS}")
    if args.clients < 1:
        parser.error("--clients must be at least 1")

    # SIGTERM/SIGINT unwind through the `finally` blocks, so every server process started here is stopped;
    # SIGUSR1 prints every thread's stack (to see where a run waits).
    def terminate(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, terminate)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    started = time.monotonic()
    checks = Checks()
    work = Path(tempfile.mkdtemp(prefix="ctip-conc."))
    os.chmod(work, 0o755)
    logdir = Path(args.logdir) if args.logdir else Path(tempfile.mkdtemp(prefix="ctip-conc-logs."))
    logdir.mkdir(parents=True, exist_ok=True)
    source = Path(args.ctip)
    if not source.is_file() or not os.access(source, os.X_OK):
        log(f"error: {source} is missing or not executable: build it first (swift build)")
        return 2
    binary = work / "ctip"
    shutil.copy2(source, binary)
    os.chmod(binary, 0o755)
    log(f"CTIP concurrency suite: binary {source} (copied to {binary}), logs in {logdir}")

    private = None
    databases = []
    try:
        keys = lib.make_keys(binary)

        def postgres_admin_url():
            nonlocal private
            if args.postgres_url:
                return args.postgres_url
            if private is None:
                private = lib.PrivateCluster(logdir)
                private.setup()
                log(f"  PostgreSQL: CTIP_TEST_POSTGRES_URL not set: private cluster on port {private.port}")
            return f"postgres://ctip:ctip@127.0.0.1:{private.port}/postgres"

        def pg_database(prefix):
            db = lib.PgDatabase(postgres_admin_url(), prefix)
            databases.append(db)
            return db.create()

        pg_possible = bool(args.postgres_url) or bool(lib.pg_bindir())

        for part in parts:
            t0 = time.monotonic()
            log(f"\n==== {part} ====")
            try:
                if part == "sqlite":
                    d = work / "sqlite"
                    d.mkdir()
                    concurrency("sqlite", f"sqlite:///{d}/concurrency.sqlite", binary, d, logdir, checks, args, keys)
                elif part == "postgresql":
                    if not pg_possible:
                        log("  skipped: no CTIP_TEST_POSTGRES_URL and no PostgreSQL installed (initdb)")
                        continue
                    d = work / "postgresql"
                    d.mkdir()
                    concurrency("postgresql", pg_database("ctip_conc"), binary, d, logdir, checks, args, keys)
                elif part == "kill":
                    if pg_possible:
                        d = work / "kill-postgresql"
                        d.mkdir()
                        faults.kill_test("postgresql", pg_database("ctip_kill"), binary, d, logdir, checks, keys, kills=args.kills)
                    else:
                        log("  PostgreSQL skipped: no CTIP_TEST_POSTGRES_URL and no PostgreSQL installed")
                    d = work / "kill-sqlite"
                    d.mkdir()
                    faults.kill_test("sqlite", f"sqlite:///{d}/kill.sqlite", binary, d, logdir, checks, keys, kills=args.kills,
                                     sqlite_file=d / "kill.sqlite")
                elif part == "pg-outage":
                    if not lib.pg_bindir():
                        log("  skipped: PostgreSQL's initdb/pg_ctl are not installed (Debian's postgresql)")
                        continue
                    d = work / "pg-outage"
                    d.mkdir()
                    faults.pg_outage(binary, d, logdir, checks, keys)
                elif part == "sqlite-faults":
                    if os.geteuid() != 0:
                        log("  skipped: needs root (mount a tmpfs, chattr +i)")
                        continue
                    d = work / "sqlite-faults"
                    d.mkdir()
                    faults.sqlite_faults(binary, d, logdir, checks, keys)
            except RuntimeError as error:   # what the suite itself raises: a part could not be set up or run
                checks.check(False, f"{part}: ran to the end", str(error))
            except Exception:  # noqa: BLE001 - a part that breaks is a failed check, the others still run
                checks.check(False, f"{part}: ran to the end", traceback.format_exc())
            log(f"  ({part}: {time.monotonic() - t0:.0f}s)")
    finally:
        for instance in lib.STARTED:
            instance.stop()
        for db in databases:
            try:
                db.drop()
            except Exception as error:  # noqa: BLE001
                log(f"warning: could not drop database {db.name}: {error}")
        if private is not None:
            private.teardown()
        shutil.rmtree(work, ignore_errors=True)

    log(f"\nconcurrency suite: {time.monotonic() - started:.0f}s")
    if checks.failed:
        log("failed checks:")
        for name, _ in checks.failures:
            log(f"  - {name}")
        log(f"server logs kept in {logdir}")
    elif args.keep_logs or args.logdir:
        log(f"server logs in {logdir}")
    else:
        shutil.rmtree(logdir, ignore_errors=True)
    log(checks.summary())
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
