# shellcheck shell=bash
# A throwaway PostgreSQL database for tests and benchmarks. Source it (after scripts/lib/common.sh).
#
#   ctip_pg_setup              exports CTIP_TEST_POSTGRES_URL=postgres://ctip:ctip@127.0.0.1:PORT/DB
#   ctip_pg_new_database NAME  creates one more throwaway database; its URL is left in CTIP_PG_NEW_URL
#   ctip_pg_checkpoint         writes the server's dirty pages out (before a timed load)
#   ctip_pg_teardown           drops every database created here and stops/removes the private
#                              cluster; safe to call twice (use it in `trap ... EXIT`)
#
# How: if CTIP_TEST_POSTGRES_URL is set and a server answers there, it is used as it is (nothing is
# created in it by ctip_pg_setup, nothing is dropped). Otherwise a *private* cluster is made: Debian's
# `postgresql` is installed with apt if initdb is missing, `initdb` makes a cluster in a new temporary
# directory (as the `postgres` user when we are root), and it is started on 127.0.0.1 at the first free
# port from CTIP_PG_PORT (default 55432), its Unix socket in that directory. It never touches the
# system's clusters (Debian's 15/main on 5432 may be running or not: it does not matter). A role
# `ctip` (password `ctip`, CREATEDB) and a database with a random name (UTF8, C collation, from
# template0) are created in it. Teardown drops the database, stops the cluster and deletes the
# directory.
#
# Settings (environment):
#   CTIP_TEST_POSTGRES_URL  use this server instead of a private cluster, when it answers
#   CTIP_PG_PORT            first port to try for the private cluster (default 55432)
#   CTIP_PG_FAST=1          fsync/synchronous_commit/full_page_writes off (fine for tests, not benchmarks)
#   CTIP_PG_KEEP=1          teardown leaves the private cluster running and its directory in place
#   CTIP_PG_TMPDIR          where the private cluster's directory is made (default /tmp)

CTIP_PG_MODE=""          # "external" or "private" once set up
CTIP_PG_BINDIR=""        # directory of initdb, pg_ctl, psql
CTIP_PG_DIR=""           # private cluster: its directory (data/, server.log, the socket)
CTIP_PG_PORT_USED=""     # private cluster: its port
CTIP_PG_CREATED=()       # databases created here, dropped by ctip_pg_teardown
CTIP_PG_NEW_URL=""
_ctip_pg_torn_down=0

# psql connecting to URL; stays quiet, stops at the first error.
_ctip_pg_psql_url() {
    local url="$1"; shift
    PGCONNECT_TIMEOUT=5 "${CTIP_PG_PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 "$url" "$@"
}

ctip_pg_reachable() {
    [ -n "${1:-}" ] || return 1
    _ctip_pg_psql_url "$1" -Atc 'select 1' >/dev/null 2>&1
}

# The newest PostgreSQL's bin directory (Debian keeps them in /usr/lib/postgresql/N/bin), else PATH's.
_ctip_pg_find_bindir() {
    local d
    d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
        printf '%s\n' "$d"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        return 1
    fi
}

# Runs a server command as the cluster's owner: `postgres` when we are root (initdb refuses root).
_ctip_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd "$CTIP_PG_DIR" && runuser -u postgres -- "$@")
        else
            (cd "$CTIP_PG_DIR" && su -s /bin/sh postgres -c "$(printf '%q ' "$@")")
        fi
    else
        (cd "$CTIP_PG_DIR" && "$@")
    fi
}

# Superuser psql over the private cluster's Unix socket (trust authentication on the socket only).
_ctip_pg_admin() {
    PGCONNECT_TIMEOUT=5 "$CTIP_PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$CTIP_PG_DIR" -p "$CTIP_PG_PORT_USED" -U postgres -d postgres "$@"
}

_ctip_pg_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_ctip_pg_random_name() {
    printf '%s_%s\n' "$1" "$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
}

