#!/usr/bin/env bash
# Installs Debian's Chromium (driven by playwright-core) unless it is already there.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
	echo "[install-chromium] $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
	exit 0
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
	sudo_cmd=(sudo)
fi

started=$SECONDS
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium fonts-liberation
echo "[install-chromium] $(/usr/bin/chromium --version) installed in $((SECONDS - started)) s"
