#!/usr/bin/env bash
# Regenerates the Wolverine handler adapters the host loads from src/Kaifan.Host/Internal/Generated (ADR 0019),
# then checks them against both databases. Run it after adding, removing or changing a message handler's parameters.
# Extra environment (say KAIFAN_PG_PORT) goes through to ./test.sh.
set -euo pipefail
cd "$(dirname "$0")"

# Stale files can call a handler with its old parameters and stop the build: start from none.
rm -rf src/Kaifan.Host/Internal/Generated
KAIFAN_WRITE_HANDLER_CODE=1 ./test.sh --filter "FullyQualifiedName~GeneratedHandlerCode"
./test.sh --filter "FullyQualifiedName~GeneratedHandlerCode"
git status --short src/Kaifan.Host/Internal/Generated
