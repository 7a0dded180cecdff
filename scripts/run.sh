#!/usr/bin/env bash
# Builds Confab and starts it: the bundled server on SQLite in ./run-data, and the desktop client
# connected to it.
#   scripts/run.sh              server + desktop client
#   scripts/run.sh --headless   the server only (machines without a display)
# Ctrl-C stops everything. CONFAB_LISTEN (default 127.0.0.1:7480) and CONFAB_DATA_DIR override.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

headless=0
for arg in "$@"; do
    case $arg in
    --headless) headless=1 ;;
    -h | --help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) confab_log "unknown option: $arg"; exit 2 ;;
    esac
done

preset=${CONFAB_PRESET:-debug}
confab_ensure_packages
confab_build "$preset"

data=${CONFAB_DATA_DIR:-$PWD/run-data}
listen=${CONFAB_LISTEN:-127.0.0.1:7480}
server=build/$preset/server/confab-server
client=build/$preset/client/confab
mkdir -p "$data"

if [[ $headless -eq 1 || ! -x $client ]]; then
    [[ $headless -eq 1 ]] || confab_log "no desktop client in this build yet: starting the server alone"
    confab_log "server on ws://$listen, data in $data (Ctrl-C stops it)"
    exec "$server" serve --listen "$listen" --data "$data"
fi

"$server" serve --listen "$listen" --data "$data" &
server_pid=$!
stop_server() { kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT
trap 'exit 130' INT TERM
confab_log "server on ws://$listen (pid $server_pid), data in $data"
"$client" --server "ws://$listen"
