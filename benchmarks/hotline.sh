#!/usr/bin/env bash
# The hot line benchmark (issue 5): see benchmarks/README.md. Appends its figures to RESULTS.md.
#
# 1. The ceiling: `wrk` GET /health alone (what the server answers when it does nothing).
# 2. `wrk` POST /api/public/tips on SQLite for BENCH_SECONDS, with GET /health measured beside it by a
#    second, light wrk; accepted reports counted in the database afterwards. The rate limit is raised
#    for the run (CTIP_HOTLINE_RATE_LIMIT), as every request comes from 127.0.0.1.
# 3. De-duplication: `ctip hotline dedup` of a feed of BENCH_FEED URLs against BENCH_KNOWN known ones.
# 4. The crash test at a large size (tests/browser/test_hotline_crash.py, many rounds).
#
# Environment:
#   BENCH_SECONDS    length of each wrk run (default 60)
#   BENCH_CONNECTIONS  wrk connections for the POST load (default 64)
#   BENCH_KNOWN / BENCH_FEED   URL counts of step 3 (default 10000000 / 1000000)
#   BENCH_CRASH_ROUNDS  rounds of step 4 (default 30; 0 skips it)
#   BENCH_NO_RESULTS=1  do not append to benchmarks/RESULTS.md
#   CTIP_BIN         use this ctip instead of building the release one
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

export DEBIAN_FRONTEND=noninteractive
SECONDS_PER_RUN="${BENCH_SECONDS:-60}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
KNOWN="${BENCH_KNOWN:-10000000}"
FEED="${BENCH_FEED:-1000000}"
CRASH_ROUNDS="${BENCH_CRASH_ROUNDS:-30}"
WORK="$ROOT/benchmarks/work/hotline"
RESULTS="$ROOT/benchmarks/RESULTS.md"
GOAL_RATE=2000
GOAL_P99_MS=100
mkdir -p "$WORK"
SERVER_PID=""

cleanup() {
    local status=$?
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -f "$WORK"/bench.sqlite*
    [ "$status" -eq 0 ] || printf '\n==== FAILED (exit %s); logs in %s ====\n' "$status" "$WORK" >&2
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
step() { ctip_section "$* ($((SECONDS - started)) s)"; }

step "Tools"
ctip_apt_install wrk sqlite3 python3 curl time

step "Release build"
if [ -n "${CTIP_BIN:-}" ]; then
    CTIP="$CTIP_BIN"
else
    ctip_find_swift
    ctip_swift_quiet build -c release
    CTIP="$(swift build -c release --show-bin-path)/ctip"
fi

step "Server on a fresh SQLite file (rate limit raised for the run)"
rm -f "$WORK"/bench.sqlite*
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
CTIP_HOTLINE_RATE_LIMIT=1000000000 "$CTIP" serve --port "$PORT" --database "sqlite://$WORK/bench.sqlite" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE/health" >/dev/null || ctip_die "the server did not answer: $(tail -n 20 "$WORK/serve.log")"

# field FILE PATTERN: wrk's requests/s, or its p99 in ms
requests_per_second() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99_ms() { awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } print v }' "$1"; }
non_2xx() { awk '/Non-2xx or 3xx responses:/ { print $5; found=1 } END { if (!found) print 0 }' "$1"; }

step "Ceiling: GET /health alone, ${SECONDS_PER_RUN} s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$BASE/health" >"$WORK/ceiling.txt"
cat "$WORK/ceiling.txt"

step "Load: POST /api/public/tips, ${SECONDS_PER_RUN} s, with GET /health beside it"
wrk -t1 -c2 -d"${SECONDS_PER_RUN}s" --latency "$BASE/health" >"$WORK/health-under-load.txt" &
HEALTH_PID=$!
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/benchmarks/hotline-tips.lua" "$BASE/api/public/tips" >"$WORK/tips.txt"
wait "$HEALTH_PID"
cat "$WORK/tips.txt" "$WORK/health-under-load.txt"
STORED="$(sqlite3 "$WORK/bench.sqlite" 'SELECT COUNT(*) FROM tips')"
TIPS_RATE="$(requests_per_second "$WORK/tips.txt")"
TIPS_P99="$(p99_ms "$WORK/tips.txt")"
TIPS_REFUSED="$(non_2xx "$WORK/tips.txt")"
ACCEPTED_RATE="$(python3 -c "print(round($STORED / $SECONDS_PER_RUN))")"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
VERDICT="$(python3 -c "print('met' if $ACCEPTED_RATE >= $GOAL_RATE and $TIPS_P99 < $GOAL_P99_MS else 'missed')")"

