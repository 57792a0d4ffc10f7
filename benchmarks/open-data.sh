#!/usr/bin/env bash
# The open-data benchmark: each `ctip open-data` export over a database of the generated bundle (1,000,000
# victims by default), its wall time and peak memory, against the goal (under 30 s each, memory bounded:
# it must not grow with the victims); then the synthetic data against PyPI's pac-synth (Microsoft SDS's own
# engine) on the same records and ε. See benchmarks/README.md. Appends its figures to RESULTS.md.
#
# Environment:
#   BENCH_VICTIMS         bundle size (default 1000000; suspects a tenth of it); BENCH_SEED (default 1)
#   BENCH_EPSILON         ε of the synthetic release (default 4)
#   BENCH_REUSE_BUNDLE=1  keep benchmarks/work/open-data-bundle if it was made with the same size/seed
#   BENCH_NO_RESULTS=1    do not append to benchmarks/RESULTS.md
#   CTIP_BIN              use this ctip instead of building the release one
# SQLite only: the exports read the victims a page at a time by key, the same statements on both engines.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

export DEBIAN_FRONTEND=noninteractive
VICTIMS="${BENCH_VICTIMS:-1000000}"
SUSPECTS=$((VICTIMS / 10))
SEED="${BENCH_SEED:-1}"
EPSILON="${BENCH_EPSILON:-4}"
WORK="$ROOT/benchmarks/work/open-data"
BUNDLE="$WORK/bundle"
DB="$WORK/open-data.sqlite"
RESULTS="$ROOT/benchmarks/RESULTS.md"
LOGS="$WORK/logs"
GOAL_SECONDS=30
mkdir -p "$WORK" "$LOGS"

cleanup() {
    local status=$?
    # The real records in five attributes are the victims' microdata: never left behind.
    rm -f "$WORK/real.csv" "$DB"*
    [ "$status" -eq 0 ] || printf '\n==== FAILED (exit %s); logs in %s ====\n' "$status" "$LOGS" >&2
    exit "$status"
}
trap cleanup EXIT

started=$SECONDS
step() { ctip_section "$* ($((SECONDS - started)) s)"; }

step "Tools"
ctip_apt_install time
venv="$WORK/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
PYTHON="$venv/bin/python" ctip_pip_install pacsynth=pac-synth==0.0.8 pandas=pandas

if [ -n "${CTIP_BIN:-}" ]; then
    CTIP="$CTIP_BIN"
else
    step "swift build -c release"
    swift build -c release >"$LOGS/build.log" 2>&1 || { tail -n 30 "$LOGS/build.log"; ctip_die "the release build failed"; }
    CTIP="$ROOT/.build/release/ctip"
fi

step "Bundle: $VICTIMS victims, $SUSPECTS suspects (seed $SEED)"
stamp="$VICTIMS/$SUSPECTS/$SEED"
if [ "${BENCH_REUSE_BUNDLE:-0}" = 1 ] && [ "$(cat "$BUNDLE/.made-with" 2>/dev/null)" = "$stamp" ]; then
    ctip_note "reusing $BUNDLE"
else
    rm -rf "$BUNDLE"
    "$CTIP" generate --victims "$VICTIMS" --suspects "$SUSPECTS" --seed "$SEED" "$BUNDLE" >"$LOGS/generate.log"
    echo "$stamp" >"$BUNDLE/.made-with"
fi
rm -f "$DB"*
"$CTIP" import "$BUNDLE" --database "sqlite://$DB" >"$LOGS/import.log"
# An HTCDS exchange needs an account with exportCaseData: a supervisor of an agency that protects victims.
printf 'benchmark-password-1234\n' | "$CTIP" users add --agency iom --role supervisor --password-stdin bench@iom.example.org \
    --database "sqlite://$DB" >/dev/null

# timed NAME COMMAND...: wall seconds and peak RSS of one run; sets SECONDS_TAKEN, RSS_MB.
timed() {
    local name="$1"; shift
    local tv="$LOGS/$name.time" start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$tv" "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" || { tail -n 20 "$LOGS/$name.err"; ctip_die "$name failed"; }
    end=$(date +%s%N)
    SECONDS_TAKEN="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
    RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tv")"
    ctip_note "$name: ${SECONDS_TAKEN} s, peak RSS ${RSS_MB} MB — $(head -n 1 "$LOGS/$name.out")"
}

