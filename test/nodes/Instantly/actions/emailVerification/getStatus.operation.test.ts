import { useSimulator } from '../../../../harness/simulator';

const t = useSimulator();
const EMAIL = 'jane@prospect-mail.com';
const path = (email: string) => `/api/v2/email-verification/${encodeURIComponent(email)}`;

const getStatus = async (email: unknown, runOptions: { continueOnFail?: boolean } = {}) =>
	await t.run({ resource: 'emailVerification', operation: 'getStatus', email: email as string }, runOptions);

describe('Email Verification › Get Status', () => {
	it('reads the address’s verification, exactly as Instantly holds it', async () => {
		await t.api('POST', '/api/v2/email-verification', { email: EMAIL });
		t.reset();

		const { items } = await getStatus(EMAIL);

		expect(t.requests()).toEqual([{ method: 'GET', path: path(EMAIL), query: {}, body: undefined }]);
		expect(items).toEqual([{ json: { ...t.state.emailVerifications.get(EMAIL) }, pairedItem: { item: 0 } }]);
	});

	it('returns a pending verification as pending, and the result once Instantly has it', async () => {
		const email = 'pending.sam@prospect-mail.com';
		await t.api('POST', '/api/v2/email-verification', { email });

		expect((await getStatus(email)).items[0].json).toMatchObject({ email, verification_status: 'pending', catch_all: 'pending' });
		await t.clock.advance(30_000);
		expect((await getStatus(email)).items[0].json).toMatchObject({ email, verification_status: 'verified', catch_all: false });
	});

	it.each([
		['', 'Email is required'],
		['jane.prospect-mail.com', 'Email: "jane.prospect-mail.com" is not a valid email address'],
		[42, 'Email: "42" is not a valid email address'],
	])('refuses %j naming the field before sending anything', async (email, message) => {
		await expect(getStatus(email)).rejects.toThrow(message);
		expect(t.requests()).toEqual([]);
	});

	it('an address never verified is Instantly’s 404, an error item paired to its input with Continue On Fail', async () => {
		const { items } = await getStatus('never@prospect-mail.com', { continueOnFail: true });
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					statusCode: 404,
					description: expect.stringContaining('Instantly found no email verification "never@prospect-mail.com" in this workspace'),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(t.requests()).toHaveLength(1);
	});
});
