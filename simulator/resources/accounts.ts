import { ApiError, badRequest, notFound } from '../errors';
import { nowIso } from '../ids';
import { DEFAULT_PAGE_SIZE, type Page } from '../pagination';
import type { Account, Activity, WorkspaceState } from '../state';
import { countActivity, engagementFields, inRange } from './analytics';
import { startBackgroundJob } from './backgroundJobs';
import { containsText, equalsFilter } from './crud';
import { domainOf, sameEmail } from './leadRecords';
import { Reply, type HandlerTable } from './types';

/** Fields of the spec's Account that a caller (API or test helper) may set. */
const WRITABLE_FIELDS = [
	'first_name',
	'last_name',
	'warmup',
	'daily_limit',
	'tracking_domain_name',
	'tracking_domain_status',
	'enable_slow_ramp',
	'inbox_placement_test_limit',
	'provider_code',
	'sending_gap',
	'signature',
	'reply_to',
];

/** Read-only fields the test helper may also preset (an account in error, a warmed-up one…). */
const PRESET_FIELDS = ['status', 'warmup_status', 'stat_warmup_score', 'timestamp_warmup_start', 'setup_pending', 'is_managed_account', 'status_message', 'timestamp_created'];

export interface NewAccount {
	email: string;
	first_name?: string;
	last_name?: string;
	/** 1 IMAP/SMTP, 2 Google, 3 Microsoft, 4 AWS, 8 AirMail, 11 Airmail Instant. */
	provider_code?: number;
	/** 1 active, 2 paused, 3 maintenance, -1 connection error, -2 soft bounce error, -3 sending error. */
	status?: number;
	/** 0 paused, 1 active, -1 banned, -2 spam folder, -3 permanent suspension. */
	warmup_status?: number;
	/** Custom tag ids, for the `tag_ids` filters (not part of the Account object). */
	tag_ids?: string[];
	[field: string]: unknown;
}

const accountKey = (email: string) => email.toLowerCase();

const DEFAULT_WARMUP = {
	limit: 10,
	advanced: { warm_ctd: false, open_rate: 0.95, important_rate: 0.8, read_emulation: true, spam_save_rate: 0.02, weekday_only: true },
	warmup_custom_ftag: 'warmup',
	increment: 'disabled',
	reply_rate: 0.1,
};

/** Adds a connected sending account, as the OAuth/IMAP flows would. Replaces one with the same email. */
export function createAccountRecord(workspace: WorkspaceState, input: NewAccount): Account {
	const timestamp = nowIso();
	const account: Account = {
		email: input.email,
		timestamp_created: timestamp,
		timestamp_updated: timestamp,
		first_name: '',
		last_name: '',
		organization: workspace.id,
		warmup: structuredClone(DEFAULT_WARMUP),
		added_by: workspace.userId,
		modified_by: null,
		daily_limit: 30,
		daily_limit_max: null,
		warmup_limit_max: null,
		tracking_domain_name: null,
		tracking_domain_status: null,
		status: 1,
		enable_slow_ramp: false,
		inbox_placement_test_limit: null,
		warmup_status: 0,
		timestamp_warmup_start: null,
		provider_code: 2,
		setup_pending: false,
		is_managed_account: false,
		stat_warmup_score: null,
		sending_gap: 10,
		signature: null,
		reply_to: null,
		autofix_failed: null,
	};
	for (const field of [...WRITABLE_FIELDS, ...PRESET_FIELDS]) if (input[field] !== undefined) account[field] = input[field];
	if (input.warmup) account.warmup = mergeWarmup(DEFAULT_WARMUP, input.warmup);
	workspace.accounts.set(accountKey(account.email), account);
	workspace.accountTags.set(accountKey(account.email), input.tag_ids ?? []);
	return account;
}

function mergeWarmup(current: unknown, changes: unknown): Record<string, unknown> {
	const base = (current ?? {}) as Record<string, unknown>;
	const next = (changes ?? {}) as Record<string, unknown>;
	return { ...base, ...next, advanced: { ...((base.advanced as object) ?? {}), ...((next.advanced as object) ?? {}) } };
}

export function findAccount(workspace: WorkspaceState, email: unknown): Account | undefined {
	return typeof email === 'string' ? workspace.accounts.get(accountKey(email)) : undefined;
}

