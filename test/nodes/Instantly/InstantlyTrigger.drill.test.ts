import type { IDataObject } from 'n8n-workflow';

import { InstantlyTrigger } from '../../../nodes/Instantly/InstantlyTrigger.node';
import { hookContext } from '../../harness/context';
import { useRetryClock } from '../../harness/retryClock';
import { useSimulator } from '../../harness/simulator';
import type { FaultSpec } from '../../../simulator';

/*
 * The activation drill: 100 activate/deactivate cycles with failures injected into webhook creation and
 * deletion. After every step, what Instantly holds for this workflow must be exactly what the
 * trigger remembers in its static data: no orphan, no duplicate, ever.
 */

const KEY = 'drill-key';
const URL = 'http://127.0.0.1:9/webhook/wf-drill/webhook';
const EVENTS = ['reply_received', 'email_bounced', 'lead_interested'];
const CYCLES = 100;
const trigger = new InstantlyTrigger();
const lifecycle = trigger.webhookMethods.default;

/** A small seeded generator, so a failing run can be replayed. */
function seeded(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CREATE_FAULTS: Array<Omit<FaultSpec, 'method' | 'path'>> = [
	{ status: 500 },
	{ status: 503 },
	{ kind: 'drop' },
	{ kind: 'applyThenDrop' },
	{ kind: 'applyThenStatus', status: 500 },
	{ status: 429, retryAfter: 0 },
];
const DELETE_FAULTS: Array<Omit<FaultSpec, 'method' | 'path'>> = [
	{ status: 500 },
	{ kind: 'drop' },
	{ kind: 'applyThenDrop' },
	{ status: 403 },
];

// A still clock and no rate limits: what the drill checks cannot depend on how fast the machine runs it.
const env = useSimulator({ apiKey: KEY, simulator: { rateLimits: false } });
// The transport's backoff between retries is not what the drill is about: it asks for it and moves on.
useRetryClock();
let staticData: IDataObject = {};

async function hook(method: 'checkExists' | 'create' | 'delete') {
	// n8n keeps static data in its database between calls.
	staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	const { context } = hookContext({
		nodeType: trigger,
		credentials: { apiKey: KEY, baseUrl: env.sim.url },
		parameters: { events: EVENTS, campaign: { __rl: true, mode: 'list', value: '' }, options: {} },
		staticData,
		webhookUrl: URL,
		mode: 'trigger',
		workflow: { id: 'wf-drill', name: 'Drill' },
	});
	return await lifecycle[method].call(context);
}

const inInstantly = () =>
	[...env.sim.workspace(KEY).webhooks.values()].filter((webhook) => webhook.target_hook_url === URL);
const remembered = () =>
	((staticData.production as { webhooks?: Array<{ id: string }> } | undefined)?.webhooks ?? []).map(({ id }) => id);

function expectInstantlyMatchesStaticData(step: string) {
	const held = inInstantly().map((webhook) => String(webhook.id)).sort();
	expect({ step, held }).toEqual({ step, held: [...remembered()].sort() });
	const events = inInstantly().map((webhook) => webhook.event_type);
	expect({ step, duplicatedEvents: events.length - new Set(events).size }).toEqual({ step, duplicatedEvents: 0 });
}

it('survives 100 activate/deactivate cycles with failures injected into create and delete', async () => {
	const random = seeded(8);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const counts = { activations: 0, failedActivations: 0, createFaults: 0, deleteFaults: 0, leftAfterDelete: 0 };

	for (let cycle = 1; cycle <= CYCLES; cycle++) {
		if (random() < 0.35) {
			env.sim.injectFault({ method: 'POST', path: '/api/v2/webhooks', skip: Math.floor(random() * EVENTS.length), ...pick(CREATE_FAULTS) });
			counts.createFaults++;
		}
		let active = false;
		try {
			active = (await hook('checkExists')) || (await hook('create'));
		} catch {
			counts.failedActivations++;
		}
		env.sim.clearFaults();
		expectInstantlyMatchesStaticData(`cycle ${cycle} after activation`);
		if (active) {
			counts.activations++;
			expect(inInstantly()).toHaveLength(EVENTS.length);
		} else {
			// n8n leaves a workflow whose activation failed inactive and does not call delete().
			continue;
		}

		if (random() < 0.35) {
			env.sim.injectFault({ method: 'DELETE', path: '/api/v2/webhooks/{id}', skip: Math.floor(random() * EVENTS.length), ...pick(DELETE_FAULTS) });
			counts.deleteFaults++;
		}
		await hook('delete');
		env.sim.clearFaults();
		expectInstantlyMatchesStaticData(`cycle ${cycle} after deactivation`);
		counts.leftAfterDelete += remembered().length;
	}

	// What a failed delete kept is removed by the next activation; one last clean cycle ends the drill.
	expect((await hook('checkExists')) || (await hook('create'))).toBe(true);
	await hook('delete');
	expect(inInstantly()).toHaveLength(0);
	expect(remembered()).toHaveLength(0);
	expect(env.sim.invalidRequests).toEqual([]);

	expect(counts.createFaults).toBeGreaterThan(20);
	expect(counts.deleteFaults).toBeGreaterThan(10);
	expect(counts.failedActivations).toBeGreaterThan(0);
	console.log(`activation drill: ${JSON.stringify(counts)}`);
}, 180_000);
