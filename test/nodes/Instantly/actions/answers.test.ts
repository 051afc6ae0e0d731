import { useSimulator, type Parameter } from '../../../harness/simulator';
import { rl } from './setup';

const t = useSimulator();

const ACCOUNT = 'alex@getacme-mail.com';

interface Case {
	/** Sets up the record the operation acts on; returns its parameters and what the output names. */
	setup(): Promise<{ parameters: Record<string, Parameter>; actedOn: Record<string, string> }>;
	method: string;
	path: string;
}

// One operation per resource that acts on a record by id (plus the thread), each answered empty or as text.
const CASES: Record<string, Case> = {
	'Lead › Delete': {
		method: 'DELETE',
		path: '/api/v2/leads/{id}',
		async setup() {
			const [id] = await t.leads(1, { campaign_id: await t.campaign() });
			return { parameters: { resource: 'lead', operation: 'deleteLead', leadId: id }, actedOn: { id } };
		},
	},
	'Campaign › Pause': {
		method: 'POST',
		path: '/api/v2/campaigns/{id}/pause',
		async setup() {
			const id = await t.campaign();
			return { parameters: { resource: 'campaign', operation: 'pause', campaignId: rl(id) }, actedOn: { id } };
		},
	},
	'Block List Entry › Delete': {
		method: 'DELETE',
		path: '/api/v2/block-lists-entries/{id}',
		async setup() {
			const { id } = (await t.api('POST', '/api/v2/block-lists-entries', { bl_value: 'spam.com' })).body;
			return { parameters: { resource: 'blockListEntry', operation: 'deleteEntry', entryId: id }, actedOn: { id } };
		},
	},
	'Email › Mark Thread As Read': {
		method: 'POST',
		path: '/api/v2/emails/threads/{thread_id}/mark-as-read',
		async setup() {
			t.sim.addAccount(t.state.id, { email: ACCOUNT });
			const email = t.sim.addEmail(t.state.id, { lead: 'lead@example.com', eaccount: ACCOUNT, subject: 'Hi' });
			const threadId = String(email.thread_id);
			return {
				parameters: { resource: 'email', operation: 'markThreadAsRead', threadId },
				actedOn: { thread_id: threadId },
			};
		},
	},
	'Account › Pause': {
		method: 'POST',
		path: '/api/v2/accounts/{email}/pause',
		async setup() {
			t.sim.addAccount(t.state.id, { email: ACCOUNT });
			return { parameters: { resource: 'account', operation: 'pause', accountEmail: ACCOUNT }, actedOn: { email: ACCOUNT } };
		},
	},
	'Lead List › Delete': {
		method: 'DELETE',
		path: '/api/v2/lead-lists/{id}',
		async setup() {
			const id = await t.list();
			return { parameters: { resource: 'leadList', operation: 'deleteList', listId: rl(id) }, actedOn: { id } };
		},
	},
	'Lead Label › Delete': {
		method: 'DELETE',
		path: '/api/v2/lead-labels/{id}',
		async setup() {
			const { id } = (await t.api('POST', '/api/v2/lead-labels', { label: 'Hot', interest_status_label: 'positive' })).body;
			return { parameters: { resource: 'leadLabel', operation: 'deleteLabel', labelId: id }, actedOn: { id } };
		},
	},
	'Webhook › Resume': {
		method: 'POST',
		path: '/api/v2/webhooks/{id}/resume',
		async setup() {
			const { id } = (
				await t.api('POST', '/api/v2/webhooks', { target_hook_url: 'https://example.com/hook', event_type: 'reply_received' })
			).body;
			return { parameters: { resource: 'webhook', operation: 'resume', webhookId: id }, actedOn: { id } };
		},
	},
};

const ANSWERS = [
	['204 No Content', { status: 204 }, {}],
	['an empty 200', { status: 200 }, {}],
	['a text/plain "OK"', { status: 200, text: 'OK' }, { response: 'OK' }],
] as const;

describe.each(Object.entries(CASES))('%s', (_name, { setup, method, path }) => {
	it.each(ANSWERS)('turns %s into { success: true } naming what it acted on', async (_answer, fault, extra) => {
		const { parameters, actedOn } = await setup();
		t.sim.injectFault({ method, path, kind: 'answer', ...fault });

		const { items } = await t.run(parameters);

		expect(items).toEqual([{ json: { success: true, ...actedOn, ...extra }, pairedItem: { item: 0 } }]);
	});
});

describe('operations without an id', () => {
	it('turn an empty answer into { success: true } too (Email › Count Unread)', async () => {
		t.sim.injectFault({ method: 'GET', path: '/api/v2/emails/unread/count', kind: 'answer', status: 204 });
		const { items } = await t.run({ resource: 'email', operation: 'countUnread' });
		expect(items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
	});
});

describe('operations that add fields of their own to the answer', () => {
	it('do not spread a text answer (Lead › Update Interest Status)', async () => {
		t.sim.injectFault({ method: 'POST', path: '/api/v2/leads/update-interest-status', kind: 'answer', text: 'OK' });
		const { items } = await t.run({
			resource: 'lead',
			operation: 'updateInterestStatus',
			leadEmail: 'jane@example.com',
			interestStatus: 1,
		});
		expect(items[0].json).toEqual({ success: true, response: 'OK', lead_email: 'jane@example.com', interest_value: 1 });
	});

	it('turn an empty answer into { success: true } plus the address (Email Verification › Verify)', async () => {
		t.sim.injectFault({ method: 'POST', path: '/api/v2/email-verification', kind: 'answer', status: 204 });
		const { items } = await t.run({ resource: 'emailVerification', operation: 'verify', email: 'jane@example.com' });
		expect(items[0].json).toEqual({ success: true, email: 'jane@example.com', timedOut: false });
	});

	it('turn an empty answer into { success: true } plus what was asked (Lead › Delete Many)', async () => {
		const list = await t.list();
		t.sim.injectFault({ method: 'DELETE', path: '/api/v2/leads', kind: 'answer', status: 204 });
		const { items } = await t.run({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'list',
			listId: { __rl: true, mode: 'id', value: list },
			selectBy: 'limit',
			maxLeads: 5,
		});
		expect(items[0].json).toEqual({ success: true, list_id: list, limit: 5 });
	});
});
