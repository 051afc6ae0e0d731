#!/usr/bin/env bash
# redis-server for the queue-mode pass (scripts/e2e/scenario.ts --queue), from Debian packages.
# A no-op when redis-server is already on PATH. The scenario runs its own redis-server on
# 127.0.0.1 as a tracked child and stops it by PID, so the package must leave no system service
# behind: apt is kept from starting one (policy-rc.d, unless the machine has its own), and the
# boot-time service the package enables is disabled (and stopped, should it run) afterwards.
# apt's output goes to a log (default .e2e/install-redis.log); one summary line is printed.
# Usage: scripts/e2e/install-redis.sh [log file]
set -euo pipefail
cd "$(dirname "$0")/../.."
log="${1:-.e2e/install-redis.log}"
service=redis-server

if command -v redis-server > /dev/null; then
	echo "[install-redis] $(redis-server --version | cut -d' ' -f1-3) already installed"
	exit 0
fi
sudo=''
[[ $(id -u) -ne 0 ]] && sudo='sudo'
mkdir -p "$(dirname "$log")"
started=$SECONDS
echo "[install-redis] installing redis-server with apt-get (log $log)"

policy=/usr/sbin/policy-rc.d
placed_policy=0
if [[ ! -e "$policy" ]]; then
	# 101 = "action not allowed": invoke-rc.d starts nothing during the install.
	printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" > /dev/null
	$sudo chmod 755 "$policy"
	placed_policy=1
fi
remove_policy() {
	if [[ $placed_policy -eq 1 ]]; then $sudo rm -f "$policy"; fi
	placed_policy=0
}
trap remove_policy EXIT

if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends redis-server; } > "$log" 2>&1; then
	echo "[install-redis] apt-get failed; last lines of $log:"
	tail -20 "$log"
	exit 1
fi
remove_policy

# The package enables its service at boot; the e2e never uses it.
disable_service() {
	if [[ -d /run/systemd/system ]]; then
		$sudo systemctl disable --now "$service.service"
		return
	fi
	local status=0
	# Without a running systemd, systemctl still removes the unit's boot links.
	if command -v systemctl > /dev/null; then $sudo systemctl disable "$service.service" || status=1; fi
	if [[ -x /etc/init.d/$service ]]; then
		$sudo update-rc.d "$service" disable || status=1
		# Stops one only if apt started it (a machine with neither policy-rc.d nor systemd).
		$sudo "/etc/init.d/$service" stop || status=1
	fi
	return $status
}
if disable_service >> "$log" 2>&1; then
	state='its boot service is disabled and stopped'
else
	state="disabling its boot service failed (see $log)"
fi
echo "[install-redis] installed $(redis-server --version | cut -d' ' -f1-3) in $((SECONDS - started)) s; $state"
