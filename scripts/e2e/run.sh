#!/usr/bin/env bash
# The e2e stage of `npm test` (scripts/test.sh): the package inside real n8n on both supported
# lines, against the Instantly simulator. Installs what it needs (cached), builds and packs once,
# runs the scenario for 2.41.1 (with the editor check) and 1.123.81, ours next to the older
# n8n-nodes-instantly in one 2.41.1 (side-by-side.ts), then 2.41.1 in queue mode
# (Redis + main + webhook process + worker), then both lines installing through n8n's community-package
# installer (install-scenario.ts), and writes a jest-shaped summary:
# {numPassedTests, numFailedTests, numPendingTests (skipped checks, each with its reason), numRuntimeErrorTestSuites, checks}.
# Usage: scripts/e2e/run.sh <result.json>
set -uo pipefail
cd "$(dirname "$0")/../.."

result=${1:?usage: scripts/e2e/run.sh <result.json>}
mkdir -p "$(dirname "$result")"
artifacts=.e2e
mkdir -p "$artifacts/packs"
total_started=$SECONDS
# Tracked files written from here on are reported as a failed check: the stage writes only under .e2e/.
stage_marker="$artifacts/.stage-started"
touch "$stage_marker"
timings=()
timing() { timings+=("$1: $2 s"); echo "[e2e] $1 took $2 s"; }

lines=(2.41.1 1.123.81)
queue_version=2.41.1
queue_line="$queue_version-queue"

# 1. Install both n8n lines (cached; in parallel when cold) and Chromium. A cold install takes
# minutes with its output in log files, so every 30 s the jobs still running are named with their
# elapsed time, current step and log.
started=$SECONDS
install_failed=0
pids=()
jobs_info=()
for version in "${lines[@]}"; do
	log="$artifacts/install-$version.log"
	bash scripts/e2e/install-n8n.sh "$version" > "$log" 2>&1 &
	pids+=($!)
	jobs_info+=("n8n $version|$log")
