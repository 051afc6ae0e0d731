import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();
const ws = () => t.state.id;
const ALEX = 'alex@getacme-mail.com';
const SAM = 'sam+sales@getacme-mail.com';

function seedAccounts() {
	t.sim.addAccount(ws(), { email: ALEX, provider_code: 2, status: 1, warmup_status: 0 });
	t.sim.addAccount(ws(), { email: SAM, provider_code: 3, status: 2, warmup_status: 0 });
}
const account = (email: string) => t.state.accounts.get(email.toLowerCase())!;

describe('Account → Get, Get Many', () => {
	it('gets an account by email, URI-encoding it in the path', async () => {
		seedAccounts();
		t.reset();
		const { items } = await t.run({ resource: 'account', operation: 'get', accountEmail: SAM });
		expect(t.requests()).toEqual([
			{ method: 'GET', path: '/api/v2/accounts/sam%2Bsales%40getacme-mail.com', query: {}, body: undefined },
		]);
		expect(items[0].json).toMatchObject({ email: SAM, status: 2 });
	});

	it('lists accounts by status and provider, up to the limit', async () => {
		seedAccounts();
		t.reset();
		const { items } = await t.run({
			resource: 'account',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { status: 1, providerCode: 2 },
		});
		expect(t.requests()[0].query).toEqual({ limit: '10', status: '1', provider_code: '2' });
		expect(items.map((item) => item.json.email)).toEqual([ALEX]);
	});

	it('returns every account over several pages', async () => {
		for (let index = 0; index < 105; index++) t.sim.addAccount(ws(), { email: `box${index}@getacme-mail.com` });
		t.reset();
		const { items } = await t.run({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(105);
		expect(t.requests()).toHaveLength(2);
	});

	it('refuses a malformed account email before sending', async () => {
		t.reset();
		await expect(t.run({ resource: 'account', operation: 'get', accountEmail: 'alex' })).rejects.toThrow(
			'Account Email: "alex" is not a valid email address',
		);
		expect(t.requests()).toEqual([]);
	});
});

describe('Account → Update, Delete, Pause, Resume', () => {
	it('updates the chosen fields in Instantly’s names', async () => {
		seedAccounts();
		t.reset();
		await t.run({
			resource: 'account',
			operation: 'update',
			accountEmail: ALEX,
			updateFields: { firstName: 'Alex', dailyLimit: 40, sendingGap: 15, warmupLimit: 25, replyTo: 'replies@getacme.com' },
		});
		expect(t.requests()[1]).toMatchObject({
			method: 'PATCH',
			path: '/api/v2/accounts/alex%40getacme-mail.com',
			body: { first_name: 'Alex', daily_limit: 40, sending_gap: 15, warmup: { limit: 25 }, reply_to: 'replies@getacme.com' },
		});
		expect(account(ALEX)).toMatchObject({ first_name: 'Alex', daily_limit: 40, sending_gap: 15 });
		expect((account(ALEX).warmup as { limit: number }).limit).toBe(25);
	});

	it('changes the warmup limit without losing the other warmup settings (Instantly may replace the object)', async () => {
		const warmup = {
			limit: 10,
			advanced: { warm_ctd: true, open_rate: 0.5, important_rate: 0.3, read_emulation: false, spam_save_rate: 0.1, weekday_only: false },
			warmup_custom_ftag: 'acme-warm',
			increment: '2',
			reply_rate: 0.4,
		};
		t.sim.addAccount(ws(), { email: ALEX, warmup });
		t.reset();
		await t.run({ resource: 'account', operation: 'update', accountEmail: ALEX, updateFields: { warmupLimit: 30 } });
		expect(account(ALEX).warmup).toEqual({ ...warmup, limit: 30 });
		expect(t.requests().map(({ method }) => method)).toEqual(['GET', 'PATCH']);
		expect(t.requests()[1].body).toEqual({ warmup: { ...warmup, limit: 30 } });
	});

	it('refuses an empty update and a gap out of range', async () => {
		seedAccounts();
		t.reset();
		await expect(
			t.run({ resource: 'account', operation: 'update', accountEmail: ALEX, updateFields: {} }),
		).rejects.toThrow('choose at least one field');
		await expect(
			t.run({ resource: 'account', operation: 'update', accountEmail: ALEX, updateFields: { sendingGap: 2000 } }),
		).rejects.toThrow('Sending Gap (Minutes) must be a whole number from 0 to 1440');
		expect(t.requests()).toEqual([]);
	});

	it('pauses and resumes accounts (one per item, no body)', async () => {
		seedAccounts();
		t.reset();
		await t.run(
			{ resource: 'account', operation: 'pause', accountEmail: (item) => item.json.email },
			{ items: [{ json: { email: ALEX } }] },
		);
		expect(account(ALEX).status).toBe(2);
		await t.run({ resource: 'account', operation: 'resume', accountEmail: SAM });
		expect(account(SAM).status).toBe(1);
		expect(t.requests().map((request) => `${request.method} ${request.path} ${String(request.body)}`)).toEqual([
			'POST /api/v2/accounts/alex%40getacme-mail.com/pause undefined',
			'POST /api/v2/accounts/sam%2Bsales%40getacme-mail.com/resume undefined',
		]);
	});

	it('deletes an account', async () => {
		seedAccounts();
		const { items } = await t.run({ resource: 'account', operation: 'deleteAccount', accountEmail: SAM });
		expect(items[0].json.email).toBe(SAM);
		expect(t.state.accounts.has(SAM)).toBe(false);
	});
});

describe('Account → Enable Warmup / Disable Warmup', () => {
	it('enables warmup and waits for the background job to finish', async () => {
		seedAccounts();
		t.reset();
		const { items } = await t.run({
			resource: 'account',
			operation: 'enableWarmup',
			accountEmails: `${ALEX}, ${SAM}`,
			waitForCompletion: true,
			timeout: 30,
		});
		const requests = t.requests();
		expect(requests[0]).toEqual({
			method: 'POST',
			path: '/api/v2/accounts/warmup/enable',
			query: {},
			body: { emails: [ALEX, SAM] },
		});
		expect(requests.slice(1).every((request) => request.path === `/api/v2/background-jobs/${String(items[0].json.id)}`)).toBe(true);
		expect(requests.length).toBeGreaterThan(1);
		expect(items[0].json).toMatchObject({
			type: 'update-warmup-accounts',
			status: 'success',
			timedOut: false,
			data: { total_to_process: 2, success_count: 2 },
		});
		expect(account(ALEX).warmup_status).toBe(1);
		expect(account(SAM).warmup_status).toBe(1);
	});

	it('disables warmup and returns the job at once when not waiting', async () => {
		seedAccounts();
		account(ALEX).warmup_status = 1;
		t.reset();
		const { items } = await t.run({
			resource: 'account',
			operation: 'disableWarmup',
			accountEmails: ALEX,
			waitForCompletion: false,
		});
		expect(t.requests()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ type: 'update-warmup-accounts', status: 'pending' });
		expect(items[0].json.timedOut).toBeUndefined();
		await t.sim.runAllTimers();
		expect(account(ALEX).warmup_status).toBe(0);
	});

	it('refuses more than 100 accounts per item', async () => {
		const emails = Array.from({ length: 101 }, (_, index) => `box${index}@getacme-mail.com`).join(',');
		t.reset();
		await expect(
			t.run({ resource: 'account', operation: 'enableWarmup', accountEmails: emails }),
		).rejects.toThrow('Account Emails: at most 100 per item');
		expect(t.requests()).toEqual([]);
	});
});

describe('Account → analytics and vitals', () => {
	it('gets warmup analytics (a POST that reads)', async () => {
		seedAccounts();
		t.reset();
		const { items } = await t.run({ resource: 'account', operation: 'getWarmupAnalytics', accountEmails: ALEX });
		expect(t.requests()[0]).toMatchObject({ method: 'POST', path: '/api/v2/accounts/warmup-analytics', body: { emails: [ALEX] } });
		expect(items[0].json).toHaveProperty(['aggregate_data', ALEX]);
	});

	it('gets daily analytics with dates as YYYY-MM-DD and repeated emails', async () => {
		seedAccounts();
		t.reset();
		const { items } = await t.run({
			resource: 'account',
			operation: 'getDailyAnalytics',
			accountEmails: `${ALEX},${SAM}`,
			startDate: '2025-01-01T10:00:00.000Z',
			endDate: '2025-01-31',
		});
		expect(t.requests()[0]).toMatchObject({
			method: 'GET',
			path: '/api/v2/accounts/analytics/daily',
			query: { emails: [ALEX, SAM], start_date: '2025-01-01', end_date: '2025-01-31' },
		});
		expect(items).toEqual([]);
	});

	it('refuses a start date after the end date', async () => {
		t.reset();
		await expect(
			t.run({ resource: 'account', operation: 'getDailyAnalytics', accountEmails: '', startDate: '2025-02-01', endDate: '2025-01-01' }),
		).rejects.toThrow('Start Date must not be after End Date');
		expect(t.requests()).toEqual([]);
	});

	it('tests vitals of chosen accounts, and refuses none before sending (Instantly answers 400)', async () => {
		seedAccounts();
		t.reset();
		const chosen = await t.run({ resource: 'account', operation: 'testVitals', accountEmails: ALEX });
		expect(t.requests()[0]).toMatchObject({ method: 'POST', path: '/api/v2/accounts/test/vitals', body: { accounts: [ALEX] } });
		expect(chosen.items[0].json).toMatchObject({ status: 'success', success_list: [expect.objectContaining({ domain: 'getacme-mail.com' })] });
		t.reset();
		await expect(t.run({ resource: 'account', operation: 'testVitals', accountEmails: ' , ' })).rejects.toThrow(
			'Account Emails: give at least one email',
		);
		expect(t.requests()).toEqual([]);
	});
});
