import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { VERIFICATION_HEADER } from './secret';

export interface DeliveryOptions {
	/** Minutes within which an identical delivery is dropped; 0 or absent keeps every delivery. */
	duplicateWindowMinutes?: number;
	includeHeaders?: boolean;
	passTestEvents?: boolean;
}

export type Payload = IDataObject & { event_type: string };

// A JSON document whose value is a string holding the object is unwrapped this many times at most.
const MAX_JSON_WRAPPINGS = 2;

/**
 * The delivered event when the body is, or parses to, a JSON object with an `event_type`: an
 * object n8n already parsed, JSON text (n8n hands `text/plain` over as a string), or a JSON
 * string holding the object. Undefined otherwise.
 */
export function parsePayload(body: unknown): Payload | undefined {
	let value = body;
	for (let wrapping = 0; typeof value === 'string' && wrapping <= MAX_JSON_WRAPPINGS; wrapping++) {
		try {
			// A byte order mark is not JSON; n8n 2.x strips it from JSON bodies, 1.x and text bodies keep it.
			value = JSON.parse(value.replace(/^\uFEFF/, '')) as unknown;
		} catch {
			return undefined;
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const eventType = (value as IDataObject).event_type;
	if (typeof eventType !== 'string' || eventType.trim() === '') return undefined;
	return value as Payload;
}

/**
 * Reads the delivered event whatever Content-Type it came with. n8n parses a body only for the
 * types it knows (JSON, text, form, XML) and, from trigger version 2, reads none at all for other
 * or missing types; the raw bytes are always there to read. The parsed body is tried first, then
 * the raw bytes as UTF-8 JSON (a JSON object sent as a form arrives as one odd form field).
 */
export async function readPayload(context: IWebhookFunctions): Promise<Payload | undefined> {
	const parsed = parsePayload(context.getBodyData());
	if (parsed) return parsed;
	const request = context.getRequestObject();
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') await request.readRawBody();
	const raw: unknown = request.rawBody;
	if (Buffer.isBuffer(raw)) return parsePayload(raw.toString('utf8'));
	return typeof raw === 'string' ? parsePayload(raw) : undefined;
}

/**
 * Whether a delivery belongs to the trigger's campaign. Instantly is asked to filter by campaign,
 * but a delivery naming another campaign is refused here too. One naming no campaign passes:
 * workspace events (account errors, enrichments) never carry one, and Instantly sent it to a
 * webhook registered for this campaign.
 */
export function isForCampaign(payload: IDataObject, campaign: string | null): boolean {
	if (campaign === null) return true;
	const delivered = payload.campaign_id ?? payload.campaign;
	if (typeof delivered !== 'string' || delivered.trim() === '') return true;
	return delivered.trim().toLowerCase() === campaign;
}

/** The request headers without our secret. */
export function publicHeaders(headers: Record<string, unknown>): IDataObject {
	// fromEntries defines own properties, so a header named __proto__ stays a plain field.
	return Object.fromEntries(
		Object.entries(headers).filter(([name]) => name.toLowerCase() !== VERIFICATION_HEADER),
	) as IDataObject;
}

/**
 * The output item: the payload exactly as delivered (every field, the lead's custom variables
 * included), after the fields the trigger adds. Should a delivered field have the same name as an
 * added one, the delivered value is kept.
 */
export function outputItem(payload: IDataObject, added: IDataObject): IDataObject {
	return { ...added, ...payload };
}

// Instantly payloads carry no event id; a redelivery repeats the same values.
const KEY_FIELDS = ['event_type', 'campaign_id', 'lead_email', 'step', 'variant', 'timestamp', 'email_id'];
const MAX_KEYS_PER_NODE = 1000;
// Values with more parts than this are too big to compare: such a delivery is never dropped.
const MAX_KEY_PARTS = 100_000;

/**
 * Deliveries seen recently, per trigger node. Kept in memory, not in static data: a webhook
 * process saving static data could overwrite the registration the main process keeps there.
 */
const recentByNode = new Map<string, Map<string, number>>();

/** Closes an array or object in `deliveryKey`'s walk. */
class Closing {
	constructor(readonly token: string) {}
}

/**
 * A digest of the key fields' values, walked with an explicit stack: a value nested thousands
 * deep must not exhaust the call stack (JSON.stringify recurses). Object keys are sorted, so the
 * key does not depend on field order. Undefined when the values are too big to compare.
 */
export function deliveryKey(payload: IDataObject): string | undefined {
	const hash = createHash('sha256');
	const pending: unknown[] = [KEY_FIELDS.map((field) => (Object.hasOwn(payload, field) ? payload[field] : null))];
	for (let parts = 0; pending.length > 0; parts++) {
		if (parts > MAX_KEY_PARTS) return undefined;
		const value = pending.pop();
		if (value instanceof Closing) {
			hash.update(value.token);
		} else if (Array.isArray(value)) {
			if (value.length > MAX_KEY_PARTS) return undefined;
			hash.update('[');
			pending.push(new Closing(']'), ...[...value].reverse());
		} else if (value !== null && typeof value === 'object') {
			hash.update('{');
			pending.push(new Closing('}'));
			for (const key of Object.keys(value).sort().reverse()) {
				pending.push((value as IDataObject)[key], new Closing(`${JSON.stringify(key)}:`));
			}
		} else {
			hash.update(`${JSON.stringify(value ?? null)},`);
		}
	}
	return hash.digest('hex');
}

/** Records a delivery and says whether the same one was already seen within the window. */
export function isDuplicate(nodeKey: string, payload: IDataObject, windowMinutes: number, now = Date.now()): boolean {
	if (!(windowMinutes > 0)) return false;
	const recent = recentByNode.get(nodeKey) ?? new Map<string, number>();
	recentByNode.set(nodeKey, recent);
	const windowMs = windowMinutes * 60_000;
	for (const [key, seenAt] of recent) {
		if (now - seenAt <= windowMs && recent.size <= MAX_KEYS_PER_NODE) break;
		recent.delete(key);
	}
	const key = deliveryKey(payload);
	if (key === undefined) return false;
	const seenAt = recent.get(key);
	if (seenAt !== undefined && now - seenAt <= windowMs) return true;
	recent.delete(key);
	recent.set(key, now);
	return false;
}

/** Forgets every recorded delivery (for tests). */
export function clearRecentDeliveries(): void {
	recentByNode.clear();
}
