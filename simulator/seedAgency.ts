import { buildEventPayload, recordEvent } from './events';
import { createAccountRecord } from './resources/accounts';
import { handlerCaller, WEEKDAYS } from './seed';
import type { CreatedAgency, Simulator } from './simulator';

/** Every client runs campaigns of the same names, so one workflow template finds them by name in each. */
export const AGENCY_CAMPAIGN_NAMES = ['Q3 Outbound', 'Re-engagement'] as const;

/** Different sizes and reply rates, so a report across clients tells them apart. */
const CLIENTS = [
	{ name: 'Northwind Dental', slug: 'northwind', leads: 8, replyEvery: 4, timezone: 'America/Chicago' },
	{ name: 'Bluefin Realty', slug: 'bluefin', leads: 12, replyEvery: 3, timezone: 'America/Detroit' },
	{ name: 'Kestrel Legal', slug: 'kestrel', leads: 6, replyEvery: 6, timezone: 'Europe/Belgrade' },
];
const PENDING_CLIENT = 'Oakline Fitness';

const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Finn', 'Grace', 'Hugo', 'Isla', 'Jonah', 'Kira', 'Liam'];

/**
 * An agency for manual runs and the agency examples: the workspace of `adminApiKey` (made when
 * missing) is the admin of three accepted clients, each with an account, the campaigns of
 * `AGENCY_CAMPAIGN_NAMES` ("Q3 Outbound" active, with leads and activity) and a lead list, plus a
 * client that has not yet accepted the invitation (pending, empty).
 */
export function seedDemoAgency(simulator: Simulator, adminApiKey: string): CreatedAgency {
	const agency = simulator.createAgency({
		admin: simulator.hasWorkspace(adminApiKey) ? adminApiKey : { apiKey: adminApiKey, name: 'Acme Agency (demo)' },
		clients: [...CLIENTS.map(({ name }) => ({ name })), { name: PENDING_CLIENT, status: 'pending' }],
	});
	CLIENTS.forEach((client, index) => {
		const workspace = simulator.workspace(agency.clients[index].id);
		const call = handlerCaller(simulator, workspace);
		const sender = `outreach@${client.slug}-mail.com`;
		createAccountRecord(workspace, { email: sender, first_name: client.name.split(' ')[0], last_name: 'Team', warmup_status: 1 });
		const schedule = { schedules: [{ name: 'Business hours', timing: { from: '09:00', to: '17:00' }, days: WEEKDAYS, timezone: client.timezone }] };
		const [outbound] = AGENCY_CAMPAIGN_NAMES.map((name) => call('POST /api/v2/campaigns', { name, email_list: [sender], campaign_schedule: schedule }));
		workspace.campaigns.get(String(outbound.id))!.status = 1;
		const list = call('POST /api/v2/lead-lists', { name: 'Inbound signups' });
		const lead = (number: number) => ({
			email: `${FIRST_NAMES[number % FIRST_NAMES.length].toLowerCase()}${number}@prospects-${client.slug}.com`,
			first_name: FIRST_NAMES[number % FIRST_NAMES.length],
			company_name: `${client.name} prospect ${number}`,
		});
		const campaignLeads = Array.from({ length: client.leads }, (_, number) => lead(number));
		call('POST /api/v2/leads/add', { campaign_id: outbound.id, leads: campaignLeads });
		call('POST /api/v2/leads/add', { list_id: list.id, leads: [0, 1, 2].map((number) => lead(client.leads + number)) });
		campaignLeads.forEach(({ email }, number) => {
			const events = ['email_sent', ...(number % 2 === 0 ? ['email_opened'] : []), ...(number % client.replyEvery === 0 ? ['reply_received'] : [])];
			for (const event_type of events) recordEvent(workspace, buildEventPayload(workspace, { event_type, campaign_id: String(outbound.id), lead_email: email }));
		});
	});
	return agency;
}
