import { startReceiver } from '../../../../harness/simulator';

/**
 * A local endpoint for the webhooks these tests create, started once per file: it answers 200,
 * or 500 while `failing` is set (reset before each test, with what it received).
 */
export function useReceiver() {
	let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
	const state = {
		failing: false,
		get url(): string {
			return started().url;
		},
		get received() {
			return started().received;
		},
	};
	const started = () => {
		if (!receiver) throw new Error('the receiver starts in beforeAll');
		return receiver;
	};
	beforeAll(async () => {
		receiver = await startReceiver(() => (state.failing ? 500 : 200));
	});
	afterAll(async () => await receiver?.close());
	beforeEach(() => {
		state.failing = false;
		started().received.length = 0;
	});
	return state;
}
