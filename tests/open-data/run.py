#!/usr/bin/env python3
"""The open-data exports checked by independent tools, on a generated bundle:

    python3 tests/open-data/run.py --ctip .build/debug/ctip [--python VENV_PYTHON]

1. `ctip generate` a bundle (20,000 victims over 2001–2024, a fixed seed) and `ctip import` it into a fresh
   SQLite file.
2. `ctip open-data ctdc` at k = 11 (the CTDC's own) and k = 5, with and without a suppression budget: PyPI's
   pycanon (tests/open-data/check_k_anonymity.py, run by --python, a virtualenv that has it) must find every
   published class at least k large; the suppressed share ctip reports must equal the rows it left out.
3. `ctip open-data synthetic`: the same seed gives the same file byte for byte, another seed another; without
   --seed the seed is never printed.
4. `ctip open-data glotip --year 2024`: the victims' total equals the annual report's (`ctip report --json`).

Prints a line per check and `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {what}", flush=True)
        else:
            self.failed += 1
            print(f"  FAIL  {what}", flush=True)
            if detail:
                print("        " + detail.replace("\n", "\n        "), flush=True)
        return ok


def run(command, **kw):
    return subprocess.run(command, capture_output=True, text=True, **kw)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ctip", default=".build/debug/ctip")
    parser.add_argument("--python", default=sys.executable, help="a Python with pycanon and pandas")
    parser.add_argument("--victims", type=int, default=20_000)
    args = parser.parse_args()
    checks = Checks()
    ctip = str(Path(args.ctip).resolve())

    with tempfile.TemporaryDirectory(prefix="ctip-open-data.") as work:
        work = Path(work)
        database = f"sqlite://{work / 'open-data.sqlite'}"
        done = run([ctip, "generate", "--victims", str(args.victims), "--suspects", "2000", "--seed", "3", str(work / "bundle")])
        if not checks.check(done.returncode == 0, f"ctip generate: {args.victims} victims", done.stderr):
            return finish(checks)
        done = run([ctip, "import", str(work / "bundle"), "--database", database])
        if not checks.check(done.returncode == 0, "ctip import", done.stderr):
            return finish(checks)

        for k, budget in [(11, "0"), (11, "0.05"), (5, "0.05")]:
            out = work / f"ctdc-k{k}-{budget}.csv"
            done = run([ctip, "open-data", "ctdc", str(out), "--k", str(k), "--max-suppressed", budget, "--database", database])
            if not checks.check(done.returncode == 0, f"ctip open-data ctdc --k {k} --max-suppressed {budget}: {done.stdout.strip()}", done.stderr):
                continue
            verdict = run([args.python, str(HERE / "check_k_anonymity.py"), str(out), "--k", str(k)])
            checks.check(verdict.returncode == 0, f"pycanon on k = {k}, budget {budget}: {verdict.stdout.strip().replace(chr(10), '; ')}",
                         verdict.stderr[-2000:])
            reported = re.search(r"(\d+) records, (\d+) suppressed", done.stdout)
            with out.open(newline="", encoding="utf-8") as handle:
                rows = sum(1 for _ in csv.reader(handle)) - 1
            checks.check(reported is not None and int(reported.group(1)) - int(reported.group(2)) == rows,
                         f"k = {k}, budget {budget}: the rows written ({rows}) are the records less those reported suppressed")
            if budget != "0" and reported:
                checks.check(int(reported.group(2)) <= float(budget) * int(reported.group(1)) or "all" in done.stdout,
                             f"k = {k}: no more than {budget} of the records left out, or the fewest possible")

        # The same seed gives the same file, byte for byte; another seed another.
        made = {}
        for name, seed in [("a", "7"), ("b", "7"), ("c", "8")]:
            out = work / f"synthetic-{name}.csv"
            done = run([ctip, "open-data", "synthetic", str(out), "--epsilon", "4", "--seed", seed, "--database", database])
            checks.check(done.returncode == 0, f"ctip open-data synthetic --epsilon 4 --seed {seed}: {done.stdout.splitlines()[0] if done.stdout else ''}", done.stderr)
            made[name] = out.read_bytes() if out.exists() else b""
        checks.check(made["a"] == made["b"] and made["a"], "the same seed gives the same synthetic file")
        checks.check(made["a"] != made["c"], "another seed gives another synthetic file")
        without = run([ctip, "open-data", "synthetic", str(work / "synthetic-secret.csv"), "--epsilon", "4", "--database", database])
        checks.check(without.returncode == 0 and "seed" not in without.stdout.lower(), "without --seed the seed is drawn and never printed",
                     without.stdout + without.stderr)

        out = work / "glotip.csv"
        done = run([ctip, "open-data", "glotip", str(out), "--year", "2024", "--database", database])
        if checks.check(done.returncode == 0, f"ctip open-data glotip --year 2024: {done.stdout.strip()}", done.stderr):
            report = run([ctip, "report", "--year", "2024", "--format", "json", "--database", database])
            with out.open(newline="", encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
            total = next((r["txtVALUE"] for r in rows if r["Indicator"] == "Detected trafficking victims"
                          and r["Dimension"] == "Total" and r["Sex"] == "Total" and r["Age"] == "Total"), None)
            victims = json.loads(report.stdout)["victims"]["total"]["count"] if report.returncode == 0 else None
            checks.check(total is not None and victims is not None and total.replace(",", "") == str(victims),
                         f"GLOTIP's detected victims of 2024 ({total}) are the report's ({victims})", report.stderr[-500:])
    return finish(checks)


def finish(checks):
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