_ctip_pg_start_private() {
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        ctip_die "PostgreSQL: no 'postgres' user to run the server as (is Debian's postgresql installed?)"
    fi
    # Private clusters left behind by runs that were killed (no live server, untouched for an hour).
    local stale pid
    while IFS= read -r stale; do
        pid="$(head -n 1 "$stale/data/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then continue; fi
        rm -rf "$stale"
    done < <(find "${CTIP_PG_TMPDIR:-/tmp}" -maxdepth 1 -type d -name 'ctip-pg.*' -mmin +60 2>/dev/null)

    CTIP_PG_DIR="$(mktemp -d "${CTIP_PG_TMPDIR:-/tmp}/ctip-pg.XXXXXX")"
    chmod 0755 "$CTIP_PG_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$CTIP_PG_DIR"

    if ! _ctip_pg_as_owner "$CTIP_PG_BINDIR/initdb" -D "$CTIP_PG_DIR/data" -U postgres -E UTF8 --locale=C \
            --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$CTIP_PG_DIR/initdb.log" 2>&1; then
        cat "$CTIP_PG_DIR/initdb.log" >&2
        ctip_die "PostgreSQL: initdb failed"
    fi
    {
        echo "# added by scripts/lib/postgres.sh"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = '$CTIP_PG_DIR'"
        echo "max_connections = 200"
        if [ "${CTIP_PG_FAST:-0}" = 1 ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } | _ctip_pg_as_owner tee -a "$CTIP_PG_DIR/data/postgresql.conf" >/dev/null

    local port="${CTIP_PG_PORT:-55432}" last=$(( ${CTIP_PG_PORT:-55432} + 50 ))
    while [ "$port" -le "$last" ]; do
        if _ctip_pg_port_busy "$port"; then
            port=$((port + 1)); continue
        fi
        if _ctip_pg_as_owner "$CTIP_PG_BINDIR/pg_ctl" -D "$CTIP_PG_DIR/data" -l "$CTIP_PG_DIR/server.log" \
                -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
            CTIP_PG_PORT_USED="$port"
            return 0
        fi
        if grep -qiE 'could not (bind|create)|address already in use' "$CTIP_PG_DIR/server.log" 2>/dev/null; then
            port=$((port + 1)); continue   # lost a race for the port: try the next one
        fi
        tail -n 30 "$CTIP_PG_DIR/server.log" >&2 2>/dev/null || true
        ctip_die "PostgreSQL: the private cluster did not start (log: $CTIP_PG_DIR/server.log)"
    done
    ctip_die "PostgreSQL: no free port in ${CTIP_PG_PORT:-55432}..$last"
}

ctip_pg_setup() {
    CTIP_PG_MODE=""
    if [ -n "${CTIP_TEST_POSTGRES_URL:-}" ]; then
        command -v psql >/dev/null 2>&1 || ctip_apt_install postgresql-client
        if ctip_pg_reachable "$CTIP_TEST_POSTGRES_URL"; then
            CTIP_PG_MODE=external
            export CTIP_TEST_POSTGRES_URL
            ctip_note "PostgreSQL: using CTIP_TEST_POSTGRES_URL as given (a server answers there)"
            return 0
        fi
        ctip_note "PostgreSQL: nothing answers at CTIP_TEST_POSTGRES_URL; making a private cluster instead"
    fi

    CTIP_PG_BINDIR="$(_ctip_pg_find_bindir)" || {
        ctip_apt_install postgresql
        CTIP_PG_BINDIR="$(_ctip_pg_find_bindir)" || ctip_die "PostgreSQL: initdb not found even after installing postgresql"
    }
    CTIP_PG_PSQL="$CTIP_PG_BINDIR/psql"
    [ -x "$CTIP_PG_PSQL" ] || CTIP_PG_PSQL="$(command -v psql)" || ctip_die "PostgreSQL: psql not found"
    export CTIP_PG_PSQL
    _ctip_pg_start_private
    CTIP_PG_MODE=private

    _ctip_pg_admin -c "CREATE ROLE ctip LOGIN CREATEDB PASSWORD 'ctip'" >/dev/null \
        || ctip_die "PostgreSQL: could not create role ctip"
    ctip_pg_new_database ctip_test
    export CTIP_TEST_POSTGRES_URL="$CTIP_PG_NEW_URL"
    ctip_note "PostgreSQL: $("$CTIP_PG_BINDIR/postgres" --version | sed 's/^postgres (PostgreSQL) /PostgreSQL /'), private cluster in $CTIP_PG_DIR"
    ctip_note "PostgreSQL: CTIP_TEST_POSTGRES_URL=$CTIP_TEST_POSTGRES_URL"
}

# Writes every dirty page out now (CHECKPOINT), so that a timed load does not pay for the previous
# one's. Needs the private cluster's superuser; on a given server it is tried and skipped if refused.
ctip_pg_checkpoint() {
    case "$CTIP_PG_MODE" in
        private) _ctip_pg_admin -c "CHECKPOINT" >/dev/null 2>&1 || true ;;
        *) "${CTIP_PG_PSQL:-psql}" -X -q "$CTIP_TEST_POSTGRES_URL" -c "CHECKPOINT" >/dev/null 2>&1 || true ;;
    esac
}

