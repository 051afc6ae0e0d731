import type { IDataObject } from 'n8n-workflow';

import { VERIFICATION_HEADER } from './secret';

export interface DeliveryOptions {
	/** Minutes within which an identical delivery is dropped; 0 or absent keeps every delivery. */
	duplicateWindowMinutes?: number;
	includeHeaders?: boolean;
	passTestEvents?: boolean;
}

/** The delivered body when it is a JSON object with an `event_type`; undefined otherwise. */
export function parsePayload(body: unknown): (IDataObject & { event_type: string }) | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const eventType = (body as IDataObject).event_type;
	if (typeof eventType !== 'string' || eventType.trim() === '') return undefined;
	return body as IDataObject & { event_type: string };
}

/** The request headers without our secret. */
export function publicHeaders(headers: Record<string, unknown>): IDataObject {
	const copy: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== VERIFICATION_HEADER) copy[name] = value as IDataObject[string];
	}
	return copy;
}

/**
 * The output item: the payload exactly as delivered (every field, the lead's custom variables
 * included), after the fields the trigger adds. Should a delivered field have the same name as an
 * added one, the delivered value is kept.
 */
export function outputItem(payload: IDataObject, added: IDataObject): IDataObject {
	return { ...added, ...payload };
}

// Instantly payloads carry no event id (REFERENCE §2.5); a redelivery repeats the same values.
const KEY_FIELDS = ['event_type', 'campaign_id', 'lead_email', 'step', 'variant', 'timestamp', 'email_id'];
const MAX_KEYS_PER_NODE = 1000;

/**
 * Deliveries seen recently, per trigger node. Kept in memory, not in static data: a webhook
 * process saving static data could overwrite the registration the main process keeps there.
 */
const recentByNode = new Map<string, Map<string, number>>();

export function deliveryKey(payload: IDataObject): string {
	return JSON.stringify(KEY_FIELDS.map((field) => payload[field] ?? null));
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
