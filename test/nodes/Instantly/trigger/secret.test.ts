import { generateSecret, secretDigest, verifySecret } from '../../../../nodes/Instantly/trigger/secret';

describe('trigger/secret', () => {
	it('generates 32 random bytes as hex, different every time', () => {
		const secrets = new Set(Array.from({ length: 50 }, generateSecret));
		expect(secrets.size).toBe(50);
		for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/);
	});

	const secret = generateSecret();
	const other = generateSecret();

	it.each([
		['the right secret', secret, [secret], true],
		['the right secret among others', secret, ['', other, secret], true],
		['another secret', other, [secret], false],
		['a prefix of the secret', secret.slice(0, 10), [secret], false],
		['the secret with more after it', `${secret}x`, [secret], false],
		['an empty header', '', [secret], false],
		['no header', undefined, [secret], false],
		['a repeated header', [secret, secret], [secret], false],
		['anything when nothing is registered', secret, ['', undefined], false],
		['an empty header when nothing is registered', '', [''], false],
	])('%s → %s', (_case, received, expected, result) => {
		const digests = expected.map((value) => (value ? secretDigest(value) : value));
		expect(verifySecret(received, digests)).toBe(result);
	});

	it('stores a digest that does not contain the secret, and never accepts the digest itself', () => {
		const digest = secretDigest(secret);
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		expect(digest).not.toBe(secret);
		expect(verifySecret(digest, [digest])).toBe(false);
	});
});
