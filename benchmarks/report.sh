#!/usr/bin/env bash
# The report benchmark: `ctip report --year 2020 --format json` against the floor, the same counts
# and lists taken by hand-written SQL (benchmarks/report-floor.sql) in the sqlite3 and psql clients,
# on a database of the generated bundle. See benchmarks/README.md. Appends its figures to RESULTS.md.
#
# Environment:
#   BENCH_VICTIMS / BENCH_SUSPECTS  bundle size (default 1000000 each); BENCH_SEED (default 1)
#   BENCH_ENGINES                   "sqlite postgres" (default), or just one of them
#   BENCH_RUNS                      timed runs of each command, after one warm-up (default 5); the median counts
#   BENCH_REUSE_BUNDLE=1            keep benchmarks/work/bundle if it was made with the same sizes/seed
#   BENCH_NO_RESULTS=1              do not append to benchmarks/RESULTS.md
#   BENCH_SQLITE_DB=FILE            use this SQLite database of the bundle instead of importing one (it is migrated)
#   BENCH_POSTGRES_URL=URL          the same for PostgreSQL (a database of the bundle, analyzed, migrated here)
#   CTIP_BIN                        use this ctip instead of building the release one
#   CTIP_TEST_POSTGRES_URL, CTIP_PG_PORT, CTIP_PG_KEEP   see scripts/lib/postgres.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

