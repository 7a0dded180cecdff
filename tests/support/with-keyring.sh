#!/bin/sh
# Runs a test with a real, throwaway Secret Service (gnome-keyring) on a private D-Bus session,
# in a scratch HOME, so that QtKeychain works headless and nothing lands in the real keyring.
set -u
scratch=$(mktemp -d /tmp/confab-keyring-XXXXXX)
export HOME="$scratch" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data" \
       XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY DBUS_SESSION_BUS_ADDRESS
dbus-run-session -- sh -c '
    printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    "$@"
    status=$?
    exit $status' sh "$@"
status=$?
rm -rf "$scratch"
exit $status
