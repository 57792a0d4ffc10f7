#!/usr/bin/env bash
# The programme-oversight scale benchmark (issue 17): on a generated bundle of BENCH_ORGANISATIONS
# organisations and BENCH_INSPECTIONS inspections a year, imported into a fresh SQLite file and a fresh
# PostgreSQL database,
#   a. `ctip oversight stats --fiscal-year 2024 --json` against the floor, the same counts by hand
#      (benchmarks/oversight-floor.sql) in the sqlite3 and psql clients, one process per run; ctip's
#      values must equal the floor's (a mismatch fails the run). Goal: < 1 s and ≤ 2× the floor.
#   b. the registry search of `ctip serve`, GET /api/oversight/organisations?q=…&prefecture=…&kind=…
#      with an API token of an OTIT case worker, timed with curl per request over a mix of queries.
#      Goal: p95 < 50 ms.
# See benchmarks/README.md. Appends its figures to RESULTS.md.
#
# Environment:
#   BENCH_ORGANISATIONS         organisations (default 50000)
#   BENCH_INSPECTIONS           inspections a year (default 100000)
#   BENCH_YEARS                 years of the bundle, FIRST-LAST (default 2021-2025; must cover FY2024)
#   BENCH_SEED                  generator seed (default 1)
#   BENCH_ENGINES               "sqlite postgres" (default), or just one of them
#   BENCH_RUNS                  timed runs of each stats command, after one warm-up (default 5); the median counts
#   BENCH_SEARCH_REQUESTS       timed requests per search query, after BENCH_SEARCH_WARMUP (default 200 and 20)
#   BENCH_REUSE_BUNDLE=1        keep benchmarks/work/oversight/bundle if it was made with the same sizes/seed
#   BENCH_KEEP=1                keep the SQLite file in benchmarks/work/oversight/
#   BENCH_NO_RESULTS=1          do not append to benchmarks/RESULTS.md
#   CTIP_BIN                    use this ctip instead of building the release one
#   CTIP_TEST_POSTGRES_URL, CTIP_PG_PORT, CTIP_PG_KEEP   see scripts/lib/postgres.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

export DEBIAN_FRONTEND=noninteractive
ORGANISATIONS="${BENCH_ORGANISATIONS:-50000}"
INSPECTIONS="${BENCH_INSPECTIONS:-100000}"
YEARS="${BENCH_YEARS:-2021-2025}"
SEED="${BENCH_SEED:-1}"
ENGINES="${BENCH_ENGINES:-sqlite postgres}"
RUNS="${BENCH_RUNS:-5}"
SEARCH_REQUESTS="${BENCH_SEARCH_REQUESTS:-200}"
SEARCH_WARMUP="${BENCH_SEARCH_WARMUP:-20}"
# The floor's SQL counts fiscal year 2024 (April 1, 2024 to March 31, 2025): the year is fixed.
FISCAL_YEAR=2024
WORK="$ROOT/benchmarks/work/oversight"
BUNDLE="$WORK/bundle"
RESULTS="$ROOT/benchmarks/RESULTS.md"
FLOOR_SQL="$ROOT/benchmarks/oversight-floor.sql"
CTIP_LOG_DIR="$WORK/logs"
export CTIP_LOG_DIR
GOAL_SECONDS=1
GOAL_RATIO=2
GOAL_P95_MS=50
EMAIL="bench-oversight@example.go.jp"
PASSWORD="bench-oversight-password-$(date +%s)"
want() { case " $ENGINES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
mkdir -p "$WORK" "$CTIP_LOG_DIR"

case "$YEARS" in
    [0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]) ;;
    *) ctip_die "BENCH_YEARS: \`$YEARS\` is not FIRST-LAST such as 2021-2025" ;;
esac
if [ "${YEARS%-*}" -gt "$FISCAL_YEAR" ] || [ "${YEARS#*-}" -le "$FISCAL_YEAR" ]; then
    ctip_die "BENCH_YEARS=$YEARS does not cover fiscal year $FISCAL_YEAR (April $FISCAL_YEAR to March $((FISCAL_YEAR + 1)))"
