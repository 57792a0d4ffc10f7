#!/usr/bin/env python3
"""The JSON API against its own document, on SQLite and on PostgreSQL:

    python3 tests/api/run.py --ctip .build/debug/ctip [--engines sqlite,postgresql] [--examples 30] [--seed 1]

For each engine: a fresh database with the reference bundle, one `ctip serve`, staff of every role the API
serves (an API token each) and fixtures (a victim file with whereabouts, a referral waiting for an answer,
a cleared case with a suspect the prosecutors decided on) so that no operation is only ever answered 404.
Then, checked in order:

  1. openapi-spec-validator (PyPI) accepts `/openapi.json` as OpenAPI 3.1.
  2. schemathesis (PyPI, 4.32.5) runs every operation with `--checks all` through its examples, coverage,
     fuzzing and stateful phases, authenticated as each role that may call it (the public operations
     without a token): zero failures, zero warnings (a warning fails the run: an unreachable operation is
     a warning). A fixed seed, so that CI runs the same cases every time.
  3. A client generated from the served document by openapi-python-client (PyPI) opens a victim file,
     adds a protection step, refers the file and reads a report (tests/api/client_test.py).

Before a release, run longer: `--examples 300 --seed random` (the README says so).
Prints a summary line per engine and phase, and `N passed, M failed` at the end; exits 1 when anything failed.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests" / "concurrency"))

import lib  # noqa: E402
from lib import Checks, log  # noqa: E402

# Who calls what: each operation runs as every role listed (the first one also drives the fixtures).
ROLES = {
    "police": ("police-13", "case_worker"),
    "supervisor": ("police-13", "supervisor"),
    "shelter": ("wcsc-13", "case_worker"),
    "prosecutors": ("moj", "case_worker"),
    "auditor": ("police-13", "auditor"),
    "otit": ("otit", "case_worker"),
    "labour": ("labour-13", "case_worker"),
    "contributor": ("cao", "contributor"),
}
# In this order: those that only read or answer first, the police (who change the fixtures most) last.
OPERATIONS = {
    None: ["getAnnualReport", "findHelp", "sendTip", "sendInternetReport", "getHealth"],
    "auditor": ["listAuditEntries"],
    "shelter": ["answerReferral", "listReferrals", "getVictimFile"],
    "prosecutors": ["recordDisposition", "recordTrial", "getCase", "listCases"],
    "supervisor": ["referVictimFile"],
    "labour": ["requestJointInspection", "getOrganisation", "recordSignal"],
    "contributor": ["listMeasureRows", "recordMeasureRow", "getMeasureFigures"],
    "otit": ["searchOrganisations", "getOrganisation", "recordInspection", "recordAction", "recordSignal", "getInspection", "informPolice",
             "acceptImprovementReport", "listAwaitedReports", "getInspectionPlan", "getOversightStats"],
    "police": ["listVictimFiles", "openVictimFile", "getVictimFile", "addProtectionStep", "setWhereabouts", "referVictimFile",
               "withdrawConsent", "screenArticle3", "listReferrals", "listCases", "openCase", "getCase", "addSuspect"],
}
# Runs whose operations link to one another (OpenAPI links, or links schemathesis infers) also get the stateful phase.
STATEFUL = {"police", "shelter", "prosecutors", "otit"}


def call(base, method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, json.loads(text) if text.startswith("{") else text


def fixtures(base, tokens, checks, engine):
    """Records for every path parameter, made through the API itself: a set of its own for each run, so that
    what one role's run changes (a referral answered, a file moved to another agency) cannot starve another's."""
    police, prosecutors = tokens["police"], tokens["prosecutors"]
    status, file = call(base, "POST", "/api/victims", police, {
        "protected_on": "2026-04-02", "sex": "female", "age": 17, "nationality": "THA", "residence_status": "temporary_visitor",
        "exploitation": "sexual", "name": "Fixture Person", "protecting_agency": "wcsc-13", "whereabouts_kind": "shelter",
        "whereabouts": "Fixture shelter"})
    checks.check(status == 201, f"api[{engine}]: fixture victim file opened ({status} {file})", "")
    file_id = file["id"]
    status, _ = call(base, "POST", f"/api/victims/{file_id}/steps", police, {"step": "identification", "on": "2026-04-02"})
    checks.check(status == 200, f"api[{engine}]: fixture identified ({status})")
    status, referral = call(base, "POST", f"/api/victims/{file_id}/referrals", police,
                            {"to_agency": "wcsc-13", "sections": ["basic", "timeline"], "basis": "consent"})
    checks.check(status == 201, f"api[{engine}]: fixture referral made ({status} {referral})")
    status, case = call(base, "POST", "/api/cases", police, {"cleared_on": "2026-04-01", "prefecture": "JP-13", "agency": "police"})
    checks.check(status == 201, f"api[{engine}]: fixture case opened ({status} {case})")
    status, suspect = call(base, "POST", f"/api/cases/{case['id']}/suspects", police,
                           {"arrested_on": "2026-04-01", "sex": "male", "nationality": "JPN", "charges": ["trafficking_in_persons"]})
    if status != 201:  # the first offense of the shipped list, whatever it is called
        document = json.loads(urllib.request.urlopen(base + "/openapi.json").read())
        offense = document["components"]["schemas"]["NewSuspect"]["properties"]["charges"]["items"]["enum"][0]
        status, suspect = call(base, "POST", f"/api/cases/{case['id']}/suspects", police,
                               {"arrested_on": "2026-04-01", "sex": "male", "nationality": "JPN", "charges": [offense]})
    checks.check(status == 201, f"api[{engine}]: fixture suspect added ({status} {suspect})")
    status, _ = call(base, "PUT", f"/api/suspects/{suspect['id']}/disposition", prosecutors,
                     {"disposition": "prosecuted", "disposition_on": "2026-05-01"})
    checks.check(status == 204, f"api[{engine}]: fixture suspect prosecuted ({status})")
    # Programme oversight: an implementing organisation, an inspection of it that found what may be trafficking,
    # and an order awaiting its improvement report.
    otit = tokens["otit"]
    # Another one for every run: one run's actions (a licence revoked) must not refuse the next run's fixtures.
    status, found = call(base, "GET", "/api/oversight/organisations?kind=implementing&limit=50", otit)
    fixtures.runs = getattr(fixtures, "runs", 0) + 1
    checks.check(status == 200 and len(found) > fixtures.runs, f"api[{engine}]: fixture organisation found ({status})")
    organisation = found[fixtures.runs]["id"]
    status, inspection = call(base, "POST", f"/api/oversight/organisations/{organisation}/inspections", otit,
                              {"inspector": "otit", "inspected_on": "2026-04-02", "violation_found": True, "findings": ["passport_retained"]})
    checks.check(status == 201, f"api[{engine}]: fixture inspection recorded ({status} {inspection})")
    status, order = call(base, "POST", f"/api/oversight/organisations/{organisation}/actions", otit,
                         {"kind": "correction_order", "by": "otit", "on": "2026-04-03", "inspection_id": inspection["id"], "due_on": "2026-05-03"})
    checks.check(status == 201, f"api[{engine}]: fixture order recorded ({status} {order})")
    return {"path.id": file_id, "path.referral": referral["id"], "path.case": case["id"], "path.suspect": suspect["id"], "path.year": 2024,
            "path.organisation": organisation, "path.inspection": inspection["id"], "path.action": order["id"]}


def toml_value(value):
    return json.dumps(value)


def schemathesis(base, role, token, operations, parameters, args, logdir, checks, engine):
    """One schemathesis run; True when it found nothing."""
    config = logdir / f"schemathesis-{engine}-{role or 'public'}.toml"
    lines = [f"seed = {args.seed}" if args.seed != "random" else "", "workers = 1", "",
             "[warnings]", "fail-on = true", "",
             "[generation]", f"max-examples = {args.examples}", "",
             "[parameters]"]
    lines += [f"{toml_value(key)} = {toml_value(value)}" for key, value in parameters.items()]
    config.write_text("\n".join(lines) + "\n")
    phases = "examples,coverage,fuzzing" + (",stateful" if role in STATEFUL else "")
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", f"{base}/openapi.json",
               "--checks", "all", "--phases", phases, "--request-timeout", "30"]
    for operation in operations:
        command += ["--include-operation-id", operation]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, cwd=logdir,
                          env=dict(os.environ, NO_COLOR="1"))
    output = done.stdout + done.stderr
    (logdir / f"schemathesis-{engine}-{role or 'public'}.log").write_text(output)
    summary = next((line.strip(" =") for line in reversed(output.splitlines()) if re.search(r"^=+ .* in [0-9.]+s =+$", line.strip())), "")
    cases = re.search(r"Test cases:\s*\n?\s*([0-9,]+) generated", output)
    generated = cases.group(1) if cases else "?"
    ok = done.returncode == 0
    checks.check(ok, f"schemathesis[{engine}, {role or 'public'}]: {len(operations)} operations, {generated} cases generated — "
                     f"{summary or 'no summary'} ({time.monotonic() - started:.0f} s)")
    if not ok:
        print("\n".join(output.splitlines()[-80:]))
    return ok


def validate_document(base, checks, engine):
    from openapi_spec_validator import validate
    document = json.loads(urllib.request.urlopen(base + "/openapi.json").read())
    try:
        validate(document)
        checks.check(True, f"openapi-spec-validator[{engine}]: /openapi.json is valid OpenAPI {document['openapi']} "
                           f"({sum(len(v) for v in document['paths'].values())} operations, {len(document['components']['schemas'])} schemas)")
    except Exception as error:  # the validator's own error types vary by version
        checks.check(False, f"openapi-spec-validator[{engine}]: {error}")
    return document


def generated_client(base, tokens, checks, engine, logdir):
    """openapi-python-client generates a package from the served document; client_test.py uses it."""
    workdir = Path(tempfile.mkdtemp(prefix="ctip-client."))
    try:
        document = workdir / "openapi.json"
        document.write_bytes(urllib.request.urlopen(base + "/openapi.json").read())
        done = subprocess.run([sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document), "--output-path",
                               str(workdir / "client"), "--meta", "none", "--overwrite"], capture_output=True, text=True, timeout=300, cwd=workdir)
        (logdir / f"client-generate-{engine}.log").write_text(done.stdout + done.stderr)
        if not checks.check(done.returncode == 0, f"client[{engine}]: openapi-python-client generated a client"):
            print(done.stdout[-3000:], done.stderr[-3000:])
            return
        done = subprocess.run([sys.executable, str(HERE / "client_test.py"), base, tokens["police"], tokens["shelter"]],
                              capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONPATH=str(workdir)))
        (logdir / f"client-test-{engine}.log").write_text(done.stdout + done.stderr)
        checks.check(done.returncode == 0, f"client[{engine}]: {(done.stdout.strip().splitlines() or ['no output'])[-1]}")
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_engine(engine, binary, args, checks, logdir):
    workdir = Path(tempfile.mkdtemp(prefix=f"ctip-api-{engine}."))
    pg = None
    instance = None
    try:
        if engine == "sqlite":
            database = f"sqlite://{workdir / 'api.sqlite'}"
        else:
            admin = os.environ.get("CTIP_TEST_POSTGRES_URL")
            if not admin:
                log(f"  skip  api[{engine}]: CTIP_TEST_POSTGRES_URL is not set")
                return
            pg = lib.PgDatabase(admin, prefix="ctip_api")
            database = pg.create()
        data_key, hotline_key = lib.make_keys(binary)
        env = lib.server_env(data_key, hotline_key)
        ctip = lib.Ctip(binary, database, env=env, cwd=workdir)
        ctip.must("migrate")
        ctip.must("import", str(ROOT / "Sources" / "CTIPStorage" / "ReferenceBundle"))
        # Organisations for the oversight operations: the generator's, small.
        ctip.must("generate", "--organisations", "300", "--inspections-per-year", "400", "--years", "2024-2025", str(workdir / "oversight"))
        ctip.must("import", str(workdir / "oversight"))
        tokens = {}
        for role, (agency, kind) in ROLES.items():
            email = f"{role}@api.ctip.invalid"
            ctip.add_user(email, agency, kind)
            tokens[role] = ctip.token(email, name="api-contract")
        instance = lib.Instance(binary, database, env, logdir, f"api-{engine}", workdir)
        if not checks.check(instance.start(), f"api[{engine}]: ctip serve answers /health"):
            print(lib.tail(instance.log))
            return
        base = instance.base
        validate_document(base, checks, engine)
        for role, operations in OPERATIONS.items():
            parameters = fixtures(base, tokens, checks, engine) if role else {"path.year": 2024}
            schemathesis(base, role, tokens.get(role), operations, parameters, args, logdir, checks, engine)
        generated_client(base, tokens, checks, engine, logdir)
        # Every answer of 500 and every error is logged; a tip reported as danger to life is logged as critical on purpose.
        lines = [line for line in Path(instance.log).read_text(errors="replace").splitlines()
                 if any(mark in line for mark in ("[ ERROR ]", "[ CRITICAL ]", "] error:", "Fatal error", "PSQLError", "SQLiteError"))
                 and "danger to life" not in line]
        checks.check(not lines, f"api[{engine}]: the server logged no error", "\n".join(lines[-8:]))
    finally:
        if instance:
            instance.stop()
        if pg:
            pg.drop()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ctip", default=os.environ.get("CTIP_BIN", str(ROOT / ".build" / "debug" / "ctip")))
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--examples", type=int, default=30)
    parser.add_argument("--seed", default="1", help="a number, or `random` for a longer run before a release")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds for one schemathesis run")
    parser.add_argument("--logdir", default=None)
    args = parser.parse_args()
    binary = Path(tempfile.mkdtemp(prefix="ctip-api-bin.")) / "ctip"
    shutil.copy(args.ctip, binary)
    logdir = Path(args.logdir or tempfile.mkdtemp(prefix="ctip-api-logs."))
    logdir.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    for engine in args.engines.split(","):
        log(f"== the API against its document on {engine}")
        run_engine(engine, binary, args, checks, logdir)
    log(checks.summary())
    if checks.failed:
        print(f"logs: {logdir}")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
