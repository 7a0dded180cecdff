#!/usr/bin/env bash
# Builds the .deb packages from this build tree (into a scratch folder) and checks what they hold:
# binaries, the systemd unit with its hardening, the config, the desktop entry, AppStream, icon,
# and that the maintainer script creates the `confab` system user.
# (No `grep -q` behind a pipe: it exits early, the writer gets SIGPIPE and pipefail fails the check.)
set -euo pipefail
build=${1:?build dir}
out=$(mktemp -d /tmp/confab-debs-XXXXXX)
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
server=$(ls "$out"/confab-server_*.deb)
desktop=$(ls "$out"/confab-desktop_*.deb)
testkit=$(ls "$out"/confab-testkit_*.deb)

expect() { # expect <deb> <path-regex>
    dpkg-deb -c "$1" | awk '{print $6}' | grep -E "$2" >/dev/null || { echo "missing in $(basename "$1"): $2"; exit 1; }
}
expect "$server" '^\./usr/bin/confab-server$'
expect "$server" '^\./usr/lib/systemd/system/confab-server\.service$|^\./lib/systemd/system/confab-server\.service$'
expect "$server" '^\./etc/confab/server\.ini$'
expect "$server" '^\./usr/share/doc/confab-server/README\.md$'
expect "$desktop" '^\./usr/bin/confab$'
expect "$desktop" '^\./usr/share/applications/org\.confab\.Confab\.desktop$'
expect "$desktop" '^\./usr/share/metainfo/org\.confab\.Confab\.metainfo\.xml$'
expect "$desktop" '^\./usr/share/icons/hicolor/scalable/apps/org\.confab\.Confab\.svg$'
expect "$testkit" '^\./usr/lib/cmake/ConfabTestKit/ConfabTestKitConfig\.cmake$'
expect "$testkit" '^\./usr/include/confab-testkit/harness\.h$'
expect "$testkit" '^\./usr/include/confab-testkit/protocol/frames\.h$'
expect "$testkit" '^\./usr/lib/libConfabTestKit\.a$'

dpkg-deb -I "$server" | grep 'Package: confab-server' >/dev/null
dpkg-deb -I "$server" | grep -E 'Depends:.*adduser' >/dev/null
dpkg-deb -I "$desktop" | grep -E 'Recommends:.*qt6-gtk-platformtheme' >/dev/null
dpkg-deb -e "$server" "$out/control"
grep -q 'adduser --system' "$out/control/postinst"
dpkg-deb --fsys-tarfile "$server" | tar -xO --wildcards '*confab-server.service' | grep '^ProtectSystem=strict' >/dev/null
dpkg-deb --fsys-tarfile "$server" | tar -xO --wildcards '*confab-server.service' | grep '^User=confab' >/dev/null
echo "packages ok: $(basename "$server") $(basename "$desktop") $(basename "$testkit")"
