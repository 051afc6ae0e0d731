import { randomBytes, randomUUID } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/** Time-ordered uuid v7, monotonic within one process so ids double as pagination cursors. */
export function uuidv7(): string {
	let millis = Date.now();
	if (millis <= lastMillis) {
		sequence++;
		if (sequence > 0xfff) {
			lastMillis++;
			sequence = 0;
		}
		millis = lastMillis;
	} else {
		lastMillis = millis;
		sequence = 0;
	}
	const bytes = randomBytes(16);
	bytes.writeUIntBE(millis, 0, 6);
	bytes[6] = 0x70 | (sequence >> 8);
	bytes[7] = sequence & 0xff;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidv4 = (): string => randomUUID();

export const nowIso = (): string => new Date().toISOString();
