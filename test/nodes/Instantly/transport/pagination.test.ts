import http from 'http';
import type { AddressInfo } from 'net';

import { endpoints } from '../../../../nodes/Instantly/transport/endpoints';
import { fetchAll, paginate } from '../../../../nodes/Instantly/transport/pagination';
import { instantlyApiRequest } from '../../../../nodes/Instantly/transport/request';
import { executeContext } from '../../../harness/context';
import { bareNodeType, useSimulator } from '../../../harness/simulator';

const env = useSimulator();

const transport = (baseUrl = env.sim.url) =>
	executeContext({ nodeType: bareNodeType, credentials: { apiKey: env.apiKey, baseUrl }, parameters: {} }).context;

const pageRequests = () => env.sim.requests.filter((request) => request.template === '/api/v2/block-lists-entries');

beforeEach(async () => {
	const values = Array.from({ length: 250 }, (_, i) => `blocked-${i}@example.com`);
	await instantlyApiRequest.call(transport(), endpoints.createBlockListEntries, { body: { bl_values: values.slice(0, 200) } });
	await instantlyApiRequest.call(transport(), endpoints.createBlockListEntries, { body: { bl_values: values.slice(200) } });
});

beforeEach(() => env.sim.clearRequests());

describe('paginate', () => {
	it('reads every page of 100 with the cursor in the query when no limit is given', async () => {
		const entries = (await fetchAll.call(transport(), endpoints.listBlockListEntries)) as Array<{ id: string }>;
		expect(entries).toHaveLength(250);
		expect(new Set(entries.map((entry) => entry.id)).size).toBe(250);
		const requests = pageRequests();
		expect(requests).toHaveLength(3);
		expect(requests.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
		expect(requests[0].query.starting_after).toBeUndefined();
		expect(requests[1].query.starting_after).toBeDefined();
	});

	it('asks for only what the limit still needs and stops there', async () => {
		expect(await fetchAll.call(transport(), endpoints.listBlockListEntries, { limit: 30 })).toHaveLength(30);
		expect(pageRequests().map((request) => request.query.limit)).toEqual(['30']);

		env.sim.clearRequests();
		expect(await fetchAll.call(transport(), endpoints.listBlockListEntries, { limit: 130 })).toHaveLength(130);
		expect(pageRequests().map((request) => request.query.limit)).toEqual(['100', '30']);
	});

	it('stops reading when the consumer stops', async () => {
		for await (const entry of paginate.call(transport(), endpoints.listBlockListEntries)) {
			expect(entry).toBeDefined();
			break;
		}
		expect(pageRequests()).toHaveLength(1);
	});

	it('keeps filters beside the cursor, and puts the cursor in the body of POST lists', async () => {
		const list = (await instantlyApiRequest.call(transport(), endpoints.createLeadList, {
			body: { name: 'Paged' },
		})) as { id: string };
		const leads = Array.from({ length: 150 }, (_, i) => ({ email: `paged-${i}@example.com` }));
		await instantlyApiRequest.call(transport(), endpoints.addLeads, { body: { list_id: list.id, leads } });
		env.sim.clearRequests();

		const found = await fetchAll.call(transport(), endpoints.listLeads, { body: { list_id: list.id } });
		expect(found).toHaveLength(150);
		const requests = env.sim.requests.filter((request) => request.template === '/api/v2/leads/list');
		expect(requests).toHaveLength(2);
		expect(requests[0].body).toEqual({ list_id: list.id, limit: 100 });
		expect(requests[1].body).toEqual({ list_id: list.id, limit: 100, starting_after: expect.any(String) });
		expect(requests[1].query).toEqual({});
	});
});

describe('paginate against a server that repeats its cursor', () => {
	// Instantly has never been seen to do this, but a loop on a repeated cursor would never end.
	let server: http.Server;
	let requests = 0;

	beforeAll(async () => {
		server = http.createServer((_request, response) => {
			requests++;
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ items: [{ id: `item-${requests}` }], next_starting_after: 'same-cursor' }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('stops at the first cursor it has already followed', async () => {
		const { port } = server.address() as AddressInfo;
		const items = (await fetchAll.call(transport(`http://127.0.0.1:${port}`), endpoints.listCampaigns)) as Array<{ id: string }>;
		expect(items.map((item) => item.id)).toEqual(['item-1', 'item-2']);
		expect(requests).toBe(2);
	});
});
