/**
 * The operations that send calendar days (and a time), run through the node against the simulator. Not a
 * `.test.ts`: `dates.timezones.test.ts` runs it in a jest of its own per `TZ` value, as a
 * process's zone is fixed when it starts and jest's sandbox ignores changes to `process.env.TZ`.
 */
import { Instantly } from '../../../../nodes/Instantly/Instantly.node';
import { runNode } from '../../../harness/context';
import { useSimulator } from '../../../harness/simulator';

/** What n8n's date picker stores: local midnight, no offset. */
const PICKED_START = '2030-01-15T00:00:00';
const PICKED_END = '2025-12-31T00:00:00';

const env = useSimulator();

async function run(parameters: Record<string, unknown>) {
	return await runNode({ nodeType: new Instantly(), credentials: env.credentials, parameters, timezone: 'Europe/Berlin' });
}

function sentDates() {
	return env.sim.requests.map((request) => {
		const schedule = (request.body as { campaign_schedule?: { start_date?: string; end_date?: string } } | undefined)?.campaign_schedule;
		return { path: request.path, ...request.query, ...(schedule ? { start_date: schedule.start_date, end_date: schedule.end_date } : {}) };
	});
}

it(`sends the days the user picked (TZ=${process.env.TZ ?? 'unset'})`, async () => {
	env.sim.addAccount(env.apiKey, { email: 'alex@getacme-mail.com' });
	await run({
		resource: 'campaign',
		operation: 'create',
		name: 'Dates',
		timezone: 'America/Detroit',
		fromTime: '09:00',
		toTime: '17:00',
		days: ['1'],
		additionalFields: { startDate: PICKED_START, endDate: '2030-02-01T00:00:00.000+01:00' },
	});
	await run({
		resource: 'campaign',
		operation: 'getAnalytics',
		analyticsType: 'daily',
		options: { startDate: '2025-12-01T00:00:00', endDate: PICKED_END },
	});
	// A JS Date from an expression (the harness's stand-in for one is a function): 23:30 UTC on
	// 30 November is 1 December on the workflow's Berlin clock.
	const lateOnNovember30 = () => new Date('2025-11-30T23:30:00Z');
	await run({ resource: 'account', operation: 'getDailyAnalytics', startDate: lateOnNovember30, endDate: PICKED_END });
	await run({ resource: 'webhook', operation: 'getDeliveryLog', output: 'summary', filters: { from: '2025-12-01T00:00:00', to: PICKED_END } });
	// A time from the picker is on the workflow's (Berlin) clock: 09:00 there is 08:00 UTC in winter.
	await run({ resource: 'email', operation: 'getAll', returnAll: false, limit: 1, filters: { createdAfter: '2025-01-31T09:00:00' } });

	expect(sentDates()).toEqual([
		{ path: '/api/v2/campaigns', start_date: '2030-01-15', end_date: '2030-02-01' },
		{ path: '/api/v2/campaigns/analytics/daily', start_date: '2025-12-01', end_date: '2025-12-31' },
		{ path: '/api/v2/accounts/analytics/daily', start_date: '2025-12-01', end_date: '2025-12-31' },
		{ path: '/api/v2/webhook-events/summary', from: '2025-12-01', to: '2025-12-31' },
		{ path: '/api/v2/emails', limit: '1', min_timestamp_created: '2025-01-31T08:00:00.000Z' },
	]);
	expect(env.sim.invalidRequests).toEqual([]);
});