function getAccount(workspace: WorkspaceState, email: string): Account {
	const account = findAccount(workspace, email);
	if (!account) throw notFound('Account');
	return account;
}

function touch(account: Account, changes: Record<string, unknown>, workspace: WorkspaceState): Account {
	return Object.assign(account, changes, { timestamp_updated: nowIso(), modified_by: workspace.userId });
}

const ACCOUNT_FILTERS: Record<string, (account: Account) => boolean> = {
	ACC_FILTER_PAUSED: (account) => account.status === 2,
	ACC_FILTER_ERROR: (account) => account.status < 0,
	ACC_FILTER_NO_CTD: (account) => !account.tracking_domain_name,
	ACC_FILTER_PW_ACCOUNTS: (account) => account.is_managed_account,
	ACC_FILTER_DFY: (account) => account.is_managed_account,
	ACC_FILTER_DFY_SETUP_PENDING: (account) => account.is_managed_account && account.setup_pending,
	ACC_FILTER_W_ACTIVE: (account) => account.warmup_status === 1,
	ACC_FILTER_W_PAUSED: (account) => account.warmup_status === 0,
	ACC_FILTER_W_ERROR: (account) => account.warmup_status < 0,
};

const splitIds = (value: unknown): string[] | undefined =>
	typeof value === 'string' && value !== '' ? value.split(',').map((id) => id.trim()).filter(Boolean) : undefined;

function matchesSearch(account: Account, search: unknown): boolean {
	return [account.email, account.first_name, account.last_name, `${account.first_name} ${account.last_name}`].some((value) => containsText(value, search));
}

function accountFilter(workspace: WorkspaceState, query: Record<string, unknown>) {
	const anyTags = splitIds(query.tag_ids);
	const allTags = splitIds(query.tag_ids_all);
	return (account: Account): boolean => {
		const tags = workspace.accountTags.get(accountKey(account.email)) ?? [];
		return (
			equalsFilter(account.status, query.status) &&
			equalsFilter(account.provider_code, query.provider_code) &&
			matchesSearch(account, query.search) &&
			(!anyTags || anyTags.some((tag) => tags.includes(tag))) &&
			(!allTags || allTags.every((tag) => tags.includes(tag))) &&
			(typeof query.filter !== 'string' || (ACCOUNT_FILTERS[query.filter]?.(account) ?? true))
		);
	};
}

/** `timestamp_created&email`, the cursor format the spec gives for GET /accounts. */
const cursorOf = (account: Account) => `${account.timestamp_created}&${account.email}`;

function compareAccounts(sortBy: string): (a: Account, b: Account) => number {
	const byKey = (a: Account, b: Account): number => {
		if (sortBy === 'email') return a.email.localeCompare(b.email);
		if (sortBy === 'stat_warmup_score' || sortBy === 'status') return Number(a[sortBy] ?? -Infinity) - Number(b[sortBy] ?? -Infinity);
		return a.timestamp_created < b.timestamp_created ? -1 : a.timestamp_created > b.timestamp_created ? 1 : 0;
	};
	return (a, b) => byKey(a, b) || a.email.localeCompare(b.email);
}

/** Cursor mode (`starting_after` = `timestamp_created&email`) or offset mode (`skip`), as the spec offers both. */
function listAccounts(workspace: WorkspaceState, query: Record<string, any>): Page<Account> {
	const size = typeof query.limit === 'number' ? query.limit : DEFAULT_PAGE_SIZE;
	const sortBy = typeof query.sort_by === 'string' ? query.sort_by : 'timestamp_created';
	const compare = compareAccounts(sortBy);
	const direction = query.sort_order === 'desc' ? -1 : 1;
	const sorted = [...workspace.accounts.values()].filter(accountFilter(workspace, query)).sort((a, b) => direction * compare(a, b));
	let start = 0;
	if (typeof query.skip === 'number') start = query.skip;
	else if (typeof query.starting_after === 'string' && query.starting_after !== '') {
		const cursor = query.starting_after;
		const index = sorted.findIndex((account) => cursorOf(account) === cursor);
		if (index >= 0) start = index + 1;
		else if (sortBy === 'timestamp_created') {
			// The cursor's account is gone: resume after its (timestamp, email) position.
			const separator = cursor.indexOf('&');
			const ghost = { timestamp_created: cursor.slice(0, separator), email: cursor.slice(separator + 1) } as Account;
			start = sorted.findIndex((account) => direction * compare(account, ghost) > 0);
			if (start < 0) start = sorted.length;
		}
	}
	const page = sorted.slice(start, start + size);
	return page.length === size && page.length > 0 ? { items: page, next_starting_after: cursorOf(page[page.length - 1]) } : { items: page };
}

