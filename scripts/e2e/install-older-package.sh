#!/usr/bin/env bash
# Builds the older Instantly community package, n8n-nodes-instantly (public source:
# https://github.com/bcharleson/n8n-nodes-instantly; not on the npm registry), into the e2e cache so
# the side-by-side check can install it next to ours. Its code and build stay out of this repo and
# its dependencies: the source is copied into the cache, built there with its own devDependencies,
# and packed into a tarball the scenario installs.
# Source, first found: $OLDER_INSTANTLY_SOURCE (a folder with its checkout), else
# $OLDER_INSTANTLY_GIT_DIR (a bare clone, default: this machine's mirror of the repository).
# Usage: scripts/e2e/install-older-package.sh   (prints the tarball's path on its last line)
# Exits 2 when there is no source to build from (the side-by-side check is then skipped), 1 when
# the build failed.
set -euo pipefail

cache="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-instantly-ai}/older-n8n-nodes-instantly"
git_dir="${OLDER_INSTANTLY_GIT_DIR:-/work/.mirror/bcharleson+n8n-nodes-instantly/repo}"
tarball_link="$cache/package.tgz"

if [[ -n "${OLDER_INSTANTLY_SOURCE:-}" ]]; then
	[[ -f "$OLDER_INSTANTLY_SOURCE/package.json" ]] || { echo "[older-package] OLDER_INSTANTLY_SOURCE=$OLDER_INSTANTLY_SOURCE has no package.json" >&2; exit 1; }
	revision="folder:$(cd "$OLDER_INSTANTLY_SOURCE" && pwd)"
elif [[ -d "$git_dir" ]]; then
	revision="git:$(git --git-dir="$git_dir" rev-parse HEAD)"
else
	echo "[older-package] no source: set OLDER_INSTANTLY_SOURCE to a checkout of github.com/bcharleson/n8n-nodes-instantly" >&2
	exit 2
fi

if [[ -f "$tarball_link" && "$(cat "$cache/.revision" 2> /dev/null)" == "$revision" ]]; then
	echo "[older-package] already built from $revision (cached)" >&2
	echo "$tarball_link"
	exit 0
fi

# The cache is outside the repo, so none of our npm settings apply; say them here.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_ignore_scripts=true

rm -rf "$cache"
mkdir -p "$cache/source"
if [[ "$revision" == folder:* ]]; then
	(cd "$OLDER_INSTANTLY_SOURCE" && tar --exclude=./node_modules --exclude=./dist --exclude=./.git -cf - .) | tar -x -C "$cache/source"
else
	git --git-dir="$git_dir" archive HEAD | tar -x -C "$cache/source"
fi

cd "$cache/source"
echo "[older-package] installing its devDependencies in $cache/source" >&2
# Its lock pins versions npm no longer serves (@n8n/node-cli 0.14.0 answers 404), so its
# package.json ranges decide.
rm -f package-lock.json
npm install >&2
echo "[older-package] building" >&2
npm run build >&2
packed=$(npm pack --json --pack-destination "$cache" 2> /dev/null | node -e "
	let s = ''; process.stdin.on('data', (c) => (s += c)).on('end', () => console.log(JSON.parse(s)[0].filename));")
mv "$cache/$packed" "$tarball_link"
echo "$revision" > "$cache/.revision"
echo "[older-package] built $(node -p "require('./package.json').name + '@' + require('./package.json').version") from $revision" >&2
echo "$tarball_link"
