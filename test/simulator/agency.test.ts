import {
	AGENCY_CAMPAIGN_NAMES,
	AS_WORKSPACE_HEADER,
	CONTROL_PREFIX,
	seedDemoAgency,
	seedDemoWorkspace,
	startSimulator,
	type CreatedAgency,
	type Simulator,
} from '../../simulator';
import { apiClient, MINIMAL_CAMPAIGN, startReceiver } from '../harness/simulator';

describe('simulator: agency workspace groups', () => {
	let simulator: Simulator;
	let agency: CreatedAgency;
	let admin: ReturnType<typeof apiClient>;
	const ADMIN_KEY = 'agency-admin-key';

	/** The admin's key acting in a client workspace (or with any header value given). */
	const as = (workspaceId: string) => (method: string, path: string, body?: unknown) =>
		admin(method, path, body, { [AS_WORKSPACE_HEADER]: workspaceId });
	const client = (name: string) => {
		const found = agency.clients.find((candidate) => candidate.name === name);
		if (!found) throw new Error(`no client ${name}`);
		return found;
	};
	const refusal = (workspaceId: string) => ({
		status: 403,
		body: { statusCode: 403, error: 'Forbidden', message: `You do not have access to workspace ${workspaceId}` },
	});

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual', deliveryRetryDelayMs: 5 });
	});
	afterAll(() => simulator.close());
	beforeEach(() => {
		simulator.reset();
		agency = simulator.createAgency({
			admin: { apiKey: ADMIN_KEY, name: 'Acme Agency' },
			clients: [
				{ name: 'Client A' },
				{ name: 'Client B' },
				{ name: 'Client Pending', status: 'pending' },
				{ name: 'Client Rejected', status: 'rejected' },
			],
		});
		admin = apiClient(simulator.url, ADMIN_KEY);
	});
	afterEach(() => {
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	describe('x-as-workspace', () => {
		it('acts in an accepted member: GET /workspaces/current answers for it, and the request is recorded there', async () => {
			const clientA = client('Client A');
			const own = await admin('GET', '/api/v2/workspaces/current');
			expect(own.body).toMatchObject({ id: agency.admin.id, name: 'Acme Agency' });
			const acting = await as(clientA.id)('GET', '/api/v2/workspaces/current');
			expect(acting.status).toBe(200);
			expect(acting.body).toMatchObject({ id: clientA.id, name: 'Client A', owner: simulator.workspace(clientA.id).userId });
			expect(simulator.requests.map(({ workspaceId, keyWorkspaceId }) => ({ workspaceId, keyWorkspaceId }))).toEqual([
				{ workspaceId: agency.admin.id, keyWorkspaceId: agency.admin.id },
				{ workspaceId: clientA.id, keyWorkspaceId: agency.admin.id },
			]);
		});

		it('refuses a pending, rejected, unknown or malformed workspace, and the key\'s own, with 403 before anything runs', async () => {
			const refused = [client('Client Pending').id, client('Client Rejected').id, '019a0000-0000-7000-8000-000000000000', 'not-a-uuid', agency.admin.id];
			for (const workspaceId of refused) {
				expect(await as(workspaceId)('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).toEqual(expect.objectContaining(refusal(workspaceId)));
			}
			for (const workspace of simulator.listWorkspaces()) expect(workspace.campaigns.size).toBe(0);
			expect(simulator.requests.map((request) => [request.status, request.workspaceId])).toEqual(refused.map(() => [403, null]));
		});

		it('refuses the header from a key outside the group: a client\'s own key, or another agency\'s admin', async () => {
			const clientA = client('Client A');
			const clientKey = apiClient(simulator.url, clientA.apiKey);
			const sibling = client('Client B').id;
			expect(await clientKey('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: sibling })).toEqual(expect.objectContaining(refusal(sibling)));
			expect(await clientKey('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: agency.admin.id })).toEqual(
				expect.objectContaining(refusal(agency.admin.id)),
			);
			const other = simulator.createAgency({ admin: { apiKey: 'other-admin' }, clients: [{ name: 'Other client' }] });
			const otherAdmin = apiClient(simulator.url, other.admin.apiKey);
			expect(await otherAdmin('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: clientA.id })).toEqual(expect.objectContaining(refusal(clientA.id)));
			expect((await otherAdmin('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: other.clients[0].id })).status).toBe(200);
		});

		it('follows the member\'s status: pending refused, accepted honoured, removed by a rejection', async () => {
			const pending = client('Client Pending');
			expect((await as(pending.id)('GET', '/api/v2/campaigns')).status).toBe(403);
			simulator.setWorkspaceGroupMemberStatus(pending.memberId, 'accepted');
			expect((await as(pending.id)('GET', '/api/v2/campaigns')).status).toBe(200);
			simulator.setWorkspaceGroupMemberStatus(pending.memberId, 'rejected');
			expect((await as(pending.id)('GET', '/api/v2/campaigns')).status).toBe(403);
		});

		it('an empty header acts in the key\'s own workspace, as no header does', async () => {
			const created = await as('')('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN);
			expect(created.status).toBe(200);
			expect(simulator.workspace(ADMIN_KEY).campaigns.has(created.body.id)).toBe(true);
		});

		it('checks the scopes of the admin\'s key and the plan of the acted-in workspace', async () => {
			const clientA = client('Client A');
			simulator.addApiKey(agency.admin.id, 'admin-read-only', ['campaigns:read']);
			const readOnly = apiClient(simulator.url, 'admin-read-only');
			const headers = { [AS_WORKSPACE_HEADER]: clientA.id };
			expect((await readOnly('GET', '/api/v2/campaigns', undefined, headers)).status).toBe(200);
			expect((await readOnly('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN, headers)).status).toBe(403);
			simulator.workspace(clientA.id).paid = false;
			expect((await readOnly('GET', '/api/v2/campaigns', undefined, headers)).status).toBe(402);
			expect((await readOnly('GET', '/api/v2/campaigns')).status).toBe(200);
		});
	});

	it('keeps every resource in the workspace the request acted in', async () => {
		const [clientA, clientB] = [client('Client A'), client('Client B')];
		const inA = as(clientA.id);
		const inB = as(clientB.id);
		const campaign = (await inA('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q3 Outbound' })).body;
		const list = (await inA('POST', '/api/v2/lead-lists', { name: 'Signups' })).body;
		const label = (await inA('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive' })).body;
		const lead = (await inA('POST', '/api/v2/leads', { campaign: campaign.id, email: 'ann@prospect.com' })).body;
		const entry = (await inA('POST', '/api/v2/block-lists-entries', { bl_value: 'blocked.com' })).body;
		const hook = (await inA('POST', '/api/v2/webhooks', { target_hook_url: 'http://127.0.0.1:9/hook', event_type: 'reply_received' })).body;
		const job = (await inA('POST', '/api/v2/leads/move', { campaign: campaign.id, to_campaign_id: campaign.id })).body;
		simulator.addAccount(clientA.id, { email: 'sender@client-a.com' });
		simulator.addEmail(clientA.id, { lead: 'ann@prospect.com', eaccount: 'sender@client-a.com', subject: 'Hello' });

		const stateA = simulator.workspace(clientA.id);
		expect([stateA.campaigns.has(campaign.id), stateA.leadLists.has(list.id), stateA.leadLabels.has(label.id), stateA.leads.has(lead.id)]).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect([stateA.blockListEntries.has(entry.id), stateA.webhooks.has(hook.id), stateA.backgroundJobs.has(job.id)]).toEqual([true, true, true]);
		expect([campaign.organization, hook.organization, lead.organization]).toEqual([clientA.id, clientA.id, clientA.id]);

		const lists = ['/api/v2/campaigns', '/api/v2/lead-lists', '/api/v2/lead-labels', '/api/v2/block-lists-entries', '/api/v2/webhooks', '/api/v2/accounts', '/api/v2/emails'];
		for (const path of lists) {
			expect([path, (await inA('GET', path)).body.items.length]).toEqual([path, 1]);
			expect([path, (await inB('GET', path)).body.items]).toEqual([path, []]);
			expect([path, (await admin('GET', path)).body.items]).toEqual([path, []]);
		}
		expect((await inB('POST', '/api/v2/leads/list', {})).body.items).toEqual([]);
		for (const path of [`/api/v2/campaigns/${campaign.id}`, `/api/v2/leads/${lead.id}`, `/api/v2/webhooks/${hook.id}`, `/api/v2/background-jobs/${job.id}`]) {
			expect([path, (await inB('GET', path)).status, (await admin('GET', path)).status, (await inA('GET', path)).status]).toEqual([path, 404, 404, 200]);
		}
		expect((await inB('PATCH', `/api/v2/campaigns/${campaign.id}`, { name: 'Hijacked' })).status).toBe(404);
		expect(stateA.campaigns.get(campaign.id)?.name).toBe('Q3 Outbound');
	});

	it('delivers a client\'s events to that client\'s webhooks only, from events and from API calls acting there', async () => {
		const receiver = await startReceiver();
		try {
			const [clientA, clientB] = [client('Client A'), client('Client B')];
			const hooks: Record<string, string> = {};
			for (const [name, act] of [
				['A', as(clientA.id)],
				['B', as(clientB.id)],
				['admin', admin],
			] as const) {
				const campaign = (await act('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q3 Outbound' })).body;
				await act('POST', '/api/v2/leads', { campaign: campaign.id, email: 'ann@prospect.com' });
				hooks[name] = (await act('POST', '/api/v2/webhooks', { target_hook_url: `${receiver.url}/${name}`, event_type: 'all_events' })).body.id;
			}
			const results = await simulator.triggerEvent(clientA.id, { event_type: 'reply_received', lead_email: 'ann@prospect.com' });
			expect(results.map((result) => result.webhookId)).toEqual([hooks.A]);
			expect(receiver.received.map((hook) => hook.body.workspace)).toEqual([clientA.id]);

			receiver.received.length = 0;
			const lead = [...simulator.workspace(clientB.id).leads.values()][0];
			await as(clientB.id)('POST', '/api/v2/leads/update-interest-status', { lead_email: lead.email, interest_value: 1, campaign_id: lead.campaign });
			await simulator.waitForIdle();
			expect(receiver.received.map((hook) => [hook.body.event_type, hook.body.workspace])).toEqual([['lead_interested', clientB.id]]);
			expect(simulator.workspace(clientB.id).deliveries.map((delivery) => delivery.webhookId)).toEqual([hooks.B]);
			expect([simulator.workspace(clientA.id).deliveries.length, simulator.workspace(ADMIN_KEY).deliveries.length]).toEqual([1, 0]);
		} finally {
			await receiver.close();
		}
	});

	it('counts rate limits per workspace acted in: one client at its ceiling does not slow another, nor the admin', async () => {
		simulator.setRateLimits({ perSecond: 2, perMinute: 100 });
		const [inA, inB] = [as(client('Client A').id), as(client('Client B').id)];
		const statuses = async (act: typeof admin, count: number) => {
			const answers: number[] = [];
			for (let index = 0; index < count; index++) answers.push((await act('GET', '/api/v2/campaigns')).status);
			return answers;
		};
		expect(await statuses(inA, 3)).toEqual([200, 200, 429]);
		expect(await statuses(inB, 2)).toEqual([200, 200]);
		expect(await statuses(admin, 2)).toEqual([200, 200]);
		expect(await statuses(inB, 1)).toEqual([429]);
		await simulator.advanceClock(1000);
		expect(await statuses(inA, 1)).toEqual([200]);
	});

	describe('workspace group members', () => {
		it('lists the admin\'s members with names and every status, paginated by id like the other lists', async () => {
			const first = await admin('GET', '/api/v2/workspace-group-members?limit=3');
			expect(first.body.items.map((member: { sub_workspace_name: string; status: string }) => [member.sub_workspace_name, member.status])).toEqual([
				['Client A', 'accepted'],
				['Client B', 'accepted'],
				['Client Pending', 'pending'],
			]);
			expect(first.body.items[0]).toEqual({
				id: client('Client A').memberId,
				admin_workspace_id: agency.admin.id,
				admin_workspace_name: 'Acme Agency',
				sub_workspace_id: client('Client A').id,
				sub_workspace_name: 'Client A',
				status: 'accepted',
				timestamp_created: expect.any(String),
				timestamp_updated: expect.any(String),
			});
			expect(first.body.next_starting_after).toBe(client('Client Pending').memberId);
			const second = await admin('GET', `/api/v2/workspace-group-members?limit=3&starting_after=${first.body.next_starting_after}`);
			expect(second.body).toEqual({ items: [expect.objectContaining({ sub_workspace_name: 'Client Rejected', status: 'rejected' })] });
			expect((await admin('GET', '/api/v2/workspace-group-members')).body.items).toHaveLength(4);
		});

		it('has no status filter: the document names none, so the parameter is refused like any unknown one', async () => {
			const response = await admin('GET', '/api/v2/workspace-group-members?status=accepted');
			expect(response.status).toBe(400);
			expect(response.body.message).toBe('querystring must NOT have additional properties');
			simulator.clearRequests();
		});

		it('lists nothing for a client workspace, acting there or with its own key', async () => {
			expect((await as(client('Client A').id)('GET', '/api/v2/workspace-group-members')).body).toEqual({ items: [] });
			expect((await apiClient(simulator.url, client('Client B').apiKey)('GET', '/api/v2/workspace-group-members')).body).toEqual({ items: [] });
		});

		it('gets one member from either of its workspaces, 404 for anyone else', async () => {
			const { memberId, id, apiKey } = client('Client B');
			expect((await admin('GET', `/api/v2/workspace-group-members/${memberId}`)).body).toMatchObject({ id: memberId, sub_workspace_id: id });
			expect((await apiClient(simulator.url, apiKey)('GET', `/api/v2/workspace-group-members/${memberId}`)).body).toMatchObject({ id: memberId });
			const stranger = await as(client('Client A').id)('GET', `/api/v2/workspace-group-members/${memberId}`);
			expect(stranger).toEqual(
				expect.objectContaining({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Workspace group member not found' } }),
			);
		});

		it('GET /workspace-group-members/admin names the admin workspace of an accepted member, and "Undefined" otherwise', async () => {
			const accepted = client('Client A');
			const expected = { workspace_name: 'Acme Agency', has_admin_workspace: true, workspace_group_member_id: accepted.memberId };
			expect((await apiClient(simulator.url, accepted.apiKey)('GET', '/api/v2/workspace-group-members/admin')).body).toEqual(expected);
			expect((await as(accepted.id)('GET', '/api/v2/workspace-group-members/admin')).body).toEqual(expected);
			const none = { workspace_name: 'Undefined', has_admin_workspace: false };
			expect((await admin('GET', '/api/v2/workspace-group-members/admin')).body).toEqual(none);
			expect((await apiClient(simulator.url, client('Client Pending').apiKey)('GET', '/api/v2/workspace-group-members/admin')).body).toEqual(none);
		});
	});

	describe('seeding', () => {
		it('allows a sub-workspace one pending or accepted parent at a time, and refuses unknown statuses', () => {
			const other = simulator.createWorkspace({ name: 'Other admin' });
			expect(() => simulator.addWorkspaceGroupMember(other.id, client('Client A').id, 'pending')).toThrow('already has an active parent');
			expect(simulator.addWorkspaceGroupMember(other.id, client('Client Rejected').id, 'accepted').status).toBe('accepted');
			expect(() => simulator.setWorkspaceGroupMemberStatus(client('Client Rejected').memberId, 'accepted')).toThrow('already has an active parent');
			expect(() => simulator.addWorkspaceGroupMember(agency.admin.id, agency.admin.id)).toThrow('its own group');
			expect(() => simulator.setWorkspaceGroupMemberStatus(client('Client A').memberId, 'left' as never)).toThrow('pending, accepted, rejected');
		});

		it('builds an agency through the control API, and changes a member there', async () => {
			const control = apiClient(simulator.url);
			simulator.reset();
			const created = (
				await control('POST', `${CONTROL_PREFIX}agencies`, { admin: { apiKey: 'ctl-admin', name: 'Ctl Agency' }, clients: [{ name: 'One' }, { name: 'Two', status: 'pending' }] })
			).body;
			expect(created).toEqual({
				admin: { id: expect.any(String), apiKey: 'ctl-admin' },
				clients: [
					{ id: expect.any(String), apiKey: expect.any(String), name: 'One', status: 'accepted', memberId: expect.any(String) },
					{ id: expect.any(String), apiKey: expect.any(String), name: 'Two', status: 'pending', memberId: expect.any(String) },
				],
			});
			const ctlAdmin = apiClient(simulator.url, 'ctl-admin');
			const two = created.clients[1];
			expect((await ctlAdmin('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: two.id })).status).toBe(403);
			expect((await control('POST', `${CONTROL_PREFIX}workspace-group-members/${two.memberId}`, { status: 'accepted' })).body).toMatchObject({ status: 'accepted' });
			expect((await ctlAdmin('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: two.id })).status).toBe(200);
			const loner = simulator.createWorkspace({ name: 'Loner' });
			const added = await control('POST', `${CONTROL_PREFIX}workspace-group-members`, { adminWorkspaceId: 'ctl-admin', subWorkspaceId: loner.id });
			expect(added.body).toMatchObject({ admin_workspace_id: created.admin.id, sub_workspace_id: loner.id, status: 'accepted' });
			expect((await control('POST', `${CONTROL_PREFIX}workspace-group-members/${two.memberId}`, { status: 'gone' })).status).toBe(400);
		});

		it('seedDemoAgency makes the demo workspace the admin of three accepted clients with same-named campaigns, and one pending', async () => {
			simulator.reset();
			const demo = seedDemoWorkspace(simulator, 'demo-key');
			const seeded = seedDemoAgency(simulator, 'demo-key');
			expect(seeded.admin).toEqual(demo);
			expect(seeded.clients.map((member) => member.status)).toEqual(['accepted', 'accepted', 'accepted', 'pending']);
			const demoKey = apiClient(simulator.url, 'demo-key');
			for (const member of seeded.clients.slice(0, 3)) {
				const headers = { [AS_WORKSPACE_HEADER]: member.id };
				const campaigns = (await demoKey('GET', '/api/v2/campaigns', undefined, headers)).body.items;
				expect(campaigns.map((campaign: { name: string }) => campaign.name)).toEqual([...AGENCY_CAMPAIGN_NAMES]);
				const overview = (await demoKey('GET', `/api/v2/campaigns/analytics/overview?id=${campaigns[0].id}`, undefined, headers)).body;
				expect(overview.emails_sent_count).toBeGreaterThan(0);
			}
			const pending = seeded.clients[3];
			expect((await demoKey('GET', '/api/v2/campaigns', undefined, { [AS_WORKSPACE_HEADER]: pending.id })).status).toBe(403);
			expect(simulator.workspace(pending.id).campaigns.size).toBe(0);
		});
	});
});
