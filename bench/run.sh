#!/usr/bin/env bash
# bench/run.sh SCENARIO [confab-bench args…] [--db sqlite|postgresql]
# bench/run.sh startup   (the desktop app: `confab --bench-startup`, no server, no database)
#
# Builds (release preset), starts confab-server on a free loopback port with an INI that raises the
# rate limits for load, on SQLite in a temporary folder or on a throwaway, durable PostgreSQL cluster
# (bench/pg.sh), runs `confab-bench SCENARIO`, and stops everything, also on failure or Ctrl-C.
# The figures: a table on stdout and a JSON file in bench/results/ (or --out FILE).
#
# Environment:
#   CONFAB_BENCH_BUILD_DIR  use this build tree (configured already) instead of build/release, and
#                           build only confab-server and confab-bench there
#   CONFAB_BENCH_DATA       a folder kept between runs: the SQLite database and the users file
#                           (bench/run.sh … --db sqlite only), so users are not registered again
#   CONFAB_BENCH_KEEP=1     keep the temporary folder (server log, database) for a look afterwards
#   CONFAB_BENCH_BIN_DIR    a folder holding confab-server and confab-bench already built: nothing is
#                           built (e.g. copies of an older build, for figures before/after a change)
#   CONFAB_BENCH_SERVER_WRAP  a command put before confab-server (e.g. "valgrind --tool=callgrind")
#   CONFAB_BENCH_SERVER_NODELAY=1  experiment: preload bench/tools/nodelay-preload.c into the server,
#                           which sets TCP_NODELAY on its accepted sockets (see docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=../scripts/lib/common.sh
source scripts/lib/common.sh

usage() { echo "usage: bench/run.sh fanout|sweep|idle|history|login|flood|transfer|startup [confab-bench args…] [--db sqlite|postgresql]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
scenario=$1
shift
db=sqlite
args=()
has_out=0
while [[ $# -gt 0 ]]; do
    case $1 in
    --db) db=${2:?--db sqlite|postgresql}; shift 2 ;;
    --db=*) db=${1#--db=}; shift ;;
    --out|--out=*) has_out=1; args+=("$1"); shift ;;
    *) args+=("$1"); shift ;;
    esac
done
case $db in sqlite|postgresql) ;; *) usage ;; esac