interface AccountSelection {
	emails?: string[];
	include_all_emails?: boolean;
	excluded_emails?: string[];
	filter?: { tag_id?: string; filter?: string | null } | null;
	search?: string;
}

/** The accounts a warmup job acts on, and the requested emails that are not accounts here. */
function selectAccounts(workspace: WorkspaceState, body: AccountSelection): { accounts: Account[]; unknown: string[] } {
	if (body.include_all_emails) {
		const keep = accountFilter(workspace, { search: body.search, filter: body.filter?.filter ?? undefined, tag_ids: body.filter?.tag_id });
		const accounts = [...workspace.accounts.values()].filter(
			(account) => keep(account) && !(body.excluded_emails ?? []).some((email) => sameEmail(email, account.email)),
		);
		return { accounts, unknown: [] };
	}
	if (!body.emails || body.emails.length === 0) throw badRequest('Provide emails or set include_all_emails');
	const found = body.emails.map((email) => [email, findAccount(workspace, email)] as const);
	return {
		accounts: found.flatMap(([, account]) => (account ? [account] : [])),
		unknown: found.flatMap(([email, account]) => (account ? [] : [email])),
	};
}

function warmupHandler(enable: boolean): HandlerTable[string] {
	return ({ workspace, services, body }) => {
		const { accounts, unknown } = selectAccounts(workspace, body ?? {});
		const total = accounts.length + unknown.length;
		const fields = { type: 'update-warmup-accounts', entity_id: workspace.id, entity_type: 'workspace', data: { total_to_process: total } };
		return startBackgroundJob(workspace, services, fields, () => {
			let success = 0;
			for (const account of accounts) {
				// The account may have been deleted while the job waited.
				if (!workspace.accounts.has(accountKey(account.email))) continue;
				touch(account, enable ? { warmup_status: 1, timestamp_warmup_start: account.timestamp_warmup_start ?? nowIso() } : { warmup_status: 0 }, workspace);
				success++;
			}
			return { total_to_process: total, success_count: success, failed_count: total - success };
		});
	};
}

/** A small deterministic number from a string, so analytics are stable between calls. */
function hash(value: string): number {
	let result = 7;
	for (const char of value) result = (result * 31 + char.charCodeAt(0)) >>> 0;
	return result;
}

const lastDays = (count: number): string[] =>
	Array.from({ length: count }, (_, index) => new Date(Date.now() - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10));

function warmupAnalytics(workspace: WorkspaceState, emails: string[]) {
	const email_date_data: Record<string, Record<string, { sent: number; landed_inbox: number; landed_spam: number; received: number }>> = {};
	const aggregate_data: Record<string, Record<string, unknown>> = {};
	for (const email of emails) {
		const account = findAccount(workspace, email);
		if (!account) continue;
		const warming = account.warmup_status === 1 || account.timestamp_warmup_start !== null;
		const days: Record<string, { sent: number; landed_inbox: number; landed_spam: number; received: number }> = {};
		const totals = { sent: 0, received: 0, landed_inbox: 0, landed_spam: 0 };
		for (const date of lastDays(7)) {
			const seed = hash(`${account.email}${date}`);
			const sent = warming ? 8 + (seed % 12) : 0;
			const landedSpam = warming ? seed % 3 === 0 ? 1 : 0 : 0;
			const row = { sent, landed_inbox: sent - landedSpam, landed_spam: landedSpam, received: warming ? 6 + (seed % 10) : 0 };
			days[date] = row;
			for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += row[key];
		}
		const score = totals.sent === 0 ? 0 : Math.round((totals.landed_inbox / totals.sent) * 100);
		email_date_data[account.email] = days;
		aggregate_data[account.email] = { ...totals, health_score: score, health_score_label: score >= 90 ? 'Good' : score >= 70 ? 'Average' : 'Poor' };
	}
	return { email_date_data, aggregate_data };
}

