import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

import type { INodeExecutionData } from 'n8n-workflow';

import type { Instantly as InstantlyNode } from '../../nodes/Instantly/Instantly.node';
import { runNode, type ParameterValue } from '../../test/harness/context';

export const LATENCY_MS = 80;

// `./Instantly.node` would resolve to the codex file Instantly.node.json under tsx, so name the .ts.
const { Instantly } = require('../../nodes/Instantly/Instantly.node.ts') as { Instantly: typeof InstantlyNode };

/** Samples this process's memory every 25 ms; peak RSS also from the kernel's high-water mark. */
export function memorySampler() {
	const baseline = process.memoryUsage();
	let peakHeap = baseline.heapUsed;
	let peakRss = baseline.rss;
	const timer = setInterval(() => {
		const usage = process.memoryUsage();
		peakHeap = Math.max(peakHeap, usage.heapUsed);
		peakRss = Math.max(peakRss, usage.rss);
	}, 25);
	return {
		stop() {
			clearInterval(timer);
			const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
			return {
				baselineRssMb: mb(baseline.rss),
				baselineHeapMb: mb(baseline.heapUsed),
				peakRssMb: mb(peakRss),
				peakHeapMb: mb(peakHeap),
				vmHwmMb: mb(procMemoryBytes('VmHWM')),
			};
		},
	};
}

/** A process's resident set from the kernel: `VmRSS` now or `VmHWM`, its high-water mark since it started. */
export function procMemoryBytes(field: 'VmRSS' | 'VmHWM', pid: number | 'self' = 'self'): number {
	try {
		const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export function machine() {
	return {
		nproc: cpus().length,
		cpuModel: cpus()[0]?.model,
		memoryGb: Math.round((totalmem() / 1073741824) * 10) / 10,
		freeMemoryGb: Math.round((freemem() / 1073741824) * 10) / 10,
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
	};
}

export const load = () => loadavg().map((value) => Math.round(value * 100) / 100);

/** Runs the Instantly action node against the simulator (real HTTP via axios, as in the tests). */
export async function runInstantly(
	url: string,
	apiKey: string,
	parameters: Record<string, ParameterValue>,
	items: INodeExecutionData[],
	continueOnFail = false,
) {
	return await runNode({ nodeType: new Instantly(), credentials: { apiKey, baseUrl: url }, parameters, items, continueOnFail });
}

/**
 * Wall time against a latency-only bound: the plain ratio, and the ratio once the simulator's own
 * processing beyond the configured latency is taken out (what is left is the node's share).
 */
export function timeAgainstBound(
	wallMs: number,
	boundMs: number,
	stats: { requests: number; simulatorServerMs: number; simulatorHandlerMs: number },
) {
	const round2 = (value: number) => Math.round(value * 100) / 100;
	return {
		wallMs: Math.round(wallMs),
		boundMs,
		ratio: round2(wallMs / boundMs),
		perRequestMs: Math.round(wallMs / stats.requests),
		simulatorServerMs: stats.simulatorServerMs,
		simulatorHandlerMs: stats.simulatorHandlerMs,
		ratioExSimulator: round2((wallMs - (stats.simulatorServerMs - stats.requests * LATENCY_MS)) / boundMs),
		clientMs: Math.round(wallMs - stats.simulatorServerMs),
	};
}

export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

export function errorSummary(error: unknown) {
	const e = error as { message?: string; description?: string; httpCode?: string; context?: { itemIndex?: number } };
	return { message: e.message, description: e.description, httpCode: e.httpCode, itemIndex: e.context?.itemIndex };
}
