#!/usr/bin/env bash
# The README's test command (npm test): installs what it needs on a fresh clone, then runs
# every phase. Each phase prints its own summary line; any failing phase fails the command.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund || { echo "setup: npm ci failed"; exit 1; }
fi

failed=()
run_phase() {
  local name=$1; shift
  echo "=== $name"
  if "$@"; then echo "$name: ok"; else echo "$name: FAILED"; failed+=("$name"); fi
}

run_phase lint npx eslint .
run_phase typecheck npx tsc --noEmit -p .
run_phase unit npm run --silent test:unit
# In VS Code itself (code-server + headless Chromium); one after the other: both build dist/.
run_phase integration npm run --silent test:integration
run_phase e2e npm run --silent test:e2e

if [ ${#failed[@]} -gt 0 ]; then
  echo "test: failed phases: ${failed[*]}"
  exit 1
fi
echo "test: all phases passed"
