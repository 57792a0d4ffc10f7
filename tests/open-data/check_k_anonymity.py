#!/usr/bin/env python3
"""Checks a CTDC-format file written by `ctip open-data ctdc FILE --k K` with an independent tool:

    python3 tests/open-data/check_k_anonymity.py FILE --k 11

Loads FILE with pandas (every cell a string, so Namibia's `NA` and empty cells are not turned into NaN),
checks the 63 columns and their order, then measures with pycanon (PyPI; `anonymity.k_anonymity`,
`anonymity.l_diversity`) over the quasi-identifiers yearOfRegistration, gender, ageBroad, citizenship,
CountryOfExploitation, with typeOfExploitConcatenated as the sensitive attribute. A missing (empty) cell
is a value of its own: it is replaced by a marker first, because pandas' groupby (which pycanon uses) drops
NaN keys and would leave those rows out of every class.

Prints the row count and `k = N, l = M (exploitation type)`; exits 1 when k < K or the columns are wrong.
A file with no rows is k-anonymous for every K (nothing is published): it prints `k = n/a` and passes.
"""

import argparse
import sys

import pandas as pd
from pycanon import anonymity

COLUMNS = [
    "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit",
    "majorityEntry", "citizenship",
    "meansOfControlDebtBondage", "meansOfControlTakesEarnings", "meansOfControlRestrictsFinancialAccess",
    "meansOfControlThreats", "meansOfControlPsychologicalAbuse", "meansOfControlPhysicalAbuse",
    "meansOfControlSexualAbuse", "meansOfControlFalsePromises", "meansOfControlPsychoactiveSubstances",
    "meansOfControlRestrictsMovement", "meansOfControlRestrictsMedicalCare", "meansOfControlExcessiveWorkingHours",
    "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement", "meansOfControlWithholdsNecessities",
    "meansOfControlWithholdsDocuments", "meansOfControlOther", "meansOfControlNotSpecified",
    "meansOfControlConcatenated",
    "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage", "isForcedMilitary",
    "isOrganRemoval", "isSlaveryAndPractices", "typeOfExploitConcatenated",
    "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging", "typeOfLabourConstruction",
    "typeOfLabourDomesticWork", "typeOfLabourHospitality", "typeOfLabourIllicitActivities", "typeOfLabourManufacturing",
    "typeOfLabourMiningOrDrilling", "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther",
    "typeOfLabourNotSpecified", "typeOfLabourConcatenated",
    "typeOfSexProstitution", "typeOfSexPornography", "typeOfSexRemoteInteractiveServices",
    "typeOfSexPrivateSexualServices", "typeOfSexConcatenated",
    "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
    "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily",
    "recruiterRelationOther", "recruiterRelationUnknown",
]
QUASI_IDENTIFIERS = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation"]
SENSITIVE = ["typeOfExploitConcatenated"]
MISSING = "(missing)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the CSV written by `ctip open-data ctdc`")
    parser.add_argument("--k", type=int, required=True, help="the k the file must satisfy")
    args = parser.parse_args()

    data = pd.read_csv(args.file, dtype=str, keep_default_na=False, na_filter=False)
    print(f"{args.file}: {len(data)} rows")

    failed = False
    if list(data.columns) != COLUMNS:
        missing = [c for c in COLUMNS if c not in data.columns]
        extra = [c for c in data.columns if c not in COLUMNS]
        print(f"FAIL: columns differ from CTDC's 63 (missing {missing}, unexpected {extra}, "
              f"or out of order)", file=sys.stderr)
        failed = True
        if missing:
            return 1

    if len(data) == 0:
        print("k = n/a, l = n/a (exploitation type): no rows published")
        return 1 if failed else 0

    columns = QUASI_IDENTIFIERS + SENSITIVE
    checked = data[columns].replace("", MISSING)
    k = anonymity.k_anonymity(checked, QUASI_IDENTIFIERS)
    l = anonymity.l_diversity(checked, QUASI_IDENTIFIERS, SENSITIVE)
    classes = checked.groupby(QUASI_IDENTIFIERS).ngroups
    print(f"k = {k}, l = {l} (exploitation type); {classes} equivalence classes")

    if k < args.k:
        print(f"FAIL: k = {k} < {args.k}", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
