import { notFound } from '../errors';
import { paginate } from '../pagination';
import type { Email, WorkspaceState } from '../state';
import { findAccount } from './accounts';
import { applyPatch, containsText, deleteOr404, equalsFilter, getOr404 } from './crud';
import { createEmailRecord, UE_TYPE } from './emailRecords';
import { domainOf, sameEmail } from './leadRecords';
import type { HandlerTable } from './types';

const EMAIL = 'Email';

const EMAIL_TYPES: Record<string, (email: Email) => boolean> = {
	received: (email) => email.ue_type === UE_TYPE.received,
	sent: (email) => email.ue_type === UE_TYPE.campaign || email.ue_type === UE_TYPE.sent,
	manual: (email) => email.ue_type === UE_TYPE.sent,
};

function matchesSearch(email: Email, search: unknown): boolean {
	if (typeof search !== 'string' || search === '') return true;
	// The unibox (and webhook unibox_url) searches a whole thread with `thread:<id>`.
	if (search.startsWith('thread:')) return email.thread_id === search.slice('thread:'.length);
	return [email.subject, email.lead, email.from_address_email, email.to_address_email_list, email.content_preview, email.eaccount].some((value) =>
		containsText(value, search),
	);
}

function emailFilter(query: Record<string, any>) {
	const accounts = typeof query.eaccount === 'string' ? query.eaccount.split(',').map((value: string) => value.trim()) : undefined;
	return (email: Email): boolean =>
		matchesSearch(email, query.search) &&
		equalsFilter(email.campaign_id, query.campaign_id) &&
		equalsFilter(email.list_id, query.list_id) &&
		equalsFilter(email.i_status, query.i_status) &&
		(!accounts || accounts.some((account: string) => sameEmail(account, email.eaccount))) &&
		(query.is_unread === undefined || (email.is_unread === 1) === query.is_unread) &&
		(query.has_reminder === undefined || (email.reminder_ts !== null) === query.has_reminder) &&
		(query.mode === undefined || query.mode === 'emode_all' || (email.is_focused === 1) === (query.mode === 'emode_focused')) &&
		(!query.scheduled_only || email.ue_type === UE_TYPE.scheduled) &&
		(query.lead === undefined || sameEmail(email.lead, query.lead)) &&
		(query.company_domain === undefined || (email.lead !== null && domainOf(email.lead) === String(query.company_domain).toLowerCase())) &&
		(query.email_type === undefined || EMAIL_TYPES[query.email_type](email)) &&
		(query.min_timestamp_created === undefined || Date.parse(email.timestamp_created) >= Date.parse(query.min_timestamp_created)) &&
		(query.max_timestamp_created === undefined || Date.parse(email.timestamp_created) <= Date.parse(query.max_timestamp_created));
}

/** Keeps the newest email of each thread. */
function latestOfThreads(emails: Email[]): Email[] {
	const latest = new Map<string, Email>();
	for (const email of emails) {
		const key = email.thread_id ?? email.id;
		const current = latest.get(key);
		if (!current || email.id > current.id) latest.set(key, email);
	}
	return [...latest.values()];
}

function listEmails(workspace: WorkspaceState, query: Record<string, any>) {
	let emails = [...workspace.emails.values()].filter(emailFilter(query));
	if (query.latest_of_thread) emails = latestOfThreads(emails);
	// The unibox shows the newest first unless asked otherwise.
	const page = paginate(emails, query.limit, query.starting_after, query.sort_order !== 'asc');
	return query.preview_only ? { ...page, items: page.items.map((email) => ({ ...email, body: {} })) } : page;
}

/** `eaccount` must be a sending account of the workspace (or one its unibox already has mail for). */
function requireSendingAccount(workspace: WorkspaceState, eaccount: string): void {
	if (findAccount(workspace, eaccount)) return;
	if ([...workspace.emails.values()].some((email) => sameEmail(email.eaccount, eaccount))) return;
	throw notFound(`Email account ${eaccount}`);
}

const uniqueAddresses = (addresses: Array<string | null | undefined>) => [
	...new Map(addresses.filter((address): address is string => Boolean(address)).map((address) => [address.toLowerCase(), address])).values(),
];

export const emailHandlers: HandlerTable = {
	'GET /api/v2/emails': ({ workspace, query }) => listEmails(workspace, query),
	'GET /api/v2/emails/unread/count': ({ workspace }) => ({
		count: [...workspace.emails.values()].filter((email) => email.is_unread === 1).length,
	}),
	'GET /api/v2/emails/{id}': ({ workspace, params }) => getOr404(workspace.emails, params.id, EMAIL),
	'PATCH /api/v2/emails/{id}': ({ workspace, params, body }) => applyPatch(getOr404(workspace.emails, params.id, EMAIL), body),
	'DELETE /api/v2/emails/{id}': ({ workspace, params }) => deleteOr404(workspace.emails, params.id, EMAIL),
	'POST /api/v2/emails/threads/{thread_id}/mark-as-read': ({ workspace, params }) => {
		const thread = [...workspace.emails.values()].filter((email) => email.thread_id === params.thread_id);
		if (thread.length === 0) throw notFound('Thread');
		for (const email of thread) email.is_unread = 0;
		return { success: true };
	},
	// The reply goes to the sender of the replied-to email; additional_recipients add to it, as
	// Instantly's Unibox does.
	'POST /api/v2/emails/reply': ({ workspace, body }) => {
		const original = getOr404(workspace.emails, body.reply_to_uuid, EMAIL);
		requireSendingAccount(workspace, body.eaccount);
		return createEmailRecord(workspace, {
			ue_type: UE_TYPE.sent,
			eaccount: body.eaccount,
			from_address_email: body.eaccount,
			to_address_email_list: uniqueAddresses([original.from_address_email, ...(body.additional_recipients ?? [])]).join(','),
			cc_address_email_list: body.cc_address_email_list ?? null,
			bcc_address_email_list: body.bcc_address_email_list ?? null,
			lead: original.lead,
			campaign_id: original.campaign_id,
			list_id: original.list_id,
			thread_id: original.thread_id ?? undefined,
			subject: body.subject,
			body: body.body,
			reminder_ts: body.reminder_ts ?? null,
		});
	},
	'POST /api/v2/emails/forward': ({ workspace, body }) => {
		const original = getOr404(workspace.emails, body.reply_to_uuid, EMAIL);
		requireSendingAccount(workspace, body.eaccount);
		const note = body.body ?? {};
		const quoted = `---------- Forwarded message ---------\nFrom: ${original.from_address_email}\nSubject: ${original.subject}\n\n${original.body.text ?? ''}`;
		const text = body.include_original_body ? [note.text ?? '', quoted].filter(Boolean).join('\n\n') : (note.text ?? undefined);
		const html = body.include_original_body
			? `${note.html ?? ''}<br/><br/><blockquote>${original.body.html ?? ''}</blockquote>`
			: (note.html ?? undefined);
		return createEmailRecord(workspace, {
			ue_type: UE_TYPE.sent,
			eaccount: body.eaccount,
			from_address_email: body.eaccount,
			to_address_email_list: body.to_address_email_list,
			cc_address_email_list: body.cc_address_email_list ?? null,
			bcc_address_email_list: body.bcc_address_email_list ?? null,
			lead: original.lead,
			campaign_id: original.campaign_id,
			list_id: original.list_id,
			subject: body.subject,
			body: { ...(text === undefined ? {} : { text }), ...(html === undefined ? {} : { html }) },
		});
	},
};
