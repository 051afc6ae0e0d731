import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const tracked = new Set<ChildProcess>();
let exitHooksInstalled = false;

/** Spawns a child in its own process group and registers it so it dies with this process. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	installExitHooks();
	const child = spawn(command, args, { ...options, detached: true });
	tracked.add(child);
	child.once('exit', () => tracked.delete(child));
	return child;
}

/** Sends SIGTERM to the child's process group, waits for exit, then SIGKILLs it. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
	if (hasExited(child)) return;
	const exited = waitForExit(child);
	signalGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
	const inTime = await Promise.race([exited.then(() => true), graceOver]);
	// A pending grace timer would keep the caller's process alive for graceMs.
	clearTimeout(timer);
	if (!inTime) {
		signalGroup(child, 'SIGKILL');
		await exited;
	}
	// Task runners and other grandchildren share the group; make sure none outlive n8n.
	signalGroup(child, 'SIGKILL');
	tracked.delete(child);
}

/** Stops every child still registered (used on failure and at exit). */
export async function stopAllProcesses(): Promise<void> {
	await Promise.all([...tracked].map(async (child) => await stopProcess(child, 5_000)));
}

/** Resolves with the exit code (or signal name) once the child has exited. */
export function waitForExit(child: ChildProcess): Promise<number | string> {
	if (hasExited(child)) return Promise.resolve(child.exitCode ?? child.signalCode ?? -1);
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Promise-based sleep. */
export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True while any process of the child's group is alive (`kill -0` on the group). */
export function processGroupAlive(child: ChildProcess): boolean {
	if (child.pid === undefined) return false;
	try {
		process.kill(-child.pid, 0);
		return true;
	} catch {
		return false;
	}
}

function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

function installExitHooks(): void {
	if (exitHooksInstalled) return;
	exitHooksInstalled = true;
	// 'exit' handlers must be synchronous: only SIGKILL is possible there.
	process.once('exit', () => tracked.forEach((child) => signalGroup(child, 'SIGKILL')));
	// `on`, not `once`: Ctrl+C reaches this process twice (from the terminal and relayed by tsx), and
	// a second signal without a listener would kill it before the children are stopped.
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			void stopAllProcesses().finally(() => process.exit(130));
		});
	}
}
