import { rl } from '../setup';
import { useSimulator } from '../../../../harness/simulator';
import { ACCOUNT, LEAD, seedInbox } from './inbox';

const t = useSimulator();
/** The test's workspace id (the simulator's add* helpers take it). */
const ws = () => t.state.id;

describe('Email → Get Many', () => {
	it('maps the filters to the query and stops at the limit', async () => {
		const { received } = seedInbox(t);
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {
				eaccount: `${ACCOUNT}, `,
				isUnread: true,
				emailType: 'received',
				latestOfThread: true,
				lead: LEAD,
				search: 'Sounds',
				createdAfter: '2020-01-01T00:00:00.000Z',
			},
		});
		expect(t.requests()).toEqual([
			{
				method: 'GET',
				path: '/api/v2/emails',
				query: {
					limit: '5',
					eaccount: ACCOUNT,
					is_unread: 'true',
					email_type: 'received',
					latest_of_thread: 'true',
					lead: LEAD,
					search: 'Sounds',
					min_timestamp_created: '2020-01-01T00:00:00.000Z',
				},
				body: undefined,
			},
		]);
		expect(items.map((item) => item.json.id)).toEqual([received.id]);
	});

	it('filters by campaign through the locator', async () => {
		const campaignId = await t.campaign();
		t.sim.addAccount(ws(), { email: ACCOUNT });
		const inCampaign = t.sim.addEmail(ws(), { lead: LEAD, campaign_id: campaignId });
		t.sim.addEmail(ws(), { lead: 'other@else.com' });
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignId: rl(campaignId) },
		});
		expect(t.requests()[0].query).toEqual({ limit: '100', campaign_id: campaignId });
		expect(items.map((item) => item.json.id)).toEqual([inCampaign.id]);
	});

	it('filters read emails only, and asks for every email of each thread, sending false', async () => {
		const { thread, received, other } = seedInbox(t);
		await t.api('PATCH', `/api/v2/emails/${other.id}`, { is_unread: 0 });
		t.reset();
		const { items } = await t.run({
			resource: 'email',
			operation: 'getAll',
			returnAll: true,
			filters: { isUnread: 'no', latestOfThread: 'no' },
		});
		expect(t.requests()[0].query).toEqual({ limit: '100', is_unread: 'false', latest_of_thread: 'false' });
		expect(items.map((item) => item.json.id).sort()).toEqual([thread.id, other.id].sort());
		expect(items.map((item) => item.json.id)).not.toContain(received.id);
	});

	it.each([
		['Any (the default)', {}, {}],
		['Any, chosen', { isUnread: 'any', latestOfThread: 'any' }, {}],
		['a saved boolean on (old workflows)', { isUnread: true, latestOfThread: true }, { is_unread: 'true', latest_of_thread: 'true' }],
		['a saved boolean off (old workflows: no filter)', { isUnread: false, latestOfThread: false }, {}],
	])('Read Status and Latest of Thread: %s', async (_case, filters, query) => {
		t.reset();
		await t.run({ resource: 'email', operation: 'getAll', returnAll: false, limit: 1, filters });
		expect(t.requests()[0].query).toEqual({ limit: '1', ...query });
	});

	it('takes a saved false as Any only for the two former booleans: Email Type refuses it', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'getAll', returnAll: true, filters: { emailType: false } }),
		).rejects.toThrow('Email Type: expected one of Received (received), Sent (sent), Sent Manually (manual), got boolean false');
		expect(t.requests()).toEqual([]);
	});

	it('refuses a malformed lead email before sending', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'email', operation: 'getAll', returnAll: true, filters: { lead: 'jane' } }),
		).rejects.toThrow('Lead Email: "jane" is not a valid email address');
		expect(t.requests()).toEqual([]);
	});
});
