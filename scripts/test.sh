#!/usr/bin/env bash
# The README's test command (npm test): installs what it needs on a fresh clone, then runs
# every phase. Each phase prints its own summary line; any failing phase fails the command.
# The last line adds up the tests of all phases: "test: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh || { echo "setup: npm ci failed"; exit 1; }

logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT
failed=()
passed_total=0 failed_total=0 skipped_total=0

run_phase() {
  local name=$1; shift
  echo "=== $name"
  local log="$logdir/$name.log" status
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  local counts
  counts=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped" "$log" | tail -n 1 || true)
  if [[ $counts =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
    passed_total=$((passed_total + BASH_REMATCH[1]))
    failed_total=$((failed_total + BASH_REMATCH[2]))
    skipped_total=$((skipped_total + BASH_REMATCH[3]))
  fi
  if [ "$status" -eq 0 ]; then
    echo "$name: ok"
  else
    echo "$name: FAILED (exit $status)"
    failed+=("$name")
    [ -n "$counts" ] || failed_total=$((failed_total + 1))
  fi
}

run_phase lint npx eslint .
run_phase typecheck bash -c "npx tsc --noEmit -p . && npx tsc --noEmit -p webview-ui"
run_phase unit npm run --silent test:unit
# Each webview page (real HTML, CSP and bundle) in headless Chromium, outside VS Code.
run_phase webview npm run --silent test:webview
# In VS Code itself (code-server + headless Chromium); one after the other: both build dist/.
run_phase integration npm run --silent test:integration
run_phase e2e npm run --silent test:e2e
# The README's demo command, checked end to end: packaged .vsix in code-server, the demo servers in the view.
run_phase demo node scripts/demo.mjs --check --port=0 --sim-port=0

if [ ${#failed[@]} -gt 0 ]; then
  echo "test: failed phases: ${failed[*]}"
fi
echo "test: $passed_total passed, $failed_total failed, $skipped_total skipped"
[ ${#failed[@]} -eq 0 ]
