#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 cluster for the tests.
#
#   scripts/pg-test.sh start   # prints the URL, e.g. postgresql://fehrest@127.0.0.1:54329/fehrest_test
#   scripts/pg-test.sh stop
#   scripts/pg-test.sh url     # prints the URL of the running cluster
#
# Data lives under /tmp/fehrest-pg-<hash of the checkout path>; the server listens on
# 127.0.0.1 only, on the first free port from 54329, trusts local connections,
# and runs as the "postgres" system user because postgres refuses root.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The cluster lives outside the checkout: the postgres user must reach its
# folder, and a checkout under a private home folder would not let it.
root="${FEHREST_PG_ROOT:-/tmp/fehrest-pg-$(printf '%s' "$repo" | md5sum | cut -c1-10)}"
data="$root/data"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
user=fehrest
dbname=fehrest_test

if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "pg-test: PostgreSQL server binaries not found; run scripts/install-system-deps.sh" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url() {
    echo "postgresql://$user@127.0.0.1:$(cat "$root/port")/$dbname"
}

start() {
    mkdir -p "$root"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        chown postgres "$root"
    fi
    if [ -f "$root/port" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        url
        return
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
            || { cat "$root/initdb.log" >&2; exit 1; }
    fi
    port=54329
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port" >"$root/port"
    # fsync off: a throwaway test cluster trades durability for speed.
    as_owner "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { tail -n 20 "$root/server.log" >&2; exit 1; }
    psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1)
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
        "${psql[@]}" -c "CREATE ROLE $user LOGIN SUPERUSER"
    fi
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$dbname'")" != 1 ]; then
        "${psql[@]}" -c "CREATE DATABASE $dbname OWNER $user"
    fi
    url
}

stop() {
    if [ -f "$data/PG_VERSION" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -f "$root/port"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) [ -f "$root/port" ] && url || { echo "pg-test: not running" >&2; exit 1; } ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