# Creates a fresh database owned by ctip (UTF8, C collation); sets CTIP_PG_NEW_URL.
ctip_pg_new_database() {
    local name
    name="$(_ctip_pg_random_name "${1:-ctip}")"
    local create="CREATE DATABASE \"$name\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    case "$CTIP_PG_MODE" in
        private)
            _ctip_pg_admin -c "$create OWNER ctip" >/dev/null || ctip_die "PostgreSQL: could not create database $name"
            CTIP_PG_CREATED+=("$name")
            CTIP_PG_NEW_URL="postgres://ctip:ctip@127.0.0.1:$CTIP_PG_PORT_USED/$name"
            ;;
        external)
            # Needs CREATEDB for the URL's role; the new database is on the same server and role.
            _ctip_pg_psql_url "$CTIP_TEST_POSTGRES_URL" -c "$create" >/dev/null \
                || ctip_die "PostgreSQL: could not create database $name at CTIP_TEST_POSTGRES_URL (does its role have CREATEDB?)"
            CTIP_PG_CREATED+=("$name")
            CTIP_PG_NEW_URL="$(_ctip_pg_replace_db "$CTIP_TEST_POSTGRES_URL" "$name")"
            ;;
        *) ctip_die "ctip_pg_new_database: call ctip_pg_setup first" ;;
    esac
}

# postgres://user:pw@host:port/OLD?query -> postgres://user:pw@host:port/NEW?query
_ctip_pg_replace_db() {
    local url="$1" name="$2" base query=""
    case "$url" in *\?*) query="?${url#*\?}"; url="${url%%\?*}" ;; esac
    base="${url%/*}"
    case "$base" in *://) base="$url" ;; esac   # no path at all
    printf '%s/%s%s\n' "$base" "$name" "$query"
}

ctip_pg_teardown() {
    [ "$_ctip_pg_torn_down" -eq 0 ] || return 0
    _ctip_pg_torn_down=1
    local name sql left=""
    for name in "${CTIP_PG_CREATED[@]}"; do
        sql="DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
        case "$CTIP_PG_MODE" in
            private) _ctip_pg_admin -c "$sql" >/dev/null 2>&1 || true ;;
            external) _ctip_pg_psql_url "$CTIP_TEST_POSTGRES_URL" -c "$sql" >/dev/null 2>&1 || true ;;
        esac
        case "$CTIP_PG_MODE" in
            private) left="$(_ctip_pg_admin -Atc "SELECT count(*) FROM pg_database WHERE datname = '$name'" 2>/dev/null)" || left="?" ;;
            external) left="$(_ctip_pg_psql_url "$CTIP_TEST_POSTGRES_URL" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$name'" 2>/dev/null)" || left="?" ;;
        esac
        if [ "$left" = 0 ]; then
            ctip_note "PostgreSQL: dropped database $name"
        else
            printf 'warning: PostgreSQL: could not drop database %s\n' "$name" >&2
        fi
    done
    CTIP_PG_CREATED=()
    if [ "$CTIP_PG_MODE" = private ] && [ -n "$CTIP_PG_DIR" ]; then
        if [ "${CTIP_PG_KEEP:-0}" = 1 ]; then
            ctip_note "PostgreSQL: CTIP_PG_KEEP=1: private cluster left running in $CTIP_PG_DIR (port $CTIP_PG_PORT_USED)"
            return 0
        fi
        _ctip_pg_as_owner "$CTIP_PG_BINDIR/pg_ctl" -D "$CTIP_PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || _ctip_pg_as_owner "$CTIP_PG_BINDIR/pg_ctl" -D "$CTIP_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 \
            || printf 'warning: PostgreSQL: could not stop the private cluster in %s\n' "$CTIP_PG_DIR" >&2
        rm -rf "$CTIP_PG_DIR"
        ctip_note "PostgreSQL: stopped and removed the private cluster"
    fi
}
