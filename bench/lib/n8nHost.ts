/*
 * A real n8n (the e2e install, `scripts/e2e/install-n8n.sh`) with this package, one Instantly
 * credential pointing at a bench simulator, and the bench's workflows imported: what the benches
 * that measure inside n8n share.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { importCredentials, importWorkflow } from '../../scripts/e2e/lib/cli';
import { buildAndPack, writeCredentialsFile, writeWorkflowsFile, type WorkflowFile } from '../../scripts/e2e/lib/instantly';
import { installN8n, startN8n, type N8nHandle } from '../../scripts/e2e/lib/n8n';
import { installPackageTarball } from '../../scripts/e2e/lib/packages';
import { N8nRestClient } from '../../scripts/e2e/lib/rest';
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
	rmSync(userFolder, { recursive: true, force: true });
	installPackageTarball(userFolder, buildAndPack(join(REPO, '.e2e', 'packs')));
	const instance = { version: options.version, port: options.port, userFolder, extraEnv: options.extraEnv };
	const credentialsFile = join(userFolder, 'import', 'credentials.json');
	const workflowsFile = join(userFolder, 'import', 'workflows.json');
	writeCredentialsFile(credentialsFile, [{ ...BENCH_CREDENTIAL, apiKey: options.apiKey, baseUrl: options.simulatorUrl }]);
	writeWorkflowsFile(workflowsFile, options.workflows);
	await importCredentials(instance, credentialsFile);
	await importWorkflow(instance, workflowsFile);
	const n8n = await startN8n(instance);
	try {
		const rest = new N8nRestClient(n8n.baseUrl);
		await rest.ensureOwnerAndLogin();
		const pid = n8n.process.pid ?? 0;
		const mb = (bytes: number) => Math.round(bytes / 1048576);
		return {
			n8n,
			rest,
			userFolder,
			memoryMb: () => ({ rssMb: mb(procMemoryBytes('VmRSS', pid)), peakRssMb: mb(procMemoryBytes('VmHWM', pid)) }),
			stop: () => n8n.stop(),
		};
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
