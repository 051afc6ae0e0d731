import { startSimulator, type Simulator } from '../../simulator';
import { apiClient } from '../harness/simulator';

const VERIFY = '/api/v2/email-verification';
const statusOf = (email: string) => `${VERIFY}/${encodeURIComponent(email)}`;

describe('simulator: email verification', () => {
	let simulator: Simulator;
	let workspaceId: string;
	let api: ReturnType<typeof apiClient>;

	beforeAll(async () => {
		simulator = await startSimulator({ clock: 'manual', emailVerificationMs: 20_000 });
	});
	afterAll(() => simulator.close());
	beforeEach(() => {
		simulator.reset();
		const workspace = simulator.createWorkspace();
		workspaceId = workspace.id;
		api = apiClient(simulator.url, workspace.apiKey);
	});
	afterEach(() => {
		expect(simulator.invalidRequests).toEqual([]);
		expect(simulator.responseViolations).toEqual([]);
	});

	const control = async (path: string, body: unknown) => {
		const response = await fetch(`${simulator.url}/__simulator/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it.each([
		['ann@example.com', { verification_status: 'verified', catch_all: false }],
		['invalid-ann@example.com', { verification_status: 'invalid', catch_all: false }],
		['ann.catchall@example.com', { verification_status: 'verified', catch_all: true }],
		['pending.ann@example.com', { verification_status: 'pending', catch_all: 'pending' }],
	])('decides %s by its local part', async (email, verdict) => {
		const response = await api('POST', VERIFY, { email });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ status: 'success', email, ...verdict, credits: 999, credits_used: 1 });
		expect((await api('GET', statusOf(email))).body).toEqual(response.body);
	});

	it('settles a pending verification when the clock passes its time, by the rest of the address', async () => {
		await api('POST', VERIFY, { email: 'pending.invalid@example.com' });
		await simulator.advanceClock(19_999);
		expect((await api('GET', statusOf('pending.invalid@example.com'))).body.verification_status).toBe('pending');
		await simulator.advanceClock(1);
		expect((await api('GET', statusOf('pending.invalid@example.com'))).body).toMatchObject({ verification_status: 'invalid', catch_all: false });
		expect(simulator.pendingTimers()).toBe(0);
	});

	it('settles a pending verification now through the control API, which may also set fields', async () => {
		await api('POST', VERIFY, { email: 'pending.ann@example.com' });
		const settled = await control(`workspaces/${workspaceId}/email-verifications/${encodeURIComponent('Pending.Ann@example.com')}`, {});
		expect(settled).toEqual({ status: 200, body: expect.objectContaining({ verification_status: 'verified', catch_all: false }) });
		expect(simulator.pendingTimers()).toBe(0);

		const forced = await control(`workspaces/${workspaceId}/email-verifications/${encodeURIComponent('pending.ann@example.com')}`, {
			verification_status: 'invalid',
		});
		expect(forced.body.verification_status).toBe('invalid');
		expect((await api('GET', statusOf('pending.ann@example.com'))).body.verification_status).toBe('invalid');
		expect((await control(`workspaces/${workspaceId}/email-verifications/nobody%40example.com`, {})).status).toBe(400);
	});

	it('keeps verifications per workspace and spends one credit per verification', async () => {
		await api('POST', VERIFY, { email: 'ann@example.com' });
		expect((await api('POST', VERIFY, { email: 'bob@example.com', webhook_url: 'https://example.com/hook' })).body.credits).toBe(998);

		const other = simulator.createWorkspace();
		const otherApi = apiClient(simulator.url, other.apiKey);
		expect((await otherApi('GET', statusOf('ann@example.com'))).status).toBe(404);
		expect((await otherApi('POST', VERIFY, { email: 'ann@example.com' })).body.credits).toBe(999);
		expect([...simulator.workspace(workspaceId).emailVerifications.keys()]).toEqual(['ann@example.com', 'bob@example.com']);
	});

	it('answers 404 for an address never verified in the workspace, and 400 for a body that is not an address', async () => {
		expect((await api('GET', statusOf('never@example.com'))).body).toEqual({
			statusCode: 404,
			error: 'Not Found',
			message: 'Email verification not found',
		});
		expect((await api('POST', VERIFY, { email: 'not an address' })).status).toBe(400);
	});

	it('is held to the document: unknown fields and non-address path values are refused before the handler', async () => {
		expect((await api('POST', VERIFY, { email: 'ann@example.com', name: 'Ann' })).status).toBe(400);
		expect((await api('GET', `${VERIFY}/not-an-address`)).status).toBe(400);
		expect(simulator.invalidRequests).toHaveLength(2);
		simulator.clearRequests();
	});
});
