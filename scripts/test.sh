#!/usr/bin/env bash
# Builds Confab and runs the whole test suite through ctest, including the tests that need
# PostgreSQL (the suite starts and stops its own throwaway cluster).
#   scripts/test.sh               everything (preset "debug", warnings as errors)
#   scripts/test.sh -L protocol   any ctest arguments pass through
#   CONFAB_PRESET=asan scripts/test.sh   the same under AddressSanitizer + UBSan
#   scripts/test.sh --long        the same, then long fault and fuzz runs: the `faults` tests three
#                                 times over, and the libFuzzer targets (preset `fuzz`, clang) for
#                                 CONFAB_FUZZ_SECONDS (default 300) each
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

long=0
if [[ ${1:-} == --long ]]; then
    long=1
    shift
fi

preset=${CONFAB_PRESET:-debug}
confab_ensure_packages
confab_build "$preset"
confab_log "running tests ($preset)"
if [[ $long -eq 0 ]]; then
    exec ctest --preset "$preset" "$@"
fi
status=0
ctest --preset "$preset" "$@" || status=1
confab_log "long fault runs ($preset): the faults tests, three times each"
ctest --preset "$preset" -L faults --repeat until-fail:3 || status=1
if command -v clang++ >/dev/null; then
    confab_log "long fuzz runs (preset fuzz, ${CONFAB_FUZZ_SECONDS:-300} s per target)"
    cmake --preset fuzz -DCONFAB_FUZZ_SECONDS="${CONFAB_FUZZ_SECONDS:-300}" >/dev/null
    cmake --build --preset fuzz --target fuzz_decode fuzz_dispatch fuzz_images fuzz_decode_replay \
        fuzz_dispatch_replay fuzz_images_replay make_image_seeds || status=1
    ctest --preset fuzz || status=1
else
    confab_log "clang++ not found: no libFuzzer runs (apt-get install clang libclang-rt-14-dev)"
    status=1
fi
exit $status
