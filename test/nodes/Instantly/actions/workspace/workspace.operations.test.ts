import { Instantly } from '../../../../../nodes/Instantly/Instantly.node';
import { ADMIN_WORKSPACE_ID, CLIENTS, startAgencyFake, WORKSPACE_GROUP_MEMBERS } from '../../../../harness/agencyFake';
import { runNode, type ParameterValue } from '../../../../harness/context';
import { failure } from '../../../../harness/failure';

/*
 * Workspace resource, against the local agency fake (the simulator does not model workspace groups
 * yet): four members, Acme and Globex accepted, Initech pending, Umbrella rejected.
 */
let fake: Awaited<ReturnType<typeof startAgencyFake>>;
beforeAll(async () => {
	fake = await startAgencyFake();
});
afterAll(async () => await fake.close());
beforeEach(() => fake.clear());

async function run(parameters: Record<string, ParameterValue>) {
	const { items } = await runNode({
		nodeType: new Instantly(),
		credentials: { apiKey: 'agency-admin-key', baseUrl: fake.url },
		parameters: { resource: 'workspace', ...parameters },
	});
	return items.map((item) => item.json);
}

const names = (members: Array<Record<string, unknown>>) => members.map((member) => member.sub_workspace_name);

describe('Workspace › Get Many Client Workspaces', () => {
	it('returns the accepted members by default, one item each', async () => {
		const members = await run({ operation: 'getAllClients', returnAll: true });
		expect(names(members)).toEqual(['Acme', 'Globex']);
		expect(members[0]).toMatchObject({ sub_workspace_id: CLIENTS.acme.id, status: 'accepted', admin_workspace_id: ADMIN_WORKSPACE_ID });
		expect(fake.requests.map((request) => [request.path, request.query.limit])).toEqual([[WORKSPACE_GROUP_MEMBERS, '100']]);
	});

	it.each([
		['pending', ['Initech']],
		['rejected', ['Umbrella']],
		['any', ['Acme', 'Globex', 'Initech', 'Umbrella']],
	])('filters by status %s', async (status, expected) => {
		expect(names(await run({ operation: 'getAllClients', status, returnAll: true }))).toEqual(expected);
	});

	it('stops at the limit, counting only the members that match', async () => {
		expect(names(await run({ operation: 'getAllClients', limit: 1 }))).toEqual(['Acme']);
		expect(names(await run({ operation: 'getAllClients', status: 'any', limit: 3 }))).toEqual(['Acme', 'Globex', 'Initech']);
		expect(fake.requests[1].query.limit).toBe('3');
	});
});

describe('Workspace › Get Client Workspace', () => {
	it('returns the membership by its ID', async () => {
		const [member] = await run({ operation: 'getClient', memberId: CLIENTS.initech.memberId });
		expect(member).toMatchObject({ sub_workspace_name: 'Initech', status: 'pending' });
		expect(fake.requests.map((request) => request.path)).toEqual([`${WORKSPACE_GROUP_MEMBERS}/${CLIENTS.initech.memberId}`]);
	});

	it('refuses an ID that is no UUID before sending anything', async () => {
		const error = await failure(run({ operation: 'getClient', memberId: 'Acme' }));
		expect(error.message).toMatch(/^Membership ID: /);
		expect(fake.requests).toEqual([]);
	});
});

describe('Workspace › Get Current and Get Admin Workspace', () => {
	it("Get Current is the key's own workspace by default, the client's when one is chosen", async () => {
		expect(await run({ operation: 'getCurrent' })).toEqual([{ id: ADMIN_WORKSPACE_ID, name: 'Current' }]);
		const [client] = await run({ operation: 'getCurrent', workspace: 'client', clientWorkspace: { __rl: true, mode: 'list', value: CLIENTS.globex.id } });
		expect(client.id).toBe(CLIENTS.globex.id);
	});

	it('Get Admin Workspace returns what Instantly says of the admin workspace', async () => {
		expect(await run({ operation: 'getAdmin' })).toEqual([{ workspace_name: 'Undefined', has_admin_workspace: false }]);
		const [ofClient] = await run({ operation: 'getAdmin', workspace: 'client', clientWorkspace: { __rl: true, mode: 'id', value: CLIENTS.acme.id } });
		expect(ofClient).toMatchObject({ workspace_name: 'Agency', has_admin_workspace: true });
	});
});
