#!/usr/bin/env bash
# Renders the desktop app against a demo server and saves PNGs into OUTDIR:
#   signin.png     the sign-in page
#   main-light.png conversation list + the "Design team" timeline, light theme
#   main-dark.png  the same, dark theme
#   main-ko.png    the same, Korean UI
# Usage: scripts/screenshots.sh OUTDIR
# Builds the debug preset first; CONFAB_BUILD_DIR=<dir> uses an existing build instead.
# Runs headless: xvfb-run inside dbus-run-session, with a scratch HOME and an unlocked keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

[[ $# -eq 1 ]] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)

if [[ -n ${CONFAB_BUILD_DIR:-} ]]; then
    build=$CONFAB_BUILD_DIR
else
    confab_ensure_packages
    confab_build debug
    build=build/debug
fi
server_bin=$build/server/confab-server
client_bin=$build/client/confab
seed_bin=$build/client/app/confab-demo-seed
for bin in "$server_bin" "$client_bin" "$seed_bin"; do
    [[ -x $bin ]] || { confab_log "missing $bin: build first"; exit 1; }
done

scratch=$(mktemp -d /tmp/confab-shots.XXXXXX)
server_pid=
server_url=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
cleanup() {
    stop_server
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts the server on a free port with the data in $scratch/data; sets server_url.
start_server() {
    : >"$scratch/server.out"
    "$server_bin" serve --listen 127.0.0.1:0 --data "$scratch/data" >"$scratch/server.out" 2>"$scratch/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        server_url=$(sed -n 's/.*listening on \(ws:\/\/[^ ]*\).*/\1/p' "$scratch/server.out" | head -n1)
        [[ -n $server_url ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    confab_log "the server did not start:"; cat "$scratch/server.log" >&2
    return 1
}

confab_log "seeding demo data"
mkdir -p "$scratch/data"
start_server
"$seed_bin" yesterday "$server_url"
stop_server
"$seed_bin" backdate "$scratch/data/confab.sqlite"
start_server
"$seed_bin" today "$server_url"
stop_server
cp -a "$scratch/data" "$scratch/seeded"

# shot NAME [app options…]: a fresh server (from the seeded copy) and a fresh HOME for each picture,
# so that reading in one picture does not change the next.
shot() {
    local name=$1
    shift
    rm -rf "$scratch/data" "$scratch/home"
    cp -a "$scratch/seeded" "$scratch/data"
    mkdir -p "$scratch/home/run" "$scratch/home/cache" "$scratch/home/config" "$scratch/home/share"
    chmod 700 "$scratch/home/run"
    start_server
    confab_log "rendering $name.png"
    env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
        HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/home/run" XDG_CACHE_HOME="$scratch/home/cache" \
        XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/share" \
        QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
        timeout 90 dbus-run-session -- sh -c '
            printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
            exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"' sh \
        "$client_bin" --server "$server_url" --size 1280x800 --screenshot "$out/$name.png" "$@" \
        >"$scratch/client.log" 2>&1 || { cat "$scratch/client.log" >&2; stop_server; return 1; }
    stop_server
    # QML warnings are bugs: show them.
    grep -E 'qrc:|QML|TypeError|ReferenceError' "$scratch/client.log" >&2 || true
    [[ -s $out/$name.png ]] || { confab_log "no $name.png"; cat "$scratch/client.log" >&2; return 1; }
}

signin=(--theme light --lang en --screenshot-delay 1200)
main=(--user mina --password confab-demo --open-conversation-title "Design team" --screenshot-delay 2500)
shot signin "${signin[@]}"
shot main-light "${main[@]}" --theme light --lang en
shot main-dark "${main[@]}" --theme dark --lang en
shot main-ko "${main[@]}" --theme light --lang ko
confab_log "screenshots in $out"
