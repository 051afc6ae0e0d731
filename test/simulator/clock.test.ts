import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ManualClock, startSimulator, type Simulator } from '../../simulator';
import { apiClient, startReceiver } from '../harness/simulator';

describe('ManualClock', () => {
	it('fires timers in due order as time passes them, those due together in the order they were set', async () => {
		const clock = new ManualClock(1_000);
		const fired: string[] = [];
		clock.schedule(() => fired.push('b@200'), 200);
		clock.schedule(() => fired.push('a@100'), 100);
		clock.schedule(() => fired.push('c@200'), 200);
		const cancel = clock.schedule(() => fired.push('cancelled'), 150);
		cancel();
		expect(clock.pending()).toEqual([100, 200, 200]);
		await clock.advance(99);
		expect(fired).toEqual([]);
		await clock.advance(1);
		expect(fired).toEqual(['a@100']);
		expect(clock.now()).toBe(1_100);
		await clock.advance(500);
		expect(fired).toEqual(['a@100', 'b@200', 'c@200']);
		expect(clock.now()).toBe(1_600);
	});

	it('runs every timer, those that fired ones set included, and says how far time moved', async () => {
		const clock = new ManualClock(0);
		const times: number[] = [];
		clock.schedule(() => {
			times.push(clock.now());
			clock.schedule(() => times.push(clock.now()), 30);
		}, 20);
		expect(await clock.runAll()).toBe(50);
		expect(times).toEqual([20, 50]);
		expect(clock.pending()).toEqual([]);
	});

	it('wakes a sleeper only when time reaches its end', async () => {
		const clock = new ManualClock(0);
		const woke: number[] = [];
		void clock.sleep(40).then(() => woke.push(clock.now()));
		await clock.whenSomeoneSleeps();
		await clock.advance(39);
		expect(woke).toEqual([]);
		await clock.advanceToNextSleep();
		expect(woke).toEqual([40]);
	});

	it('refuses to move backwards', async () => {
		await expect(new ManualClock().advance(-1)).rejects.toThrow('advance needs a number of milliseconds ≥ 0, got -1');
	});
});

describe('simulator on a manual clock', () => {
	let simulator: Simulator;
	afterEach(async () => await simulator.close());

	it('keeps background jobs where they are until the clock moves', async () => {
		simulator = await startSimulator({ clock: 'manual', backgroundJobStepMs: 100 });
		const api = apiClient(simulator.url, simulator.createWorkspace().apiKey);
		const list = (await api('POST', '/api/v2/lead-lists', { name: 'L' })).body;
		const job = (await api('POST', '/api/v2/leads/move', { list_id: list.id, to_list_id: list.id })).body;
		expect(simulator.pendingTimers()).toBe(2);
		expect(simulator.workspace(simulator.listWorkspaces()[0].id).backgroundJobs.get(job.id)?.status).toBe('pending');
		expect(await simulator.runAllTimers()).toBe(200);
		expect((await api('GET', `/api/v2/background-jobs/${job.id}`)).body).toMatchObject({ status: 'success', progress: 100 });
		expect(simulator.pendingTimers()).toBe(0);
	});

	it('with jobStepPerRead, runs one step of a job per read and cancels that step’s timer', async () => {
		simulator = await startSimulator({ clock: 'manual', jobStepPerRead: true });
		const api = apiClient(simulator.url, simulator.createWorkspace().apiKey);
		const list = (await api('POST', '/api/v2/lead-lists', { name: 'L' })).body;
		const job = (await api('POST', '/api/v2/leads/move', { list_id: list.id, to_list_id: list.id })).body;
		const read = async () => (await api('GET', `/api/v2/background-jobs/${job.id}`)).body.status;
		expect(await read()).toBe('in-progress');
		expect(simulator.pendingTimers()).toBe(1);
		expect(await read()).toBe('success');
		expect(simulator.pendingTimers()).toBe(0);
		expect(await read()).toBe('success');
	});

	it('spaces delivery retries on the clock: 5 then 10 ms, moved on by triggerEvent', async () => {
		simulator = await startSimulator({ clock: 'manual', deliveryRetryDelayMs: 5 });
		const receiver = await startReceiver(() => 503);
		try {
			const { apiKey } = simulator.createWorkspace();
			await apiClient(simulator.url, apiKey)('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/hook`, event_type: 'email_sent' });
			const before = simulator.clock.now();
			const [result] = await simulator.triggerEvent(apiKey, { event_type: 'email_sent', lead_email: 'a@b.co' });
			expect(result).toMatchObject({ success: false, statusCode: 503, attempts: 3 });
			expect(simulator.clock.now() - before).toBe(15);
			expect(receiver.received).toHaveLength(3);
		} finally {
			await receiver.close();
		}
	});

	it('times a delivery out when the clock passes the timeout, not before', async () => {
		simulator = await startSimulator({ clock: 'manual', deliveryAttempts: 1 });
		const silent = createServer(() => undefined);
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			const { apiKey } = simulator.createWorkspace();
			const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
			await apiClient(simulator.url, apiKey)('POST', '/api/v2/webhooks', { target_hook_url: url, event_type: 'email_sent' });
			const delivery = simulator.triggerEvent(apiKey, { event_type: 'email_sent', lead_email: 'a@b.co' });
			expect((simulator.clock as ManualClock).pending()).toEqual([5000]);
			await simulator.advanceClock(5000);
			const [result] = await delivery;
			expect(result).toMatchObject({ success: false, statusCode: null, attempts: 1, error: 'The operation was aborted due to timeout' });
		} finally {
			silent.closeAllConnections();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});

	it('is driven through the control API, and refuses clock moves on the system clock', async () => {
		simulator = await startSimulator({ clock: 'manual' });
		const control = apiClient(simulator.url);
		const start = (await control('GET', '/__simulator/clock')).body;
		expect(start).toEqual({ mode: 'manual', now: expect.any(Number), pending: 0 });
		expect((await control('POST', '/__simulator/clock/advance', { ms: 250 })).body).toEqual({ ok: true });
		expect((await control('GET', '/__simulator/clock')).body.now).toBe(start.now + 250);
		expect((await control('POST', '/__simulator/clock/run-all')).body).toEqual({ advancedMs: 0 });
		await simulator.close();

		simulator = await startSimulator();
		const real = apiClient(simulator.url);
		expect((await real('GET', '/__simulator/clock')).body).toMatchObject({ mode: 'system' });
		expect((await real('POST', '/__simulator/clock/advance', { ms: 1 })).body).toEqual({
			error: "advanceClock needs a simulator started with clock: 'manual'",
		});
	});
});

describe('simulator: holding requests at the door', () => {
	it('counts requests in flight without timing them, and reset lets held ones through', async () => {
		const simulator = await startSimulator({ clock: 'manual' });
		try {
			const api = apiClient(simulator.url, simulator.createWorkspace().apiKey);
			const door = simulator.holdRequests();
			const answers = [api('GET', '/api/v2/campaigns'), api('GET', '/api/v2/lead-lists'), api('GET', '/api/v2/campaigns')];
			await door.whenHeld(3);
			expect(simulator.requests).toEqual([]);
			door.release();
			expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200, 200]);
			expect(simulator.peakConcurrentRequests).toBe(3);

			const forgotten = simulator.holdRequests();
			const stuck = api('GET', '/api/v2/campaigns');
			await forgotten.whenHeld(1);
			simulator.reset();
			expect((await stuck).status).toBe(401);
		} finally {
			await simulator.close();
		}
	});
});