# ---- build ----------------------------------------------------------------------------------------
confab_ensure_packages
if [[ $scenario = startup ]]; then
    # The desktop app measures itself: it seeds a cache in a temporary folder, starts itself again
    # offscreen (or on $DISPLAY) and prints time to the first frame and RSS.
    if [[ -n ${CONFAB_BENCH_BIN_DIR:-} ]]; then
        app_bin=$CONFAB_BENCH_BIN_DIR/confab
    else
        build=${CONFAB_BENCH_BUILD_DIR:-build/release}
        if [[ -n ${CONFAB_BENCH_BUILD_DIR:-} ]]; then
            cmake --build "$build" --target confab -- -j"$(nproc)" >&2
        else
            cmake --preset release >&2
            cmake --build --preset release --target confab -- -j"$(nproc)" >&2
        fi
        app_bin=$build/client/confab
    fi
    [[ $app_bin = /* ]] || app_bin=$root/$app_bin
    out=
    [[ $has_out -eq 0 ]] && { mkdir -p bench/results; out=bench/results/startup-$(date +%Y%m%d-%H%M%S).json; }
    for ((i = 0; i < ${#args[@]}; ++i)); do
        case ${args[i]} in --out) out=${args[i + 1]} ;; --out=*) out=${args[i]#--out=} ;; esac
    done
    confab_log "load: $(uptime)"
    exec "$app_bin" --bench-startup --bench-startup-json "$out"
fi
if [[ -n ${CONFAB_BENCH_BIN_DIR:-} ]]; then
    build=
elif [[ -n ${CONFAB_BENCH_BUILD_DIR:-} ]]; then
    build=$CONFAB_BENCH_BUILD_DIR
    cmake --build "$build" --target confab-server confab-bench -- -j"$(nproc)" >&2
else
    build=build/release
    # The whole release build as scripts/run.sh does it; when a part being written by someone else
    # does not build right now, the two programs the benchmark needs are enough.
    confab_build release >&2 || {
        confab_log "the full release build failed; building confab-server and confab-bench only"
        cmake --build --preset release --target confab-server confab-bench -- -j"$(nproc)" >&2
    }
fi
server_bin=$root/$build/server/confab-server
bench_bin=$root/$build/bench/confab-bench
[[ $build = /* ]] && server_bin=$build/server/confab-server bench_bin=$build/bench/confab-bench
if [[ -n ${CONFAB_BENCH_BIN_DIR:-} ]]; then
    server_bin=$(cd "$CONFAB_BENCH_BIN_DIR" && pwd)/confab-server bench_bin=$(cd "$CONFAB_BENCH_BIN_DIR" && pwd)/confab-bench
    confab_log "prebuilt binaries: $CONFAB_BENCH_BIN_DIR"
fi

# ---- file descriptors: 10,000 connections need 10,000 on each side --------------------------------
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
confab_log "open files limit: $(ulimit -n)"

# ---- start -----------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/confab-bench.XXXXXX)
chmod 755 "$work"
server_pid=
cleanup() {
    local code=$?
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    if [[ $db = postgresql && ${CONFAB_BENCH_PG_STATS:-0} = 1 ]]; then bench/pg.sh stats "$work/pg" >&2 || true; fi
    if [[ $db = postgresql ]]; then bench/pg.sh stop "$work/pg" || true; fi
    if [[ $code -ne 0 && -f $work/server.log ]]; then
        confab_log "server log (last lines):"
        tail -n 20 "$work/server.log" >&2 || true
    fi
    if [[ ${CONFAB_BENCH_KEEP:-0} = 1 ]]; then confab_log "kept $work"; else rm -rf "$work"; fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

data=$work/data
users_file=$work/users.json
if [[ -n ${CONFAB_BENCH_DATA:-} && $db = sqlite ]]; then
    mkdir -p "$CONFAB_BENCH_DATA"
    data=$(cd "$CONFAB_BENCH_DATA" && pwd)
    users_file=$data/bench-users.json
fi
mkdir -p "$data"

db_pid=0
if [[ $db = postgresql ]]; then
    db_pid=$(bench/pg.sh start "$work/pg")
    db_url="postgresql://postgres@/confab?host=$work/pg/sock"
    sql_command="psql -X -q -v ON_ERROR_STOP=1 -h $work/pg/sock -U postgres -d confab"
    confab_log "PostgreSQL (fsync=on, synchronous_commit=on) running, pid $db_pid"
else
    db_url="sqlite:$data/confab.sqlite"
    sql_command="sqlite3 -bail -cmd '.timeout 60000' $data/confab.sqlite"
fi

cat >"$work/server.ini" <<INI
; written by bench/run.sh: limits raised for load runs
[server]
requests_per_second = 100000
max_invalid_frames = 100000
connections_per_address = 1000000
connections_per_user = 1000000
[auth]
timeout_ms = 600000
lockout_address_failures = 1000000
[limits]
send_burst = 1000000
send_per_minute = 10000000
max_attachment_bytes = 52428800
INI
# e.g. CONFAB_BENCH_SERVER_CONFIG=$'[server]\ngroup_commit = false' for a before/after of one setting
if [[ -n ${CONFAB_BENCH_SERVER_CONFIG:-} ]]; then
    printf '%s\n' "$CONFAB_BENCH_SERVER_CONFIG" >>"$work/server.ini"
    confab_log "server config added: ${CONFAB_BENCH_SERVER_CONFIG//$'\n'/ }"
fi

preload=()
if [[ ${CONFAB_BENCH_SERVER_NODELAY:-0} = 1 ]]; then
    cc -shared -fPIC -O2 -o "$work/nodelay-preload.so" bench/tools/nodelay-preload.c -ldl
    preload=(env LD_PRELOAD="$work/nodelay-preload.so")
    confab_log "experiment: TCP_NODELAY on the server's sockets (LD_PRELOAD)"
fi
# shellcheck disable=SC2086
"${preload[@]}" ${CONFAB_BENCH_SERVER_WRAP:-} "$server_bin" serve --config "$work/server.ini" --listen 127.0.0.1:0 \
    --data "$data" --database "$db_url" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
url=
for _ in $(seq 1 300); do
    url=$(grep -o 'listening on ws://[^ ]*' "$work/server.out" 2>/dev/null | head -n 1 | cut -d' ' -f3 || true)
    [[ -n $url ]] && break
    kill -0 "$server_pid" 2>/dev/null || { confab_log "confab-server exited"; exit 1; }
    sleep 0.1
done
[[ -n $url ]] || { confab_log "confab-server did not start"; exit 1; }
confab_log "confab-server pid $server_pid at $url ($db)"
confab_log "load: $(uptime)"

out_args=()
if [[ $has_out -eq 0 ]]; then
    mkdir -p bench/results
    out_args=(--out "bench/results/$scenario-$db-$(date +%Y%m%d-%H%M%S).json")
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=
[[ ${CONFAB_BENCH_SERVER_NODELAY:-0} = 1 ]] && dirty="experiment: server sockets with TCP_NODELAY (LD_PRELOAD). "
if ! git diff --quiet HEAD -- server shared 2>/dev/null; then dirty+="server/ or shared/ differ from the commit. "; fi
[[ -n ${CONFAB_BENCH_BIN_DIR:-} ]] && dirty+="prebuilt binaries from $CONFAB_BENCH_BIN_DIR (the commit above is the checkout's, not necessarily theirs). "
# The machine may be shared: the load average goes into the figures.
dirty+="load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

"$bench_bin" "$scenario" --url "$url" --server-pid "$server_pid" --db-pid "$db_pid" --db "$db" \
    --commit "$commit" --sql "$sql_command" --users-file "$users_file" --notes "$dirty" \
    "${out_args[@]}" "${args[@]}"
