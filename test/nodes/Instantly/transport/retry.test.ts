import { backoffMs, RETRY_POLICY, shouldRetry } from '../../../../nodes/Instantly/transport/retry';

describe('shouldRetry', () => {
	it.each`
		statusCode   | safeToRepeat | expected
		${429}       | ${false}     | ${true}
		${429}       | ${true}      | ${true}
		${500}       | ${true}      | ${true}
		${503}       | ${true}      | ${true}
		${502}       | ${true}      | ${true}
		${504}       | ${true}      | ${true}
		${500}       | ${false}     | ${false}
		${503}       | ${false}     | ${false}
		${undefined} | ${true}      | ${true}
		${undefined} | ${false}     | ${false}
		${400}       | ${true}      | ${false}
		${401}       | ${true}      | ${false}
		${402}       | ${true}      | ${false}
		${403}       | ${true}      | ${false}
		${404}       | ${true}      | ${false}
		${409}       | ${true}      | ${false}
		${422}       | ${true}      | ${false}
		${501}       | ${true}      | ${false}
	`('status $statusCode, safeToRepeat $safeToRepeat → $expected', ({ statusCode, safeToRepeat, expected }) => {
		expect(shouldRetry({ statusCode }, safeToRepeat)).toBe(expected);
	});
});

describe('backoffMs', () => {
	const lowest = () => 0;
	const highest = () => 1;

	it.each`
		attempt | random     | expected
		${0}    | ${lowest}  | ${250}
		${0}    | ${highest} | ${500}
		${1}    | ${lowest}  | ${500}
		${1}    | ${highest} | ${1000}
		${3}    | ${highest} | ${4000}
		${10}   | ${lowest}  | ${RETRY_POLICY.maxDelayMs / 2}
		${10}   | ${highest} | ${RETRY_POLICY.maxDelayMs}
	`('attempt $attempt grows exponentially with jitter and a cap ($expected ms)', ({ attempt, random, expected }) => {
		expect(backoffMs(attempt, undefined, random)).toBe(expected);
	});

	it('waits at least as long as Retry-After seconds asks', () => {
		expect(backoffMs(0, '3', lowest)).toBe(3000);
	});

	it('reads Retry-After as an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(backoffMs(0, 'Mon, 23 Nov 2026 10:00:05 GMT', lowest, now)).toBe(5000);
	});

	it('keeps its own backoff when Retry-After asks for less or is unreadable', () => {
		expect(backoffMs(2, '0', highest)).toBe(2000);
		expect(backoffMs(2, 'soon', highest)).toBe(2000);
	});
});
