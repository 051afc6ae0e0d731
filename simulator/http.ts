import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface HttpServer {
	url: string;
	/** Drops open connections (keep-alive and hung requests) and stops listening. */
	close(): Promise<void>;
}

export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
	response.end(text);
}

/** Listens on `host:port` (port 0 picks a free one) and hands every request to `handle`. */
export async function listenHttp(handle: RequestHandler, port: number, host: string): Promise<HttpServer> {
	const server = createServer((request, response) => void handle(request, response));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error(`Expected a TCP address, got ${String(address)}`);
	return {
		url: `http://${address.address}:${address.port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
