#!/usr/bin/env python3
"""Compare ctip's differentially private synthetic data with pac-synth's (Microsoft SDS's engine).

    python3 benchmarks/open-data-synthetic.py REAL.csv CTIP_SYNTHETIC.csv --epsilon 4 \
        [--ctip-seconds S] [--reporting-length 3] [--pac-out FILE] [--threads N]

REAL.csv is the real microdata in the five attributes of the release, either the simple form
(header `year,gender,ageBroad,citizenship,exploitation`, as `ctip open-data synthetic --real-out`
writes it; "" = missing) or a CTDC-style file (`yearOfRegistration`, `gender`, `ageBroad`,
`citizenship`, the `is…` exploitation flags; e.g. the k = 1 CTDC export). CTIP_SYNTHETIC.csv is
ctip's synthetic output, in either form too. The script

1. runs pac-synth's `DpAggregateSeededSynthesizer` on REAL.csv with the same ε and reporting length
   (its other parameters at their documented defaults: Gaussian noise, δ = 1 / (n ln n), accuracy
   mode "prioritize long combinations", fabrication "uncontrolled") and samples its DP record count;
2. computes, for both synthetic files, the error of every 1-, 2- and 3-way marginal against the
   real data: over the union of the value combinations either file has (missing values are not
   values, as in SDS and ctip), |synthetic count - real count|, the largest and the mean;
3. prints a Markdown table: tool | length | largest | mean | rows | seconds.

pac-synth has no seed: its figures change from run to run. ctip's seconds are those the caller
measured (`--ctip-seconds`, e.g. from /usr/bin/time in benchmarks/open-data.sh); pac-synth's are
those of `fit` + `sample` in this process (reading the CSV excluded).

Requires: pip install pac-synth pandas
"""
import argparse
import itertools
import sys
import time

import pandas as pd

ATTRIBUTES = ["year", "gender", "ageBroad", "citizenship", "exploitation"]
# CTDC's codes for "unknown" in the country and flag columns (docs/open-data.md §2.2).
MISSING = {"", "-99", "00"}


def read_five(path):
    """The file as a data frame of the five attributes, strings, "" = missing; and whether some
    exploitation could only be read as CTDC's forced labour (not telling a hostess from other labour)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    columns = set(frame.columns)
    if set(ATTRIBUTES) <= columns:
        five = frame[ATTRIBUTES].copy()
        coarse = False
    elif {"yearOfRegistration", "gender", "ageBroad", "citizenship"} <= columns:
        five = pd.DataFrame({
            "year": frame["yearOfRegistration"],
            "gender": frame["gender"],
            "ageBroad": frame["ageBroad"],
            "citizenship": frame["citizenship"],
        })

        def flag(name):
            return frame[name] == "1" if name in columns else pd.Series(False, index=frame.index)

        exploitation = pd.Series("", index=frame.index, dtype=object)
        exploitation[flag("isOrganRemoval")] = "organ"
        exploitation[flag("isOtherExploit")] = "other"
        exploitation[flag("isForcedLabour")] = "forcedLabour"
        # CTIP's CTDC rows (the k-anonymised export and ctip's synthetic file) tell a hostess
        # (typeOfLabourHospitality) from other labour (typeOfLabourNotSpecified); CTDC's own files may not.
        exploitation[flag("isForcedLabour") & flag("typeOfLabourHospitality")] = "hostess"
        exploitation[flag("isForcedLabour") & flag("typeOfLabourNotSpecified")] = "labour"
        exploitation[flag("isSexualExploit")] = "sexual"
        five["exploitation"] = exploitation.astype(str)
        coarse = bool((five["exploitation"] == "forcedLabour").any())
    else:
        sys.exit(f"{path}: expected the columns {','.join(ATTRIBUTES)} or CTDC's yearOfRegistration, gender, ageBroad, citizenship, is…")
    five = five.astype(str)
    for column in ATTRIBUTES:
        five.loc[five[column].str.strip().isin(MISSING), column] = ""
    return five.reset_index(drop=True), coarse


def coarsen(frame):
    """hostess and labour → forcedLabour, to compare with a file read from CTDC's flags."""
    frame = frame.copy()
    frame.loc[frame["exploitation"].isin(["hostess", "labour"]), "exploitation"] = "forcedLabour"
    return frame


def marginals(frame, reporting_length):
    """For every set of 1 … reporting_length attributes, the counts of their value combinations over
    the rows where none of them is missing."""
    result = {}
    for length in range(1, reporting_length + 1):
        for columns in itertools.combinations(ATTRIBUTES, length):
            columns = list(columns)
            present = frame[columns]
            present = present[(present != "").all(axis=1)]
            counts = present.groupby(columns).size() if len(present) else pd.Series(dtype="int64")
            result[tuple(columns)] = counts
    return result


