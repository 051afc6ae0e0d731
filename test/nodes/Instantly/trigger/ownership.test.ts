import { isOwnedBy, secretEvidence } from '../../../../nodes/Instantly/trigger/ownership';
import { secretDigest, VERIFICATION_HEADER } from '../../../../nodes/Instantly/trigger/secret';

const SECRET = 'ab'.repeat(32);
const DIGEST = secretDigest(SECRET);
const URL = 'https://n8n.example.com/webhook/abc/webhook';

describe('trigger/ownership', () => {
	it.each([
		['the secret echoed', { headers: { [VERIFICATION_HEADER]: SECRET } }, 'carried'],
		['the header name in another case', { headers: { 'X-N8N-Instantly-Secret': SECRET } }, 'carried'],
		['another secret', { headers: { [VERIFICATION_HEADER]: 'cd'.repeat(32) } }, 'replaced'],
		['our header gone', { headers: { other: 'x' } }, 'replaced'],
		['headers cleared', { headers: null }, 'replaced'],
		['a masked value', { headers: { [VERIFICATION_HEADER]: '********' } }, 'unknown'],
		['a partly shown value', { headers: { [VERIFICATION_HEADER]: `${SECRET.slice(0, 4)}…` } }, 'unknown'],
		['no headers field', {}, 'unknown'],
	])('a webhook read with %s: %s', (_case, webhook, evidence) => {
		expect(secretEvidence(webhook, DIGEST)).toBe(evidence);
	});

	const owner = { digest: DIGEST, url: URL, workflowId: '42' };
	it.each([
		['echoing the secret, anywhere', { target_hook_url: 'https://elsewhere', headers: { [VERIFICATION_HEADER]: SECRET } }, true],
		['at our URL under our name, header masked', { target_hook_url: URL, name: 'n8n · Router (workflow 42) · Reply Received', headers: { [VERIFICATION_HEADER]: '***' } }, true],
		['at our URL under our test name', { target_hook_url: URL, name: 'n8n (test) · Router (workflow 42) · Reply Received' }, true],
		['at our URL under a name of its own', { target_hook_url: URL, name: 'CRM sync' }, false],
		["at our URL under another workflow's name", { target_hook_url: URL, name: 'n8n · Router (workflow 420) · Reply Received' }, false],
		['elsewhere under our name', { target_hook_url: 'https://elsewhere', name: 'n8n · Router (workflow 42) · Reply Received' }, false],
	])('a listed webhook %s is ours: %s', (_case, webhook, owned) => {
		expect(isOwnedBy(webhook, owner)).toBe(owned);
	});
});