rows=()
record() { rows+=("| $1 | $SECONDS_TAKEN | $RSS_MB | $(awk -v s="$SECONDS_TAKEN" -v g="$GOAL_SECONDS" 'BEGIN { print (s < g ? "met" : "missed") }') | $2 |"); }

step "Exports over $VICTIMS victims"
timed ctdc "$CTIP" open-data ctdc "$WORK/ctdc.csv" --k 11 --database "sqlite://$DB"
record "ctdc --k 11" "$(head -n 1 "$LOGS/ctdc.out" | sed 's/^[^:]*: //')"
timed synthetic "$CTIP" open-data synthetic "$WORK/synthetic.csv" --epsilon "$EPSILON" --seed "$SEED" --real-out "$WORK/real.csv" --database "sqlite://$DB"
record "synthetic --epsilon $EPSILON" "$(head -n 1 "$LOGS/synthetic.out" | sed 's/^[^:]*: //')"
synthetic_seconds="$SECONDS_TAKEN"
timed synthetic-k1 "$CTIP" open-data synthetic "$WORK/synthetic-k1.csv" --epsilon "$EPSILON" --threshold 1 --seed "$SEED" --database "sqlite://$DB"
record "synthetic --epsilon $EPSILON --threshold 1" "$(head -n 1 "$LOGS/synthetic-k1.out" | sed 's/^[^:]*: //')"
synthetic_k1_seconds="$SECONDS_TAKEN"
timed glotip "$CTIP" open-data glotip "$WORK/glotip.csv" --year 2020 --database "sqlite://$DB"
record "glotip --year 2020" "$(head -n 1 "$LOGS/glotip.out" | sed 's/^[^:]*: //')"
timed htcds "$CTIP" open-data htcds "$WORK/htcds" --as bench@iom.example.org --database "sqlite://$DB"
record "htcds" "$(head -n 1 "$LOGS/htcds.out" | sed 's/^[^:]*: //')"

step "Synthetic data against pac-synth (ε $EPSILON, marginals up to 3)"
"$venv/bin/python" benchmarks/open-data-synthetic.py "$WORK/real.csv" "$WORK/synthetic.csv" --epsilon "$EPSILON" \
    --ctip-seconds "$synthetic_seconds" >"$LOGS/compare.md" 2>"$LOGS/compare.err" || { tail -n 20 "$LOGS/compare.err"; ctip_die "the comparison failed"; }
"$venv/bin/python" benchmarks/open-data-synthetic.py "$WORK/real.csv" "$WORK/synthetic-k1.csv" --epsilon "$EPSILON" \
    --ctip-seconds "$synthetic_k1_seconds" >"$LOGS/compare-k1.md" 2>"$LOGS/compare-k1.err" || { tail -n 20 "$LOGS/compare-k1.err"; ctip_die "the comparison failed"; }
cat "$LOGS/compare.md" "$LOGS/compare-k1.md"
rm -f "$WORK/real.csv"

step "Results"
table="$(printf '| export | seconds | peak RSS MB | under %s s | what it said |\n|---|---:|---:|---|---|\n' "$GOAL_SECONDS"; printf '%s\n' "${rows[@]}")"
printf '%s\n' "$table"
if [ "${BENCH_NO_RESULTS:-0}" != 1 ]; then
    {
        printf '\n## Open data %s — %s victims, %s suspects (seed %s)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$VICTIMS" "$SUSPECTS" "$SEED"
        printf -- '- commit: %s; machine: %s cores, %s GiB, CPU: %s; load average at the end: %s\n' \
            "$(git rev-parse --short HEAD)" "$(nproc)" "$(free -g | awk '/Mem:/ { print $2 }')" \
            "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' | awk '{ print $1, $2 }')" "$(cut -d' ' -f1-3 /proc/loadavg)"
        printf -- '- SQLite, each export one `ctip open-data` process over the imported bundle (wall time and peak RSS by `/usr/bin/time -v`)\n\n'
        printf '%s\n\n' "$table"
        printf 'Synthetic data against pac-synth %s on the same real records (threshold 10, then 1):\n\n' "0.0.8"
        cat "$LOGS/compare.md"
        printf '\n'
        cat "$LOGS/compare-k1.md"
    } >>"$RESULTS"
    ctip_note "appended to benchmarks/RESULTS.md"
fi
step "Done"
