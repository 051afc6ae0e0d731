#!/usr/bin/env bash
# Proves the jest suite does not race the clock: keeps every core busy with a CPU burner (one
# process per core), runs the whole suite RUNS times in a row (5 by default), prints each run's
# result and wall time, and exits non-zero if any run failed. The burners are stopped by PID on
# every exit, failure and Ctrl-C included. Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
cores=${BURNERS:-$(node -p 'require("os").availableParallelism?.() ?? require("os").cpus().length')}
results_dir=$(mktemp -d)
burners=()

stop_burners() {
	for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null; done
	for pid in "${burners[@]}"; do wait "$pid" 2>/dev/null; done
	burners=()
	rm -rf "$results_dir"
}
trap stop_burners EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$cores"); do
	node -e 'for (;;) {}' &
	burners+=("$!")
done
echo "CPU burners on $cores core(s): PIDs ${burners[*]}"

failed_runs=0
for run in $(seq "$runs"); do
	report="$results_dir/run-$run.json"
	started=$(date +%s.%N)
	npx jest --json --outputFile="$report" "$@" >"$results_dir/run-$run.log" 2>&1
	status=$?
	seconds=$(node -p "($(date +%s.%N) - $started).toFixed(1)")
	if [ -f "$report" ]; then
		summary=$(node -p "const r = require('$report'); \`\${r.numPassedTests} passed, \${r.numFailedTests} failed, \${r.numRuntimeErrorTestSuites} suites did not run\`")
	else
		summary='no jest report'
	fi
	if [ "$status" -eq 0 ]; then
		echo "run $run/$runs: ok     $summary in $seconds s"
	else
		failed_runs=$((failed_runs + 1))
		echo "run $run/$runs: FAILED $summary in $seconds s"
		[ -f "$report" ] && node -e "
			for (const suite of require('$report').testResults) {
				const name = suite.name.replace(process.cwd() + '/', '');
				const failed = suite.assertionResults.filter((t) => t.status === 'failed');
				for (const test of failed) console.log('  ✕ ' + name + ' › ' + test.fullName);
				if (suite.status === 'failed' && failed.length === 0) console.log('  ✕ ' + name + ': ' + suite.message.split('\\n')[0]);
			}
			"
	fi
done

echo "under load: $((runs - failed_runs)) of $runs runs passed"
[ "$failed_runs" -eq 0 ]