fi

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
cleanup() {
    local status=$?
    stop_server
    ctip_pg_teardown || true
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$WORK"/oversight.sqlite*
    [ "$status" -eq 0 ] || printf '\n==== FAILED (exit %s); logs in %s ====\n' "$status" "$CTIP_LOG_DIR" >&2
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
step() { ctip_section "$* ($((SECONDS - started)) s)"; }

# median_seconds NAME COMMAND...: one warm-up run, then $RUNS timed runs (output discarded);
# sets MEDIAN (wall seconds), CPU (median user + system seconds of the process) and RSS_MB (peak
# resident set size of the last run).
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

# check_counts ENGINE CTIP_JSON FLOOR_OUTPUT: prints key, floor, ctip; fails on any difference. The
# floor prints `key|value` pairs, several to a line where one statement counts several keys.
check_counts() {
    python3 - "$@" <<'PY'
import json, sys
engine, ctip_path, floor_path = sys.argv[1:4]
ctip = {k: v for k, v in json.load(open(ctip_path)).items() if isinstance(v, int) and not isinstance(v, bool)}
floor = {}
for line in open(floor_path):
    cells = line.strip().split("|")
    if cells == [""]:
        continue
    if len(cells) % 2:
        sys.exit(f"{engine}: the floor printed an odd line: {line.strip()!r}")
    for key, value in zip(cells[0::2], cells[1::2]):
        floor[key] = int(value)
bad = []
print(f"  {'key':38} {'floor':>10} {'ctip':>10}")
for key in sorted(set(ctip) | set(floor)):
    f, c = floor.get(key), ctip.get(key)
    mark = "" if f == c else "   <-- differs"
    if f != c:
        bad.append(key)
    print(f"  {key:38} {'-' if f is None else f:>10} {'-' if c is None else c:>10}{mark}")
if bad:
    sys.exit(f"{engine}: ctip's counts differ from the floor's: {', '.join(bad)}")
print(f"  {engine}: ctip's {len(ctip)} counts equal the floor's")
PY
}

step "Tools"
ctip_apt_install time sqlite3 curl python3
if want postgres; then step "PostgreSQL"; ctip_pg_setup; fi

step "Release build"
if [ -n "${CTIP_BIN:-}" ]; then
    CTIP="$CTIP_BIN"
else
    ctip_find_swift
    ctip_swift_quiet build -c release
    CTIP="$(swift build -c release --show-bin-path)/ctip"
fi

step "Bundle: $ORGANISATIONS organisations, $INSPECTIONS inspections a year, $YEARS, seed $SEED"
stamp="organisations=$ORGANISATIONS inspections=$INSPECTIONS years=$YEARS seed=$SEED"
if [ "${BENCH_REUSE_BUNDLE:-0}" = 1 ] && [ "$(cat "$BUNDLE/.generated" 2>/dev/null)" = "$stamp" ]; then
    ctip_note "reusing $BUNDLE ($stamp)"
else
    rm -rf "$BUNDLE"
    gen_start=$(date +%s%N)
    "$CTIP" generate --organisations "$ORGANISATIONS" --inspections-per-year "$INSPECTIONS" --years "$YEARS" --seed "$SEED" "$BUNDLE" \
        >"$CTIP_LOG_DIR/generate.out"
    gen_end=$(date +%s%N)
    cp "$CTIP_LOG_DIR/generate.out" "$BUNDLE/.rows"
    ctip_note "generated in $(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
    printf '%s\n' "$stamp" >"$BUNDLE/.generated"
fi
ROWS="$(sed 's/\.csv: / /; s/ rows$//' "$BUNDLE/.rows" | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
ctip_note "rows: $ROWS"
PLANS_REVOKED="$(awk -F, 'NR > 1 && $3 == "accreditation_revoked" { n++ } END { print n + 0 }' "$BUNDLE/actions.csv")"

# The search queries: a licence number's beginning, a name fragment, an identifier, a prefecture, a
# kind with a name fragment. Taken from the bundle itself, so that each finds organisations.
read -r SEARCH_ID SEARCH_LICENCE_PREFIX < <(python3 - "$BUNDLE/organisations.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
middle = rows[len(rows) // 2]["org_id"]
licensed = [r for r in rows if r["kind"] == "supervising" and r["licence_no"]]
prefix = licensed[len(licensed) // 3]["licence_no"][:5]   # 許 + year + prefecture: dozens of organisations
print(middle, prefix)
PY
)
[ -n "${SEARCH_LICENCE_PREFIX:-}" ] || ctip_die "no supervising organisation with a licence number in $BUNDLE/organisations.csv"
NAME_NUMBER=4321
[ "$ORGANISATIONS" -ge 4321 ] || NAME_NUMBER=$(( ORGANISATIONS / 2 > 0 ? ORGANISATIONS / 2 : 1 ))
QUERY_LABELS=("licence number prefix" "name fragment" "identifier" "prefecture" "kind and name")
# Parameters of each query, `|`-separated `name=value`s (URL-encoded by curl).
QUERY_PARAMS=("q=$SEARCH_LICENCE_PREFIX" "q=Organisation $NAME_NUMBER" "q=$SEARCH_ID" "prefecture=JP-13" "kind=supervising|q=Organisation 12")
QUERY_SHOWN=("q=$SEARCH_LICENCE_PREFIX" "q=Organisation $NAME_NUMBER" "q=$SEARCH_ID" "prefecture=JP-13" "kind=supervising&q=Organisation 12")

# search_request BASE TOKEN PARAMS OUT: one GET of the registry search; prints "HTTP_CODE SECONDS".
search_request() {
    local base="$1" token="$2" params="$3" out="$4" args=() pairs=() pair
    IFS='|' read -r -a pairs <<<"$params"
    for pair in "${pairs[@]}"; do args+=(--data-urlencode "$pair"); done
    curl -s -G -o "$out" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" -H "Accept: application/json" \
        "${args[@]}" "$base/api/oversight/organisations"
}

declare -A FLOOR CTIPS RSS FLOOR_CPU CTIP_CPU IMPORT_SECONDS SEARCH_ROWS SEARCH_MEDIAN SEARCH_P95
SEARCH_VERDICTS=()

# measure_search ENGINE URL: a server on the database, an OTIT case worker's API token, then each
# query SEARCH_WARMUP times untimed and SEARCH_REQUESTS times timed (one curl process per request).
measure_search() {
    local engine="$1" url="$2" port base token i q code seconds times worst
    "$CTIP" users add --agency otit --role case_worker --password-stdin "$EMAIL" --database "$url" \
        <<<"$PASSWORD" >"$CTIP_LOG_DIR/users-$engine.out" 2>&1 \
        || { cat "$CTIP_LOG_DIR/users-$engine.out" >&2; ctip_die "ctip users add failed"; }
    token="$("$CTIP" users token --name bench "$EMAIL" --database "$url" 2>>"$CTIP_LOG_DIR/users-$engine.out" | tail -n 1)"
    [ -n "$token" ] || ctip_die "ctip users token printed no token (see $CTIP_LOG_DIR/users-$engine.out)"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    base="http://127.0.0.1:$port"
    # Every `ctip serve` on PostgreSQL needs the hot lines' shared key; on SQLite it replaces the key file.
    CTIP_HOTLINE_KEY="$(head -c 32 /dev/urandom | base64)" \
        "$CTIP" serve --port "$port" --database "$url" >"$CTIP_LOG_DIR/serve-$engine.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        curl -fs "$base/health" >/dev/null 2>&1 && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    curl -fs "$base/health" >/dev/null || ctip_die "the server did not answer: $(tail -n 20 "$CTIP_LOG_DIR/serve-$engine.log")"

    for i in "${!QUERY_LABELS[@]}"; do
        q="${QUERY_PARAMS[$i]}"
        local body="$CTIP_LOG_DIR/search-$engine-$i.json"
        read -r code seconds < <(search_request "$base" "$token" "$q" "$body")
        [ "$code" = 200 ] || ctip_die "GET /api/oversight/organisations?${QUERY_SHOWN[$i]} answered $code, not 200: $(head -c 400 "$body")"
        grep -q 'ORG-' "$body" || ctip_die "GET /api/oversight/organisations?${QUERY_SHOWN[$i]} found no organisation: $(head -c 400 "$body")"
        # How many organisations the answer lists (a JSON array, or the first array in an object).
        SEARCH_ROWS[$engine/$i]="$(python3 -c '
import json, sys
answer = json.load(open(sys.argv[1]))
if isinstance(answer, dict):
    answer = next((v for v in answer.values() if isinstance(v, list)), [])
print(len(answer) if isinstance(answer, list) else "?")' "$body" 2>/dev/null || echo "?")"
        for ((n = 0; n < SEARCH_WARMUP; n++)); do search_request "$base" "$token" "$q" /dev/null >/dev/null; done
        times=()
        for ((n = 0; n < SEARCH_REQUESTS; n++)); do
            read -r code seconds < <(search_request "$base" "$token" "$q" /dev/null)
            [ "$code" = 200 ] || ctip_die "GET /api/oversight/organisations?${QUERY_SHOWN[$i]} answered $code during the run"
            times+=("$seconds")
        done
        printf '%s\n' "${times[@]}" >"$CTIP_LOG_DIR/search-$engine-$i.times"
        # Median and 95th percentile (nearest rank), in milliseconds.
        read -r median_ms p95_ms < <(sort -n "$CTIP_LOG_DIR/search-$engine-$i.times" | awk '
            { a[NR] = $1 * 1000 }
            END { m = a[int((NR + 1) / 2)]; r = int(NR * 0.95); if (r < NR * 0.95) r++; if (r < 1) r = 1; printf "%.1f %.1f\n", m, a[r] }')
        SEARCH_MEDIAN[$engine/$i]="$median_ms"
        SEARCH_P95[$engine/$i]="$p95_ms"
        ctip_note "$engine, ${QUERY_LABELS[$i]} (${QUERY_SHOWN[$i]}): ${SEARCH_ROWS[$engine/$i]} found; median ${median_ms} ms, p95 ${p95_ms} ms of $SEARCH_REQUESTS"
    done
    stop_server
    worst="$(for i in "${!QUERY_LABELS[@]}"; do echo "${SEARCH_P95[$engine/$i]}"; done | sort -n | tail -n 1)"
    if awk -v w="$worst" -v g="$GOAL_P95_MS" 'BEGIN { exit !(w < g) }'; then
        SEARCH_VERDICTS+=("$engine search: goal met (worst p95 $worst ms)")
    else
        SEARCH_VERDICTS+=("$engine search: goal missed (worst p95 $worst ms; p95 under $GOAL_P95_MS ms)")
    fi
}

if want sqlite; then
    step "SQLite: import"
    SQLITE_DB="$WORK/oversight.sqlite"
    rm -f "$WORK"/oversight.sqlite*
    import_start=$(date +%s%N)
    "$CTIP" import "$BUNDLE" --database "sqlite://$SQLITE_DB" >"$CTIP_LOG_DIR/import-sqlite.out"
    import_end=$(date +%s%N)
    IMPORT_SECONDS[SQLite]="$(awk -v a="$import_start" -v b="$import_end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
    ctip_note "imported in ${IMPORT_SECONDS[SQLite]} s"

    step "SQLite: ctip oversight stats against the floor"
    "$CTIP" oversight stats --fiscal-year "$FISCAL_YEAR" --json --database "sqlite://$SQLITE_DB" >"$CTIP_LOG_DIR/stats-sqlite.json"
    sqlite3 -batch -list -noheader -separator '|' "$SQLITE_DB" ".read $FLOOR_SQL" >"$CTIP_LOG_DIR/floor-sqlite.txt"
    check_counts SQLite "$CTIP_LOG_DIR/stats-sqlite.json" "$CTIP_LOG_DIR/floor-sqlite.txt"
    median_seconds floor-oversight-sqlite sqlite3 -batch -list -noheader -separator '|' "$SQLITE_DB" ".read $FLOOR_SQL"
    FLOOR[SQLite]="$MEDIAN"; FLOOR_CPU[SQLite]="$CPU"
    median_seconds ctip-oversight-sqlite "$CTIP" oversight stats --fiscal-year "$FISCAL_YEAR" --json --database "sqlite://$SQLITE_DB"
    CTIPS[SQLite]="$MEDIAN"; CTIP_CPU[SQLite]="$CPU"; RSS[SQLite]="$RSS_MB"

    step "SQLite: registry search through ctip serve"
    measure_search SQLite "sqlite://$SQLITE_DB"
fi
if want postgres; then
    step "PostgreSQL: import"
    ctip_pg_new_database ctip_oversight_bench
    PG_URL="$CTIP_PG_NEW_URL"
    ctip_pg_checkpoint
    import_start=$(date +%s%N)
    "$CTIP" import "$BUNDLE" --database "$PG_URL" >"$CTIP_LOG_DIR/import-postgres.out"
    import_end=$(date +%s%N)
    IMPORT_SECONDS[PostgreSQL]="$(awk -v a="$import_start" -v b="$import_end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
    ctip_note "imported in ${IMPORT_SECONDS[PostgreSQL]} s"
    # The steady state of a database after a bulk load: autovacuum would soon do the same.
    "${CTIP_PG_PSQL:-psql}" -X -q "$PG_URL" -c "VACUUM ANALYZE" >/dev/null 2>&1

    step "PostgreSQL: ctip oversight stats against the floor"
    "$CTIP" oversight stats --fiscal-year "$FISCAL_YEAR" --json --database "$PG_URL" >"$CTIP_LOG_DIR/stats-postgres.json"
    # The floor's session gets the planner settings of ctip's reading sessions (see ReadingSession.swift).
    PGOPTIONS="-c random_page_cost=1.1 -c jit=off" "${CTIP_PG_PSQL:-psql}" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -f "$FLOOR_SQL" "$PG_URL" \
        >"$CTIP_LOG_DIR/floor-postgres.txt"
    check_counts PostgreSQL "$CTIP_LOG_DIR/stats-postgres.json" "$CTIP_LOG_DIR/floor-postgres.txt"
    PGOPTIONS="-c random_page_cost=1.1 -c jit=off" median_seconds floor-oversight-postgres \
        "${CTIP_PG_PSQL:-psql}" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -f "$FLOOR_SQL" "$PG_URL"
    FLOOR[PostgreSQL]="$MEDIAN"; FLOOR_CPU[PostgreSQL]="$CPU"
    median_seconds ctip-oversight-postgres "$CTIP" oversight stats --fiscal-year "$FISCAL_YEAR" --json --database "$PG_URL"
    CTIPS[PostgreSQL]="$MEDIAN"; CTIP_CPU[PostgreSQL]="$CPU"; RSS[PostgreSQL]="$RSS_MB"

    step "PostgreSQL: registry search through ctip serve"
    measure_search PostgreSQL "$PG_URL"
fi

step "Results"
TABLE="| engine | floor s (median) | ctip stats s (median) | ratio | floor CPU s | ctip CPU s | ctip peak RSS MB | import s |
|---|---:|---:|---:|---:|---:|---:|---:|"
VERDICTS=()
for engine in SQLite PostgreSQL; do
    [ -n "${CTIPS[$engine]:-}" ] || continue
    r="$(awk -v a="${CTIPS[$engine]}" -v b="${FLOOR[$engine]}" 'BEGIN { printf "%.2f", a / b }')"
    TABLE+="
| $engine | ${FLOOR[$engine]} | ${CTIPS[$engine]} | $r | ${FLOOR_CPU[$engine]} | ${CTIP_CPU[$engine]} | ${RSS[$engine]} | ${IMPORT_SECONDS[$engine]} |"
    if awk -v s="${CTIPS[$engine]}" -v r="$r" -v gs="$GOAL_SECONDS" -v gr="$GOAL_RATIO" 'BEGIN { exit !(s < gs && r <= gr) }'; then
        VERDICTS+=("$engine stats: goals met")
    else
        VERDICTS+=("$engine stats: goals missed (under $GOAL_SECONDS s and at most ${GOAL_RATIO}× the floor)")
    fi
done
SEARCH_TABLE="| engine | query | found | median ms | p95 ms |
|---|---|---:|---:|---:|"
for engine in SQLite PostgreSQL; do
    [ -n "${SEARCH_P95[$engine/0]:-}" ] || continue
    for i in "${!QUERY_LABELS[@]}"; do
        SEARCH_TABLE+="
| $engine | ${QUERY_LABELS[$i]} (\`${QUERY_SHOWN[$i]}\`) | ${SEARCH_ROWS[$engine/$i]} | ${SEARCH_MEDIAN[$engine/$i]} | ${SEARCH_P95[$engine/$i]} |"
    done
done
VERDICTS+=("${SEARCH_VERDICTS[@]}")
printf '%s\n\n%s\n\n' "$TABLE" "$SEARCH_TABLE"
for v in "${VERDICTS[@]}"; do ctip_note "$v"; done

if [ "${BENCH_NO_RESULTS:-0}" != 1 ]; then
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")"
    [ -z "$(git status --porcelain 2>/dev/null)" ] || commit+=" (with uncommitted changes)"
    versions="sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
    if want postgres; then versions+=", $("${CTIP_PG_PSQL:-psql}" -X -At "$PG_URL" -c 'SHOW server_version' 2>/dev/null | sed 's/^/PostgreSQL /' || true)"; fi
    {
        printf '\n## Oversight %s — %s organisations, %s inspections a year\n\n' \
            "$(date -u '+%Y-%m-%d %H:%M UTC')" "$ORGANISATIONS" "$INSPECTIONS"
        printf -- '- commit: %s; machine: %s cores, %s GiB, CPU: %s; load average at the end: %s; %s\n' "$commit" "$(nproc)" \
            "$(free -g | awk '/^Mem:/ { print $2 }')" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)" "$versions"
        printf -- '- bundle: `ctip generate --organisations %s --inspections-per-year %s --years %s --seed %s`; rows: %s\n' \
            "$ORGANISATIONS" "$INSPECTIONS" "$YEARS" "$SEED" "$ROWS"
        printf -- '- accredited plans: an indicator, not rows (the files have none; %s `accreditation_revoked` rows, one per plan revoked); no statistic reads a row per plan\n' "$PLANS_REVOKED"
        printf -- '- stats: `ctip oversight stats --fiscal-year %s --json` against `benchmarks/oversight-floor.sql` in sqlite3 / psql (a process each run, like ctip; every count checked equal); one warm-up, then the median of %s runs\n\n' "$FISCAL_YEAR" "$RUNS"
        printf '%s\n\n' "$TABLE"
        printf -- '- search: `GET /api/oversight/organisations` with an OTIT case worker'"'"'s API token, curl from the same machine (loopback), one request at a time: %s warm-up then %s timed requests per query\n\n' "$SEARCH_WARMUP" "$SEARCH_REQUESTS"
        printf '%s\n\n' "$SEARCH_TABLE"
        printf -- '- goals (stats under %s s and ≤ %s× the floor; search p95 under %s ms): %s\n' "$GOAL_SECONDS" "$GOAL_RATIO" "$GOAL_P95_MS" \
            "$(IFS=';'; echo "${VERDICTS[*]}")"
    } >>"$RESULTS"
    ctip_note "appended to ${RESULTS#"$ROOT"/}"
fi
step "Done"
