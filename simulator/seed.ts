import { buildEventPayload, recordEvent } from './events';
import { createAccountRecord } from './resources/accounts';
import { createEmailRecord } from './resources/emailRecords';
import type { HandlerTable } from './resources/types';
import type { CreatedWorkspace, Simulator } from './simulator';
import type { WorkspaceState } from './state';

export const WEEKDAYS = { '0': false, '1': true, '2': true, '3': true, '4': true, '5': true, '6': false };

const CAMPAIGNS = [
	{
		name: 'Q3 SaaS Founders – Cold Outreach',
		pl_value: 1500,
		email_list: ['alex@getacme-mail.com', 'sam@getacme-mail.com'],
		campaign_schedule: {
			start_date: '2025-07-01',
			end_date: null,
			schedules: [{ name: 'US business hours', timing: { from: '09:00', to: '17:00' }, days: WEEKDAYS, timezone: 'America/Chicago' }],
		},
		sequences: [
			{
				steps: [
					{ type: 'email', delay: 2, variants: [{ subject: 'Quick question, {{firstName}}', body: 'Hi {{firstName}},<br/><br/>Saw {{companyName}} is hiring SDRs…' }] },
					{ type: 'email', delay: 3, variants: [{ subject: 'Re: Quick question', body: 'Bumping this up, {{firstName}}.' }] },
				],
			},
		],
	},
	{
		name: 'EU Agencies – Partnership Pitch',
		pl_value: 800,
		email_list: ['partners@getacme-mail.com'],
		campaign_schedule: {
			start_date: null,
			end_date: null,
			schedules: [{ name: 'CET mornings', timing: { from: '08:30', to: '12:00' }, days: WEEKDAYS, timezone: 'Europe/Belgrade' }],
		},
	},
];

const ACCOUNTS = [
	{ email: 'alex@getacme-mail.com', first_name: 'Alex', last_name: 'Morgan', provider_code: 2, warmup_status: 1, stat_warmup_score: 98, daily_limit: 40 },
	{ email: 'sam@getacme-mail.com', first_name: 'Sam', last_name: 'Lee', provider_code: 3, warmup_status: 1, stat_warmup_score: 91, daily_limit: 30 },
	{ email: 'partners@getacme-mail.com', first_name: 'Acme', last_name: 'Partnerships', provider_code: 1, status: 2, warmup_status: 0, daily_limit: 20 },
];

/** Verification statuses cycled over list leads: mostly verified, some risky, catch-all and pending. */
const VERIFICATION_CYCLE = [1, 1, -2, 1, -3, 11];

const FIRST_NAMES = ['Jane', 'Marco', 'Aisha', 'Tom', 'Priya', 'Lukas', 'Sofia', 'Daniel', 'Mei', 'Omar'];
const LAST_NAMES = ['Doe', 'Rossi', 'Khan', 'Becker', 'Patel', 'Novak', 'García', 'Smith', 'Chen', 'Haddad'];
const COMPANIES = ['Prospect Inc', 'Brightloop', 'Northwind Labs', 'Kestrel AI', 'Oakline Studio', 'Vectorly', 'Bluefin Growth', 'Tandem HQ', 'Lumen Ops', 'Cedar & Co'];
const INDUSTRIES = ['SaaS', 'Agency', 'Fintech', 'E-commerce', 'Healthtech'];

function demoLead(index: number) {
	const firstName = FIRST_NAMES[index % FIRST_NAMES.length];
	const lastName = LAST_NAMES[(index * 3) % LAST_NAMES.length];
	const company = COMPANIES[index % COMPANIES.length];
	const domain = `${company.toLowerCase().replace(/[^a-z]/g, '')}.com`;
	return {
		email: `${firstName.toLowerCase()}.${lastName.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}${index}@${domain}`,
		first_name: firstName,
		last_name: lastName,
		company_name: company,
		job_title: index % 2 === 0 ? 'Founder & CEO' : 'Head of Growth',
		website: `https://${domain}`,
		phone: `+1415555${String(1000 + index).slice(-4)}`,
		personalization: `Loved ${company}'s recent launch.`,
		custom_variables: { industry: INDUSTRIES[index % INDUSTRIES.length], employees: 10 + index * 7, past_customer: index % 5 === 0 },
	};
}

