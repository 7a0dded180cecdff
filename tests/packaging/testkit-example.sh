#!/usr/bin/env bash
# The test kit as a QA team gets it: the confab-testkit .deb is built from this build tree and
# unpacked into a scratch prefix, examples/qa-suite (a project of its own) is configured against
# it with find_package(ConfabTestKit), built, and run. The kit starts its own PostgreSQL cluster,
# as it does outside this project's ctest fixtures; the server is this build's.
# Writes JUnit XML of the example's run to <build>/testkit-example-junit.xml.
set -euo pipefail
build=$(cd "${1:?build dir}" && pwd)
source=$(cd "${2:?source dir}" && pwd)
out=$(mktemp -d /tmp/confab-testkit-XXXXXX)
trap 'rm -rf "$out"' EXIT

cd "$build"
cpack -G DEB -D CPACK_COMPONENTS_ALL=testkit -B "$out/debs" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/debs/confab-testkit_*.deb)
dpkg-deb -I "$deb" | grep -E 'Depends:.*confab-server' >/dev/null || { echo "confab-testkit must depend on confab-server"; exit 1; }
dpkg-deb -x "$deb" "$out/root"
prefix="$out/root/usr"
[[ -f $prefix/lib/cmake/ConfabTestKit/ConfabTestKitConfig.cmake ]] || { echo "no CMake config in $(basename "$deb")"; exit 1; }

cmake -S "$source/examples/qa-suite" -B "$out/qa" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$out/configure.log" 2>&1 ||
    { cat "$out/configure.log"; exit 1; }
cmake --build "$out/qa" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
env -u CONFAB_TEST_PG_HOST CONFAB_SERVER_BINARY="$build/server/confab-server" \
    ctest --test-dir "$out/qa" --output-on-failure --output-junit "$build/testkit-example-junit.xml"
echo "testkit example ok: $(basename "$deb"), JUnit in $build/testkit-example-junit.xml"
