/**
 * n8n as the e2e, the bench and `npm run dev` run it: installed into the cache, a fresh user folder
 * holding package tarballs and the CLI-imported credentials and workflows, then either one process
 * (`n8n start`) or queue mode (Redis, main, webhook process, worker), logged in over REST as the
 * e2e owner. Every process is a tracked child stopped through its PID's process group.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { importCredentials, importWorkflow } from './cli';
import { writeCredentialsFile, writeWorkflowsFile, type ImportedCredential, type WorkflowFile } from './instantly';
import { startN8n, type N8nHandle, type N8nInstanceOptions } from './n8n';
import { installPackageTarball, type PackageInfo } from './packages';
import { queueOptions, type QueuePorts, type RedisHandle } from './queue';
import { spawnTracked, waitForExit } from './processes';
import { N8nRestClient } from './rest';

/** n8n started on one user folder, in one process or in queue mode. */
export interface N8nHost {
	/** The process serving the editor and REST and activating workflows (the only one in single mode). */
	readonly main: N8nHandle;
	/** Where production webhooks are delivered: main, or the webhook process in queue mode. */
	readonly webhookBase: string;
	/** Logged in as the e2e owner (set up on the first start), and again after a restart. */
	readonly rest: N8nRestClient;
	/** The n8n processes running now. */
	processes(): N8nHandle[];
	/** Every child the host started, stopped ones included (Redis too in queue mode). */
	children(): ChildProcess[];
	/** Stops main and starts it again on the same user folder; the other processes keep running. */
	restartMain(): Promise<N8nHandle>;
	/** Stops every process of the host, each by its process group. */
	stop(): Promise<void>;
}

/** Queue mode: main (production webhooks off), the webhook process, the worker and Redis. */
export interface QueueHost extends N8nHost {
	readonly redis: RedisHandle;
	readonly webhook: N8nHandle;
	readonly worker: N8nHandle;
}

/** What a fresh user folder is given before n8n first starts. */
export interface UserFolderImports {
	credentials: ImportedCredential[];
	workflows: WorkflowFile[];
}

/** Runs install-n8n.sh (a no-op when cached) and returns how long it took in ms. */
export async function installN8n(version: string): Promise<number> {
	const started = Date.now();
	const script = resolve(__dirname, '..', 'install-n8n.sh');
	const child = spawnTracked('bash', [script, version], { stdio: 'inherit' });
	const code = await waitForExit(child);
	if (code !== 0) throw new Error(`install-n8n.sh ${version} failed with ${code}`);
	return Date.now() - started;
}

/** Empties the user folder and installs each package tarball into its `.n8n/nodes`. */
export function freshUserFolder(userFolder: string, tarballs: string[]): PackageInfo[] {
	rmSync(userFolder, { recursive: true, force: true });
	return tarballs.map((tarball) => installPackageTarball(userFolder, tarball));
}

/** Imports the credentials and the workflows with the CLI, one CLI boot each (n8n must be stopped). */
export async function importIntoUserFolder(options: N8nInstanceOptions, { credentials, workflows }: UserFolderImports): Promise<void> {
	const credentialsFile = join(options.userFolder, 'import', 'credentials.json');
	writeCredentialsFile(credentialsFile, credentials);
	await importCredentials(options, credentialsFile);
	const workflowsFile = join(options.userFolder, 'import', 'workflows.json');
	writeWorkflowsFile(workflowsFile, workflows);
	await importWorkflow(options, workflowsFile);
}

/** Starts `n8n start` (log `n8n.log` in the user folder) and logs in. */
export async function startN8nHost(options: N8nInstanceOptions): Promise<N8nHost> {
	let main = await startN8n(options);
	const children = [main.process];
	try {
		const rest = await loggedIn(main);
		return {
			get main() {
				return main;
			},
			webhookBase: main.baseUrl,
			rest,
			processes: () => [main],
			children: () => [...children],
			restartMain: async () => {
				await main.stop();
				main = await startN8n(options);
				children.push(main.process);
				await rest.login();
				return main;
			},
			stop: async () => await main.stop(),
		};
	} catch (error) {
		await main.stop();
		throw error;
	}
}

/**
 * Starts main first (it runs the migrations of a fresh database and activates the workflows), then
 * the webhook process and the worker in parallel, all on the given Redis, and logs in. Logs:
 * `n8n-main.log`, `n8n-webhook.log`, `n8n-worker.log` in the user folder. On failure everything
 * started, Redis included, is stopped.
 */
export async function startQueueHost(base: N8nInstanceOptions, ports: QueuePorts, redis: RedisHandle): Promise<QueueHost> {
	const options = queueOptions(base, ports, redis.port);
	const running: N8nHandle[] = [];
	const children: ChildProcess[] = [redis.process];
	const start = async (role: keyof typeof options, command: 'start' | 'webhook' | 'worker') => {
		const handle = await startN8n(options[role], 180_000, { command, logName: `n8n-${role}.log` });
		running.push(handle);
		children.push(handle.process);
		return handle;
	};
	try {
		let main = await start('main', 'start');
		const [webhook, worker] = await Promise.all([start('webhook', 'webhook'), start('worker', 'worker')]);
		const rest = await loggedIn(main);
		return {
			get main() {
				return main;
			},
			webhook,
			worker,
			redis,
			webhookBase: webhook.baseUrl,
			rest,
			processes: () => [main, webhook, worker],
			children: () => [...children],
			restartMain: async () => {
				await main.stop();
				main = await start('main', 'start');
				await rest.login();
				return main;
			},
			stop: async () => {
				await Promise.all([webhook.stop(), main.stop()]);
				await worker.stop();
				await redis.stop();
			},
		};
	} catch (error) {
		await Promise.all(running.map(async (handle) => await handle.stop()));
		await redis.stop();
		throw error;
	}
}

async function loggedIn(main: N8nHandle): Promise<N8nRestClient> {
	const rest = new N8nRestClient(main.baseUrl);
	await rest.ensureOwnerAndLogin();
	return rest;
}