/** Calls an API handler directly inside the workspace, as a request acting there would. */
export function handlerCaller(simulator: Simulator, workspace: WorkspaceState) {
	return (key: keyof HandlerTable & string, body: unknown) =>
		simulator.handlers[key]({ workspace, services: simulator.services, params: {}, query: {}, body }) as Record<string, unknown>;
}

/**
 * A realistic workspace for manual runs and end-to-end tests: sending accounts, campaigns, lists, ~30 leads,
 * labels, block list, activity and the unibox emails (sends, replies) that go with it.
 */
export function seedDemoWorkspace(simulator: Simulator, apiKey: string): CreatedWorkspace {
	const created = simulator.hasWorkspace(apiKey)
		? { id: simulator.workspace(apiKey).id, apiKey }
		: simulator.createWorkspace({ apiKey, name: 'Acme Outbound (demo)' });
	const workspace = simulator.workspace(created.id);
	const call = handlerCaller(simulator, workspace);

	const timestamp = Date.now();
	ACCOUNTS.forEach((account, index) =>
		createAccountRecord(workspace, {
			...account,
			timestamp_created: new Date(timestamp - (ACCOUNTS.length - index) * 86_400_000).toISOString(),
			timestamp_warmup_start: account.warmup_status === 1 ? new Date(timestamp - 30 * 86_400_000).toISOString() : null,
		}),
	);
	const campaigns = CAMPAIGNS.map((campaign) => call('POST /api/v2/campaigns', campaign));
	workspace.campaigns.get(String(campaigns[0].id))!.status = 1;
	const lists = ['Webinar attendees – June', 'Inbound trials (not converted)'].map((name) => call('POST /api/v2/lead-lists', { name }));
	for (const label of [
		{ label: 'Hot – call this week', interest_status_label: 'positive', description: 'Asked for a call' },
		{ label: 'Not now – revisit Q1', interest_status_label: 'neutral' },
		{ label: 'Competitor customer', interest_status_label: 'negative' },
	]) {
		call('POST /api/v2/lead-labels', label);
	}
	call('POST /api/v2/block-lists-entries/bulk-create', { bl_values: ['competitor.io', 'legal@bigcorp.com', 'donotcontact.org'] });

	const leads = Array.from({ length: 30 }, (_, index) => demoLead(index));
	const targets = [{ campaign_id: campaigns[0].id }, { campaign_id: campaigns[1].id }, { list_id: lists[0].id }, { list_id: lists[1].id }];
	targets.forEach((target, part) => call('POST /api/v2/leads/add', { ...target, leads: leads.filter((_, index) => index % targets.length === part) }));

	const campaignLeads = [...workspace.leads.values()].filter((lead) => lead.campaign === campaigns[0].id);
	campaignLeads.forEach((lead, index) => {
		const events = ['email_sent', ...(index % 2 === 0 ? ['email_opened'] : []), ...(index % 4 === 0 ? ['reply_received'] : [])];
		if (index % 4 === 0) lead.lt_interest_status = 1;
		for (const event_type of events) recordEvent(workspace, buildEventPayload(workspace, { event_type, campaign_id: lead.campaign, lead_email: lead.email }));
	});
	const listLeads = [...workspace.leads.values()].filter((lead) => lead.list_id !== null);
	listLeads.forEach((lead, index) => (lead.verification_status = VERIFICATION_CYCLE[index % VERIFICATION_CYCLE.length]));
	// A conversation outside any campaign: a list lead wrote in, Sam answered, the lead wrote back (unread).
	const inbound = listLeads[0];
	const question = createEmailRecord(workspace, {
		eaccount: 'sam@getacme-mail.com',
		lead: inbound.email,
		subject: 'Pricing for 20 seats?',
		body: { text: 'Hi, could you send pricing for a team of 20?' },
		is_unread: 0,
	});
	createEmailRecord(workspace, {
		ue_type: 3,
		eaccount: 'sam@getacme-mail.com',
		lead: inbound.email,
		thread_id: question.thread_id ?? undefined,
		subject: 'Re: Pricing for 20 seats?',
		body: { text: 'Sure, attached is our team plan. Happy to walk you through it.' },
	});
	createEmailRecord(workspace, {
		eaccount: 'sam@getacme-mail.com',
		lead: inbound.email,
		thread_id: question.thread_id ?? undefined,
		subject: 'Re: Pricing for 20 seats?',
		body: { text: 'Thanks! Can we do a call on Thursday?' },
	});
	return created;
}
