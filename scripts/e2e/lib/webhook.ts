import { request } from 'node:http';

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
 * POSTs a body exactly as given, with only the headers given: unlike fetch, no Content-Type is
 * added when none is set (a delivery without one is a case of its own).
 */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<Delivery> {
	return await new Promise((resolve, reject) => {
		const outgoing = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			response.on('error', reject);
		});
		outgoing.on('error', reject);
		outgoing.end(body);
	});
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

