#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for benchmarks, with DURABLE settings (fsync, synchronous_commit and
# full_page_writes on: an ack costs a real WAL flush, as in production). Unlike tests/pg/pg-cluster.sh,
# which turns fsync off and is fine for tests only.
#   bench/pg.sh start DIR   initdb into DIR/data, listen only on the Unix socket in DIR/sock, create
#                           the database `confab`; prints the postmaster pid
#   bench/pg.sh stop DIR    stop it (fast); the caller removes DIR
#   bench/pg.sh stats DIR   the statements that took the most time (CONFAB_BENCH_PG_STATS=1 at start)
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
    # CONFAB_BENCH_PG_OPTIONS: more server options ("-c name=value …"), e.g. auto_explain's.
    # CONFAB_BENCH_PG_STATS=1: time every statement (pg_stat_statements; bench/run.sh prints the top ones)
    stats=
    if [[ ${CONFAB_BENCH_PG_STATS:-0} = 1 ]]; then stats="-c shared_preload_libraries=pg_stat_statements"; fi
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log/pg.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir/sock -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
            -c max_connections=50 -c shared_buffers=256MB $stats ${CONFAB_BENCH_PG_OPTIONS:-}" start >/dev/null ||
        { cat "$dir/log/pg.log" >&2; exit 1; }
    as_owner "$pgbin/createdb" -h "$dir/sock" -U postgres confab
    if [[ -n $stats ]]; then
        as_owner "$pgbin/psql" -X -q -h "$dir/sock" -U postgres -d confab -c "CREATE EXTENSION pg_stat_statements" >/dev/null
    fi
    head -n 1 "$dir/data/postmaster.pid"
    ;;
stats)
    as_owner "$pgbin/psql" -X -h "$dir/sock" -U postgres -d confab -c "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms,
        round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
    ;;
stop)
    if [[ -f $dir/data/postmaster.pid ]]; then
        (cd / && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null) || true
    fi
    ;;
*)
    echo "usage: $0 start|stop|stats DIR" >&2
    exit 2
    ;;
esac
