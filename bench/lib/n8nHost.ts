/*
 * A real n8n (the e2e install, `scripts/e2e/install-n8n.sh`) with this package, one Instantly
 * credential pointing at a bench simulator, and the bench's workflows imported: what the benches
 * that measure inside n8n share.
 */
import { join, resolve } from 'node:path';

import { freshUserFolder, importIntoUserFolder, installN8n, startN8nHost, type N8nHost } from '../../scripts/e2e/lib/host';
import { buildAndPack, type WorkflowFile } from '../../scripts/e2e/lib/instantly';
import type { N8nHandle } from '../../scripts/e2e/lib/n8n';
import type { N8nRestClient } from '../../scripts/e2e/lib/rest';
import { procMemoryBytes } from './measure';

export const REPO = resolve(__dirname, '..', '..');
export const BENCH_CREDENTIAL = { id: 'benchInstantly', name: 'Instantly (bench)' } as const;

export interface BenchN8nOptions {
	version: string;
	/** Names the user folder (`.e2e/bench-<name>`), so runs of different cases never share a database. */
	name: string;
	port: number;
	apiKey: string;
	simulatorUrl: string;
	workflows: WorkflowFile[];
	extraEnv?: Record<string, string>;
}

export interface BenchN8n {
	n8n: N8nHandle;
	rest: N8nRestClient;
	userFolder: string;
	/** Resident set of the n8n process now and its high-water mark, in MB. */
	memoryMb(): { rssMb: number; peakRssMb: number };
	stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 25): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await check();
		if (value !== undefined) return value;
		await sleep(everyMs);
	}
	throw new Error(`timed out waiting for ${what}`);
}

export async function startBenchN8n(options: BenchN8nOptions): Promise<BenchN8n> {
	await installN8n(options.version);
	const userFolder = join(REPO, '.e2e', `bench-${options.name}`);
	freshUserFolder(userFolder, [buildAndPack(join(REPO, '.e2e', 'packs'))]);
	const instance = { version: options.version, port: options.port, userFolder, extraEnv: options.extraEnv };
	await importIntoUserFolder(instance, {
		credentials: [{ ...BENCH_CREDENTIAL, apiKey: options.apiKey, baseUrl: options.simulatorUrl }],
		workflows: options.workflows,
	});
	const host: N8nHost = await startN8nHost(instance);
	const mb = (bytes: number) => Math.round(bytes / 1048576);
	return {
		n8n: host.main,
		rest: host.rest,
		userFolder,
		memoryMb: () => {
			const pid = host.main.process.pid ?? 0;
			return { rssMb: mb(procMemoryBytes('VmRSS', pid)), peakRssMb: mb(procMemoryBytes('VmHWM', pid)) };
		},
		stop: async () => await host.stop(),
	};
}
