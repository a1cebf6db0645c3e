#!/usr/bin/env bash
# The README's test command (npm test): installs what it needs on a fresh clone, then runs every
# phase. Any failing phase fails the command. The last line adds up the tests of all phases:
# "test: N passed, N failed, N skipped".
#
# Independent phases run at the same time, two at once (HCLOUD_TEST_JOBS): the machine may have
# only 2 cores, and a phase in VS Code keeps about one busy (loading the workbench, drawing it).
#   - code-server's install (when .cache/ lacks it) starts at once, beside npm ci;
#   - one build (dist/, media/dist/, out/) for every phase: none builds on its own, so no phase
#     rewrites files another one is loading;
#   - lint and typecheck (no build needed) start right after npm ci, beside the build, at a lower
#     priority and outside the two slots: they only compute, so they take the CPU the others leave;
#   - then the phases, longest first: integration and e2e in the first slots free once code-server
#     is there (each with its own code-server, browser, free ports,
#     temp folders and test-output/<phase>/), the others (webview, unit, demo) in the free slots,
#     webview and unit while code-server installs.
# A phase's output is printed as one block when it ends, with its time, the CPU seconds (user +
# system) of what it ran, and its summary line ("<phase>: N passed, N failed, N skipped").
set -uo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
logdir=$(mktemp -d)
failed=()
passed_total=0 failed_total=0 skipped_total=0

stop_all() {
  # Each phase is its own process group (setsid): TERM reaches the runner and what it started.
  for name in "${!running[@]}"; do kill -TERM -- "-${running[$name]}" 2>/dev/null; done
}
trap 'echo "test: interrupted, stopping the phases"; stop_all; wait; rm -rf "$logdir"; exit 130' INT TERM
trap 'rm -rf "$logdir"' EXIT

declare -A running=() phase_start=()
# Starts a phase in the background; its output goes to $logdir/<name>.log, its exit code to <name>.rc,
# the CPU time of what it ran to <name>.log.cpu (bash's `times`: user and system seconds of the children).
start_phase() {
  local name=$1; shift
  setsid bash -c '"${@:3}" >"$1" 2>&1; rc=$?; times >"$1.cpu"; echo $rc >"$2"' _ "$logdir/$name.log" "$logdir/$name.rc" "$@" &
  running[$name]=$!
  phase_start[$name]=$SECONDS
}

# CPU seconds (user + system) of a phase's children, from the second line of `times`: "0m1.5s 0m0.2s".
cpu_seconds() {
  sed -n 2p "$1" 2>/dev/null | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } printf "%.0f", s }'
}

