#!/usr/bin/env bash
# Builds Confab and runs the whole test suite through ctest, including the tests that need
# PostgreSQL (the suite starts and stops its own throwaway cluster).
#   scripts/test.sh               everything (preset "debug", warnings as errors)
#   scripts/test.sh -L protocol   any ctest arguments pass through
#   CONFAB_PRESET=asan scripts/test.sh   the same under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

preset=${CONFAB_PRESET:-debug}
confab_ensure_packages
confab_build "$preset"
confab_log "running tests ($preset)"
exec ctest --preset "$preset" "$@"
