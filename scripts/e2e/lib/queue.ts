/**
 * What n8n queue mode needs on one machine: a Redis server started by hand on 127.0.0.1 (no
 * service manager) and the settings of the three n8n processes sharing one user folder (one
 * SQLite database, one encryption key): `n8n start` (main: editor, REST, activation), `n8n
 * webhook` (production webhooks) and `n8n worker` (executions). `host.ts` starts them.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

import type { N8nInstanceOptions } from './n8n';
import { delay, spawnTracked, stopProcess } from './processes';

/** Ports of the three n8n processes; each also uses `port + 1` for its task broker. */
export interface QueuePorts {
	/** Main: editor and REST. */
	main: number;
	/** Webhook process: production webhooks (`WEBHOOK_URL` points here). */
	webhook: number;
	/** Worker: health server only (QUEUE_HEALTH_CHECK_PORT). */
	worker: number;
}

/** A running redis-server. */
export interface RedisHandle {
	readonly port: number;
	readonly logFile: string;
	readonly process: ChildProcess;
	stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** True when `redis-server` is on PATH (scripts/e2e/install-redis.sh installs it). */
function hasRedisServer(): boolean {
	try {
		execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts `redis-server` on 127.0.0.1:`port` in the foreground, without persistence, its working
 * directory and log in `dir`; resolves once it answers PING.
 */
export async function startRedis(dir: string, port: number, readyTimeoutMs = 15_000): Promise<RedisHandle> {
	if (!hasRedisServer()) throw new Error('redis-server is not on PATH; run scripts/e2e/install-redis.sh');
	mkdirSync(dir, { recursive: true });
	const logFile = join(dir, 'redis.log');
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawnTracked(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	child.stdout?.pipe(log, { end: false });
	child.stderr?.pipe(log, { end: false });
	child.once('exit', () => setTimeout(() => log.end(), 100));
	const handle: RedisHandle = { port, logFile, process: child, stop: async () => await stopProcess(child) };
	const deadline = Date.now() + readyTimeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`redis-server exited before it answered PING: ${readFileSync(logFile, 'utf8').slice(-1000)}`);
		}
		if (await ping(port)) return handle;
		await delay(100);
	}
	await handle.stop();
	throw new Error(`redis-server on ${port} did not answer PING within ${readyTimeoutMs} ms`);
}

async function ping(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1_000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/**
 * The per-process options for queue mode, from the single-process options of the same user
 * folder: one encryption key and database for all; `WEBHOOK_URL` = the webhook process (main
 * registers webhooks in Instantly with it); production webhooks off on main; worker health
 * server on so its readiness can be polled.
 */
export function queueOptions(base: N8nInstanceOptions, ports: QueuePorts, redisPort: number): Record<'main' | 'webhook' | 'worker', N8nInstanceOptions> {
	const webhookUrl = `http://127.0.0.1:${ports.webhook}/`;
	const editorUrl = `http://127.0.0.1:${ports.main}/`;
	const shared: Record<string, string> = {
		...base.extraEnv,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		WEBHOOK_URL: webhookUrl,
		N8N_EDITOR_BASE_URL: editorUrl,
		// Executions started on main (manual runs) go to the workers too.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Quicker stops: a worker waits this long (s) for running jobs.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
	return {
		main: { ...base, port: ports.main, extraEnv: { ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } },
		webhook: { ...base, port: ports.webhook, extraEnv: shared },
		worker: {
			...base,
			port: ports.worker,
			extraEnv: {
				...shared,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(ports.worker),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
		},
	};
}
