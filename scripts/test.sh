#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: types, lint, unit and simulator tests,
# then the package built, packed and driven inside real n8n. Ends with one "N passed, N failed,
# N skipped" line; a skipped check (e.g. the side-by-side check without the older package's build)
# is never counted as passed.
set -uo pipefail
cd "$(dirname "$0")/.."

results_dir=$(mktemp -d)
trap 'rm -rf "$results_dir"' EXIT
passed=0
failed=0
skipped=0

stage() {
	local name=$1
	shift
	echo "==> $name"
	local started=$SECONDS
	if "$@"; then
		echo "<== $name: ok ($((SECONDS - started)) s)"
	else
		echo "<== $name: FAILED ($((SECONDS - started)) s)"
		return 1
	fi
}

# typecheck and lint count as one check each; jest and e2e report their own tests.
check() {
	if stage "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

count_jest() {
	local report=$1
	[ -f "$report" ] || return 0
	passed=$((passed + $(node -p "require('$report').numPassedTests")))
	failed=$((failed + $(node -p "const r = require('$report'); r.numFailedTests + r.numRuntimeErrorTestSuites")))
	skipped=$((skipped + $(node -p "require('$report').numPendingTests ?? 0")))
}

check typecheck npx tsc --noEmit -p tsconfig.json
check lint npm run --silent lint
stage jest npx jest --json --outputFile="$results_dir/jest.json" || [ -f "$results_dir/jest.json" ] || failed=$((failed + 1))
count_jest "$results_dir/jest.json"

if [ "${SKIP_E2E:-}" != "1" ]; then
	stage e2e bash scripts/e2e/run.sh "$results_dir/e2e.json" || [ -f "$results_dir/e2e.json" ] || failed=$((failed + 1))
	count_jest "$results_dir/e2e.json"
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
