import { seedDemoWorkspace } from '../../simulator';
import { apiClient, useSimulator } from '../harness/simulator';

describe('simulator: accounts', () => {
	const KEY = 'accounts-key';
	const env = useSimulator({ apiKey: KEY });

	const finishJob = async (id: string) => {
		await env.sim.runAllTimers();
		return (await env.api('GET', `/api/v2/background-jobs/${id}`)).body;
	};

	it('seeds three accounts in the demo workspace and gets one by its URI-encoded email', async () => {
		seedDemoWorkspace(env.sim, 'demo-accounts');
		const demo = apiClient(env.sim.url, 'demo-accounts');
		const list = await demo('GET', '/api/v2/accounts?limit=100');
		expect(list.body.items.map((account: { email: string }) => account.email)).toEqual([
			'alex@getacme-mail.com',
			'sam@getacme-mail.com',
			'partners@getacme-mail.com',
		]);
		const one = await demo('GET', `/api/v2/accounts/${encodeURIComponent('sam@getacme-mail.com')}`);
		expect(one.body).toMatchObject({ email: 'sam@getacme-mail.com', provider_code: 3, status: 1, warmup_status: 1 });
		expect((await demo('GET', '/api/v2/accounts/nobody%40nowhere.com')).status).toBe(404);
		const daily = await demo('GET', `/api/v2/accounts/analytics/daily?emails=alex@getacme-mail.com`);
		expect(daily.body).toHaveLength(1);
		expect(daily.body[0]).toMatchObject({ email_account: 'alex@getacme-mail.com', sent: 8, contacted: 8, replies: 2 });
	});

	it('filters by status, provider, tags and search, and pages with the timestamp&email cursor', async () => {
		env.sim.addAccount(KEY, { email: 'a1@acme.io', provider_code: 2, tag_ids: ['tag-a'] });
		env.sim.addAccount(KEY, { email: 'a2@acme.io', provider_code: 3, status: -1, tag_ids: ['tag-a', 'tag-b'] });
		env.sim.addAccount(KEY, { email: 'b3@other.io', provider_code: 2, first_name: 'Bea' });
		const emails = async (query: string) =>
			(await env.api('GET', `/api/v2/accounts${query}`)).body.items.map((account: { email: string }) => account.email);
		expect(await emails('?provider_code=2')).toEqual(['a1@acme.io', 'b3@other.io']);
		expect(await emails('?status=-1')).toEqual(['a2@acme.io']);
		expect(await emails('?tag_ids=tag-b,tag-x')).toEqual(['a2@acme.io']);
		expect(await emails('?tag_ids_all=tag-a,tag-b')).toEqual(['a2@acme.io']);
		expect(await emails('?search=bea')).toEqual(['b3@other.io']);
		expect(await emails('?filter=ACC_FILTER_ERROR')).toEqual(['a2@acme.io']);
		expect(await emails('?sort_by=email&sort_order=desc&skip=1&limit=1')).toEqual(['a2@acme.io']);

		const first = await env.api('GET', '/api/v2/accounts?limit=2');
		expect(first.body.next_starting_after).toBe(`${first.body.items[1].timestamp_created}&a2@acme.io`);
		const second = await env.api('GET', `/api/v2/accounts?limit=2&starting_after=${encodeURIComponent(first.body.next_starting_after)}`);
		expect(second.body).toEqual({ items: [expect.objectContaining({ email: 'b3@other.io' })] });
	});

	it('patches (replacing the warmup object), pauses, resumes and deletes an account', async () => {
		env.sim.addAccount(KEY, { email: 'Jon@Doe.com', first_name: 'Jon' });
		const path = `/api/v2/accounts/${encodeURIComponent('jon@doe.com')}`;
		const patched = await env.api('PATCH', path, { last_name: 'Doe', daily_limit: 50, warmup: { limit: 25, advanced: { weekday_only: false } } });
		expect(patched.body).toMatchObject({ email: 'Jon@Doe.com', last_name: 'Doe', daily_limit: 50 });
		expect(patched.body.warmup).toEqual({ limit: 25, advanced: { weekday_only: false } });
		expect((await env.api('POST', `${path}/pause`)).body.status).toBe(2);
		expect((await env.api('GET', '/api/v2/accounts?status=2')).body.items).toHaveLength(1);
		expect((await env.api('POST', `${path}/resume`)).body.status).toBe(1);
		expect((await env.api('DELETE', path)).body.email).toBe('Jon@Doe.com');
		expect((await env.api('GET', path)).status).toBe(404);
		expect((await env.api('POST', `${path}/pause`)).status).toBe(404);
	});

	it('enables and disables warmup in background jobs that flip warmup_status', async () => {
		env.sim.addAccount(KEY, { email: 'w1@acme.io' });
		env.sim.addAccount(KEY, { email: 'w2@acme.io' });
		expect((await env.api('GET', '/api/v2/accounts/w1%40acme.io')).body.warmup_status).toBe(0);
		const job = await env.api('POST', '/api/v2/accounts/warmup/enable', { emails: ['w1@acme.io', 'ghost@acme.io'] });
		expect(job.body).toMatchObject({ type: 'update-warmup-accounts', entity_type: 'workspace', status: 'pending', progress: 0 });
		const done = await finishJob(job.body.id);
		expect(done).toMatchObject({ progress: 100, data: { total_to_process: 2, success_count: 1, failed_count: 1 } });
		const warmed = (await env.api('GET', '/api/v2/accounts/w1%40acme.io')).body;
		expect(warmed.warmup_status).toBe(1);
		expect(typeof warmed.timestamp_warmup_start).toBe('string');
		expect((await env.api('GET', '/api/v2/accounts?filter=ACC_FILTER_W_ACTIVE')).body.items).toHaveLength(1);

		const all = await env.api('POST', '/api/v2/accounts/warmup/disable', { include_all_emails: true, excluded_emails: ['w2@acme.io'] });
		expect((await finishJob(all.body.id)).status).toBe('success');
		expect((await env.api('GET', '/api/v2/accounts/w1%40acme.io')).body.warmup_status).toBe(0);
		const narrowed = await env.api('GET', `/api/v2/background-jobs/${all.body.id}?data_fields=success_count`);
		expect(narrowed.body.data).toEqual({ success_count: 1 });
		expect((await env.api('GET', '/api/v2/background-jobs?type=update-warmup-accounts')).body.items).toHaveLength(2);
		expect((await env.api('POST', '/api/v2/accounts/warmup/enable', {})).status).toBe(400);
	});

	it('answers warmup analytics (POST with emails), test vitals, and creates IMAP accounts', async () => {
		env.sim.addAccount(KEY, { email: 'warm@acme.io', warmup_status: 1 });
		env.sim.addAccount(KEY, { email: 'broken@broken.io', status: -1 });
		const analytics = await env.api('POST', '/api/v2/accounts/warmup-analytics', { emails: ['warm@acme.io', 'nobody@x.io'] });
		expect(Object.keys(analytics.body.email_date_data)).toEqual(['warm@acme.io']);
		expect(Object.keys(analytics.body.email_date_data['warm@acme.io'])).toHaveLength(7);
		expect(analytics.body.aggregate_data['warm@acme.io']).toMatchObject({ health_score: expect.any(Number), health_score_label: expect.any(String) });
		expect(analytics.body.aggregate_data['warm@acme.io'].sent).toBeGreaterThan(0);

		const vitals = await env.api('POST', '/api/v2/accounts/test/vitals', { accounts: ['warm@acme.io', 'broken@broken.io', 'x@unknown.io'] });
		expect(vitals.body.success_list).toEqual([{ domain: 'acme.io', allPass: true, mx: true, spf: true, dkim: true, dmarc: true }]);
		expect(vitals.body.failure_list.map((result: { domain: string }) => result.domain)).toEqual(['broken.io', 'unknown.io']);
		for (const body of [undefined, {}, { accounts: [] }]) {
			expect(await env.api('POST', '/api/v2/accounts/test/vitals', body)).toMatchObject({ status: 400, body: { error: 'Bad request - no emails sent' } });
		}

		const imap = { imap_username: 'u', imap_password: 'p', imap_host: 'imap.x.io', imap_port: 993, smtp_username: 'u', smtp_password: 'p', smtp_host: 'smtp.x.io', smtp_port: 587 };
		const created = await env.api('POST', '/api/v2/accounts', { email: 'new@x.io', first_name: 'New', last_name: 'Box', provider_code: 1, ...imap });
		expect(created.body).toMatchObject({ email: 'new@x.io', provider_code: 1, status: 1 });
		expect(created.body.imap_password).toBeUndefined();
	});

	it('creates accounts through the control API', async () => {
		const control = apiClient(env.sim.url);
		const { id } = env.sim.workspace(KEY);
		const account = await control('POST', `/__simulator/workspaces/${id}/accounts`, { email: 'ctl@acme.io', provider_code: 3, tag_ids: ['t1'] });
		expect(account.body).toMatchObject({ email: 'ctl@acme.io', provider_code: 3 });
		expect((await env.api('GET', '/api/v2/accounts?tag_ids=t1')).body.items).toHaveLength(1);
		expect((await control('GET', `/__simulator/workspaces/${id}/state`)).body.accounts).toHaveLength(1);
	});
});
