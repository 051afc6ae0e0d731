import { nowIso, uuidv4, uuidv7 } from '../ids';
import type { Email, WorkspaceState } from '../state';
import { domainOf, sameEmail } from './leadRecords';

export const UE_TYPE = { campaign: 1, received: 2, sent: 3, scheduled: 4 } as const;

export const DEFAULT_EMAIL_ACCOUNT = 'outreach@sender-mail.com';

/** What a test (or an event) needs to say to create an email; everything else gets a plausible default. */
export interface NewEmail {
	/** 1 sent from a campaign, 2 received (default), 3 sent manually, 4 scheduled. */
	ue_type?: 1 | 2 | 3 | 4;
	/** The workspace's sending account; defaults to the first account, else `outreach@sender-mail.com`. */
	eaccount?: string;
	/** The lead's address: the sender of a received email, the recipient of a sent one. */
	lead?: string | null;
	subject?: string;
	body?: { text?: string; html?: string };
	thread_id?: string;
	campaign_id?: string | null;
	list_id?: string | null;
	id?: string;
	is_unread?: number | null;
	is_auto_reply?: number | null;
	i_status?: number | null;
	step?: string | null;
	reminder_ts?: string | null;
	timestamp_created?: string;
	to_address_email_list?: string;
	from_address_email?: string;
	cc_address_email_list?: string | null;
	bcc_address_email_list?: string | null;
}

const htmlToText = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').trim();
const textToHtml = (text: string) => `<div>${text.replace(/\n/g, '<br/>')}</div>`;

function addressList(addresses: string): Array<{ address: string; name: string }> {
	return addresses
		.split(',')
		.map((address) => address.trim())
		.filter(Boolean)
		.map((address) => ({ address, name: address.slice(0, address.indexOf('@')) }));
}

export function createEmailRecord(workspace: WorkspaceState, input: NewEmail): Email {
	const ueType = input.ue_type ?? UE_TYPE.received;
	const received = ueType === UE_TYPE.received;
	const eaccount = input.eaccount ?? workspace.accounts.values().next().value?.email ?? DEFAULT_EMAIL_ACCOUNT;
	const leadEmail = input.lead ?? null;
	const lead = leadEmail ? [...workspace.leads.values()].find((candidate) => sameEmail(candidate.email, leadEmail)) : undefined;
	const from = input.from_address_email ?? (received ? (leadEmail ?? 'unknown@example.com') : eaccount);
	const to = input.to_address_email_list ?? (received ? eaccount : (leadEmail ?? ''));
	const html = input.body?.html ?? (input.body?.text !== undefined ? textToHtml(input.body.text) : '');
	const text = input.body?.text ?? htmlToText(html);
	const timestamp = input.timestamp_created ?? nowIso();
	const email: Email = {
		id: input.id ?? uuidv7(),
		timestamp_created: timestamp,
		timestamp_email: timestamp,
		message_id: `<${uuidv4()}@${from.includes('@') ? domainOf(from) : 'mail.local'}>`,
		subject: input.subject ?? '',
		from_address_email: from,
		to_address_email_list: to,
		cc_address_email_list: input.cc_address_email_list ?? null,
		bcc_address_email_list: input.bcc_address_email_list ?? null,
		reply_to: null,
		body: { text, html },
		organization_id: workspace.id,
		campaign_id: input.campaign_id ?? lead?.campaign ?? null,
		subsequence_id: null,
		list_id: input.list_id ?? lead?.list_id ?? null,
		lead: leadEmail,
		lead_id: lead?.id ?? null,
		eaccount,
		ue_type: ueType,
		step: input.step ?? null,
		is_unread: input.is_unread ?? (received ? 1 : 0),
		is_auto_reply: input.is_auto_reply ?? 0,
		reminder_ts: input.reminder_ts ?? null,
		ai_interest_value: null,
		ai_assisted: 0,
		is_focused: 1,
		i_status: input.i_status ?? (received ? (lead?.lt_interest_status ?? null) : null),
		thread_id: input.thread_id ?? uuidv4(),
		content_preview: text.slice(0, 120),
		attachment_json: null,
		from_address_json: addressList(from),
		to_address_json: addressList(to),
		cc_address_json: input.cc_address_email_list ? addressList(input.cc_address_email_list) : null,
		ai_agent_id: null,
	};
	workspace.emails.set(email.id, email);
	return email;
}

/** The newest email exchanged with this lead (in this campaign when one is given). */
export function latestEmailWith(workspace: WorkspaceState, campaignId: unknown, leadEmail: unknown, sentOnly = false): Email | undefined {
	let latest: Email | undefined;
	for (const email of workspace.emails.values()) {
		if (!sameEmail(email.lead, leadEmail)) continue;
		if (typeof campaignId === 'string' && email.campaign_id !== campaignId) continue;
		if (sentOnly && email.ue_type === UE_TYPE.received) continue;
		if (!latest || email.id > latest.id) latest = email;
	}
	return latest;
}

const RECEIVED_EVENTS = new Set(['reply_received', 'auto_reply_received']);

/**
 * The unibox side of an event: `email_sent` stores the campaign email, a reply stores the received
 * email, both with the payload's `email_id` as id and in the lead's thread (`unibox_url` names it).
 */
export function recordEventEmail(workspace: WorkspaceState, payload: Record<string, unknown>): Email | undefined {
	const eventType = String(payload.event_type);
	const isReply = RECEIVED_EVENTS.has(eventType);
	if (eventType !== 'email_sent' && !isReply) return undefined;
	if (typeof payload.lead_email !== 'string' || typeof payload.email_id !== 'string' || workspace.emails.has(payload.email_id)) return undefined;
	const threadFromUrl = /thread:([^&]+)/.exec(String(payload.unibox_url ?? ''))?.[1];
	const common = {
		id: payload.email_id,
		lead: payload.lead_email,
		eaccount: typeof payload.email_account === 'string' ? payload.email_account : undefined,
		campaign_id: typeof payload.campaign_id === 'string' ? payload.campaign_id : null,
		thread_id: threadFromUrl ?? latestEmailWith(workspace, payload.campaign_id, payload.lead_email)?.thread_id ?? undefined,
		step: payload.step === undefined ? null : String(payload.step),
		timestamp_created: typeof payload.timestamp === 'string' ? payload.timestamp : undefined,
	};
	if (!isReply) {
		return createEmailRecord(workspace, {
			...common,
			ue_type: UE_TYPE.campaign,
			subject: String(payload.email_subject ?? ''),
			body: { html: String(payload.email_html ?? '') },
		});
	}
	return createEmailRecord(workspace, {
		...common,
		ue_type: UE_TYPE.received,
		subject: String(payload.reply_subject ?? 'Re:'),
		body: { text: String(payload.reply_text ?? payload.reply_text_snippet ?? ''), html: String(payload.reply_html ?? '') },
		is_auto_reply: eventType === 'auto_reply_received' ? 1 : 0,
	});
}
