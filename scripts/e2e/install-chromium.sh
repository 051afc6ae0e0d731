#!/usr/bin/env bash
# Installs Debian's Chromium (driven by playwright-core) unless it is already there. apt's output
# goes to a log (default .e2e/install-chromium.log); one summary line is printed.
# Usage: scripts/e2e/install-chromium.sh [log file]
set -euo pipefail
cd "$(dirname "$0")/../.."
log="${1:-.e2e/install-chromium.log}"

if [[ -x /usr/bin/chromium ]]; then
	echo "[install-chromium] $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
	exit 0
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
	sudo_cmd=(sudo)
fi

started=$SECONDS
mkdir -p "$(dirname "$log")"
echo "[install-chromium] installing chromium and fonts-liberation with apt-get (log $log)"
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo_cmd[@]}" apt-get update && "${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium fonts-liberation; } > "$log" 2>&1; then
	echo "[install-chromium] apt-get failed; last lines of $log:"
	tail -20 "$log"
	exit 1
fi
echo "[install-chromium] $(/usr/bin/chromium --version 2>/dev/null) installed in $((SECONDS - started)) s"
