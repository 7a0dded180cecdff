#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for benchmarks, with DURABLE settings (fsync, synchronous_commit and
# full_page_writes on: an ack costs a real WAL flush, as in production). Unlike tests/pg/pg-cluster.sh,
# which turns fsync off and is fine for tests only.
#   bench/pg.sh start DIR   initdb into DIR/data, listen only on the Unix socket in DIR/sock, create
#                           the database `confab`; prints the postmaster pid
#   bench/pg.sh stop DIR    stop it (fast); the caller removes DIR
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?cluster folder}

pgbin=${CONFAB_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[[ -x $pgbin/initdb ]] || { echo "bench/pg.sh: PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
start)
    install -d -m 755 "$dir"
    install -d -m 700 "$dir/data"
    install -d -m 755 "$dir/sock" "$dir/log"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir/data" "$dir/sock" "$dir/log"; fi
    cd /
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/log/initdb.log" 2>&1 || { cat "$dir/log/initdb.log" >&2; exit 1; }
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log/pg.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir/sock -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
            -c max_connections=50 -c shared_buffers=256MB" start >/dev/null ||
        { cat "$dir/log/pg.log" >&2; exit 1; }
    as_owner "$pgbin/createdb" -h "$dir/sock" -U postgres confab
    head -n 1 "$dir/data/postmaster.pid"
    ;;
stop)
    if [[ -f $dir/data/postmaster.pid ]]; then
        (cd / && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null) || true
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
