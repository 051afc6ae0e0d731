import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Instantly does not sign deliveries (REFERENCE §2.6). Each activation registers a random secret
 * in the webhook's `headers`; Instantly sends it back with every delivery under this name.
 */
export const VERIFICATION_HEADER = 'x-n8n-instantly-secret';

/** 32 random bytes, hex-encoded. */
export function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a received header value equals one of the expected secrets. Digests are compared so
 * every comparison takes the same time whatever the lengths, and every candidate is compared.
 */
export function verifySecret(received: unknown, expected: Array<string | undefined>): boolean {
	if (typeof received !== 'string' || received === '') return false;
	const receivedDigest = digest(received);
	let matched = false;
	for (const secret of expected) {
		if (typeof secret !== 'string' || secret === '') continue;
		if (timingSafeEqual(receivedDigest, digest(secret))) matched = true;
	}
	return matched;
}
