/**
 * The Instantly credentials the scenario imports (the demo key and three that fail in different
 * ways) and the credential-test checks over n8n's REST API.
 */
import { assert, type Checks } from '../lib/checks';
import { DEMO_CREDENTIAL, type ImportedCredential, type SimulatorControl } from '../lib/instantly';
import { DEMO_KEY, log, type Context } from './context';

/** Credentials whose test must fail, with the status and n8n's generic message for it. */
const FAILING = [
	{ id: 'instantlyWrong', name: 'Instantly (wrong key)', apiKey: 'not-a-key', code: '401', generic: /authori[sz]ation failed|unauthori[sz]ed/i },
	{ id: 'instantlyUnpaid', name: 'Instantly (unpaid)', apiKey: 'unpaid-key', code: '402', generic: /payment required/i },
	{ id: 'instantlyNoScope', name: 'Instantly (leads only)', apiKey: 'leads-only-key', code: '403', generic: /forbidden/i },
] as const;

/** Workspaces behind the failing keys' 402 and 403 (the control API, as any client would). */
export async function createCredentialWorkspaces(control: SimulatorControl): Promise<void> {
	await control.createWorkspace({ apiKey: 'unpaid-key', paid: false, name: 'Unpaid (e2e)' });
	await control.createWorkspace({ apiKey: 'leads-only-key', scopes: ['leads:all'], name: 'Leads-only key (e2e)' });
}

/** The demo credential and the failing ones, all pointed at the simulator. */
export function scenarioCredentials(simulatorUrl: string): ImportedCredential[] {
	return [
		{ ...DEMO_CREDENTIAL, apiKey: DEMO_KEY, baseUrl: simulatorUrl },
		...FAILING.map(({ id, name, apiKey }) => ({ id, name, apiKey, baseUrl: simulatorUrl })),
	];
}

export async function credentialChecks(ctx: Context, checks: Checks): Promise<void> {
	const baseUrl = ctx.simulator.url;
	const test = async (id: string, apiKey: string) =>
		await ctx.host.rest.testCredential({ id, type: 'instantlyAiApi', data: { apiKey, baseUrl } });
	await checks.run('credential test: demo key → OK', async () => {
		const result = await test(DEMO_CREDENTIAL.id, DEMO_KEY);
		assert(result.status === 'OK', `answered ${JSON.stringify(result)}`);
	});
	const messages: string[] = [];
	// n8n 1.123.81 and 2.41.1 never apply the credential's responseCode rules (the error they catch
	// has no `cause.response`), so the answer is n8n's own message for the status; either is accepted.
	for (const { id, apiKey, code, generic } of FAILING) {
		await checks.run(`credential test: ${code} → Error`, async () => {
			const result = await test(id, apiKey);
			assert(
				result.status === 'Error' && (result.message.includes(`(${code})`) || generic.test(result.message)),
				`answered ${JSON.stringify(result)}`,
			);
			log(ctx.label, `credential test ${code}: ${result.message}`);
			messages.push(result.message);
		});
	}
	await checks.run('credential test: the three error messages differ', async () => {
		assert(messages.length === 3 && new Set(messages).size === 3, `messages: ${JSON.stringify(messages)}`);
	});
}
