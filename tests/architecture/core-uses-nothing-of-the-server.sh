#!/usr/bin/env bash
# server/core/ is the ground floor (docs/architecture.md): every folder of the server may include
# it, and it includes nothing of the server but itself (Qt and the protocol library only). Fails,
# naming file:line, on an include of app/, net/, services/, storage/ or domain/ from core/.
#   tests/architecture/core-uses-nothing-of-the-server.sh SOURCE_DIR
set -euo pipefail
cd "${1:?usage: core-uses-nothing-of-the-server.sh SOURCE_DIR}"
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(app|net|services|storage|domain)/' server/core/*.h server/core/*.cpp; then
    echo "server/core/ includes the server above it: move the piece down into core/, or out of core/"
    exit 1
fi
echo "server/core/ includes nothing of the server: $(ls server/core | wc -l) files checked"