step "De-duplication: $FEED URLs against $KNOWN known"
python3 - "$WORK" "$KNOWN" "$FEED" <<'PY'
import random, sys
work, known, feed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(1)
hosts = [f"site{i}.example" for i in range(20000)] + ["bücher.example", "例え.jp", "пример.рф"]
def url(i):
    return f"https://{hosts[i % len(hosts)]}/board/{i}/thread?id={i * 7}"
with open(f"{work}/known.txt", "w") as out:
    for i in range(known):
        out.write(url(i) + "\n")
spellings = [lambda u: u, lambda u: u.upper().replace("/BOARD/", "/board/").replace("/THREAD?ID=", "/thread?id="),
             lambda u: u + "&utm_source=x&fbclid=abc", lambda u: u.replace("https://", "http://").replace(".example/", ".example:80/"),
             lambda u: u + "#comments"]
with open(f"{work}/feed.txt", "w") as out:
    for n in range(feed):
        i = rng.randrange(known) if n % 2 == 0 else known + n   # half known (in various spellings), half new
        out.write(rng.choice(spellings)(url(i)) + "\n")
PY
/usr/bin/time -v "$CTIP" hotline dedup --known "$WORK/known.txt" --feed "$WORK/feed.txt" --count-only 2>"$WORK/dedup.txt" >/dev/null
cat "$WORK/dedup.txt" | head -n 3
DEDUP_LINE="$(head -n 1 "$WORK/dedup.txt")"
DEDUP_RSS="$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$WORK/dedup.txt")"
rm -f "$WORK/known.txt" "$WORK/feed.txt"

CRASH="skipped"
if [ "$CRASH_ROUNDS" -gt 0 ]; then
    step "Crash test: $CRASH_ROUNDS rounds of SIGKILL under load"
    ctip_pip_install pytest
    if CTIP_BIN="$CTIP" CTIP_CRASH_ROUNDS="$CRASH_ROUNDS" CTIP_CRASH_SECONDS=6 python3 -m pytest -q -p no:cacheprovider \
        tests/browser/test_hotline_crash.py -rA >"$WORK/crash.txt" 2>&1; then CRASH="passed"; else CRASH="FAILED"; fi
    tail -n 5 "$WORK/crash.txt"
fi

if [ "${BENCH_NO_RESULTS:-0}" != 1 ]; then
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")"
    [ -z "$(git status --porcelain 2>/dev/null)" ] || commit+=" (with uncommitted changes)"
    {
        printf '\n## Hot lines %s — POST /api/public/tips on SQLite, %s s, %s connections\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$SECONDS_PER_RUN" "$CONNECTIONS"
        printf -- '- commit: %s; machine: %s cores, %s GiB, CPU: %s; wrk on the same machine (loopback)\n' "$commit" "$(nproc)" "$(free -g | awk '/^Mem:/ { print $2 }')" "$cpu"
        printf -- '- rate limit raised for the run: CTIP_HOTLINE_RATE_LIMIT=1000000000 (every request comes from 127.0.0.1)\n\n'
        printf '| run | requests/s | p99 ms |\n|---|---:|---:|\n'
        printf '| ceiling: GET /health alone | %s | %s |\n' "$(requests_per_second "$WORK/ceiling.txt")" "$(p99_ms "$WORK/ceiling.txt")"
        printf '| POST /api/public/tips | %s | %s |\n' "$TIPS_RATE" "$TIPS_P99"
        printf '| GET /health beside it | %s | %s |\n\n' "$(requests_per_second "$WORK/health-under-load.txt")" "$(p99_ms "$WORK/health-under-load.txt")"
        printf -- '- accepted (rows in `tips` afterwards): %s = %s per second; refused (non-2xx): %s\n' "$STORED" "$ACCEPTED_RATE" "$TIPS_REFUSED"
        printf -- '- goal (≥ %s accepted/s, p99 < %s ms): %s\n' "$GOAL_RATE" "$GOAL_P99_MS" "$VERDICT"
        printf -- '- de-duplication (`ctip hotline dedup`, %s feed URLs against %s known, half known in other spellings): %s; peak RSS %s MB\n' "$FEED" "$KNOWN" "$DEDUP_LINE" "$DEDUP_RSS"
        printf -- '- crash test at %s rounds (SIGKILL under load, every acknowledged receipt present afterwards): %s\n' "$CRASH_ROUNDS" "$CRASH"
    } >>"$RESULTS"
    ctip_note "appended to ${RESULTS#"$ROOT"/}"
fi
step "Done"
