#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than package-lock.json.
# Shared by the README's two commands (npm test, npm run demo) so a fresh clone needs no other step.
# --prefer-offline: packages already in npm's cache are not checked with the registry again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)"
  npm ci --prefer-offline --no-audit --no-fund
fi