# Prints the block of a phase that ended with `status` and adds its counts to the totals.
report_phase() {
  local name=$1 status=$2 log="$logdir/$1.log"
  echo "=== $name ($((SECONDS - phase_start[$name])) s, from +$((phase_start[$name] - started)) s to +$((SECONDS - started)) s, CPU $(cpu_seconds "$log.cpu") s)"
  cat "$log"
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

# Waits until one of the running phases ends, reports it and sets `ended` to its name.
next_ended() {
  while true; do
    for name in "${!running[@]}"; do
      if [ -s "$logdir/$name.rc" ]; then
        wait "${running[$name]}" 2>/dev/null
        unset "running[$name]"
        report_phase "$name" "$(cat "$logdir/$name.rc")"
        ended=$name
        return
      fi
    done
    sleep 0.5
  done
}

# A phase that could not start because what it needs failed.
not_run() {
  local name=$1 why=$2
  echo "=== $name"
  echo "$name: not run ($why)"
  failed+=("$name")
  failed_total=$((failed_total + 1))
}

# What a phase runs. `needs` says what must be there first: the build, code-server or both.
launch() {
  case $1 in
    # lint and typecheck only compute, with no clock to miss: at a lower priority they leave the CPU
    # to code-server's install (which the longest phases wait for) and to the phases that wait on
    # timers. They take no slot (NOSLOT): holding one, they kept webview and unit waiting for a minute.
    lint) start_phase lint nice -n 10 npm run --silent lint ;;
    typecheck) start_phase typecheck nice -n 10 bash -c "npx --no-install tsc --noEmit -p . && npx --no-install tsc --noEmit -p webview-ui" ;;
    # One mocha process: its real-clock tests (60 ms actions, 80 ms timeouts) failed with the files
    # in two workers on a machine loaded to 15-17.
    unit) start_phase unit npx --no-install mocha --config .mocharc.json ;;
    # Each webview page (real HTML, CSP and bundle) in headless Chromium, outside VS Code: Playwright's
    # webview project (playwright.config.mjs; its closing line comes from test/support/phaseSummary.mjs).
    webview) start_phase webview npx --no-install playwright test --project=webview ;;
    # In VS Code itself (code-server + headless Chromium): the mocha suite in the extension host, and
    # Playwright's e2e project against the workbench.
    # The integration suite mostly waits (simulator actions, polls, webviews loading): its files go to
    # two code-server sessions at once (run-integration.mjs --shards=2), still one slot.
    integration) start_phase integration node scripts/vscode/run-integration.mjs --no-build --outdir=out --shards="${HCLOUD_VSC_SHARDS:-2}" ;;
    # HCLOUD_E2E_WORKERS=2 splits e2e's spec files over two workers, each with its own code-server and
    # profile. Not the default: on a machine already busy (load 12-18) two workers cost 23-70 more CPU
    # seconds and three tests timed out in a fresh-clone run, for no shorter phase.
    e2e) start_phase e2e npx --no-install playwright test --project=e2e --workers="${HCLOUD_E2E_WORKERS:-1}" ;;
    # The README's demo command, checked end to end: packaged .vsix in code-server, the demo servers in the view.
    demo) start_phase demo node scripts/demo.mjs --check --port=0 --sim-port=0 --no-build ;;
  esac
}
declare -A needs=([lint]='' [typecheck]='' [unit]=build [webview]=build [integration]='build code-server' [e2e]='build code-server' [demo]='build code-server')
# Longest first, so the short ones fill the gaps at the end.
queue=(integration e2e lint typecheck webview unit demo)
# Phases that run beside the slots: code-server's install (mostly downloads, then one native module
# at a time, its files compiled at once), lint and typecheck (niced).
declare -A NOSLOT=([code-server]=1 [lint]=1 [typecheck]=1)
# Phases that may start beyond the slots as soon as their needs are met: none. Starting integration
# and e2e the moment code-server was installed, beside unit and webview, put four phases on 2 cores:
# workbenches took 70 s to load, page loads timed out, and the run was no shorter (fresh clone 570 s,
# 5 failures). Each waits for a slot.
declare -A FIRST=()
jobs=${HCLOUD_TEST_JOBS:-2}
declare -A state=([code-server]=running [build]=running)

busy_slots() {
  local name n=0
  for name in "${!running[@]}"; do [ -n "${NOSLOT[$name]:-}" ] || n=$((n + 1)); done
  echo $n
}

# Starts queued phases whose needs are met while fewer than $jobs run (NOSLOT and FIRST phases start
# whenever their needs are met); drops those whose needs failed.
fill_slots() {
  local name need ready why left=()
  for name in "${queue[@]}"; do
    ready=yes
    for need in ${needs[$name]}; do
      case ${state[$need]} in
        ok) ;;
        failed) ready=failed ;;
        *) [ "$ready" = failed ] || ready=no ;;
      esac
    done
    if [ "$ready" = failed ]; then
      why=$(for need in ${needs[$name]}; do [ "${state[$need]}" = failed ] && echo -n "$need failed; "; done)
      not_run "$name" "${why%; }"
    elif [ "$ready" = yes ] && { [ -n "${NOSLOT[$name]:-}${FIRST[$name]:-}" ] || [ "$(busy_slots)" -lt "$jobs" ]; }; then
      launch "$name"
    else
      left+=("$name")
    fi
  done
  queue=("${left[@]}")
}

# Chromium first: its apt-get (when it is missing) must not run beside code-server's.
bash scripts/vscode/ensure-chromium.sh || { echo "setup: chromium is missing"; exit 1; }
start_phase code-server node scripts/vscode/ensure-code-server.mjs
bash scripts/ensure-deps.sh || { echo "setup: npm ci failed"; stop_all; exit 1; }
fill_slots # lint and typecheck, which need no build

echo "=== build"
if node scripts/build.mjs --tests --quiet; then
  echo "build: ok"
  state[build]=ok
else
  echo "build: FAILED"
  failed+=(build)
  failed_total=$((failed_total + 1))
  state[build]=failed
fi

fill_slots
while [ ${#running[@]} -gt 0 ]; do
  next_ended
  if [ "$ended" = code-server ]; then
    if [[ " ${failed[*]} " == *" code-server "* ]]; then state[code-server]=failed; else state[code-server]=ok; fi
  fi
  fill_slots
done
for name in "${queue[@]}"; do not_run "$name" "never started"; done

if [ ${#failed[@]} -gt 0 ]; then
  echo "test: failed phases: ${failed[*]}"
fi
echo "test: finished in $((SECONDS - started)) s"
echo "test: $passed_total passed, $failed_total failed, $skipped_total skipped"
[ ${#failed[@]} -eq 0 ]