export DEBIAN_FRONTEND=noninteractive
VICTIMS="${BENCH_VICTIMS:-1000000}"
SUSPECTS="${BENCH_SUSPECTS:-1000000}"
SEED="${BENCH_SEED:-1}"
ENGINES="${BENCH_ENGINES:-sqlite postgres}"
RUNS="${BENCH_RUNS:-5}"
YEAR=2020
WORK="$ROOT/benchmarks/work"
BUNDLE="$WORK/bundle"
RESULTS="$ROOT/benchmarks/RESULTS.md"
FLOOR_SQL="$ROOT/benchmarks/report-floor.sql"
CTIP_LOG_DIR="$WORK/logs"
export CTIP_LOG_DIR
GOAL_SECONDS=2
GOAL_RATIO=2
want() { case " $ENGINES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
mkdir -p "$WORK" "$CTIP_LOG_DIR"

cleanup() {
    local status=$?
    ctip_pg_teardown || true
    rm -f "$WORK"/report.sqlite*
    [ "$status" -eq 0 ] || printf '\n==== FAILED (exit %s); logs in %s ====\n' "$status" "$CTIP_LOG_DIR" >&2
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
step() { ctip_section "$* ($((SECONDS - started)) s)"; }

# median_seconds NAME COMMAND...: one warm-up run, then $RUNS timed runs (output discarded);
# sets MEDIAN (wall seconds), CPU (median user + system seconds of the process: what a busy machine
# inflates least) and RSS_MB (peak resident set size of the last run).
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
median_seconds() {
    local name="$1"; shift
    local times=() cpus=() i start end tv="$CTIP_LOG_DIR/$name.time"
    "$@" >/dev/null 2>"$CTIP_LOG_DIR/$name.err" || { tail -n 20 "$CTIP_LOG_DIR/$name.err" >&2; ctip_die "$name failed: $*"; }
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$tv" "$@" >/dev/null 2>>"$CTIP_LOG_DIR/$name.err"
        end=$(date +%s%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
        cpus+=("$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$tv")")
    done
    MEDIAN="$(median "${times[@]}")"
    CPU="$(median "${cpus[@]}")"
    RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tv")"
    ctip_note "$name: median ${MEDIAN} s of ${RUNS} (${times[*]}), CPU ${CPU} s (${cpus[*]}), peak RSS ${RSS_MB} MB"
}

step "Tools"
ctip_apt_install time sqlite3
if want postgres; then step "PostgreSQL"; ctip_pg_setup; fi

step "Release build"
if [ -n "${CTIP_BIN:-}" ]; then
    CTIP="$CTIP_BIN"
else
    ctip_find_swift
    ctip_swift_quiet build -c release
    CTIP="$(swift build -c release --show-bin-path)/ctip"
fi

step "Bundle: $VICTIMS victims, $SUSPECTS suspects, seed $SEED"
stamp="victims=$VICTIMS suspects=$SUSPECTS seed=$SEED"
if [ "${BENCH_REUSE_BUNDLE:-0}" = 1 ] && [ "$(cat "$BUNDLE/.generated" 2>/dev/null)" = "$stamp" ]; then
    ctip_note "reusing $BUNDLE ($stamp)"
else
    rm -rf "$BUNDLE"
    "$CTIP" generate --victims "$VICTIMS" --suspects "$SUSPECTS" --seed "$SEED" "$BUNDLE" >/dev/null
    printf '%s\n' "$stamp" >"$BUNDLE/.generated"
fi

declare -A FLOOR CTIPS RSS FLOOR_CPU CTIP_CPU
if want sqlite; then
    if [ -n "${BENCH_SQLITE_DB:-}" ]; then
        step "SQLite: $BENCH_SQLITE_DB (migrated), the floor and ctip report"
        SQLITE_DB="$BENCH_SQLITE_DB"
        "$CTIP" migrate --database "sqlite://$SQLITE_DB" >/dev/null
    else
        step "SQLite: import, then the floor and ctip report"
        SQLITE_DB="$WORK/report.sqlite"
        rm -f "$WORK"/report.sqlite*
        "$CTIP" import "$BUNDLE" --database "sqlite://$SQLITE_DB" >/dev/null
    fi
    # The floor maps the file into memory as ctip's report does (PRAGMA mmap_size): pages without a system call each.
    median_seconds floor-report-sqlite sqlite3 -cmd "PRAGMA mmap_size = 1073741824" "$SQLITE_DB" ".read $FLOOR_SQL"
    FLOOR[SQLite]="$MEDIAN"; FLOOR_CPU[SQLite]="$CPU"
    median_seconds ctip-report-sqlite "$CTIP" report --year "$YEAR" --format json --database "sqlite://$SQLITE_DB"
    CTIPS[SQLite]="$MEDIAN"; CTIP_CPU[SQLite]="$CPU"; RSS[SQLite]="$RSS_MB"
fi
if want postgres; then
    if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
        step "PostgreSQL: the given database (migrated), the floor and ctip report"
        PG_URL="$BENCH_POSTGRES_URL"
        "$CTIP" migrate --database "$PG_URL" >/dev/null
    else
        step "PostgreSQL: import, then the floor and ctip report"
        ctip_pg_new_database ctip_report_bench
        PG_URL="$CTIP_PG_NEW_URL"
        "$CTIP" import "$BUNDLE" --database "$PG_URL" >/dev/null
    fi
    # The steady state of a database after a bulk load: autovacuum would soon do the same (and, left to
    # it, does it during the measurement). Until then every index-only scan also reads the table's pages.
    "${CTIP_PG_PSQL:-psql}" -X -q "$PG_URL" -c "VACUUM ANALYZE" >/dev/null 2>&1
    # The floor's session gets the planner settings of ctip's reading sessions (see ReadingSession.swift).
    PGOPTIONS="-c random_page_cost=1.1 -c jit=off" median_seconds floor-report-postgres \
        "${CTIP_PG_PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -f "$FLOOR_SQL" "$PG_URL"
    FLOOR[PostgreSQL]="$MEDIAN"; FLOOR_CPU[PostgreSQL]="$CPU"
    median_seconds ctip-report-postgres "$CTIP" report --year "$YEAR" --format json --database "$PG_URL"
    CTIPS[PostgreSQL]="$MEDIAN"; CTIP_CPU[PostgreSQL]="$CPU"; RSS[PostgreSQL]="$RSS_MB"
fi

step "Results"
TABLE="| engine | floor s (median) | ctip report s (median) | ratio | floor CPU s | ctip CPU s | ctip peak RSS MB |
|---|---:|---:|---:|---:|---:|---:|"
VERDICTS=()
for engine in SQLite PostgreSQL; do
    [ -n "${CTIPS[$engine]:-}" ] || continue
    r="$(awk -v a="${CTIPS[$engine]}" -v b="${FLOOR[$engine]}" 'BEGIN { printf "%.2f", a / b }')"
    TABLE+="
| $engine | ${FLOOR[$engine]} | ${CTIPS[$engine]} | $r | ${FLOOR_CPU[$engine]} | ${CTIP_CPU[$engine]} | ${RSS[$engine]} |"
    if awk -v s="${CTIPS[$engine]}" -v r="$r" -v gs="$GOAL_SECONDS" -v gr="$GOAL_RATIO" 'BEGIN { exit !(s < gs && r <= gr) }'; then
        VERDICTS+=("$engine: goals met")
    else
        VERDICTS+=("$engine: goals missed (under $GOAL_SECONDS s and at most ${GOAL_RATIO}× the floor)")
    fi
done
printf '%s\n\n' "$TABLE"
for v in "${VERDICTS[@]}"; do ctip_note "$v"; done

if [ "${BENCH_NO_RESULTS:-0}" != 1 ]; then
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")"
    [ -z "$(git status --porcelain 2>/dev/null)" ] || commit+=" (with uncommitted changes)"
    {
        printf '\n## Report %s — `ctip report --year %s --format json`, %s victims, %s suspects (seed %s)\n\n' \
            "$(date -u '+%Y-%m-%d %H:%M UTC')" "$YEAR" "$VICTIMS" "$SUSPECTS" "$SEED"
        printf -- '- commit: %s; machine: %s cores, %s GiB, CPU: %s; load average at the end: %s\n' "$commit" "$(nproc)" "$(free -g | awk '/^Mem:/ { print $2 }')" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
        printf -- '- floor: `benchmarks/report-floor.sql` in sqlite3 / psql (a process each run, like ctip); one warm-up, then the median of %s runs\n\n' "$RUNS"
        printf '%s\n\n' "$TABLE"
        printf -- '- goals (under %s s and ≤ %s× the floor): %s\n' "$GOAL_SECONDS" "$GOAL_RATIO" "$(IFS=';'; echo "${VERDICTS[*]}")"
    } >>"$RESULTS"
    ctip_note "appended to ${RESULTS#"$ROOT"/}"
fi
step "Done"
