import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Instantly does not sign deliveries. Each activation registers a random secret
 * in the webhook's `headers`; Instantly sends it back with every delivery under this name.
 */
export const VERIFICATION_HEADER = 'x-n8n-instantly-secret';

/** 32 random bytes, hex-encoded. */
export function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * What the node keeps instead of the secret: n8n 1.x copies a workflow's static data into every
 * execution it saves, where anyone reading executions would find a stored secret.
 */
export function secretDigest(secret: string): string {
	return digest(secret).toString('hex');
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * Whether a received header value is a secret with one of the expected digests. Fixed-length
 * digests are compared in constant time, and every candidate is compared.
 */
export function verifySecret(received: unknown, expectedDigests: Array<string | undefined>): boolean {
	if (typeof received !== 'string' || received === '') return false;
	const receivedDigest = digest(received);
	let matched = false;
	for (const expected of expectedDigests) {
		if (typeof expected !== 'string' || !DIGEST.test(expected)) continue;
		if (timingSafeEqual(receivedDigest, Buffer.from(expected, 'hex'))) matched = true;
	}
	return matched;
}

/** What outputs show instead of the trigger's secret. */
export const MASKED_SECRET = '(hidden: the Instantly Trigger secret)';

/**
 * A webhook as Instantly returns it, with the trigger's secret header value hidden: output items
 * are saved with executions. Other custom headers are kept as they are.
 */
export function maskSecretHeader(webhook: IDataObject): IDataObject {
	const headers = webhook.headers;
	if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return webhook;
	const masked = Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name, name.toLowerCase() === VERIFICATION_HEADER ? MASKED_SECRET : value]),
	);
	return { ...webhook, headers: masked };
}

/** `maskSecretHeader` for an answer that may be one webhook or a list of them. */
export function maskSecretHeaders(answer: IDataObject | IDataObject[]): IDataObject | IDataObject[] {
	return Array.isArray(answer) ? answer.map(maskSecretHeader) : maskSecretHeader(answer);
}
