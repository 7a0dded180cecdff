# Shared by scripts/run.sh and scripts/test.sh: packages, configure, build.
# Sourced, not run. Expects to be sourced from the repository root.

# Everything a complete build and test run needs on Debian 12.
CONFAB_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-websockets-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-httpserver-dev
    qt6-l10n-tools qt6-tools-dev qt6-image-formats-plugins openssl
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-templates
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-dialogs
    qml6-module-qt-labs-folderlistmodel qml6-module-qttest
    qtkeychain-qt6-dev libsecret-1-0 libqt6sql6-psql libqt6sql6-sqlite libsodium-dev libssl-dev libmd4c-dev libarchive-dev
    postgresql xvfb xauth gnome-keyring dbus-x11 dbus
    fonts-noto-cjk fonts-noto-color-emoji dunst file curl
)

confab_log() { printf '\033[1m[confab]\033[0m %s\n' "$*" >&2; }

# Installs whatever of CONFAB_PACKAGES is missing (with sudo when not root). Quick when nothing is.
confab_ensure_packages() {
    local missing=() pkg
    for pkg in "${CONFAB_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            missing+=("$pkg")
        fi
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { confab_log "need root or sudo to install: ${missing[*]}"; return 1; }
        sudo=(sudo)
    fi
    confab_log "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (first time or when CMake files changed) and builds a preset, incrementally.
confab_build() {
    local preset=$1
    if [[ ! -f build/$preset/build.ninja ]]; then
        confab_log "configuring ($preset)"
        cmake --preset "$preset" >/dev/null
    fi
    confab_log "building ($preset)"
    cmake --build --preset "$preset" -- -j"$(nproc)"
}