function dailyAnalytics(workspace: WorkspaceState, query: Record<string, unknown>) {
	const emails = query.emails as string[] | undefined;
	const groups = new Map<string, Activity[]>();
	for (const entry of workspace.activity) {
		if (!entry.emailAccount || !inRange(entry.timestamp, query.start_date, query.end_date)) continue;
		if (emails && !emails.some((email) => sameEmail(email, entry.emailAccount))) continue;
		const key = `${entry.timestamp.slice(0, 10)}|${entry.emailAccount}`;
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	return [...groups]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, entries]) => {
			const [date, emailAccount] = key.split('|');
			const counts = countActivity(entries);
			return {
				date,
				email_account: emailAccount,
				sent: counts.sent,
				bounced: counts.bounced,
				contacted: counts.contacted,
				new_leads_contacted: counts.contacted,
				...engagementFields(counts),
			};
		});
}

/** Domains of workspace accounts pass (DKIM/DMARC fail when an account there is in error); others fail. */
function testVitals(workspace: WorkspaceState, requested: string[]) {
	const accounts = [...workspace.accounts.values()];
	const domains = [...new Set(requested.map((email) => (email.includes('@') ? domainOf(email) : email.toLowerCase())))];
	const results = domains.map((domain) => {
		const onDomain = accounts.filter((account) => domainOf(account.email) === domain);
		const known = onDomain.length > 0;
		const healthy = known && onDomain.every((account) => account.status >= 0);
		return { domain, allPass: healthy, mx: known, spf: known, dkim: healthy, dmarc: healthy };
	});
	return { status: 'success', success_list: results.filter((result) => result.allPass), failure_list: results.filter((result) => !result.allPass) };
}

export const accountHandlers: HandlerTable = {
	'POST /api/v2/accounts': ({ workspace, body }) => {
		if (findAccount(workspace, body.email)) throw new ApiError(400, `Account ${body.email} already exists in this workspace`);
		const fields = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key]) => WRITABLE_FIELDS.includes(key)));
		return createAccountRecord(workspace, { ...fields, email: body.email });
	},
	'GET /api/v2/accounts': ({ workspace, query }) => listAccounts(workspace, query),
	'GET /api/v2/accounts/{email}': ({ workspace, params }) => getAccount(workspace, params.email),
	'PATCH /api/v2/accounts/{email}': ({ workspace, params, body }) => {
		const account = getAccount(workspace, params.email);
		const { skip_cname_check: _skip, remove_tracking_domain: removeDomain, warmup, ...fields } = body as Record<string, unknown>;
		// The document does not say a PATCH merges `warmup`; the simulator takes the less kind reading and replaces it.
		if (warmup !== undefined) account.warmup = warmup;
		if (removeDomain) Object.assign(fields, { tracking_domain_name: null, tracking_domain_status: null });
		return touch(account, fields, workspace);
	},
	'DELETE /api/v2/accounts/{email}': ({ workspace, params }) => {
		const account = getAccount(workspace, params.email);
		workspace.accounts.delete(accountKey(account.email));
		workspace.accountTags.delete(accountKey(account.email));
		return account;
	},
	'POST /api/v2/accounts/{email}/pause': ({ workspace, params }) => touch(getAccount(workspace, params.email), { status: 2 }, workspace),
	'POST /api/v2/accounts/{email}/resume': ({ workspace, params }) => touch(getAccount(workspace, params.email), { status: 1 }, workspace),
	'POST /api/v2/accounts/warmup/enable': warmupHandler(true),
	'POST /api/v2/accounts/warmup/disable': warmupHandler(false),
	'POST /api/v2/accounts/warmup-analytics': ({ workspace, body }) => warmupAnalytics(workspace, body.emails),
	'GET /api/v2/accounts/analytics/daily': ({ workspace, query }) => dailyAnalytics(workspace, query),
	'POST /api/v2/accounts/test/vitals': ({ workspace, body }) => {
		// The document's 400 example: Instantly checks only the accounts it is given.
		if (!Array.isArray(body?.accounts) || body.accounts.length === 0) return new Reply(400, { error: 'Bad request - no emails sent' });
		return testVitals(workspace, body.accounts);
	},
};
