import type { INodeExecutionData } from 'n8n-workflow';

import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { itemsOf } from './setup';
import { CLIENTS, startAgencyFake, type AgencyFakeOptions, type RecordedRequest } from '../../../harness/agencyFake';
import { runNode } from '../../../harness/context';
import { failure } from '../../../harness/failure';
import { useSimulator } from '../../../harness/simulator';

const t = useSimulator();

describe('router', () => {
	it('sends items in parallel and still outputs them in input order, each paired to its input', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(30, { campaign_id: campaignId });
		t.reset();
		// The simulator holds requests at the door until ten are waiting at once, then lets all through.
		const door = t.sim.holdRequests();
		const run = t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 10 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		await door.whenHeld(10);
		door.release();
		const { items } = await run;

		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(t.sim.peakConcurrentRequests).toBe(10);
	});

	it.each([
		['lead', 'constructor'],
		['lead', 'toString'],
	])('refuses resource %s, operation %s, naming them, before sending anything', async (resource, operation) => {
		await expect(t.run({ resource, operation })).rejects.toThrow(`The operation "${operation}" is not supported for resource "${resource}"`);
		expect(t.requests()).toEqual([]);
	});

	// n8n drops the Operation of an unknown resource (no Operation field is shown for it), so only the resource can be named.
	it.each([
		['__proto__', 'toString'],
		['constructor', 'name'],
	])('refuses resource %s (operation %s), naming it, before sending anything', async (resource, operation) => {
		await expect(t.run({ resource, operation })).rejects.toThrow(`The resource "${resource}" is not supported`);
		expect(t.requests()).toEqual([]);
	});

	it('sends one item at a time with Parallel Requests = 1', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(5, { campaign_id: campaignId });
		t.reset();

		await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 1 },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		expect(t.requests()).toHaveLength(5);
		expect(t.sim.peakConcurrentRequests).toBe(1);
	});

	it('without Continue On Fail, reports the first failing item and that the others were applied', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(6, { campaign_id: campaignId });
		const missing = '0b7d3b1e-1111-4222-8333-944444444444';
		const input = [...ids.slice(0, 3), missing, ...ids.slice(3)].map((id) => ({ id }));

		const error = (await t
			.run({ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 4 }, { items: itemsOf(...input) })
			.catch((caught: unknown) => caught)) as { context: { itemIndex: number }; description: string };
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toMatch(/items? [\d–, ]+ had already been sent and applied in Instantly/);
	});

	it('with Continue On Fail, keeps going and pairs the error item to its input', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(4, { campaign_id: campaignId });
		const missing = '0b7d3b1e-1111-4222-8333-944444444444';
		const { items } = await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: 3 },
			{ items: itemsOf(...[ids[0], missing, ids[1], ids[2], ids[3]].map((id) => ({ id }))), continueOnFail: true },
		);
		expect(items).toHaveLength(5);
		expect(items[1]).toEqual({ json: expect.objectContaining({ statusCode: 404 }), pairedItem: { item: 1 } });
		expect(items.filter((item) => item.json.error === undefined).map((item) => item.json.id)).toEqual(ids);
	});

	it.each(['abc', '', 0, -1, 2.5, 26, null, { n: 2 }])(
		'refuses Parallel Requests of %j from an expression, naming the field, before sending anything',
		async (parallelRequests) => {
			const campaignId = await t.campaign();
			const [id] = await t.leads(1, { campaign_id: campaignId });
			t.reset();

			const error = await t
				.run({ resource: 'lead', operation: 'get', leadId: id, parallelRequests: () => parallelRequests })
				.catch((caught: Error) => caught);

			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(/^Parallel Requests: expected a whole number from 1 to 25/);
			expect(t.requests()).toEqual([]);
		},
	);

	it('accepts Parallel Requests as a numeric text ("3")', async () => {
		const campaignId = await t.campaign();
		const ids = await t.leads(2, { campaign_id: campaignId });
		const { items } = await t.run(
			{ resource: 'lead', operation: 'get', leadId: (item) => item.json.id, parallelRequests: () => '3' },
			{ items: itemsOf(...ids.map((id) => ({ id }))) },
		);
		expect(items.map((item) => item.json.id)).toEqual(ids);
	});

	it('sends no new item after the first failure, and names the items already applied', async () => {
		const names = ['One', 'Two', '', 'Four', 'Five', 'Six', 'Seven', 'Eight'];
		const error = (await t
			.run(
				{ resource: 'leadLabel', operation: 'create', label: (item) => item.json.name, sentiment: 'positive', parallelRequests: 4 },
				{ items: itemsOf(...names.map((name) => ({ name }))) },
			)
			.catch((caught: unknown) => caught)) as { context: { itemIndex: number }; description: string };

		// Items 1, 2 and 4 were taken by workers before item 3 failed its check; nothing after.
		expect(error.context.itemIndex).toBe(2);
		const created = t.requests().filter((request) => request.method === 'POST');
		expect(created.map((request) => (request.body as { label: string }).label).sort()).toEqual(['Four', 'One', 'Two']);
		expect([...t.state.leadLabels.values()].map((label) => label.label).sort()).toEqual(['Four', 'One', 'Two']);
		expect(error.description).toMatch(/Item 3 failed; items 1–2, 4 had already been sent and applied in Instantly, and no item was sent after the failure/);
	});

	it('does not offer Parallel Requests on bulk operations', () => {
		const shownFor = new Instantly().description.properties
			.filter((property) => property.name === 'parallelRequests')
			.flatMap((property) => (property.displayOptions?.show?.operation ?? []) as string[]);
		expect(shownFor).toContain('get');
		expect(shownFor).not.toContain('addMany');
		expect(shownFor).not.toContain('createMany');
	});

	describe('workspace lanes: items acting in different workspaces progress independently', () => {
		const LEADS = '/api/v2/leads/';
		const leadIdOf = (number: number) => `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
		const isLeadRequest = (request: RecordedRequest) => request.path.startsWith(LEADS);
		let fake: Awaited<ReturnType<typeof startAgencyFake>> | undefined;

		afterEach(async () => {
			await fake?.close();
			fake = undefined;
		});

		/** Lead › Get once per entry, each acting in the client workspace it names; the fake echoes the lead's ID. */
		async function getLeads(
			workspaces: string[],
			{ parallelRequests, continueOnFail = false, hold }: { parallelRequests: number; continueOnFail?: boolean; hold?: (request: RecordedRequest) => Promise<void> },
		) {
			const answer: AgencyFakeOptions['answer'] = async (request) => {
				if (!isLeadRequest(request)) return undefined;
				await hold?.(request);
				return { status: 200, body: { id: request.path.slice(LEADS.length) } };
			};
			fake = await startAgencyFake({ answer });
			const items: INodeExecutionData[] = workspaces.map((workspace, number) => ({ json: { workspace, leadId: leadIdOf(number) } }));
			return await runNode({
				nodeType: new Instantly(),
				credentials: { apiKey: 'agency-admin-key-0123456789', baseUrl: fake.url },
				parameters: {
					resource: 'lead',
					operation: 'get',
					leadId: (item: INodeExecutionData) => item.json.leadId,
					workspace: 'client',
					clientWorkspace: { __rl: true, mode: 'id', value: (item: INodeExecutionData) => item.json.workspace },
					parallelRequests,
				},
				items,
				continueOnFail,
			});
		}

		it("a workspace waiting on Instantly does not hold back another workspace's items", async () => {
			let globexAnswered!: () => void;
			const globexDone = new Promise<void>((resolve) => (globexAnswered = resolve));
			let globexSeen = 0;
			// Acme's one item is answered only once all four Globex items have reached Instantly: one lane behind the other would never end.
			const { items } = await getLeads([CLIENTS.acme.id, ...Array<string>(4).fill(CLIENTS.globex.id)], {
				parallelRequests: 1,
				hold: async (request) => {
					if (request.actingWorkspace === CLIENTS.acme.id) await globexDone;
					else if (++globexSeen === 4) globexAnswered();
				},
			});

			expect(items.map((item) => item.json.id)).toEqual([0, 1, 2, 3, 4].map(leadIdOf));
			expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		});

		it('Parallel Requests applies per workspace: each has that many in flight, all of them together more; output stays in input order', async () => {
			const workspaces = Array.from({ length: 4 }, () => [CLIENTS.acme.id, CLIENTS.globex.id]).flat();
			const inFlight = new Map<string, number>();
			const peak = new Map<string, number>();
			let total = 0;
			let release!: () => void;
			const allHeld = new Promise<void>((resolve) => (release = resolve));
			// Requests are held until four are waiting at once: two per workspace, or the run never ends.
			const { items } = await getLeads(workspaces, {
				parallelRequests: 2,
				hold: async (request) => {
					const lane = String(request.actingWorkspace);
					inFlight.set(lane, (inFlight.get(lane) ?? 0) + 1);
					peak.set(lane, Math.max(peak.get(lane) ?? 0, inFlight.get(lane)!));
					if (++total === 4) release();
					await allHeld;
					inFlight.set(lane, inFlight.get(lane)! - 1);
				},
			});

			expect(Object.fromEntries(peak)).toEqual({ [CLIENTS.acme.id]: 2, [CLIENTS.globex.id]: 2 });
			expect(items.map((item) => item.json.id)).toEqual(workspaces.map((_, number) => leadIdOf(number)));
			expect(items.map((item) => item.pairedItem)).toEqual(workspaces.map((_, item) => ({ item })));
		});

		it("after a failure no lane starts a new item, and the error names the items applied in every lane", async () => {
			// Item 2's workspace is not an ID, so it fails before anything is sent; Globex's first and Acme's only item were already under way.
			const error = await failure(
				getLeads([CLIENTS.globex.id, '12', CLIENTS.globex.id, CLIENTS.globex.id, CLIENTS.acme.id], { parallelRequests: 1 }),
			);

			expect(error.message).toMatch(/^Client Workspace: "12" is not a valid Instantly ID/);
			expect(error.context.itemIndex).toBe(1);
			expect(fake!.actions().map((request) => [request.actingWorkspace, request.path.slice(LEADS.length)])).toEqual(
				expect.arrayContaining([
					[CLIENTS.globex.id, leadIdOf(0)],
					[CLIENTS.acme.id, leadIdOf(4)],
				]),
			);
			expect(fake!.actions()).toHaveLength(2);
			expect(error.description).toMatch(/Item 2 failed; items 1, 5 had already been sent and applied in Instantly, and no item was sent after the failure/);
		});

		it("with Continue On Fail, an item whose workspace cannot be read fails alone; every lane finishes", async () => {
			const { items } = await getLeads([CLIENTS.acme.id, '', CLIENTS.globex.id, CLIENTS.globex.id, CLIENTS.acme.id], { parallelRequests: 1, continueOnFail: true });

			expect(items[1]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/^Client Workspace is required/) }), pairedItem: { item: 1 } });
			expect(items.map((item) => item.json.id)).toEqual([leadIdOf(0), undefined, leadIdOf(2), leadIdOf(3), leadIdOf(4)]);
		});
	});
});

