import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { searchCampaigns } from '../../../../nodes/Instantly/methods/listSearch';
import { AS_WORKSPACE_HEADER, type CreatedAgency } from '../../../../simulator';
import { loadOptionsContext } from '../../../harness/context';
import { MINIMAL_CAMPAIGN } from '../../../harness/simulator';
import { campaignLocator, describeEachVersion, KEY, trigger, useTriggerHarness } from './setup';

/*
 * The trigger in an agency: the harness's key is the admin workspace of two accepted clients, one
 * pending and one rejected. Each test asserts where Instantly holds the webhooks, not just what
 * the node stored.
 */
const t = useTriggerHarness();
const { newWorkflow, hook, activate, registration, productionUrl } = t;

const rl = (value: unknown) => ({ __rl: true, mode: 'id', value });
const inClient = (id: unknown) => ({ workspace: 'client', clientWorkspace: rl(id) });

let agency: CreatedAgency;
const client = (name: string) => {
	const found = agency.clients.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no client ${name}`);
	return found;
};
/** The webhooks Instantly holds in a workspace (id or API key). */
const webhooksIn = (workspace: string) => [...t.sim.workspace(workspace).webhooks.values()];
/** How many webhooks each workspace of the simulator holds, by name. */
const webhookCounts = () => Object.fromEntries(t.sim.listWorkspaces().map((workspace) => [workspace.name, workspace.webhooks.size]));
/** The workspaces the webhook requests acted in, as method, path template and workspace id. */
const webhookRequests = () =>
	t.sim.requests
		.filter((request) => request.template?.startsWith('/api/v2/webhooks'))
		.map((request) => [request.method, request.template, request.workspaceId]);
/** The admin's key acting in a client workspace. */
const as = (workspaceId: string) => (method: string, path: string, body?: unknown) =>
	t.api(method, path, body, { [AS_WORKSPACE_HEADER]: workspaceId });

function useAgency() {
	beforeEach(() => {
		agency = t.sim.createAgency({
			admin: KEY,
			clients: [
				{ name: 'Client A' },
				{ name: 'Client B' },
				{ name: 'Client Pending', status: 'pending' },
				{ name: 'Client Rejected', status: 'rejected' },
			],
		});
	});
}

describeEachVersion(() => {
	describe('in a client workspace', () => {
		useAgency();

		it('creates, checks, repairs and deletes the webhooks inside the client workspace, none in the admin workspace or another client', async () => {
			const clientA = client('Client A');
			const workflow = newWorkflow({ ...inClient(clientA.id), events: ['reply_received', 'email_sent'] });
			expect(await hook('checkExists', workflow)).toBe(false);
			expect(await hook('create', workflow)).toBe(true);

			const stored = registration(workflow);
			expect(stored).toMatchObject({ workspace: clientA.id, url: productionUrl(workflow), events: ['reply_received', 'email_sent'] });
			expect(webhooksIn(clientA.id).map((webhook) => webhook.id).sort()).toEqual(stored.webhooks.map((webhook) => webhook.id).sort());
			expect(webhooksIn(clientA.id).map((webhook) => webhook.name)).toEqual([
				'n8n · Reply router (workflow wf-42) · Reply Received',
				'n8n · Reply router (workflow wf-42) · Email Sent',
			]);
			expect(webhookCounts()).toEqual({ 'Trigger tests': 0, 'Client A': 2, 'Client B': 0, 'Client Pending': 0, 'Client Rejected': 0 });
			// The membership check asks the key's own workspace; every webhook request acts in the client's.
			expect(t.sim.requests[0]).toMatchObject({ template: '/api/v2/workspace-group-members', workspaceId: agency.admin.id });
			expect(webhookRequests()).toEqual([
				['POST', '/api/v2/webhooks', clientA.id],
				['POST', '/api/v2/webhooks', clientA.id],
			]);

			t.sim.clearRequests();
			const [first] = stored.webhooks;
			Object.assign(t.sim.workspace(clientA.id).webhooks.get(first.id)!, { status: -1, timestamp_error: new Date().toISOString() });
			expect(await hook('checkExists', workflow)).toBe(true);
			expect(webhooksIn(clientA.id).map((webhook) => webhook.status)).toEqual([1, 1]);
			expect(webhookRequests()).toEqual([
				['GET', '/api/v2/webhooks/{id}', clientA.id],
				['GET', '/api/v2/webhooks/{id}', clientA.id],
				['POST', '/api/v2/webhooks/{id}/resume', clientA.id],
			]);
			expect(registration(workflow)).toEqual(stored);

			t.sim.clearRequests();
			expect(await hook('delete', workflow)).toBe(true);
			expect(webhookCounts()).toEqual({ 'Trigger tests': 0, 'Client A': 0, 'Client B': 0, 'Client Pending': 0, 'Client Rejected': 0 });
			expect(webhookRequests()).toEqual([
				['DELETE', '/api/v2/webhooks/{id}', clientA.id],
				['DELETE', '/api/v2/webhooks/{id}', clientA.id],
			]);
			expect(workflow.staticData).toEqual({});
		});

		it('recreates a webhook deleted in the client workspace there', async () => {
			const clientA = client('Client A');
			const workflow = newWorkflow({ ...inClient(clientA.id), events: ['reply_received'] });
			await activate(workflow);
			await as(clientA.id)('DELETE', `/api/v2/webhooks/${registration(workflow).webhooks[0].id}`);

			await activate(workflow);
			expect(webhooksIn(clientA.id)).toHaveLength(1);
			expect(registration(workflow).webhooks.map((webhook) => webhook.id)).toEqual([webhooksIn(clientA.id)[0].id]);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client B': 0 });
		});

		it('filters by a campaign of the client workspace, and refuses one of the admin workspace as not found there', async () => {
			const clientA = client('Client A');
			const campaign = (await as(clientA.id)('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q3 Outbound' })).body.id as string;
			const workflow = newWorkflow({ ...inClient(clientA.id), events: ['reply_received'], campaign: campaignLocator(campaign) });
			await activate(workflow);
			expect(webhooksIn(clientA.id).map((webhook) => webhook.campaign)).toEqual([campaign]);

			const elsewhere = newWorkflow({ ...inClient(clientA.id), events: ['reply_received'], campaign: campaignLocator(t.campaignId) }, { id: 'wf-43', name: 'Elsewhere' });
			await expect(hook('create', elsewhere)).rejects.toThrow(`Campaign: campaign ${t.campaignId} not found in this workspace`);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 1 });
		});

		it('deletes in the stored workspace when the parameter changed since activation, and creates in the new one', async () => {
			const [clientA, clientB] = [client('Client A'), client('Client B')];
			const workflow = newWorkflow({ ...inClient(clientA.id), events: ['reply_received'] });
			await activate(workflow);

			// n8n deactivates with the parameters as they are now.
			workflow.parameters = { ...inClient(clientB.id), events: ['reply_received'] };
			t.sim.clearRequests();
			expect(await hook('delete', workflow)).toBe(true);
			expect(webhookRequests()).toEqual([['DELETE', '/api/v2/webhooks/{id}', clientA.id]]);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 0, 'Client B': 0 });

			await activate(workflow);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 0, 'Client B': 1 });
			expect(registration(workflow).workspace).toBe(clientB.id);

			// A restart (n8n 1.x checks on every start) after the parameter moved to the key's own workspace.
			workflow.parameters = { events: ['reply_received'] };
			t.sim.clearRequests();
			await activate(workflow);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 1, 'Client A': 0, 'Client B': 0 });
			expect(registration(workflow).workspace).toBeNull();
			// The list looks for leftovers of the old set, in its workspace too.
			expect(webhookRequests()).toEqual([
				['GET', '/api/v2/webhooks', clientB.id],
				['DELETE', '/api/v2/webhooks/{id}', clientB.id],
				['POST', '/api/v2/webhooks', agency.admin.id],
			]);
			expect(t.sim.requests.every((request) => request.headers[AS_WORKSPACE_HEADER] === undefined || request.workspaceId === clientB.id)).toBe(true);
		});

		it('a workflow per client: client A\'s events start only A\'s workflow', async () => {
			const [clientA, clientB] = [client('Client A'), client('Client B')];
			const workflows = {
				A: newWorkflow({ ...inClient(clientA.id), events: ['reply_received'] }, { id: 'wf-a', name: 'Replies of A' }),
				B: newWorkflow({ ...inClient(clientB.id), events: ['reply_received'] }, { id: 'wf-b', name: 'Replies of B' }),
				own: newWorkflow({ events: ['reply_received'] }, { id: 'wf-own', name: 'Own replies' }),
			};
			for (const workflow of Object.values(workflows)) await activate(workflow);
			for (const { id } of [clientA, clientB]) {
				const campaign = (await as(id)('POST', '/api/v2/campaigns', MINIMAL_CAMPAIGN)).body.id as string;
				await as(id)('POST', '/api/v2/leads', { campaign, email: 'ann@prospect.com' });
			}

			await t.sim.triggerEvent(clientA.id, { event_type: 'reply_received', lead_email: 'ann@prospect.com' });
			const workspacesOf = (executions: INodeExecutionData[][]) => executions.map((items) => (items[0].json as IDataObject).workspace);
			expect(workspacesOf(workflows.A.executions)).toEqual([clientA.id]);
			expect([workflows.B.executions, workflows.own.executions]).toEqual([[], []]);

			await t.sim.triggerEvent(clientB.id, { event_type: 'reply_received', lead_email: 'ann@prospect.com' });
			expect(workspacesOf(workflows.B.executions)).toEqual([clientB.id]);
			expect([workflows.A.executions.length, workflows.own.executions.length]).toEqual([1, 0]);
		});

		it('resolves an expression in the Client Workspace once, at activation, with no input item', async () => {
			const clientB = client('Client B');
			const fromVariable = newWorkflow({ workspace: 'client', clientWorkspace: rl(() => clientB.id), events: ['reply_received'] });
			await activate(fromVariable);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client B': 1 });
			expect(registration(fromVariable).workspace).toBe(clientB.id);

			const fromItem = newWorkflow(
				{ workspace: 'client', clientWorkspace: rl((item: INodeExecutionData) => item.json.sub_workspace_id), events: ['reply_received'] },
				{ id: 'wf-43', name: 'From an item' },
			);
			t.sim.clearRequests();
			await expect(hook('create', fromItem)).rejects.toThrow('Client Workspace is required');
			expect(t.sim.requests).toEqual([]);
		});

		it.each([
			['Client Pending', "its invitation to the API key's workspace group is still pending"],
			['Client Rejected', "it rejected the invitation to the API key's workspace group"],
		])('%s: a clear error at activation naming the workspace and the reason; nothing created anywhere', async (name, reason) => {
			const refused = client(name);
			const workflow = newWorkflow({ ...inClient(refused.id), events: ['reply_received', 'email_sent'] });
			expect(await hook('checkExists', workflow)).toBe(false);
			await expect(hook('create', workflow)).rejects.toThrow(`Client workspace "${name}" (${refused.id}) is not available: ${reason}`);
			expectNothingRegistered(workflow.staticData);
		});

		it('an unknown workspace: a clear error naming it; nothing created anywhere, an earlier set left in place', async () => {
			const clientA = client('Client A');
			const workflow = newWorkflow({ ...inClient(clientA.id), events: ['reply_received'] });
			await activate(workflow);
			const unknown = '019a0000-0000-7000-8000-000000000000';
			workflow.parameters = { ...inClient(unknown), events: ['reply_received'] };
			t.sim.clearRequests();
			await expect(hook('create', workflow)).rejects.toThrow(
				`Client workspace ${unknown} is not available: it is not a member of the API key's workspace group`,
			);
			expect(t.sim.requests.map((request) => request.template)).toEqual(['/api/v2/workspace-group-members']);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 1 });
			expect(registration(workflow).workspace).toBe(clientA.id);
		});

		it('one template for every client: the client workspace and the campaign by name, resolved at activation and stored as IDs', async () => {
			const [clientA, clientB] = [client('Client A'), client('Client B')];
			const campaigns: Record<string, string> = {};
			for (const { id } of [clientA, clientB]) {
				campaigns[id] = (await as(id)('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q3 Outbound' })).body.id as string;
				await as(id)('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q2 Outbound' });
			}
			const template = (clientName: string) => ({
				workspace: 'client',
				clientWorkspace: { __rl: true, mode: 'name', value: clientName },
				campaign: { __rl: true, mode: 'name', value: ' q3 outbound' },
				events: ['reply_received'],
			});
			const workflowA = newWorkflow(template('client a'), { id: 'wf-a', name: 'Template for A' });
			const workflowB = newWorkflow(template('Client B '), { id: 'wf-b', name: 'Template for B' });
			await activate(workflowA);
			await activate(workflowB);

			expect(registration(workflowA)).toMatchObject({ workspace: clientA.id, campaign: campaigns[clientA.id] });
			expect(registration(workflowB)).toMatchObject({ workspace: clientB.id, campaign: campaigns[clientB.id] });
			expect(webhooksIn(clientA.id).map((webhook) => webhook.campaign)).toEqual([campaigns[clientA.id]]);
			expect(webhooksIn(clientB.id).map((webhook) => webhook.campaign)).toEqual([campaigns[clientB.id]]);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 1, 'Client B': 1 });

			// Deliveries are filtered on the campaign found at activation, without another lookup.
			t.sim.clearRequests();
			const leadIn = async (workspaceId: string, campaign: string, email: string) =>
				await as(workspaceId)('POST', '/api/v2/leads', { campaign, email });
			const other = (await as(clientA.id)('GET', '/api/v2/campaigns?search=Q2')).body.items[0].id as string;
			await leadIn(clientA.id, campaigns[clientA.id], 'ann@prospect.com');
			await leadIn(clientA.id, other, 'bob@prospect.com');
			t.sim.clearRequests();
			await t.sim.triggerEvent(clientA.id, { event_type: 'reply_received', lead_email: 'ann@prospect.com' });
			await t.sim.triggerEvent(clientA.id, { event_type: 'reply_received', lead_email: 'bob@prospect.com' });
			expect(workflowA.executions.map(([item]) => item.json.lead_email)).toEqual(['ann@prospect.com']);
			expect(workflowB.executions).toEqual([]);
			expect(t.sim.requests.filter((request) => request.template === '/api/v2/campaigns')).toEqual([]);

			// A check on restart finds the set intact; deactivation deletes it where it lives.
			expect(await hook('checkExists', workflowA)).toBe(true);
			expect(await hook('delete', workflowA)).toBe(true);
			expect(await hook('delete', workflowB)).toBe(true);
			expect(webhookCounts()).toMatchObject({ 'Trigger tests': 0, 'Client A': 0, 'Client B': 0 });
		});

		it.each([
			[
				'no client workspace has the name',
				'Client Z',
				'Client Workspace: no client workspace named "Client Z" in the API key\'s workspace group',
			],
			['a pending client workspace has it', 'client pending', 'is not available: its invitation to the API key\'s workspace group is still pending'],
		])('a Client Workspace by name that %s: a clear error, nothing created anywhere', async (_case, name, message) => {
			const workflow = newWorkflow({ workspace: 'client', clientWorkspace: { __rl: true, mode: 'name', value: name }, events: ['reply_received'] });
			await expect(hook('create', workflow)).rejects.toThrow(message);
			expectNothingRegistered(workflow.staticData);
		});

		it('a campaign by name that the client workspace lacks: the error names it and the campaigns there', async () => {
			const clientA = client('Client A');
			await as(clientA.id)('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Q2 Outbound' });
			t.sim.clearRequests();
			const workflow = newWorkflow({ ...inClient(clientA.id), campaign: { __rl: true, mode: 'name', value: 'Q3 Outbound' }, events: ['reply_received'] });
			const error = await hook('create', workflow).catch((caught: unknown) => caught as Error & { description?: string });
			expect(error).toMatchObject({
				message: `Campaign: no campaign named "Q3 Outbound" in client workspace ${clientA.id}`,
				description: 'Names are compared ignoring case and surrounding spaces. Its campaigns are "Q2 Outbound".',
			});
			expectNothingRegistered(workflow.staticData);
		});

		it('lists the campaigns of the chosen client workspace in the campaign picker', async () => {
			const clientA = client('Client A');
			await as(clientA.id)('POST', '/api/v2/campaigns', { ...MINIMAL_CAMPAIGN, name: 'Only in A' });
			const { context } = loadOptionsContext(
				{ nodeType: trigger, credentials: { apiKey: KEY, baseUrl: t.sim.url }, parameters: {} },
				{ ...inClient(clientA.id), events: ['reply_received'] },
			);
			const listed = await searchCampaigns.call(context);
			expect(listed.results.map((result) => result.name)).toEqual(['Only in A']);
		});
	});

	describe('with a key that is not an admin key', () => {
		it('refuses a client workspace of another agency, naming it; nothing created anywhere', async () => {
			const stranger = t.sim.createAgency({ admin: { apiKey: 'other-agency-key' }, clients: [{ name: 'Not ours' }] }).clients[0];
			const workflow = newWorkflow({ ...inClient(stranger.id), events: ['reply_received'] });
			await expect(hook('create', workflow)).rejects.toThrow(
				`Client workspace ${stranger.id} is not available: it is not a member of the API key's workspace group`,
			);
			expectNothingRegistered(workflow.staticData);
		});
	});

	it('a registration stored before the Workspace choice existed stays intact, in the key\'s own workspace', async () => {
		const workflow = newWorkflow({ events: ['reply_received'] });
		await activate(workflow);
		const stored = registration(workflow);
		delete (stored as IDataObject).workspace;
		t.sim.clearRequests();
		expect(await hook('checkExists', workflow)).toBe(true);
		expect(webhookRequests()).toEqual([['GET', '/api/v2/webhooks/{id}', t.sim.workspace(KEY).id]]);
		expect(await hook('delete', workflow)).toBe(true);
		expect(webhooksIn(KEY)).toEqual([]);
	});
});

/** No webhook in any workspace, none asked for, nothing stored. */
function expectNothingRegistered(staticData: IDataObject) {
	for (const workspace of t.sim.listWorkspaces()) expect([workspace.name, workspace.webhooks.size]).toEqual([workspace.name, 0]);
	expect(t.sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	expect(staticData).toEqual({});
}
