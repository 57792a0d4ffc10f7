#!/usr/bin/env bash
# The deployment of deploy/README.md on this one machine, checked end to end, then torn down.
#
#   deploy/run-local.sh           start everything, run the checks, tear everything down
#   deploy/run-local.sh --keep    the same, but leave it running after the checks (Ctrl-C tears it down)
#
# What it starts, all on 127.0.0.1 at free ports above 20000, in one temporary directory:
#   PostgreSQL primary (initdb) and a streaming standby (pg_basebackup, a replication slot), as `postgres`
#   `ctip migrate` once, the first accounts (`ctip users add`), an API token (`ctip users token`)
#   two `ctip serve --secure-cookies` sharing the data key file and CTIP_HOTLINE_KEY
#   nginx (Debian's, its own master process and config, not the system service) with a self-signed
#   certificate made by openssl, in front of both instances
# Then it checks login, a hot-line tip, a victim file, both instances, the proxy's headers and logs,
# an instance's failure, that the standby has replayed the rows, a backup, and a failover (the standby
# promoted, the instances moved to it; not with --keep); prints a line per check and
# `N passed, M failed`; exits 1 if any check failed. Everything it started is stopped and its directory
# removed on exit, also when it fails or is interrupted.
#
# Needs root (PostgreSQL runs as `postgres` through runuser, nginx's workers as www-data) on Debian;
# installs `postgresql` and `nginx` with apt when they are missing (the system services are not used).
# Environment:
#   CTIP_BIN                the ctip executable (default: .build/debug/ctip from the repository root)
#   CTIP_DEPLOY_PORT_BASE   first port to try (default: random in 21000..28999)

# shellcheck source-path=SCRIPTDIR/..
# shellcheck disable=SC2015  # `test && test || fail` is meant: fail when either test fails
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

KEEP=0
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=1 ;;
        -h|--help) sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) ctip_die "unknown argument: $arg (try --help)" ;;
    esac
done

