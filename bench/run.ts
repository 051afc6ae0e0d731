/*
 * npm run bench                       every benchmark, then the report
 * npm run bench -- bulk-import        one benchmark (file bench/<name>.ts)
 * npm run bench -- per-item --case interest-p10 --reps 5
 * npm run bench -- report             only re-render docs/benchmarks.md and the chart
 * Each repetition runs in a fresh process; results go to bench/results/<name>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { load, machine } from './lib/measure';
import type { Bench } from './lib/types';

const ALL = ['bulk-import', 'get-many', 'per-item', 'agency', 'fault-import', 'fault-auth', 'webhook'];

function summarize(runs: Array<Record<string, unknown>>) {
	const summary: Record<string, { median: number; min: number; max: number }> = {};
	for (const key of Object.keys(runs[0] ?? {})) {
		const values = runs.map((run) => run[key]).filter((value): value is number => typeof value === 'number');
		if (values.length !== runs.length) continue;
		const sorted = [...values].sort((a, b) => a - b);
		const mid = Math.floor(sorted.length / 2);
		const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
		summary[key] = { median, min: sorted[0], max: sorted.at(-1)! };
	}
	return summary;
}

async function runBench(name: string, onlyCase: string | undefined, reps: number | undefined) {
	const file = join(__dirname, `${name}.ts`);
	const bench = (await import(file)).default as Bench;
	const resultsFile = join(__dirname, 'results', `${name}.json`);
	const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { cases: [] };
	const cases = [...previous.cases] as Array<Record<string, unknown>>;
	for (const benchCase of bench.cases) {
		if (onlyCase && benchCase.id !== onlyCase) continue;
		const runs: Array<Record<string, unknown>> = [];
		const count = reps ?? benchCase.reps ?? 3;
		for (let rep = 1; rep <= count; rep++) {
			const out = join(tmpdir(), `bench-${process.pid}-${name}-${benchCase.id}-${rep}.json`);
			const started = Date.now();
			const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(__dirname, 'lib', 'child.ts'), file, benchCase.id, String(rep)], {
				env: { ...process.env, BENCH_OUT: out },
				stdio: ['ignore', 'inherit', 'inherit'],
				timeout: 30 * 60_000,
			});
			if (child.status !== 0 || !existsSync(out)) {
				console.error(`${name}/${benchCase.id} rep ${rep} failed (exit ${child.status})`);
				runs.push({ failed: true, exit: child.status });
				continue;
			}
			const metrics = JSON.parse(readFileSync(out, 'utf8'));
			rmSync(out);
			runs.push(metrics);
			console.log(`${name}/${benchCase.id} rep ${rep}/${count} (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(headline(metrics))}`);
		}
		const entry = { id: benchCase.id, label: benchCase.label, date: new Date().toISOString(), runs, summary: summarize(runs.filter((run) => !run.failed)) };
		const at = cases.findIndex((existing) => existing.id === benchCase.id);
		if (at >= 0) cases[at] = entry;
		else cases.push(entry);
		// Keep the bench's own case order.
		cases.sort((a, b) => bench.cases.findIndex((c) => c.id === a.id) - bench.cases.findIndex((c) => c.id === b.id));
		mkdirSync(join(__dirname, 'results'), { recursive: true });
		writeFileSync(resultsFile, JSON.stringify({ bench: name, title: bench.title, machine: machine(), command: `npm run bench -- ${name}`, updated: new Date().toISOString(), cases }, null, 2) + '\n');
	}
}

function headline(metrics: Record<string, unknown>) {
	const keys = ['wallMs', 'requests', 'ratio', 'reqPerSec', 'failedItems', 'peakRssMb', 'outcome', 'throughputRatio', 'singleReqPerSec', 'agencyReqPerSec'];
	return Object.fromEntries(keys.filter((key) => key in metrics).map((key) => [key, metrics[key]]));
}

async function main() {
	const args = process.argv.slice(2);
	const flag = (name: string) => {
		const at = args.indexOf(name);
		if (at < 0) return undefined;
		const [value] = args.splice(at, 2).slice(1);
		return value;
	};
	const onlyCase = flag('--case');
	const repsFlag = flag('--reps');
	const names = args.length > 0 ? args : [...ALL, 'report'];
	console.log(`bench on ${JSON.stringify(machine())}, load ${load().join(' ')}`);
	for (const name of names) {
		if (name === 'report') {
			const report = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'report.ts')], { stdio: 'inherit' });
			if (report.status !== 0) process.exitCode = 1;
			continue;
		}
		await runBench(name, onlyCase, repsFlag ? Number(repsFlag) : undefined);
	}
}

void main();
