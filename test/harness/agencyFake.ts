import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for Instantly's agency features, which the simulator does not model yet: a workspace
 * group with accepted, pending and rejected members, and a record of the `x-as-workspace` header of
 * every request. Everything else gets a plain JSON answer, so any operation can run to its request.
 */
export const ADMIN_WORKSPACE_ID = '0a0a0a0a-0000-4000-8000-00000000000a';

export const CLIENTS = {
	acme: { id: '1a1a1a1a-0000-4000-8000-000000000001', name: 'Acme', memberId: 'aaaa0001-0000-4000-8000-00000000aaaa', status: 'accepted' },
	globex: { id: '2b2b2b2b-0000-4000-8000-000000000002', name: 'Globex', memberId: 'aaaa0002-0000-4000-8000-00000000aaaa', status: 'accepted' },
	initech: { id: '3c3c3c3c-0000-4000-8000-000000000003', name: 'Initech', memberId: 'aaaa0003-0000-4000-8000-00000000aaaa', status: 'pending' },
	umbrella: { id: '4d4d4d4d-0000-4000-8000-000000000004', name: 'Umbrella', memberId: 'aaaa0004-0000-4000-8000-00000000aaaa', status: 'rejected' },
} as const;

/** An id for anything the operations ask for by ID. */
export const ANY_ID = '5e5e5e5e-0000-4000-8000-000000000005';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	actingWorkspace?: string;
	body?: unknown;
}

export interface FakeAnswer {
	status: number;
	body: unknown;
}

export interface AgencyFakeOptions {
	/** Answers a request before the defaults do; undefined leaves it to them. */
	answer?: (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer | undefined> | undefined;
	/** Instantly's status for the member list, as a non-admin key might get. */
	directoryStatus?: number;
}

export const WORKSPACE_GROUP_MEMBERS = '/api/v2/workspace-group-members';

const member = (client: (typeof CLIENTS)[keyof typeof CLIENTS]) => ({
	id: client.memberId,
	admin_workspace_id: ADMIN_WORKSPACE_ID,
	admin_workspace_name: 'Agency',
	sub_workspace_id: client.id,
	sub_workspace_name: client.name,
	status: client.status,
	timestamp_created: '2026-01-01T00:00:00.000Z',
	timestamp_updated: '2026-01-01T00:00:00.000Z',
});

function defaultAnswer(request: RecordedRequest, options: AgencyFakeOptions): FakeAnswer {
	const members = Object.values(CLIENTS).map(member);
	if (request.path === WORKSPACE_GROUP_MEMBERS) {
		if (options.directoryStatus) {
			return { status: options.directoryStatus, body: { statusCode: options.directoryStatus, error: 'Forbidden', message: 'Not an admin workspace' } };
		}
		const limit = Number(request.query.limit ?? 10);
		const start = request.query.starting_after ? members.findIndex((entry) => entry.id === request.query.starting_after) + 1 : 0;
		const items = members.slice(start, start + limit);
		const more = start + limit < members.length;
		return { status: 200, body: more ? { items, next_starting_after: items[items.length - 1].id } : { items } };
	}
	if (request.path === `${WORKSPACE_GROUP_MEMBERS}/admin`) {
		return request.actingWorkspace
			? { status: 200, body: { workspace_name: 'Agency', has_admin_workspace: true, workspace_group_member_id: CLIENTS.acme.memberId } }
			: { status: 200, body: { workspace_name: 'Undefined', has_admin_workspace: false } };
	}
	if (request.path.startsWith(`${WORKSPACE_GROUP_MEMBERS}/`)) {
		const found = members.find((entry) => entry.id === request.path.slice(WORKSPACE_GROUP_MEMBERS.length + 1));
		return found ? { status: 200, body: found } : { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } };
	}
	if (request.path === '/api/v2/workspaces/current') {
		return { status: 200, body: { id: request.actingWorkspace ?? ADMIN_WORKSPACE_ID, name: 'Current' } };
	}
	return { status: 200, body: { id: ANY_ID, items: [], status: 'success' } };
}

/** Starts the fake on 127.0.0.1; `requests` records every request in arrival order. */
export async function startAgencyFake(options: AgencyFakeOptions = {}) {
	const requests: RecordedRequest[] = [];
	const server = createServer((incoming, response) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			void (async () => {
				const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
				const text = Buffer.concat(chunks).toString('utf8');
				const header = incoming.headers['x-as-workspace'];
				const request: RecordedRequest = {
					method: incoming.method ?? 'GET',
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					actingWorkspace: Array.isArray(header) ? header.join(',') : header,
					body: text === '' ? undefined : (JSON.parse(text) as unknown),
				};
				requests.push(request);
				const { status, body } = (await options.answer?.(request)) ?? defaultAnswer(request, options);
				response.statusCode = status;
				response.setHeader('content-type', 'application/json');
				response.end(JSON.stringify(body));
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		/** The requests other than the member-list lookups. */
		actions: () => requests.filter((request) => request.path !== WORKSPACE_GROUP_MEMBERS),
		lookups: () => requests.filter((request) => request.path === WORKSPACE_GROUP_MEMBERS),
		clear: () => void (requests.length = 0),
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
