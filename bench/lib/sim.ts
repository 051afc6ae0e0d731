import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A simulator running in a child process (bench/lib/simHost.ts), called over IPC. */
export class SimProcess {
	url = '';
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

	private constructor(private readonly child: ChildProcess) {
		child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
			const waiter = this.pending.get(message.id);
			if (!waiter) return;
			this.pending.delete(message.id);
			if (message.error) waiter.reject(new Error(`simulator: ${message.error}`));
			else waiter.resolve(message.result);
		});
		child.on('exit', (code) => {
			for (const waiter of this.pending.values()) waiter.reject(new Error(`simulator process exited (${code})`));
			this.pending.clear();
		});
	}

	static async start(options: { latencyMs?: number; rateLimits?: false; skipEventBookkeeping?: boolean } = {}): Promise<SimProcess> {
		const child = fork(join(__dirname, 'simHost.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const sim = new SimProcess(child);
		sim.url = await sim.call<string>('start', options);
		return sim;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	call<T = any>(command: string, ...args: unknown[]): Promise<T> {
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.child.send({ id, command, args });
		});
	}

	async close(): Promise<void> {
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		await this.call('close').catch(() => undefined);
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
		if (this.child.exitCode === null) this.child.kill('SIGKILL');
	}
}
