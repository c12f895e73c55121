#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks: a fresh cluster in its own directory,
# listening only on a Unix socket inside that directory (no TCP port at all), trust authentication
# for local connections, run as an unprivileged system user (PostgreSQL refuses to run as root).
#
#   scripts/pg-server.sh start [DIR]    # initialise and start; prints the address to connect to
#   scripts/pg-server.sh address [DIR]  # prints the address of the running server (exit 1 if none)
#   scripts/pg-server.sh stop [DIR]     # stops the server and removes DIR
#
# DIR defaults to $STANCE_PG_DIR, else /tmp/stance-pg-$UID; keep it short (a Unix socket path
# holds at most 107 bytes). The address is a libpq URI, `postgresql:///postgres?host=DIR&…`, for
# the superuser `stance`, who may create databases (each test makes its own). `start` first stops
# and removes whatever a killed earlier run left in DIR. The server trades durability for speed
# (fsync off) unless STANCE_PG_DURABLE=1: what it holds is thrown away at `stop` anyway.
# Run as root, it creates the system user `stancepg` when missing and runs the server as that user.
set -euo pipefail

command=${1:-}
dir=${2:-${STANCE_PG_DIR:-/tmp/stance-pg-$(id -u)}}
data="$dir/data"
port=5432
server_user=stancepg
database_user=stance

fail() {
    echo "pg-server: $*" >&2
    exit 1
}

# The server binaries: on PATH, else the newest Debian cluster version's.
find_bindir() {
    if command -v initdb > /dev/null && command -v pg_ctl > /dev/null; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    local candidate
    candidate=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
    [[ -n "$candidate" && -x "$candidate/initdb" ]] || return 1
    echo "$candidate"
}

# Runs a command as the server's user: `stancepg` when we are root, else ourselves.
as_server_user() {
    if ((EUID == 0)); then
        runuser -u "$server_user" -- "$@"
    else
        "$@"
    fi
}

ensure_server_user() {
    ((EUID == 0)) || return 0
    id "$server_user" > /dev/null 2>&1 && return 0
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        "$server_user" || fail "could not create the system user $server_user (useradd failed)"
}

address() {
    echo "postgresql:///postgres?host=$dir&port=$port&user=$database_user"
}

running() {
    [[ -f "$data/postmaster.pid" ]] && as_server_user "$bindir/pg_ctl" -D "$data" status > /dev/null 2>&1
}

# Stops a server left in DIR (by a killed run too), then removes DIR. Only a process whose command
# line names this data directory is ever signalled.
stop_and_remove() {
    [[ -e "$dir" ]] || return 0
    if [[ -f "$data/postmaster.pid" ]]; then
        as_server_user "$bindir/pg_ctl" -D "$data" stop -m fast -w -t 20 > /dev/null 2>&1 ||
            as_server_user "$bindir/pg_ctl" -D "$data" stop -m immediate -w -t 10 > /dev/null 2>&1 || true
        local pid
        pid=$(head -n 1 "$data/postmaster.pid" 2> /dev/null || true)
        if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qaF -- "$data" "/proc/$pid/cmdline" 2> /dev/null; then
            kill -KILL "$pid" 2> /dev/null || true
        fi
    fi
    rm -rf "$dir"
}

start() {
    ((${#dir} <= 80)) || fail "the directory $dir is too long for a Unix socket path; give a shorter one"
    stop_and_remove
    ensure_server_user
    mkdir -p "$dir"
    chmod 700 "$dir"
    ((EUID == 0)) && chown "$server_user:" "$dir"
    # The C collation sorts text by bytes, as SQLite does; a UTF-8 ctype lets the server fold the case
    # of every letter, not only ASCII ones.
    as_server_user "$bindir/initdb" -D "$data" -U "$database_user" --auth=trust --encoding=UTF8 \
        --lc-collate=C --lc-ctype=C.UTF-8 --lc-messages=C > "$dir/initdb.log" 2>&1 ||
        { tail -n 20 "$dir/initdb.log" >&2; fail "initdb failed (log above)"; }
    echo "local all all trust" > "$data/pg_hba.conf"
    ((EUID == 0)) && chown "$server_user:" "$data/pg_hba.conf"
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [[ "${STANCE_PG_DURABLE:-}" == 1 ]] && durability=""
    as_server_user "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -p $port $durability" start > /dev/null ||
        { tail -n 20 "$dir/server.log" >&2; fail "the server did not start (log above)"; }
    address
}

bindir=$(find_bindir) || fail "PostgreSQL's server binaries (initdb, pg_ctl) are not installed; install Debian's postgresql-15 (scripts/install-deps.sh does)"

case "$command" in
start) start ;;
address) running || fail "no server is running in $dir"; address ;;
stop) stop_and_remove ;;
*) fail "usage: pg-server.sh start|address|stop [DIR]" ;;
esac
