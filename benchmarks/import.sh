#!/usr/bin/env bash
# The import benchmark: `ctip import` against the plainest bulk load of the same bundle ("floor"),
# on SQLite and PostgreSQL. See benchmarks/README.md. Appends its figures to benchmarks/RESULTS.md.
#
# Environment:
#   BENCH_VICTIMS / BENCH_SUSPECTS  bundle size (default 1000000 each); BENCH_SEED (default 1)
#   BENCH_ENGINES                   "sqlite postgres" (default), or just one of them
#   BENCH_REUSE_BUNDLE=1            keep benchmarks/work/bundle if it was made with the same sizes/seed
#   BENCH_KEEP=1                    keep the benchmark's SQLite files in benchmarks/work afterwards
#   BENCH_NO_RESULTS=1              do not append to benchmarks/RESULTS.md
#   CTIP_BIN                        use this ctip instead of building the release one (script testing)
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
WORK="$ROOT/benchmarks/work"
BUNDLE="$WORK/bundle"
RESULTS="$ROOT/benchmarks/RESULTS.md"
CTIP_LOG_DIR="$WORK/logs"
export CTIP_LOG_DIR
GOAL_RATIO=3
GOAL_RSS_MB=300

case " $ENGINES " in *" sqlite "*|*" postgres "*) ;; *) ctip_die "BENCH_ENGINES must name sqlite and/or postgres" ;; esac
want() { case " $ENGINES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

mkdir -p "$WORK" "$CTIP_LOG_DIR"

cleanup() {
    local status=$?
    ctip_pg_teardown || true
    if [ "${BENCH_KEEP:-0}" != 1 ]; then
        rm -f "$WORK"/floor.sqlite* "$WORK"/bench.sqlite*
    fi
    [ "$status" -eq 0 ] || printf '\n==== FAILED (exit %s); logs in %s ====\n' "$status" "$CTIP_LOG_DIR" >&2
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# measure NAME COMMAND... : runs COMMAND under /usr/bin/time -v (output in $CTIP_LOG_DIR/NAME.*);
# sets M_SECONDS (wall clock) and M_RSS_MB (peak resident set size).
measure() {
    local name="$1"; shift
    local out="$CTIP_LOG_DIR/$name.out" tv="$CTIP_LOG_DIR/$name.time"
    if ! /usr/bin/time -v -o "$tv" "$@" >"$out" 2>&1; then
        tail -n 30 "$out" >&2
        ctip_die "$name failed: $* (output: $out)"
    fi
    M_SECONDS="$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$tv")"
    M_RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tv")"
    if [ -z "$M_SECONDS" ] || [ -z "$M_RSS_MB" ]; then ctip_die "could not read $tv"; fi
    ctip_note "$name: ${M_SECONDS} s, peak RSS ${M_RSS_MB} MB"
}

# The bundle's CSV files, in a fixed order.
bundle_files() {
    find "$BUNDLE" -maxdepth 1 -type f -name '*.csv' | LC_ALL=C sort
}

# header_columns FILE: the header's column names, one per line (BOM, CR and quotes removed).
header_columns() {
    local header
    IFS= read -r header <"$1" || true
    header="${header#$'\xef\xbb\xbf'}"
    header="${header%$'\r'}"
    printf '%s\n' "$header" | tr ',' '\n' | sed 's/^"\(.*\)"$/\1/'
}

# create_table_sql TABLE FILE: CREATE TABLE with every header column as TEXT, no constraints.
create_table_sql() {
    local table="$1" file="$2" cols="" col
    while IFS= read -r col; do
        cols+="${cols:+, }\"${col//\"/\"\"}\" TEXT"
    done < <(header_columns "$file")
    printf 'CREATE TABLE "%s" (%s);\n' "$table" "$cols"
}

join_by() { local sep="$1" out="" x; shift; for x in "$@"; do out+="${out:+$sep}$x"; done; printf '%s' "$out"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

started=$SECONDS
step() { ctip_section "$* ($((SECONDS - started)) s)"; }

# ---------------------------------------------------------------------------------------------------
step "Tools"
ctip_apt_install time sqlite3
free_gb="$(df -Pk "$WORK" | awk 'NR == 2 { printf "%d", $4 / 1048576 }')"
ctip_note "disk: ${free_gb} GB free in $WORK"
[ "$free_gb" -ge 10 ] || printf 'warning: less than 10 GB free; a 1M-row run needs several GB\n' >&2

if want postgres; then
    step "PostgreSQL"
    ctip_pg_setup
    # The floor and ctip each get a fresh database of their own (the test database stays empty).
fi

step "Release build"
if [ -n "${CTIP_BIN:-}" ]; then
    CTIP="$CTIP_BIN"
    ctip_note "CTIP_BIN=$CTIP: not building"
else
    ctip_find_swift
    ctip_swift_quiet build -c release
    CTIP="$(swift build -c release --show-bin-path)/ctip"
fi
[ -x "$CTIP" ] || ctip_die "$CTIP is not an executable"

# ---------------------------------------------------------------------------------------------------
step "Bundle: $VICTIMS victims, $SUSPECTS suspects, seed $SEED"
stamp="victims=$VICTIMS suspects=$SUSPECTS seed=$SEED"
GEN_SECONDS="reused"
if [ "${BENCH_REUSE_BUNDLE:-0}" = 1 ] && [ "$(cat "$BUNDLE/.generated" 2>/dev/null)" = "$stamp" ]; then
    ctip_note "reusing $BUNDLE ($stamp)"
else
    rm -rf "$BUNDLE"
    measure generate "$CTIP" generate --victims "$VICTIMS" --suspects "$SUSPECTS" --seed "$SEED" "$BUNDLE"
    GEN_SECONDS="$M_SECONDS"
    printf '%s\n' "$stamp" >"$BUNDLE/.generated"
fi
mapfile -t FILES < <(bundle_files)
[ "${#FILES[@]}" -gt 0 ] || ctip_die "no CSV files in $BUNDLE"
BUNDLE_MB="$(du -sm "$BUNDLE" | awk '{print $1}')"
ctip_note "${#FILES[@]} files, ${BUNDLE_MB} MB: $(for f in "${FILES[@]}"; do basename "$f"; done | tr '\n' ' ')"

# Rows per file (data lines; exact for files without line breaks inside quoted cells).
ROWS_SUMMARY=""
for f in "${FILES[@]}"; do
    ROWS_SUMMARY+="${ROWS_SUMMARY:+, }$(basename "$f" .csv) $(($(wc -l <"$f") - 1))"
done
ctip_note "rows: $ROWS_SUMMARY"

# count_sqlite DB TABLE / count_pg URL TABLE: rows in a table, or empty when there is no such table.
count_sqlite() { sqlite3 "$1" "SELECT count(*) FROM \"$2\"" 2>/dev/null || true; }
count_pg() { "${CTIP_PG_PSQL:-psql}" -X -Atq "$1" -c "SELECT count(*) FROM \"$2\"" 2>/dev/null || true; }

CHECK_PROBLEMS=()
# check_counts ENGINE FLOOR_COUNT_FN FLOOR_DB CTIP_DB: the victims and suspects that ctip stored must
# match the floor's (a benchmark of an import that dropped rows is no benchmark).
check_counts() {
    local engine="$1" fn="$2" floor="$3" mine="$4" table a b
    for table in victims suspects cases; do
        a="$("$fn" "$floor" "$table")"
        b="$("$fn" "$mine" "$table")"
        [ -n "$a" ] || continue
        if [ -z "$b" ]; then
            ctip_note "check: ctip's $engine database has no table $table (not compared)"
        elif [ "$a" != "$b" ]; then
            printf 'warning: %s: ctip stored %s %s, the bundle has %s\n' "$engine" "$b" "$table" "$a" >&2
            CHECK_PROBLEMS+=("$engine $table: ctip $b, bundle $a")
        else
            ctip_note "check: $engine $table: $b rows, as in the bundle"
        fi
    done
}

declare -A FLOOR_S CTIP_S CTIP_RSS FLOOR_RSS

# ---------------------------------------------------------------------------------------------------
if want sqlite; then
    step "(a) floor: sqlite3 .import into bare TEXT tables, one transaction, WAL"
    rm -f "$WORK"/floor.sqlite*
    script="$WORK/floor-sqlite.sql"
    {
        echo "PRAGMA journal_mode=WAL;"
        echo "BEGIN;"
        for f in "${FILES[@]}"; do
            t="$(basename "$f" .csv)"
            create_table_sql "$t" "$f"
            printf '.import --csv --skip 1 "%s" "%s"\n' "$f" "$t"
        done
        echo "COMMIT;"
    } >"$script"
    measure floor-sqlite sqlite3 -bail "$WORK/floor.sqlite" ".read $script"
    FLOOR_S[SQLite]="$M_SECONDS"; FLOOR_RSS[SQLite]="$M_RSS_MB"

    step "(b) ctip import into a fresh SQLite file"
    rm -f "$WORK"/bench.sqlite*
    measure ctip-sqlite "$CTIP" import "$BUNDLE" --database "sqlite://$WORK/bench.sqlite"
    CTIP_S[SQLite]="$M_SECONDS"; CTIP_RSS[SQLite]="$M_RSS_MB"
    check_counts SQLite count_sqlite "$WORK/floor.sqlite" "$WORK/bench.sqlite"
fi

if want postgres; then
    step "(c) floor: psql \\copy into bare TEXT tables of a fresh database, one transaction"
    ctip_pg_new_database ctip_bench_floor
    FLOOR_URL="$CTIP_PG_NEW_URL"
    script="$WORK/floor-postgres.sql"
    {
        echo "BEGIN;"
        for f in "${FILES[@]}"; do
            t="$(basename "$f" .csv)"
            create_table_sql "$t" "$f"
            printf "\\\\copy \"%s\" FROM '%s' CSV HEADER\n" "$t" "${f//\'/\'\'}"
        done
        echo "COMMIT;"
    } >"$script"
    ctip_pg_checkpoint
    measure floor-postgres "${CTIP_PG_PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -f "$script" "$FLOOR_URL"
    FLOOR_S[PostgreSQL]="$M_SECONDS"; FLOOR_RSS[PostgreSQL]="$M_RSS_MB"

    step "(c') the floor's load and, in its transaction, ctip's schema over it (a lower bound)"
    ctip_pg_new_database ctip_bench_keyed
    script="$WORK/floor-postgres-keyed.sql"
    { sed '$d' "$WORK/floor-postgres.sql"; cat "$ROOT/benchmarks/import-floor-keys-postgres.sql"; echo "COMMIT;"; } >"$script"
    ctip_pg_checkpoint
    measure floor-keyed-postgres "${CTIP_PG_PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -f "$script" "$CTIP_PG_NEW_URL"
    KEYED_FLOOR_S="$M_SECONDS"

    step "(d) ctip import into a fresh PostgreSQL database"
    ctip_pg_new_database ctip_bench
    ctip_pg_checkpoint
    measure ctip-postgres "$CTIP" import "$BUNDLE" --database "$CTIP_PG_NEW_URL"
    CTIP_S[PostgreSQL]="$M_SECONDS"; CTIP_RSS[PostgreSQL]="$M_RSS_MB"
    check_counts PostgreSQL count_pg "$FLOOR_URL" "$CTIP_PG_NEW_URL"
fi

# ---------------------------------------------------------------------------------------------------
step "Results"
TABLE="| engine | floor s | ctip s | ratio | ctip peak RSS MB |
|---|---:|---:|---:|---:|"
VERDICTS=()
printf '%-11s %9s %9s %7s %17s\n' engine "floor s" "ctip s" ratio "ctip peak RSS MB"
for engine in SQLite PostgreSQL; do
    [ -n "${CTIP_S[$engine]:-}" ] || continue
    r="$(ratio "${CTIP_S[$engine]}" "${FLOOR_S[$engine]}")"
    printf '%-11s %9s %9s %7s %17s\n' "$engine" "${FLOOR_S[$engine]}" "${CTIP_S[$engine]}" "$r" "${CTIP_RSS[$engine]}"
    TABLE+="
| $engine | ${FLOOR_S[$engine]} | ${CTIP_S[$engine]} | $r | ${CTIP_RSS[$engine]} |"
    misses=()
    awk -v r="$r" -v g="$GOAL_RATIO" 'BEGIN { exit !(r != "n/a" && r + 0 <= g) }' || misses+=("ratio $r > $GOAL_RATIO")
    [ "${CTIP_RSS[$engine]}" -lt "$GOAL_RSS_MB" ] || misses+=("peak RSS ${CTIP_RSS[$engine]} MB ≥ $GOAL_RSS_MB MB")
    if [ "${#misses[@]}" -eq 0 ]; then
        VERDICTS+=("$engine: goals met")
    else
        VERDICTS+=("$engine: goals missed ($(join_by "; " "${misses[@]}"))")
    fi
done
printf '\n'
for v in "${VERDICTS[@]}"; do ctip_note "$v"; done
for p in "${CHECK_PROBLEMS[@]}"; do ctip_note "ROW COUNT MISMATCH: $p"; done
[ -z "${KEYED_FLOOR_S:-}" ] || ctip_note "PostgreSQL floor with ctip's schema: $KEYED_FLOOR_S s ($(ratio "$KEYED_FLOOR_S" "${FLOOR_S[PostgreSQL]}")× the floor)"

if [ "${BENCH_NO_RESULTS:-0}" != 1 ]; then
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    [ -n "$cpu" ] || cpu="$(uname -m)"
    swift_version="$(if [ -n "${CTIP_BIN:-}" ]; then echo "(not built here: CTIP_BIN)"; else swift --version 2>/dev/null | head -n 1; fi)"
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")"
    [ -z "$(git status --porcelain 2>/dev/null)" ] || commit+=" (with uncommitted changes)"
    sqlite_version="$(sqlite3 --version | awk '{print $1}')"
    pg_version="not run"
    if want postgres; then
        pg_version="$("${CTIP_PG_PSQL:-psql}" -X -Atq "$CTIP_TEST_POSTGRES_URL" -c 'SHOW server_version' 2>/dev/null || echo '?')"
        if [ "$CTIP_PG_MODE" = private ]; then pg_version+=" (private cluster, default settings)"; else pg_version+=" (CTIP_TEST_POSTGRES_URL's server)"; fi
    fi
    # shellcheck disable=SC2016 # backquotes are markdown here
    [ -f "$RESULTS" ] || printf '# Import benchmark results\n\nAppended by %s (see README.md), newest last.\n' '`benchmarks/import.sh`' >"$RESULTS"
    {
        printf '\n## %s — %s victims, %s suspects (seed %s)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$VICTIMS" "$SUSPECTS" "$SEED"
        printf -- '- commit: %s\n' "$commit"
        printf -- '- machine: %s cores (nproc), %s GiB memory (free -g total), CPU: %s\n' "$(nproc)" "$(free -g | awk '/^Mem:/ { print $2 }')" "$cpu"
        printf -- '- swift: %s\n' "$swift_version"
        printf -- '- SQLite %s; PostgreSQL %s\n' "$sqlite_version" "$pg_version"
        printf -- '- bundle: %s files, %s MB; rows: %s\n' "${#FILES[@]}" "$BUNDLE_MB" "$ROWS_SUMMARY"
        printf -- '- ctip generate: %s s\n\n' "$GEN_SECONDS"
        printf '%s\n\n' "$TABLE"
        floors=()
        for engine in SQLite PostgreSQL; do
            [ -z "${FLOOR_RSS[$engine]:-}" ] || floors+=("$engine ${FLOOR_RSS[$engine]} MB")
        done
        printf -- '- floor peak RSS (the sqlite3 / psql process): %s\n' "$(join_by ", " "${floors[@]}")"
        printf -- '- goals (ratio ≤ %s, ctip peak RSS < %s MB): %s\n' "$GOAL_RATIO" "$GOAL_RSS_MB" "$(join_by "; " "${VERDICTS[@]}")"
        if [ -n "${KEYED_FLOOR_S:-}" ]; then
            printf -- '- PostgreSQL, the floor with ctip'"'"'s schema made over it in its transaction (%s: keys, indexes, foreign keys, case links; a lower bound for any client): %s s, %s× the floor\n' \
                '`import-floor-keys-postgres.sql`' "$KEYED_FLOOR_S" "$(ratio "$KEYED_FLOOR_S" "${FLOOR_S[PostgreSQL]}")"
        fi
        for p in "${CHECK_PROBLEMS[@]}"; do printf -- '- **row count mismatch**: %s\n' "$p"; done
    } >>"$RESULTS"
    ctip_note "appended to ${RESULTS#"$ROOT"/}"
fi

[ "${#CHECK_PROBLEMS[@]}" -eq 0 ] || ctip_die "ctip's databases do not hold the bundle's rows (see above)"
step "Done"
