#!/usr/bin/env bash
# redis-server for the queue-mode pass (scripts/e2e/scenario.ts --queue), from Debian packages.
# A no-op when redis-server is already on PATH. Nothing is started here: the scenario runs its own
# redis-server on 127.0.0.1 as a tracked child (policy-rc.d / no systemd keeps apt from starting one).
set -euo pipefail
if command -v redis-server > /dev/null; then
	echo "[install-redis] $(redis-server --version | cut -d' ' -f1-3) already installed"
	exit 0
fi
sudo=''
[[ $(id -u) -ne 0 ]] && sudo='sudo'
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends redis-server
echo "[install-redis] installed $(redis-server --version | cut -d' ' -f1-3)"
