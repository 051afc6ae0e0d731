import { delay } from './processes';

/** Status and body of a webhook delivery. */
export interface Delivery {
	status: number;
	body: string;
}

/** POSTs JSON to a webhook URL once. */
export async function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Delivery> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(payload),
	});
	return { status: response.status, body: await response.text() };
}

/**
 * POSTs until n8n stops answering 404: on 2.x activation finishes after the REST/CLI call returns,
 * and after a start the webhook is registered a moment after readiness.
 */
export async function deliverWhenRegistered(
	url: string,
	payload: unknown,
	timeoutMs = 30_000,
	headers: Record<string, string> = {},
): Promise<Delivery> {
	const deadline = Date.now() + timeoutMs;
	let last: Delivery = { status: 0, body: '' };
	while (Date.now() < deadline) {
		last = await postJson(url, payload, headers);
		if (last.status !== 404) return last;
		await delay(300);
	}
	throw new Error(`${url} still answered ${last.status} after ${timeoutMs} ms: ${last.body.slice(0, 300)}`);
}

/** POSTs until n8n answers 404, i.e. the webhook is gone after a deactivation. */
export async function waitUntilUnregistered(url: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last: Delivery = { status: 0, body: '' };
	while (Date.now() < deadline) {
		last = await postJson(url, { probe: true });
		if (last.status === 404) return;
		await delay(300);
	}
	throw new Error(`${url} still answered ${last.status} after ${timeoutMs} ms`);
}
