#!/usr/bin/env bash
# npm run demo: sets up what it needs on a fresh clone, then runs scripts/demo.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node scripts/demo.mjs "$@"