def errors(real, synthetic, reporting_length):
    """Per length: (largest, mean, combinations) of |synthetic - real| over the union of combinations."""
    table = []
    for length in range(1, reporting_length + 1):
        largest, total, count = 0.0, 0.0, 0
        for columns in itertools.combinations(ATTRIBUTES, length):
            r = real[columns]
            s = synthetic[columns]
            if len(r) == 0 and len(s) == 0:
                continue
            if len(r) == 0:
                difference = s.astype(float)
            elif len(s) == 0:
                difference = r.astype(float)
            else:
                joined = pd.concat([r.rename("real"), s.rename("synthetic")], axis=1).fillna(0)
                difference = (joined["synthetic"] - joined["real"]).abs().astype(float)
            if len(difference):
                largest = max(largest, float(difference.max()))
                total += float(difference.sum())
                count += len(difference)
        table.append((length, largest, total / count if count else 0.0, count))
    return table


def run_pac_synth(real, epsilon, reporting_length, threads):
    from pacsynth import (AccuracyMode, Dataset, DpAggregateSeededParametersBuilder,
                          DpAggregateSeededSynthesizer, FabricationMode, set_number_of_threads)
    if threads:
        set_number_of_threads(threads)
    started = time.perf_counter()
    dataset = Dataset.from_data_frame(real)
    parameters = (DpAggregateSeededParametersBuilder()
                  .reporting_length(reporting_length)
                  .epsilon(epsilon)
                  .accuracy_mode(AccuracyMode.prioritize_long_combinations())
                  .fabrication_mode(FabricationMode.uncontrolled())
                  .build())
    synthesizer = DpAggregateSeededSynthesizer(parameters)
    synthesizer.fit(dataset)
    raw = synthesizer.sample(synthesizer.get_dp_number_of_records())
    seconds = time.perf_counter() - started
    synthetic = Dataset.raw_data_to_data_frame(raw)
    # pac-synth returns the columns it saw, as strings; put them back in our order.
    for column in ATTRIBUTES:
        if column not in synthetic.columns:
            synthetic[column] = ""
    synthetic = synthetic[ATTRIBUTES].fillna("").astype(str)
    return synthetic, seconds


def figure(value):
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("real", help="the real microdata (five attributes, or CTDC-style)")
    parser.add_argument("ctip", help="ctip's synthetic output (five attributes, or CTDC-style)")
    parser.add_argument("--epsilon", type=float, required=True, help="the privacy budget ctip used")
    parser.add_argument("--reporting-length", type=int, default=3)
    parser.add_argument("--ctip-seconds", type=float, help="ctip's wall time, measured by the caller")
    parser.add_argument("--pac-out", help="also write pac-synth's synthetic rows here (CSV)")
    parser.add_argument("--threads", type=int, help="pac-synth's threads (default: all cores)")
    arguments = parser.parse_args()

    real, real_coarse = read_five(arguments.real)
    ctip, ctip_coarse = read_five(arguments.ctip)
    if len(real) == 0:
        sys.exit(f"{arguments.real}: no rows")
    coarse = real_coarse or ctip_coarse
    if coarse:
        # CTDC's flags lump hostesses with forced labour: compare (and synthesise) at that level.
        real, ctip = coarsen(real), coarsen(ctip)
        print("note: some forced labour could not be told hostess or labour: both compared as forcedLabour\n", file=sys.stderr)

    length = arguments.reporting_length
    real_marginals = marginals(real, length)
    rows = [("ctip", errors(real_marginals, marginals(ctip, length), length), len(ctip), arguments.ctip_seconds)]
    failure = None
    try:
        pac, pac_seconds = run_pac_synth(real, arguments.epsilon, arguments.reporting_length, arguments.threads)
    except BaseException as error:  # pac-synth's Rust panics (e.g. on tiny data) derive from BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        failure = f"{type(error).__name__}: {error}"
    else:
        if arguments.pac_out:
            pac.to_csv(arguments.pac_out, index=False)
        rows.append(("pac-synth", errors(real_marginals, marginals(pac, length), length), len(pac), pac_seconds))

    import importlib.metadata
    version = importlib.metadata.version("pac-synth")
    print(f"Real records: {len(real):,}; ε = {figure(arguments.epsilon)}; reporting length {length}; "
          f"pac-synth {version} (δ = 1/(n ln n) by default; no seed: its figures vary from run to run)"
          + ("; exploitation compared as CTDC's forms (hostess + labour = forcedLabour)" if coarse else ""))
    print()
    print("| tool | length | largest | mean | mean / real rows | combinations | rows | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for tool, table, count, seconds in rows:
        for length_, largest, mean, combinations in table:
            print(f"| {tool} | {length_} | {figure(largest)} | {mean:,.2f} | {mean / len(real):.4f} | {combinations:,} | "
                  f"{count:,} | {'' if seconds is None else f'{seconds:.2f}'} |")
    if failure:
        print(f"| pac-synth | failed: {failure} | | | | | | |")
        sys.exit(1)


if __name__ == "__main__":
    main()
