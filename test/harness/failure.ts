import type { NodeApiError } from 'n8n-workflow';

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function failure<T = NodeApiError>(promise: Promise<unknown>): Promise<T> {
	try {
		await promise;
	} catch (error) {
		return error as T;
	}
	throw new Error('expected the request to fail');
}