CTIP_BIN="${CTIP_BIN:-.build/debug/ctip}"
case "$CTIP_BIN" in /*) ;; *) CTIP_BIN="$ROOT/$CTIP_BIN" ;; esac
[ -x "$CTIP_BIN" ] || ctip_die "$CTIP_BIN is missing or not executable: build it (swift build) or set CTIP_BIN"
[ "$(id -u)" -eq 0 ] || ctip_die "run as root: PostgreSQL runs as postgres (runuser), nginx's workers as www-data"

STARTED=$SECONDS
PASSED=0
FAILED=0
SKIPPED=0
SUMMARY_PRINTED=0
WORK=""
CTIP_PIDS=("" "")
NGINX_PID=""
SLEEP_PID=""
PG_STARTED=()          # data directories of the clusters started here

# ---------------------------------------------------------------------------------------------
# Teardown: every process started here, by its pid; then the directory.

stop_pid() {           # stop_pid PID NAME: TERM, up to 10 s, then KILL
    local pid="$1" i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        printf '  %s (pid %s) did not stop in 10 s: killed\n' "$2" "$pid"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

teardown() {
    local status=$? dir left=0
    set +e
    exec 1>&3 2>&4     # a signal's trap runs inside the redirections of the command it interrupted
    trap - INT TERM
    if [ "$SUMMARY_PRINTED" -eq 0 ]; then
        # Setup failed before the checks could run.
        [ "$status" -ne 0 ] && FAILED=$((FAILED + 1))
        printf '%d passed, %d failed (setup did not finish)\n' "$PASSED" "$FAILED"
        [ "$status" -ne 0 ] || status=1
    fi
    ctip_section "teardown"
    [ -z "$SLEEP_PID" ] || kill "$SLEEP_PID" 2>/dev/null
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null    # graceful: finishes the requests under way
        for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
        stop_pid "$NGINX_PID" nginx
    fi
    stop_pid "${CTIP_PIDS[0]}" "ctip serve 1"
    stop_pid "${CTIP_PIDS[1]}" "ctip serve 2"
    for ((i = ${#PG_STARTED[@]} - 1; i >= 0; i--)); do   # the standby first, then the primary
        dir="${PG_STARTED[$i]}"
        as_pg "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 || continue   # already stopped (the failover check stops the primary)
        _ctip_pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || _ctip_pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || { printf '  warning: PostgreSQL in %s did not stop\n' "$dir"; left=1; }
    done
    for pid in "${CTIP_PIDS[@]}" "$NGINX_PID"; do
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { printf '  warning: pid %s still runs\n' "$pid"; left=1; }
    done
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        if [ "$left" -eq 0 ]; then rm -rf "$WORK"; else printf '  left %s in place (something still runs)\n' "$WORK"; fi
    fi
    [ "$left" -eq 0 ] && ctip_note "stopped every process started here; removed ${WORK:-nothing}"
    printf '  total time: %ds\n' "$((SECONDS - STARTED))"
    exit "$status"
}
exec 3>&1 4>&2         # the script's own stdout and stderr, for teardown
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

setup_fail() {         # setup_fail MESSAGE [LOG...]: show the logs' tails and stop
    local log
    printf 'error: %s\n' "$1" >&2
    shift
    for log in "$@"; do
        [ -f "$log" ] || continue
        printf -- '---- %s (last 25 lines)\n' "$log" >&2
        tail -n 25 "$log" >&2
    done
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Checks

DETAIL=""
pass() { PASSED=$((PASSED + 1)); printf '  PASS  %s\n' "$1"; [ -z "${2:-}" ] || printf '        %s\n' "$2"; }
fail() { FAILED=$((FAILED + 1)); printf '  FAIL  %s\n' "$1"; [ -z "${2:-}" ] || printf '        %s\n' "$2"; }
skip() { SKIPPED=$((SKIPPED + 1)); printf '  SKIP  %s\n        %s\n' "$1" "$2"; }
check() {              # check DESCRIPTION FUNCTION [ARGS...]
    local name="$1"; shift
    DETAIL=""
    if "$@"; then pass "$name" "$DETAIL"; else fail "$name" "$DETAIL"; fi
}

# ---------------------------------------------------------------------------------------------
# Tools and ports

ctip_section "tools"
PG_BIN="$(_ctip_pg_find_bindir)" || {
    ctip_apt_install postgresql
    PG_BIN="$(_ctip_pg_find_bindir)" || ctip_die "PostgreSQL's initdb not found even after installing postgresql"
}
command -v nginx >/dev/null 2>&1 || ctip_apt_install nginx
command -v openssl >/dev/null 2>&1 || ctip_apt_install openssl
command -v curl >/dev/null 2>&1 || ctip_apt_install curl
id postgres >/dev/null 2>&1 || ctip_die "no postgres user (is Debian's postgresql installed?)"
id www-data >/dev/null 2>&1 || ctip_die "no www-data user for nginx's workers"
ctip_note "ctip: $CTIP_BIN"
ctip_note "$("$PG_BIN/postgres" --version), $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(openssl version | cut -d' ' -f1-2)"

TRUSTED_PROXY=()
if "$CTIP_BIN" serve --help 2>&1 | grep -q -- '--trusted-proxy'; then
    TRUSTED_PROXY=(--trusted-proxy 127.0.0.1)
    ctip_note "ctip serve knows --trusted-proxy: the instances believe nginx's X-Forwarded-For"
else
    ctip_note "note: this ctip serve has no --trusted-proxy yet: left out; the hot lines' rate limit then"
    ctip_note "      counts nginx's address for every reporter (the per-client check is skipped)"
fi

USED_PORTS=" "
pick_port() {          # pick_port VAR: the next free port from NEXT_PORT, not given out before
    local port="$NEXT_PORT"
    while _ctip_pg_port_busy "$port" || [[ "$USED_PORTS" == *" $port "* ]]; do port=$((port + 1)); done
    [ "$port" -lt 65000 ] || ctip_die "no free port found"
    USED_PORTS+="$port "
    NEXT_PORT=$((port + 1))
    printf -v "$1" '%s' "$port"
}
NEXT_PORT="${CTIP_DEPLOY_PORT_BASE:-$((21000 + RANDOM % 8000))}"
[ "$NEXT_PORT" -gt 20000 ] || ctip_die "CTIP_DEPLOY_PORT_BASE must be above 20000"
pick_port PG_PRIMARY_PORT; pick_port PG_STANDBY_PORT
pick_port CTIP1_PORT; pick_port CTIP2_PORT
pick_port HTTPS_PORT; pick_port HTTP_PORT
ctip_note "ports: primary $PG_PRIMARY_PORT, standby $PG_STANDBY_PORT, ctip $CTIP1_PORT and $CTIP2_PORT, nginx https $HTTPS_PORT, http $HTTP_PORT"

WORK="$(mktemp -d /tmp/ctip-deploy.XXXXXX)"
chmod 0755 "$WORK"
PGDIR="$WORK/pg"; SECRETS="$WORK/secrets"; NGX="$WORK/nginx"
mkdir -p "$PGDIR/run" "$SECRETS" "$NGX/tls" "$NGX/tmp" "$WORK/ctip/1" "$WORK/ctip/2"
chown -R postgres: "$PGDIR"; chmod 0700 "$PGDIR"
chmod 0700 "$SECRETS" "$NGX/tls"
chown www-data: "$NGX/tmp"     # client bodies are buffered there by the workers
# shellcheck disable=SC2034  # read by _ctip_pg_as_owner in scripts/lib/postgres.sh
CTIP_PG_DIR="$PGDIR"           # _ctip_pg_as_owner runs commands as postgres from this directory
ctip_note "working directory: $WORK"

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
as_pg() { _ctip_pg_as_owner "$@"; }
# sql PORT DATABASE SQL: one query as the superuser over the private socket (peer authentication)
sql() { as_pg "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PGDIR/run" -p "$1" -U postgres -d "$2" -c "$3"; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL: the primary

ctip_section "PostgreSQL primary and standby"
DB_PASSWORD="$(random_hex 16)"
REPL_PASSWORD="$(random_hex 16)"
as_pg "$PG_BIN/initdb" -D "$PGDIR/primary" -U postgres -E UTF8 --locale=C --auth-local=peer \
    --auth-host=scram-sha-256 >"$PGDIR/initdb.log" 2>&1 || setup_fail "initdb failed" "$PGDIR/initdb.log"
cat <<EOF | as_pg tee -a "$PGDIR/primary/postgresql.conf" >/dev/null
# deploy/run-local.sh: the primary
listen_addresses = '127.0.0.1'
port = $PG_PRIMARY_PORT
unix_socket_directories = '$PGDIR/run'
max_connections = 100
wal_level = replica
max_wal_senders = 4
max_replication_slots = 4
hot_standby = on
EOF
cat <<EOF | as_pg tee "$PGDIR/primary/pg_hba.conf" >/dev/null
# TYPE  DATABASE     USER        ADDRESS        METHOD
local   all          postgres                   peer
host    ctip         ctip        127.0.0.1/32   scram-sha-256
host    replication  replicator  127.0.0.1/32   scram-sha-256
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/primary" -l "$PGDIR/primary.log" -w -t 60 start >/dev/null 2>&1 3>&- 4>&- \
    || setup_fail "the primary did not start" "$PGDIR/primary.log"
PG_STARTED+=("$PGDIR/primary")
sql "$PG_PRIMARY_PORT" postgres "CREATE ROLE ctip LOGIN PASSWORD '$DB_PASSWORD'" >/dev/null
sql "$PG_PRIMARY_PORT" postgres "CREATE DATABASE ctip OWNER ctip ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0" >/dev/null
sql "$PG_PRIMARY_PORT" postgres "CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$REPL_PASSWORD'" >/dev/null
ctip_note "primary: 127.0.0.1:$PG_PRIMARY_PORT, database ctip owned by role ctip, role replicator for the standby"

# ---------------------------------------------------------------------------------------------
# PostgreSQL: the standby, from pg_basebackup with a replication slot

printf '127.0.0.1:%s:replication:replicator:%s\n' "$PG_PRIMARY_PORT" "$REPL_PASSWORD" | as_pg tee "$PGDIR/pgpass" >/dev/null
chmod 0600 "$PGDIR/pgpass"
as_pg env PGPASSFILE="$PGDIR/pgpass" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U replicator \
    -D "$PGDIR/standby" -X stream -C -S ctip_standby --checkpoint=fast >"$PGDIR/basebackup.log" 2>&1 \
    || setup_fail "pg_basebackup failed" "$PGDIR/basebackup.log" "$PGDIR/primary.log"
as_pg touch "$PGDIR/standby/standby.signal"
cat <<EOF | as_pg tee -a "$PGDIR/standby/postgresql.conf" >/dev/null
# deploy/run-local.sh: the standby (the lines above are the primary's, copied by pg_basebackup)
port = $PG_STANDBY_PORT
primary_conninfo = 'host=127.0.0.1 port=$PG_PRIMARY_PORT user=replicator passfile=$PGDIR/pgpass application_name=ctip_standby'
primary_slot_name = 'ctip_standby'
hot_standby = on
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/standby" -l "$PGDIR/standby.log" -w -t 60 start >/dev/null 2>&1 3>&- 4>&- \
    || setup_fail "the standby did not start" "$PGDIR/standby.log"
PG_STARTED+=("$PGDIR/standby")
ctip_note "standby: 127.0.0.1:$PG_STANDBY_PORT, from pg_basebackup, slot ctip_standby"

DB_URL="postgres://ctip:$DB_PASSWORD@127.0.0.1:$PG_PRIMARY_PORT/ctip"
STANDBY_URL="postgres://ctip:$DB_PASSWORD@127.0.0.1:$PG_STANDBY_PORT/ctip"

# ---------------------------------------------------------------------------------------------
# Keys, schema, accounts

ctip_section "keys, schema, accounts"
( umask 077
  "$CTIP_BIN" keys generate --id k1 >"$SECRETS/data-keys.txt"
  head -c 32 /dev/urandom | base64 -w0 >"$SECRETS/hotline.key" )
chmod 0600 "$SECRETS/data-keys.txt" "$SECRETS/hotline.key"
grep -Eq '^k1:[A-Za-z0-9+/=]{40,}$' "$SECRETS/data-keys.txt" || setup_fail "ctip keys generate did not print a key line"
HOTLINE_KEY="$(cat "$SECRETS/hotline.key")"
ctip_note "data key file (mode 600): $SECRETS/data-keys.txt; hotline key (32 random bytes, base64) shared by both instances"

# ctip ARGS...: the command line against the primary, from a directory of its own (nothing lands in the repository)
ctip() { (cd "$WORK/ctip" && CTIP_DATABASE_URL="$DB_URL" "$CTIP_BIN" "$@"); }

t0=$SECONDS
ctip migrate >"$WORK/ctip/migrate.log" 2>&1 || setup_fail "ctip migrate failed" "$WORK/ctip/migrate.log"
ctip_note "ctip migrate: done once, before any instance starts ($((SECONDS - t0))s)"

ADMIN_EMAIL="admin@deploy.example"
WORKER_EMAIL="worker@police-13.deploy.example"
ADMIN_PASSWORD="$(random_hex 12)"
WORKER_PASSWORD="$(random_hex 12)"
printf '%s\n' "$ADMIN_PASSWORD" | ctip users add --agency npa --role administrator --password-stdin "$ADMIN_EMAIL" \
    >"$WORK/ctip/users.log" 2>&1 || setup_fail "ctip users add (administrator) failed" "$WORK/ctip/users.log"
printf '%s\n' "$WORKER_PASSWORD" | ctip users add --agency police-13 --role case_worker --password-stdin "$WORKER_EMAIL" \
    >>"$WORK/ctip/users.log" 2>&1 || setup_fail "ctip users add (case worker) failed" "$WORK/ctip/users.log"
API_TOKEN="$(ctip users token --name deploy-check "$WORKER_EMAIL" 2>>"$WORK/ctip/users.log" | tail -n 1)"
[[ "$API_TOKEN" == ctip_* ]] || setup_fail "ctip users token printed no token" "$WORK/ctip/users.log"
ctip_note "accounts: $ADMIN_EMAIL (administrator, npa), $WORKER_EMAIL (case_worker, police-13); an API token for the latter"

# ---------------------------------------------------------------------------------------------
# Two instances

ctip_section "two ctip serve instances"
# The hot lines' status look-ups per address per window, lowered here so that a check can reach it.
LOOKUP_LIMIT=5
start_instance() {     # start_instance N PORT
    local n="$1" port="$2" dir="$WORK/ctip/$1"
    ( cd "$dir" && exec env CTIP_DATABASE_URL="$DB_URL" CTIP_HOTLINE_KEY="$HOTLINE_KEY" \
        CTIP_HOTLINE_LOOKUP_LIMIT="$LOOKUP_LIMIT" \
        "$CTIP_BIN" serve --host 127.0.0.1 --port "$port" --secure-cookies \
        --data-key-file "$SECRETS/data-keys.txt" "${TRUSTED_PROXY[@]}" ) >>"$dir/serve.log" 2>&1 3>&- 4>&- &
    CTIP_PIDS[n - 1]=$!
}
wait_healthy() {       # wait_healthy N PORT: /health 200 within 90 s, the process alive
    local n="$1" port="$2" i
    for i in $(seq 1 900); do
        kill -0 "${CTIP_PIDS[$((n - 1))]}" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health")" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}
t0=$SECONDS
start_instance 1 "$CTIP1_PORT"
start_instance 2 "$CTIP2_PORT"
wait_healthy 1 "$CTIP1_PORT" || setup_fail "instance 1 did not become healthy" "$WORK/ctip/1/serve.log"
wait_healthy 2 "$CTIP2_PORT" || setup_fail "instance 2 did not become healthy" "$WORK/ctip/2/serve.log"
ctip_note "instances: http://127.0.0.1:$CTIP1_PORT (pid ${CTIP_PIDS[0]}), http://127.0.0.1:$CTIP2_PORT (pid ${CTIP_PIDS[1]}), healthy after $((SECONDS - t0))s"
ctip_note "serve ${TRUSTED_PROXY[*]:+${TRUSTED_PROXY[*]} }--secure-cookies --data-key-file $SECRETS/data-keys.txt, CTIP_DATABASE_URL and CTIP_HOTLINE_KEY in the environment"

# ---------------------------------------------------------------------------------------------
# nginx with a self-signed certificate

ctip_section "nginx"
CERT="$NGX/tls/cert.pem"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$NGX/tls/key.pem" -out "$CERT" \
    >"$NGX/openssl.log" 2>&1 || setup_fail "openssl could not make a certificate" "$NGX/openssl.log"
sed -e "s|@USER@|www-data|g" -e "s|@PREFIX@|$NGX|g" -e "s|@LISTEN@|127.0.0.1|g" \
    -e "s|@HTTPS_PORT@|$HTTPS_PORT|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@SERVER_NAME@|localhost|g" \
    -e "s|@CERT@|$CERT|g" -e "s|@CERT_KEY@|$NGX/tls/key.pem|g" \
    -e "s|@CTIP_1@|127.0.0.1:$CTIP1_PORT|g" -e "s|@CTIP_2@|127.0.0.1:$CTIP2_PORT|g" \
    "$ROOT/deploy/nginx.conf.template" >"$NGX/nginx.conf"
! grep -v '^ *#' "$NGX/nginx.conf" | grep '@[A-Z_0-9]*@' || setup_fail "a placeholder of nginx.conf.template was not filled in"
NGINX=(nginx -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf")
"${NGINX[@]}" -t >"$NGX/configtest.log" 2>&1 || setup_fail "nginx -t refused the configuration" "$NGX/configtest.log"
"${NGINX[@]}" -g 'daemon off;' >>"$NGX/error.log" 2>&1 3>&- 4>&- &
NGINX_PID=$!
BASE="https://127.0.0.1:$HTTPS_PORT"
CURL=(curl -sS --max-time 30 --cacert "$CERT")
for i in $(seq 1 100); do
    kill -0 "$NGINX_PID" 2>/dev/null || setup_fail "nginx stopped" "$NGX/error.log"
    "${CURL[@]}" -o /dev/null "$BASE/health" 2>/dev/null && break
    sleep 0.1
done
ctip_note "nginx: $BASE (pid $NGINX_PID), certificate $CERT, config $NGX/nginx.conf"

# ---------------------------------------------------------------------------------------------
# The checks

ctip_section "checks"

# http METHOD URL [curl options...]: sets CODE, BODY (file), HEADERS (file)
BODY="$WORK/body"; HEADERS="$WORK/headers"
http() {
    local method="$1" url="$2"; shift 2
    CODE="$("${CURL[@]}" -X "$method" -o "$BODY" -D "$HEADERS" -w '%{http_code}' "$@" "$url" 2>"$WORK/curl.err")" || CODE="000"
}

c_streaming() {
    local row
    row="$(sql "$PG_PRIMARY_PORT" postgres "SELECT application_name, state FROM pg_stat_replication" 2>&1)"
    for _ in $(seq 1 100); do
        [ "$row" = "ctip_standby|streaming" ] && return 0
        sleep 0.2
        row="$(sql "$PG_PRIMARY_PORT" postgres "SELECT application_name, state FROM pg_stat_replication" 2>&1)"
    done
    DETAIL="pg_stat_replication: ${row:-no row}"; return 1
}
check "standby streams from the primary (pg_stat_replication: ctip_standby, streaming)" c_streaming

c_instances() {
    local a b
    a="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CTIP1_PORT/health")"
    b="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CTIP2_PORT/health")"
    [ "$a" = 200 ] && [ "$b" = 200 ] || { DETAIL="GET /health: instance 1 $a, instance 2 $b"; return 1; }
}
check "both instances answer GET /health 200 on their own ports" c_instances

c_tls() {
    http GET "$BASE/health"
    [ "$CODE" = 200 ] || { DETAIL="GET $BASE/health: $CODE $(cat "$WORK/curl.err")"; return 1; }
    grep -qi '^strict-transport-security:' "$HEADERS" || { DETAIL="no Strict-Transport-Security header"; return 1; }
}
check "nginx speaks HTTPS (certificate verified against the one openssl made), GET /health 200, HSTS" c_tls

c_redirect() {
    local code location
    code="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$HTTP_PORT/login?lang=en")"
    location="${code#* }"; code="${code%% *}"
    [ "$code" = 301 ] && [ "$location" = "https://127.0.0.1:$HTTPS_PORT/login?lang=en" ] \
        || { DETAIL="plain HTTP: $code to $location"; return 1; }
}
check "plain HTTP only redirects to HTTPS (301)" c_redirect

c_metrics() {
    local direct
    http GET "$BASE/metrics"
    direct="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CTIP1_PORT/metrics")"
    [ "$CODE" = 404 ] && [ "$direct" = 200 ] || { DETAIL="/metrics: through nginx $CODE (want 404), on the instance $direct (want 200)"; return 1; }
}
check "/metrics is not served through the proxy (404) but by each instance (200)" c_metrics

COOKIE=""
c_login() {
    local cookie_line
    http GET "$BASE/login"
    [ "$CODE" = 200 ] || { DETAIL="GET /login: $CODE"; return 1; }
    http POST "$BASE/login" --data-urlencode "email=$WORKER_EMAIL" --data-urlencode "password=$WORKER_PASSWORD" \
        --data-urlencode "next=/staff"
    case "$CODE" in 302|303) ;; *) DETAIL="POST /login: $CODE (want 303)"; return 1 ;; esac
    cookie_line="$(grep -i '^set-cookie: ctip_session=' "$HEADERS" | tr -d '\r')"
    [ -n "$cookie_line" ] || { DETAIL="no ctip_session cookie"; return 1; }
    COOKIE="$(printf '%s' "$cookie_line" | sed -E 's/^[Ss]et-[Cc]ookie: (ctip_session=[^;]*).*/\1/')"
    for attribute in Secure HttpOnly 'SameSite=Strict'; do
        printf '%s' "$cookie_line" | grep -qi "; *$attribute\( *;\|$\)" || { DETAIL="cookie without $attribute: $cookie_line"; return 1; }
    done
    DETAIL=""
}
check "login through the proxy: 303, session cookie Secure, HttpOnly, SameSite=Strict" c_login

