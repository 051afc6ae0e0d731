import type { AgencyClient } from '../../../../../simulator';
import { failure } from '../../../../harness/failure';
import { useSimulator, type Parameter } from '../../../../harness/simulator';

/*
 * Workspace resource. The test's workspace, "Agency", is the admin of four members: Acme and Globex
 * accepted, Initech pending, Umbrella rejected.
 */
const t = useSimulator({ name: 'Agency' });
const WORKSPACE_GROUP_MEMBERS = '/api/v2/workspace-group-members';

let acme: AgencyClient;
let globex: AgencyClient;
let initech: AgencyClient;
beforeEach(() => {
	[acme, globex, initech] = t.sim.createAgency({
		admin: t.workspaceId,
		clients: [{ name: 'Acme' }, { name: 'Globex' }, { name: 'Initech', status: 'pending' }, { name: 'Umbrella', status: 'rejected' }],
	}).clients;
});

async function run(parameters: Record<string, Parameter>) {
	const { items } = await t.run({ resource: 'workspace', ...parameters });
	return items.map((item) => item.json);
}

const sent = () => t.sim.requests.map((request) => ({ path: request.path, query: request.query, workspaceId: request.workspaceId }));
const names = (members: Array<Record<string, unknown>>) => members.map((member) => member.sub_workspace_name);

describe('Workspace › Get Many Client Workspaces', () => {
	it('returns the accepted members by default, one item each', async () => {
		const members = await run({ operation: 'getAllClients', returnAll: true });
		expect(names(members)).toEqual(['Acme', 'Globex']);
		expect(members[0]).toEqual({
			id: acme.memberId,
			admin_workspace_id: t.workspaceId,
			admin_workspace_name: 'Agency',
			sub_workspace_id: acme.id,
			sub_workspace_name: 'Acme',
			status: 'accepted',
			timestamp_created: expect.any(String),
			timestamp_updated: expect.any(String),
		});
		expect(sent()).toEqual([{ path: WORKSPACE_GROUP_MEMBERS, query: { limit: '100' }, workspaceId: t.workspaceId }]);
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
		t.reset();
		expect(names(await run({ operation: 'getAllClients', status: 'any', limit: 3 }))).toEqual(['Acme', 'Globex', 'Initech']);
		expect(sent()).toEqual([{ path: WORKSPACE_GROUP_MEMBERS, query: { limit: '3' }, workspaceId: t.workspaceId }]);
	});

	it('reads every page when the members span more than one', async () => {
		t.sim.createAgency({ admin: t.workspaceId, clients: Array.from({ length: 150 }, (_, index) => ({ name: `Client ${index}` })) });
		const members = await run({ operation: 'getAllClients', returnAll: true });
		expect(members).toHaveLength(152);
		expect(sent().map((request) => request.query.limit)).toEqual(['100', '100']);
	});
});

describe('Workspace › Get Client Workspace', () => {
	it('returns the membership by its ID', async () => {
		const [member] = await run({ operation: 'getClient', memberId: initech.memberId });
		expect(member).toMatchObject({ id: initech.memberId, sub_workspace_id: initech.id, sub_workspace_name: 'Initech', status: 'pending' });
		expect(sent()).toEqual([{ path: `${WORKSPACE_GROUP_MEMBERS}/${initech.memberId}`, query: {}, workspaceId: t.workspaceId }]);
	});

	it('refuses an ID that is no UUID before sending anything', async () => {
		const error = await failure(run({ operation: 'getClient', memberId: 'Acme' }));
		expect(error.message).toMatch(/^Membership ID: /);
		expect(sent()).toEqual([]);
	});
});

describe('Workspace › Get Current and Get Admin Workspace', () => {
	const inClient = (id: string) => ({ workspace: 'client', clientWorkspace: { __rl: true, mode: 'list', value: id } });

	it("Get Current is the key's own workspace by default, the client's when one is chosen", async () => {
		const own = await run({ operation: 'getCurrent' });
		expect(own).toEqual([(await t.api('GET', '/api/v2/workspaces/current')).body]);
		expect(own[0]).toMatchObject({ id: t.workspaceId, name: 'Agency' });
		const [client] = await run({ operation: 'getCurrent', ...inClient(globex.id) });
		expect(client).toMatchObject({ id: globex.id, name: 'Globex' });
	});

	it('Get Admin Workspace returns what Instantly says of the admin workspace', async () => {
		expect(await run({ operation: 'getAdmin' })).toEqual([{ workspace_name: 'Undefined', has_admin_workspace: false }]);
		const [ofClient] = await run({ operation: 'getAdmin', workspace: 'client', clientWorkspace: { __rl: true, mode: 'id', value: acme.id } });
		expect(ofClient).toEqual({ workspace_name: 'Agency', has_admin_workspace: true, workspace_group_member_id: acme.memberId });
	});
});