done
progress_at=$((SECONDS + 30))
while :; do
	running=()
	for index in "${!pids[@]}"; do
		kill -0 "${pids[$index]}" 2> /dev/null || continue
		IFS='|' read -r what log <<< "${jobs_info[$index]}"
		step=$(grep '^\[install-n8n\]' "$log" | tail -1 | sed 's/^\[install-n8n\] *//')
		running+=("$what (${step:-starting}; log $log)")
	done
	[[ ${#running[@]} -eq 0 ]] && break
	if [[ $SECONDS -ge $progress_at ]]; then
		echo "[e2e] installing, $((SECONDS - started)) s so far: $(printf '%s; ' "${running[@]}")"
		progress_at=$((SECONDS + 30))
	fi
	sleep 1
done
for index in "${!pids[@]}"; do
	if ! wait "${pids[$index]}"; then
		echo "[e2e] install of n8n ${lines[$index]} failed; last lines of $artifacts/install-${lines[$index]}.log:"
		tail -30 "$artifacts/install-${lines[$index]}.log"
		install_failed=1
	else
		grep '^\[install-n8n\]' "$artifacts/install-${lines[$index]}.log" || true
	fi
done
bash scripts/e2e/install-chromium.sh "$artifacts/install-chromium.log" || install_failed=1
# redis-server only for the queue pass: without it that pass has no result and counts as crashed.
redis_failed=0
bash scripts/e2e/install-redis.sh "$artifacts/install-redis.log" || redis_failed=1
timing install $((SECONDS - started))

# 2. Build and pack once; every line installs the same tarball.
started=$SECONDS
tarball=''
if npm run build > "$artifacts/build.log" 2>&1; then
	rm -f "$artifacts"/packs/n8n-nodes-instantly-ai-*.tgz
	tarball=$(npm pack --json --pack-destination "$artifacts/packs" 2>/dev/null | node -e "
		let s = ''; process.stdin.on('data', (c) => (s += c)).on('end', () => console.log(require('path').resolve('$artifacts/packs', JSON.parse(s)[0].filename)));")
else
	echo "[e2e] build failed:"; tail -30 "$artifacts/build.log"
fi
timing build+pack $((SECONDS - started))

# 2b. The older Instantly package, built from its public source into the cache (not on npm). With
# no source here the side-by-side check reports itself skipped; a failed build fails it.
started=$SECONDS
older_args=()
bash scripts/e2e/install-older-package.sh > "$artifacts/install-older-package.log" 2>&1
case $? in
	0) ;;
	2) echo "[e2e] no source for the older package; the side-by-side check will be skipped (see $artifacts/install-older-package.log)" ;;
	*)
		echo "[e2e] building the older package failed; last lines of $artifacts/install-older-package.log:"
		tail -20 "$artifacts/install-older-package.log"
		older_args=(--older-build-failed "$artifacts/install-older-package.log")
		;;
esac
timing "older package" $((SECONDS - started))

# 3. One scenario per line, one after the other (2 cores).
for version in "${lines[@]}"; do
	out="$artifacts/result-$version.json"
	rm -f "$out"
	if [[ $install_failed -eq 0 && -n "$tarball" ]]; then
		extra=()
		[[ "$version" == "${lines[0]}" ]] && extra=(--browser)
		started=$SECONDS
		npx tsx scripts/e2e/scenario.ts --version "$version" --tarball "$tarball" --out "$out" "${extra[@]}" 2>&1 |
			grep -v '^npm warn Unknown'
		timing "line $version" $((SECONDS - started))
	fi
done

# 3b. Ours next to the older package in one 2.41.1 (own port 5761).
side_line="${lines[0]}-side-by-side"
out="$artifacts/result-$side_line.json"
rm -f "$out"
if [[ $install_failed -eq 0 && -n "$tarball" ]]; then
	started=$SECONDS
	npx tsx scripts/e2e/side-by-side.ts --version "${lines[0]}" --tarball "$tarball" --out "$out" "${older_args[@]}" 2>&1 |
		grep -v '^npm warn Unknown'
	timing "line $side_line" $((SECONDS - started))
fi

# 4. 2.41.1 in queue mode (own ports 5811-5816 and a free Redis port).
out="$artifacts/result-$queue_line.json"
rm -f "$out"
if [[ $install_failed -eq 0 && $redis_failed -eq 0 && -n "$tarball" ]]; then
	started=$SECONDS
	npx tsx scripts/e2e/scenario.ts --version "$queue_version" --queue --tarball "$tarball" --out "$out" 2>&1 |
		grep -v '^npm warn Unknown'
	timing "line $queue_line" $((SECONDS - started))
fi

# 5. Each line again, installing the tarball through n8n's own community-package installer from a
# local registry (port 5950), then update, uninstall and reinstall without a restart.
install_lines=()
for version in "${lines[@]}"; do
	install_lines+=("$version-install")
	out="$artifacts/result-$version-install.json"
	rm -f "$out"
	if [[ $install_failed -eq 0 && -n "$tarball" ]]; then
		started=$SECONDS
		npx tsx scripts/e2e/install-scenario.ts --version "$version" --tarball "$tarball" --out "$out" 2>&1 |
			grep -v '^npm warn Unknown'
		timing "line $version-install" $((SECONDS - started))
	fi
done

# 6. Which tracked files the stage wrote (mtime newer than its start), then the jest-shaped summary; a
# line without a result file (or with a runtime error) counts as a crashed suite.
written=$(comm -12 <(git ls-files 2> /dev/null | sort) \
	<(find . \( -path ./node_modules -o -path ./.git -o -path "./$artifacts" -o -path ./dist \) -prune -o -type f -newer "$stage_marker" -printf '%P\n' | sort) | tr '\n' ' ')
node - "$result" "$artifacts" "$written" "${lines[@]}" "$side_line" "$queue_line" "${install_lines[@]}" <<'NODE'
const fs = require('fs');
const [result, artifacts, written, ...lines] = process.argv.slice(2);
const summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 0, checks: [], lines: {} };
const untouched = { name: 'no tracked file written (screenshots and results stay under .e2e/)', fullName: 'e2e stage: no tracked file written' };
const stageCheck = written.trim() === '' ? { ...untouched, status: 'passed' } : { ...untouched, status: 'failed', error: `written: ${written.trim()}` };
summary.checks.push(stageCheck);
if (stageCheck.status === 'passed') summary.numPassedTests++;
else summary.numFailedTests++;
for (const line of lines) {
	let run;
	try {
		run = JSON.parse(fs.readFileSync(`${artifacts}/result-${line}.json`, 'utf8'));
	} catch {
		run = { version: line, checks: [], runtimeError: 'no result file (install, build or the scenario crashed)', timings: {} };
	}
	for (const check of run.checks) {
		summary.checks.push({ ...check, fullName: `n8n ${line.replace(/-queue$/, ' (queue mode)').replace(/-side-by-side$/, ' (side by side)').replace(/-install$/, ' (community-package installer)')}: ${check.name}` });
		if (check.status === 'passed') summary.numPassedTests++;
		else if (check.status === 'skipped') summary.numPendingTests++;
		else summary.numFailedTests++;
	}
	if (run.runtimeError) summary.numRuntimeErrorTestSuites++;
	summary.lines[line] = { runtimeError: run.runtimeError, timings: run.timings };
}
summary.success = summary.numFailedTests === 0 && summary.numRuntimeErrorTestSuites === 0;
fs.writeFileSync(result, `${JSON.stringify(summary, null, 2)}\n`);
for (const check of summary.checks.filter((c) => c.status === 'failed')) console.log(`[e2e] FAILED ${check.fullName}: ${check.error}`);
for (const check of summary.checks.filter((c) => c.status === 'skipped')) console.log(`[e2e] SKIPPED ${check.fullName}: ${check.error}`);
for (const [line, { runtimeError }] of Object.entries(summary.lines)) if (runtimeError) console.log(`[e2e] RUNTIME ERROR n8n ${line}: ${runtimeError}`);
console.log(`[e2e] ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped, ${summary.numRuntimeErrorTestSuites} lines crashed`);
process.exitCode = summary.success ? 0 : 1;
NODE
status=$?
timing total $((SECONDS - total_started))
printf '[e2e] timings: %s\n' "${timings[*]}"
exit $status
