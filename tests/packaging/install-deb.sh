#!/usr/bin/env bash
# Installs the confab-server .deb built from this build tree on this machine, runs the systemd
# unit's ExecStart as the `confab` user (no systemd here) with the installed /etc/confab/server.ini
# set to loopback ports, checks /healthz, the WebSocket port and `confab-server check`, then
# purges the package and checks what stays (docs/self-hosting.md, "Uninstall").
# Needs root; exits 77 (skipped) otherwise. Cleans up on every exit, also after an aborted run.
set -euo pipefail
build=${1:?build dir}
if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: installing a .deb needs root (run the packaging tests as root)"
    exit 77
fi
for tool in dpkg dpkg-deb cpack setpriv curl; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool"; exit 1; }
done

# One install test at a time on this machine (several build trees may run it).
exec 9>/var/lock/confab-deb-test.lock
flock -w 300 9 || { echo "another install test holds /var/lock/confab-deb-test.lock"; exit 1; }

# What this test created and must remove again; kept on disk so that a run after an aborted one
# removes what that one left.
state=/var/tmp/confab-deb-test.state
out=$(mktemp -d /tmp/confab-deb-install-XXXXXX)
server_pid=

cleanup() {
    local rc=$?
    set +e
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null
    fi
    if dpkg-query -W -f='${Status}' confab-server 2>/dev/null | grep 'installed\|config-files' >/dev/null; then
        dpkg --purge confab-server >"$out/purge-cleanup.log" 2>&1 || cat "$out/purge-cleanup.log"
    fi
    if [[ -f $state ]]; then
        # A server an aborted run started (by its pid, and only if it is still that program).
        for pid in $(sed -n 's/^pid //p' "$state"); do
            if [[ $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") == /usr/bin/confab-server\ * ]]; then
                kill -9 "$pid" 2>/dev/null
            fi
        done
        grep -qx user "$state" && getent passwd confab >/dev/null && deluser --system --quiet confab >/dev/null 2>&1
        grep -qx group "$state" && getent group confab >/dev/null && delgroup --system --quiet confab >/dev/null 2>&1
        grep -qx data "$state" && rm -rf /var/lib/confab
        rm -f "$state"
    fi
    rm -rf "$out"
    exit $rc
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { echo "FAIL: $*"; [[ -f $out/server.err ]] && { echo "--- server log"; tail -30 "$out/server.err"; }; exit 1; }

# An aborted run may have left the package, the user and the data folder: start from scratch.
if [[ -f $state ]] || dpkg-query -W -f='${Status}' confab-server 2>/dev/null | grep 'installed\|config-files' >/dev/null; then
    echo "removing what an earlier run left"
    (trap - EXIT; cleanup) || true
    out=$(mktemp -d /tmp/confab-deb-install-XXXXXX)
fi
: >"$state"
getent passwd confab >/dev/null || echo user >>"$state"
getent group confab >/dev/null || echo group >>"$state"
[[ -e /var/lib/confab ]] || echo data >>"$state"

# The server package only: this build tree may have no desktop app.
(cd "$build" && cpack -G DEB -B "$out" -D CPACK_COMPONENTS_ALL=server >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; fail "cpack"; }
deb=$(ls "$out"/confab-server_*.deb)

if ! dpkg -i "$deb" >"$out/dpkg.log" 2>&1; then
    # Missing dependencies: let apt bring them (and configure the package).
    echo "dpkg -i needs dependencies; installing them with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -f >>"$out/dpkg.log" 2>&1 ||
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -f; } >>"$out/dpkg.log" 2>&1 ||
        { cat "$out/dpkg.log"; fail "dpkg -i $deb"; }
fi
dpkg-query -W -f='${Status}' confab-server | grep 'install ok installed' >/dev/null || fail "confab-server is not installed"

# What the package promises (docs/self-hosting.md, "From the Debian packages").
[[ -x /usr/bin/confab-server ]] || fail "no /usr/bin/confab-server"
[[ -f /etc/confab/server.ini ]] || fail "no /etc/confab/server.ini"
dpkg-query --showformat='${Conffiles}\n' --show confab-server | grep '/etc/confab/server.ini' >/dev/null ||
    fail "/etc/confab/server.ini is not a conffile (an upgrade would overwrite the operator's edits)"
unit=$(ls /usr/lib/systemd/system/confab-server.service /lib/systemd/system/confab-server.service 2>/dev/null | head -1)
[[ -n $unit ]] || fail "no systemd unit"
getent passwd confab >/dev/null || fail "no confab user"
[[ $(stat -c '%U:%G %a' /var/lib/confab) == "confab:confab 750" ]] || fail "/var/lib/confab is $(stat -c '%U:%G %a' /var/lib/confab)"

# "Start the service": its ExecStart, as its user, with the installed config on loopback ports.
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
[[ $exec_start == "/usr/bin/confab-server serve --config /etc/confab/server.ini --data /var/lib/confab" ]] ||
    fail "unexpected ExecStart: $exec_start"
metrics_port=
for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then metrics_port=$candidate; break; fi
done
[[ -n $metrics_port ]] || fail "no free port found for metrics"
sed -i -e 's/^;listen = .*/listen = 127.0.0.1:0/' \
       -e "s/^;port = 0$/port = $metrics_port/" /etc/confab/server.ini
grep -q '^listen = 127.0.0.1:0$' /etc/confab/server.ini || fail "the installed server.ini has no ;listen line to set"
grep -q "^port = $metrics_port$" /etc/confab/server.ini || fail "the installed server.ini has no [metrics] ;port line to set"

read -ra command <<<"$exec_start"
# setpriv, not runuser: it execs the server, so $! is the server itself. A clean environment, as systemd gives.
(cd / && exec setpriv --reuid=confab --regid=confab --init-groups \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/confab "${command[@]}" >"$out/server.out" 2>"$out/server.err") &
server_pid=$!
echo "pid $server_pid" >>"$state"
url=
for _ in $(seq 200); do
    url=$(sed -n 's/^confab-server listening on //p' "$out/server.out" 2>/dev/null)
    [[ -n $url ]] && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
    sleep 0.1
done
[[ $url == ws://127.0.0.1:* ]] || fail "the server did not say where it listens (got '$url')"
ws_port=${url##*:}
[[ $(ps -o user= -p "$server_pid") == confab ]] ||
    fail "the server does not run as confab"

health=$(curl -sS --max-time 10 -w ' %{http_code}' "http://127.0.0.1:$metrics_port/healthz") || fail "no answer from /healthz"
[[ $health == *'"status":"ok"'*' 200' ]] || fail "/healthz answered: $health"
curl -sS --max-time 10 "http://127.0.0.1:$metrics_port/metrics" >"$out/metrics" || fail "no answer from /metrics"
grep -q '^confab_connections 0$' "$out/metrics" || fail "/metrics has no confab_connections"

# The WebSocket port answers a WebSocket handshake.
exec 3<>"/dev/tcp/127.0.0.1/$ws_port" || fail "nothing listens on $ws_port"
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n' "$ws_port" >&3
read -r -t 10 status_line <&3 || fail "no handshake answer on $ws_port"
exec 3<&-
[[ $status_line == "HTTP/1.1 101"* ]] || fail "WebSocket handshake answered: $status_line"

(cd / && setpriv --reuid=confab --regid=confab --init-groups /usr/bin/confab-server check --config /etc/confab/server.ini --data /var/lib/confab) >"$out/check.log" 2>&1 ||
    { cat "$out/check.log"; fail "confab-server check"; }
[[ -f /var/lib/confab/confab.sqlite ]] || fail "no database in /var/lib/confab"

kill "$server_pid"
for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop on SIGTERM"
server_pid=

# Purge: program and config go; the data folder and the confab user stay (the documented behaviour:
# a purge never deletes messages).
dpkg --purge confab-server >"$out/purge.log" 2>&1 || { cat "$out/purge.log"; fail "dpkg --purge"; }
[[ ! -e /usr/bin/confab-server ]] || fail "/usr/bin/confab-server is still there after purge"
[[ ! -e /etc/confab/server.ini ]] || fail "/etc/confab/server.ini is still there after purge"
[[ ! -e $unit ]] || fail "the unit is still there after purge"
[[ -f /var/lib/confab/confab.sqlite ]] || fail "the purge deleted the data in /var/lib/confab"
getent passwd confab >/dev/null || fail "the purge deleted the confab user"
echo "install test ok: $(basename "$deb"), ws on $ws_port, metrics on $metrics_port"