c_session_everywhere() {
    local n port code
    [ -n "$COOKIE" ] || { DETAIL="no session (login failed)"; return 1; }
    for n in 1 2; do
        http GET "$BASE/staff" -H "Cookie: $COOKIE"
        [ "$CODE" = 200 ] && grep -q "$WORKER_EMAIL" "$BODY" || { DETAIL="GET /staff through nginx ($n): $CODE"; return 1; }
    done
    for port in "$CTIP1_PORT" "$CTIP2_PORT"; do
        code="$(curl -s -o "$BODY" -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port/staff")"
        [ "$code" = 200 ] && grep -q "$WORKER_EMAIL" "$BODY" || { DETAIL="GET /staff on port $port: $code"; return 1; }
    done
}
check "the session is known to both instances (GET /staff 200, signed in)" c_session_everywhere

c_wrong_password() {
    http POST "$BASE/login" --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=not-the-password-1"
    [ "$CODE" = 401 ] && ! grep -qi '^set-cookie: ctip_session=' "$HEADERS" || { DETAIL="wrong password: $CODE"; return 1; }
}
check "a wrong password through the proxy is refused (401, no cookie)" c_wrong_password

RECEIPT=""; PASSCODE=""; RECEIPT2=""
c_tip_json() {
    http POST "$BASE/api/public/tips" -H 'Content-Type: application/json' \
        --data '{"lang":"en","category":"trafficking","prefecture":"JP-13","description":"deploy check: a tip through the proxy"}'
    [ "$CODE" = 201 ] || { DETAIL="POST /api/public/tips: $CODE $(head -c 300 "$BODY")"; return 1; }
    RECEIPT="$(sed -nE 's/.*"receipt" *: *"([0-9-]+)".*/\1/p' "$BODY" | tr -d -)"
    PASSCODE="$(sed -nE 's/.*"passcode" *: *"([^"]+)".*/\1/p' "$BODY")"
    [ "${#RECEIPT}" -eq 16 ] && [ -n "$PASSCODE" ] || { DETAIL="answer without receipt/passcode: $(cat "$BODY")"; return 1; }
    ! grep -qi '^set-cookie:' "$HEADERS" || { DETAIL="the hot line set a cookie"; return 1; }
}
check "hot-line tip through the proxy: POST /api/public/tips 201, receipt and passcode, no cookie" c_tip_json

c_tip_form() {
    http POST "$BASE/report" --data-urlencode lang=ja --data-urlencode category=child_welfare \
        --data-urlencode prefecture=JP-27 --data-urlencode "description=deploy check: the public form"
    [ "$CODE" = 201 ] || { DETAIL="POST /report: $CODE"; return 1; }
    RECEIPT2="$(sed -nE 's/.*id="receipt"[^>]*>([0-9 -]+)<.*/\1/p' "$BODY" | head -n 1 | tr -d ' -')"
    [ "${#RECEIPT2}" -eq 16 ] || { DETAIL="no 16-digit receipt on the page"; return 1; }
}
check "hot-line tip through the proxy: the public form POST /report 201 with a receipt" c_tip_form

c_passcode_everywhere() {
    local port code
    [ -n "$RECEIPT" ] || { DETAIL="no receipt (the tip failed)"; return 1; }
    for port in "$CTIP1_PORT" "$CTIP2_PORT"; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "receipt=$RECEIPT" --data-urlencode "passcode=$PASSCODE" \
            --data-urlencode lang=en "http://127.0.0.1:$port/report/status")"
        [ "$code" = 200 ] || { DETAIL="POST /report/status on port $port: $code (a different CTIP_HOTLINE_KEY?)"; return 1; }
    done
    code="$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "receipt=$RECEIPT" --data-urlencode "passcode=AAAAA-BBBBB-CCCCC-DDDDD" \
        "http://127.0.0.1:$CTIP2_PORT/report/status")"
    [ "$code" = 404 ] || { DETAIL="a wrong passcode answered $code (want 404)"; return 1; }
}
check "the tip's receipt and passcode check on both instances (shared CTIP_HOTLINE_KEY); a wrong one 404" c_passcode_everywhere

VICTIM=""
VICTIM_NAME="Deploycheck Person $(random_hex 3)"
c_victim() {
    http POST "$BASE/api/victims" -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: application/json' \
        --data "{\"protected_on\":\"2026-06-01\",\"sex\":\"female\",\"age\":24,\"nationality\":\"PHL\",\"residence_status\":\"technical_intern_training_1\",\"exploitation\":\"labour\",\"name\":\"$VICTIM_NAME\",\"phone\":\"+81-3-0000-0000\"}"
    [ "$CODE" = 201 ] || { DETAIL="POST /api/victims: $CODE $(head -c 300 "$BODY")"; return 1; }
    VICTIM="$(sed -nE 's/.*"id" *: *"([^"]+)".*/\1/p' "$BODY")"
    [ -n "$VICTIM" ] || { DETAIL="no id in $(cat "$BODY")"; return 1; }
}
check "victim file through the proxy with an API token (ctip users token): POST /api/victims 201" c_victim

c_victim_everywhere() {
    local port code
    [ -n "$VICTIM" ] || { DETAIL="no victim file"; return 1; }
    for port in "$CTIP1_PORT" "$CTIP2_PORT"; do
        code="$(curl -s -o "$BODY" -w '%{http_code}' -H "Authorization: Bearer $API_TOKEN" "http://127.0.0.1:$port/api/victims/$VICTIM")"
        [ "$code" = 200 ] && grep -q "$VICTIM_NAME" "$BODY" || { DETAIL="GET /api/victims/$VICTIM on port $port: $code, name shown: $(grep -c "$VICTIM_NAME" "$BODY")"; return 1; }
    done
}
check "the file opens, name decrypted, on both instances (shared data key file)" c_victim_everywhere

c_standby_rows() {
    local lsn done_ rows sealed audit_primary audit_standby
    lsn="$(sql "$PG_PRIMARY_PORT" postgres "SELECT pg_current_wal_lsn()")"
    for _ in $(seq 1 150); do
        done_="$(sql "$PG_STANDBY_PORT" postgres "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")"
        [ "$done_" = t ] && break
        sleep 0.2
    done
    [ "$done_" = t ] || { DETAIL="the standby had not replayed $lsn after 30 s"; return 1; }
    [ "$(sql "$PG_STANDBY_PORT" postgres "SELECT pg_is_in_recovery()")" = t ] || { DETAIL="the standby is not in recovery"; return 1; }
    rows="$(sql "$PG_STANDBY_PORT" ctip "SELECT count(*) FROM tips WHERE replace(receipt, '-', '') IN ('$RECEIPT', '$RECEIPT2')")"
    [ "$rows" = 2 ] || { DETAIL="tips on the standby: $rows of 2"; return 1; }
    sealed="$(sql "$PG_STANDBY_PORT" ctip "SELECT coalesce(identity_sealed, '') FROM victim_files WHERE victim_id = '$VICTIM'")"
    [ -n "$sealed" ] || { DETAIL="victim file $VICTIM: not on the standby, or its identity is not stored"; return 1; }
    [[ "$sealed" != *Deploycheck* ]] || { DETAIL="the name is stored in clear"; return 1; }
    rows="$(sql "$PG_STANDBY_PORT" ctip "SELECT count(*) FROM victims WHERE victim_id = '$VICTIM'")"
    [ "$rows" = 1 ] || { DETAIL="victims row on the standby: $rows"; return 1; }
    rows="$(sql "$PG_STANDBY_PORT" ctip "SELECT count(*) FROM staff_sessions")"
    [ "$rows" -ge 1 ] || { DETAIL="no session on the standby"; return 1; }
    audit_primary="$(sql "$PG_PRIMARY_PORT" ctip "SELECT count(*) FROM audit_log")"
    audit_standby="$(sql "$PG_STANDBY_PORT" ctip "SELECT count(*) FROM audit_log")"
    [ "$audit_primary" = "$audit_standby" ] && [ "$audit_primary" -gt 0 ] \
        || { DETAIL="audit entries: primary $audit_primary, standby $audit_standby"; return 1; }
    DETAIL="$audit_standby audit entries"
}
check "the standby replayed the rows: both tips, the victim file (identity sealed), the session, the audit trail" c_standby_rows

# Reporter addresses: nginx replaces X-Forwarded-For, CTIP (with --trusted-proxy) counts it. Clients at
# 127.0.0.2 and 127.0.0.3 (loopback addresses too) use up the status look-ups per address.
c_forwarded_for() {
    local i code code2
    for i in $(seq 1 $((2 * LOOKUP_LIMIT + 2))); do    # per process today: up to twice the limit through two instances
        code="$("${CURL[@]}" --interface 127.0.0.2 -o /dev/null -w '%{http_code}' --data-urlencode receipt=0000000000000000 \
            --data-urlencode passcode=AAAAA-BBBBB-CCCCC-DDDDD "$BASE/report/status")"
        [ "$code" = 429 ] && break
    done
    [ "$code" = 429 ] || { DETAIL="client 127.0.0.2 was never limited (last answer $code)"; return 1; }
    local allowed=$((i - 1))
    code="$("${CURL[@]}" --interface 127.0.0.2 -H 'X-Forwarded-For: 203.0.113.7' -o /dev/null -w '%{http_code}' \
        --data-urlencode receipt=0000000000000000 --data-urlencode passcode=AAAAA-BBBBB-CCCCC-DDDDD "$BASE/report/status")"
    code2="$("${CURL[@]}" --interface 127.0.0.2 -H 'X-Forwarded-For: 203.0.113.7' -o /dev/null -w '%{http_code}' \
        --data-urlencode receipt=0000000000000000 --data-urlencode passcode=AAAAA-BBBBB-CCCCC-DDDDD "$BASE/report/status")"
    [ "$code" = 429 ] && [ "$code2" = 429 ] || { DETAIL="a forged X-Forwarded-For escaped the limit ($code, $code2)"; return 1; }
    code="$("${CURL[@]}" --interface 127.0.0.3 -o /dev/null -w '%{http_code}' --data-urlencode receipt=0000000000000000 \
        --data-urlencode passcode=AAAAA-BBBBB-CCCCC-DDDDD "$BASE/report/status")"
    [ "$code" = 404 ] || { DETAIL="another client (127.0.0.3) answered $code (want 404): the limit counts the proxy, not the client"; return 1; }
    if [ "$allowed" -eq "$LOOKUP_LIMIT" ]; then
        DETAIL="limited after $allowed look-ups through two instances: one limit for both (CTIP_HOTLINE_LOOKUP_LIMIT=$LOOKUP_LIMIT)"
    else
        DETAIL="limited after $allowed look-ups (CTIP_HOTLINE_LOOKUP_LIMIT=$LOOKUP_LIMIT): each instance counts its own"
    fi
}
if [ "${#TRUSTED_PROXY[@]}" -gt 0 ]; then
    check "X-Forwarded-For: the hot line's per-address limit holds per client behind nginx, a forged header does not escape it" c_forwarded_for
else
    skip "X-Forwarded-For: the per-client limit behind nginx" "ctip serve has no --trusted-proxy: every reporter counts as nginx's 127.0.0.1"
fi

c_logs() {
    local access="$NGX/access.log"
    [ -s "$access" ] && grep -q '"POST /login"' "$access" || { DETAIL="no staff request in $access"; return 1; }
    if grep -Eq '"[A-Z]+ /(report|internet-hotline|help|api/public)' "$access"; then
        DETAIL="a hot-line request is in the access log: $(grep -Em1 '"[A-Z]+ /(report|internet-hotline|help|api/public)' "$access")"; return 1
    fi
    if grep -Eq '"[A-Z]+ [^"]*\?' "$access"; then DETAIL="a query string is in the access log"; return 1; fi
    if grep -Eq '127\.0\.0\.[23]' "$access" "$NGX/error.log"; then DETAIL="a hot-line client's address is in nginx's logs"; return 1; fi
}
check "nginx logged staff requests without query strings, and no hot-line request or reporter address" c_logs

c_instance_down() {
    local i code
    kill -KILL "${CTIP_PIDS[0]}"; wait "${CTIP_PIDS[0]}" 2>/dev/null || true
    for i in 1 2 3 4 5 6; do
        http GET "$BASE/health"
        [ "$CODE" = 200 ] || { DETAIL="GET /health with instance 1 killed ($i): $CODE"; return 1; }
    done
    http POST "$BASE/api/public/tips" -H 'Content-Type: application/json' \
        --data '{"lang":"en","category":"other","prefecture":"JP-01","description":"deploy check: one instance down"}'
    [ "$CODE" = 201 ] || { DETAIL="POST /api/public/tips with instance 1 killed: $CODE"; return 1; }
    http POST "$BASE/api/victims" -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: application/json' \
        --data '{"protected_on":"2026-06-02","sex":"male","nationality":"VNM","residence_status":"no_status","exploitation":"labour"}'
    [ "$CODE" = 201 ] || { DETAIL="POST /api/victims with instance 1 killed: $CODE"; return 1; }
    start_instance 1 "$CTIP1_PORT"
    wait_healthy 1 "$CTIP1_PORT" || { DETAIL="instance 1 did not come back (log: $WORK/ctip/1/serve.log)"; return 1; }
}
check "instance 1 SIGKILLed: nginx keeps answering (GET, a tip, a victim file), and it restarts healthy" c_instance_down

c_audit_primary() {
    ctip audit verify >"$WORK/ctip/audit.log" 2>&1 || { DETAIL="ctip audit verify: $(tail -n 3 "$WORK/ctip/audit.log")"; return 1; }
    DETAIL="$(tail -n 1 "$WORK/ctip/audit.log")"
}
check "ctip audit verify on the primary" c_audit_primary

c_backup() {
    local file="$WORK/ctip/backup.dump" tables
    ctip backup "$file" >"$WORK/ctip/backup.log" 2>&1 || { DETAIL="ctip backup: $(tail -n 3 "$WORK/ctip/backup.log")"; return 1; }
    tables="$("$PG_BIN/pg_restore" -l "$file" 2>/dev/null < /dev/null | grep -c 'TABLE DATA' || true)"
    [ "${tables:-0}" -gt 5 ] || { DETAIL="the backup lists $tables tables"; return 1; }
    [ "$(stat -c %a "$file")" = 600 ] || { DETAIL="the backup's mode is $(stat -c %a "$file"), not 600: it holds tips and accounts"; return 1; }
    DETAIL="$(tail -n 1 "$WORK/ctip/backup.log" | sed "s|$WORK/||; s|ctip:[^@]*@|ctip@|"), file mode $(stat -c %a "$file") under umask $(umask)"
}
check "ctip backup of the primary while both instances serve (a pg_dump archive)" c_backup

# The command line's read-only work runs on the hot standby (it migrates nothing there), keeping it off
# the primary.
c_standby_reads() {
    (cd "$WORK/ctip" && CTIP_DATABASE_URL="$STANDBY_URL" "$CTIP_BIN" audit verify) >"$WORK/ctip/audit-hot-standby.log" 2>&1 \
        || { DETAIL="$(tail -n 2 "$WORK/ctip/audit-hot-standby.log" | cut -c1-200)"; return 1; }
    (cd "$WORK/ctip" && CTIP_DATABASE_URL="$STANDBY_URL" "$CTIP_BIN" report --year 2026 --format json) >"$WORK/ctip/report-hot-standby.json" 2>&1 \
        || { DETAIL="ctip report: $(tail -n 2 "$WORK/ctip/report-hot-standby.json" | cut -c1-200)"; return 1; }
    DETAIL="$(tail -n 1 "$WORK/ctip/audit-hot-standby.log"); ctip report answered too"
}
check "ctip audit verify and ctip report run on the hot standby (read-only work kept off the primary)" c_standby_reads

c_promote() {
    local lsn done_ primary_tips standby_tips
    lsn="$(sql "$PG_PRIMARY_PORT" postgres "SELECT pg_current_wal_lsn()")"
    for _ in $(seq 1 150); do
        done_="$(sql "$PG_STANDBY_PORT" postgres "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")"
        [ "$done_" = t ] && break; sleep 0.2
    done
    primary_tips="$(sql "$PG_PRIMARY_PORT" ctip "SELECT count(*) FROM tips")"
    # Fence the old primary first (in production: stop it, or make sure the instances cannot reach it).
    as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/primary" -m fast -w -t 30 stop >/dev/null 2>&1 || { DETAIL="the primary did not stop"; return 1; }
    as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/standby" -w -t 30 promote >/dev/null 2>&1 || { DETAIL="pg_ctl promote failed"; return 1; }
    [ "$(sql "$PG_STANDBY_PORT" postgres "SELECT pg_is_in_recovery()")" = f ] || { DETAIL="still in recovery"; return 1; }
    standby_tips="$(sql "$PG_STANDBY_PORT" ctip "SELECT count(*) FROM tips")"
    [ "$standby_tips" = "$primary_tips" ] || { DETAIL="tips: primary had $primary_tips, promoted standby $standby_tips"; return 1; }
    (cd "$WORK/ctip" && CTIP_DATABASE_URL="$STANDBY_URL" "$CTIP_BIN" audit verify) >"$WORK/ctip/audit-standby.log" 2>&1 \
        || { DETAIL="ctip audit verify on the promoted standby: $(tail -n 3 "$WORK/ctip/audit-standby.log")"; return 1; }
    DETAIL="$(tail -n 1 "$WORK/ctip/audit-standby.log")"
}
c_repoint() {
    # The instances are restarted with the new primary's URL (in production: change CTIP_DATABASE_URL
    # in the environment file, or move the name it uses, and restart them one after the other).
    DB_URL="$STANDBY_URL"
    stop_pid "${CTIP_PIDS[0]}" "ctip serve 1"; start_instance 1 "$CTIP1_PORT"
    stop_pid "${CTIP_PIDS[1]}" "ctip serve 2"; start_instance 2 "$CTIP2_PORT"
    wait_healthy 1 "$CTIP1_PORT" && wait_healthy 2 "$CTIP2_PORT" || { DETAIL="an instance did not start on the new primary"; return 1; }
    http POST "$BASE/api/public/tips" -H 'Content-Type: application/json' \
        --data '{"lang":"en","category":"trafficking","prefecture":"JP-13","description":"deploy check: after the failover"}'
    [ "$CODE" = 201 ] || { DETAIL="POST /api/public/tips after the failover: $CODE"; return 1; }
    http POST "$BASE/api/victims" -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: application/json' \
        --data '{"protected_on":"2026-06-03","sex":"female","nationality":"JPN","exploitation":"sexual"}'
    [ "$CODE" = 201 ] || { DETAIL="POST /api/victims after the failover: $CODE $(head -c 200 "$BODY")"; return 1; }
    http GET "$BASE/staff" -H "Cookie: $COOKIE"
    [ "$CODE" = 200 ] && grep -q "$WORKER_EMAIL" "$BODY" || { DETAIL="the session did not survive the failover: GET /staff $CODE"; return 1; }
}
if [ "$KEEP" -eq 0 ]; then
    check "failover: primary stopped, standby promoted (pg_ctl promote), every tip there, ctip audit verify passes on it" c_promote
    check "the instances restarted on the new primary: a tip, a victim file and the old session work through the proxy" c_repoint
else
    skip "failover: promoting the standby" "--keep: the standby is left streaming for exploring"
fi

printf '\n'
[ "$SKIPPED" -eq 0 ] || printf '(%d skipped)\n' "$SKIPPED"
printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
SUMMARY_PRINTED=1

if [ "$KEEP" -eq 1 ]; then
    ctip_section "running (--keep): Ctrl-C stops everything and removes $WORK"
    cat <<EOF
  proxy        $BASE/   (self-signed: curl --cacert $CERT, or accept it in the browser)
               http://127.0.0.1:$HTTP_PORT/ redirects there
  staff        $BASE/login   $WORKER_EMAIL / $WORKER_PASSWORD   (case_worker, police-13)
                             $ADMIN_EMAIL / $ADMIN_PASSWORD   (administrator)
  API token    curl --cacert $CERT -H 'Authorization: Bearer $API_TOKEN' $BASE/api/victims
  hot line     $BASE/report   $BASE/internet-hotline   $BASE/help
  instances    http://127.0.0.1:$CTIP1_PORT  http://127.0.0.1:$CTIP2_PORT   logs: $WORK/ctip/{1,2}/serve.log
  primary      runuser -u postgres -- psql -h $PGDIR/run -p $PG_PRIMARY_PORT ctip
  standby      runuser -u postgres -- psql -h $PGDIR/run -p $PG_STANDBY_PORT ctip
  database     CTIP_DATABASE_URL=$DB_URL
  nginx        $NGX/nginx.conf   logs: $NGX/access.log $NGX/error.log
EOF
    while true; do sleep 3600 3>&- 4>&- & SLEEP_PID=$!; wait "$SLEEP_PID" || true; done
fi

[ "$FAILED" -eq 0 ]
