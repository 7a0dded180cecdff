#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#   pg-cluster.sh start DIR   initdb into DIR/data, listen only on the Unix socket in DIR/sock
#   pg-cluster.sh stop DIR    stop it (fast) and remove DIR
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?cluster folder}

pgbin=${CONFAB_PG_BIN:-}
if [[ -z $pgbin ]]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[[ -x $pgbin/initdb ]] || { echo "pg-cluster: PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    if [[ -f $dir/data/postmaster.pid ]]; then
        (cd / && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null) || true
    fi
}

case $action in
start)
    stop_cluster # a cluster left behind by an interrupted run
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 755 "$dir"
    install -d -m 700 "$dir/data"
    install -d -m 755 "$dir/sock" "$dir/log"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir/data" "$dir/sock" "$dir/log"; fi
    cd /
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/log/initdb.log" 2>&1 ||
        { cat "$dir/log/initdb.log" >&2; exit 1; }
    # Tests only: fsync off is fine here, never for benchmarks of durability.
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log/pg.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir/sock -c fsync=off -c max_connections=300 -c shared_buffers=64MB" start >/dev/null ||
        { cat "$dir/log/pg.log" >&2; exit 1; }
    echo "pg-cluster: PostgreSQL running, socket folder $dir/sock"
    ;;
stop)
    stop_cluster
    rm -rf "$dir"
    echo "pg-cluster: stopped and removed $dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
