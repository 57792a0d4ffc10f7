#!/usr/bin/env bash
# The whole-report benchmark (issue 16): compiling and rendering the whole 2024 report — every section,
# English and Japanese — against the floor measured in the same run, rendering section 2 alone
# (`ctip report --year 2024`, the same formats and languages). Data: the reference bundle, the
# programme-oversight reference records, the measures registers and the seed as the 2024 edition.
# Appends its figures to RESULTS.md.
#
# Environment:
#   BENCH_RUNS        timed runs of each command, after one warm-up (default 7); the median counts
#   BENCH_FORMATS     formats rendered (default "html text")
#   BENCH_NO_RESULTS=1  do not append to benchmarks/RESULTS.md
#   CTIP_BIN          the ctip to measure (default: the release build, made if missing)
#   SEED_FILE         the edition (default ../shared/seed/000_d5bf70a9649b1a73.txt)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
RUNS="${BENCH_RUNS:-7}"
FORMATS="${BENCH_FORMATS:-html text}"
SEED_FILE="${SEED_FILE:-$ROOT/../shared/seed/000_d5bf70a9649b1a73.txt}"
RESULTS="$ROOT/benchmarks/RESULTS.md"
WORK="$ROOT/benchmarks/work/whole-report"
GOAL_SECONDS=1
mkdir -p "$WORK"

if [ -z "${CTIP_BIN:-}" ]; then
    swift build -c release --product ctip >/dev/null
    CTIP_BIN="$ROOT/.build/release/ctip"
fi
DB="sqlite:$WORK/ctip.sqlite"
rm -f "$WORK/ctip.sqlite"*
"$CTIP_BIN" import "$ROOT/Sources/CTIPStorage/ReferenceBundle" --database "$DB" >/dev/null
"$CTIP_BIN" measures import "$ROOT/Sources/CTIPStorage/ReferenceBundle/measures" --database "$DB" >/dev/null
"$CTIP_BIN" report import-edition --year 2024 "$SEED_FILE" --database "$DB" >/dev/null

# Seconds of one run of "$@" (all formats and both languages), as a decimal.
run_all() {
    local start end
    start=$(date +%s.%N)
    for format in $FORMATS; do
        for lang in en ja; do "$@" --format "$format" --lang "$lang" --database "$DB" >/dev/null; done
    done
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
measure() {
    run_all "$@" >/dev/null
    for _ in $(seq "$RUNS"); do run_all "$@"; done | median
}

floor=$(measure "$CTIP_BIN" report --year 2024)
whole=$(measure "$CTIP_BIN" report --year 2024 --whole)
ratio=$(echo "$whole / $floor" | bc -l)
commands=$(( $(echo "$FORMATS" | wc -w) * 2 ))
printf 'section 2 alone: %.3f s; the whole report: %.3f s (%d renderings each, median of %d); ratio %.2f\n' "$floor" "$whole" "$commands" "$RUNS" "$ratio"
ok=$(echo "$whole < $GOAL_SECONDS * $commands" | bc -l)
[ "$ok" = 1 ] && echo "goal met: under $GOAL_SECONDS s a rendering" || echo "GOAL MISSED: over $GOAL_SECONDS s a rendering"

if [ -z "${BENCH_NO_RESULTS:-}" ]; then
    {
        echo
        echo "## Whole report $(date -u '+%Y-%m-%d %H:%M') UTC — \`ctip report --year 2024 --whole\` against section 2 alone"
        echo
        echo "Binary: \`$(basename "$(dirname "$CTIP_BIN")")/ctip\`. Each figure is the median of $RUNS runs of $commands renderings (formats: $FORMATS; English and Japanese), each one process that opens the database, computes section 2's facts and renders."
        echo
        echo "| what | seconds | per rendering |"
        echo "|---|---|---|"
        printf '| section 2 alone (the floor) | %.3f | %.3f |\n' "$floor" "$(echo "$floor / $commands" | bc -l)"
        printf '| the whole report (sections 1–8) | %.3f | %.3f |\n' "$whole" "$(echo "$whole / $commands" | bc -l)"
        printf '\nRatio whole / section 2: **%.2f**. Goal: the whole report under %s s: %s.\n' "$ratio" "$GOAL_SECONDS" "$([ "$ok" = 1 ] && echo met || echo missed)"
    } >> "$RESULTS"
fi
