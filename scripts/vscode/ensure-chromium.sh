#!/usr/bin/env bash
# Makes sure /usr/bin/chromium exists (Debian's chromium package), which the VS Code
# integration and e2e runs drive through playwright-core. As root it installs the package
# with apt; otherwise it prints the command to run and fails.
set -euo pipefail

CHROMIUM=${HCLOUD_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  echo "chromium: found $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

cmd="apt-get update && apt-get install -y --no-install-recommends chromium"
if [ "$(id -u)" != 0 ]; then
  echo "chromium: $CHROMIUM is missing. Install it as root with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi

started=$(date +%s)
echo "chromium: $CHROMIUM is missing; running: $cmd"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "chromium: installed $("$CHROMIUM" --version 2>/dev/null) in $(( $(date +%s) - started )) s"
