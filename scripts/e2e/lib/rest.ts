import { parseFlatted } from './flatted';
import { delay } from './processes';

/** The instance owner the e2e suite creates and logs in as. */
export interface N8nOwner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** Default owner; the password meets n8n's rules (8+ characters, a digit, an upper-case letter). */
export const E2E_OWNER: N8nOwner = {
	email: 'owner@example.com',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-Passw0rd',
};

/** The fields of a workflow the suite reads. */
export interface N8nWorkflow {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
	activeVersionId?: string | null;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; webhookId?: string }>;
	staticData?: unknown;
}

/** One row of the executions list. */
export interface N8nExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
}

/** An execution with its run data parsed (`data.resultData.runData[nodeName][run].data.main`). */
export interface N8nExecution extends N8nExecutionSummary {
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>>;
			error?: { message: string; description?: string | null };
			lastNodeExecuted?: string;
		};
	};
}

/**
 * Body of `POST /rest/credentials/test` on 1.x and 2.x alike: `id` must name a stored credential
 * the user can read, and `data` must carry the field values: n8n tests what is sent, not what is
 * stored (without `data` it fails with "Node "Temp-Node" does not have any credentials").
 */
export interface N8nCredentialForTest {
	id: string;
	name?: string;
	type: string;
	data: Record<string, unknown>;
}

/** A stored credential as the REST API returns it (without its data). */
export interface N8nCredential {
	id: string;
	name: string;
	type: string;
}

/** Result of `POST /rest/credentials/test`. */
export interface N8nCredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** What the editor reads of a node type from nodes.json. */
export interface N8nNodeType {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
}

/** Error for a non-2xx REST answer, keeping the status and body for assertions. */
export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${path} → ${status}: ${body.slice(0, 500)}`);
	}
}

/** Calls n8n's internal REST API (`/rest/*`) with a cookie session, as the editor does. */
export class N8nRestClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	/** Creates the instance owner (only possible once per user folder). */
	async setupOwner(owner: N8nOwner = E2E_OWNER): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
	}

	/** Logs in and keeps the `n8n-auth` cookie for the following calls. */
	async login(owner: N8nOwner = E2E_OWNER): Promise<void> {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** Sets the owner up when the instance is fresh, then logs in. */
	async ensureOwnerAndLogin(owner: N8nOwner = E2E_OWNER): Promise<void> {
		const settings = await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
		if (settings.userManagement?.showSetupOnFirstLoad) await this.setupOwner(owner);
		await this.login(owner);
	}

	/** The `n8n-auth` cookie value, e.g. to hand to a browser. */
	get authCookie(): string {
		return this.cookie;
	}

	/** Reads a workflow. */
	async getWorkflow(id: string): Promise<N8nWorkflow> {
		return await this.request<N8nWorkflow>('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/** Activates (2.x: publishes) the workflow's current version. 2.x finishes the trigger setup asynchronously. */
	async activateWorkflow(id: string): Promise<N8nWorkflow> {
		const { versionId } = await this.getWorkflow(id);
		return await this.request<N8nWorkflow>('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId });
	}

	/** Deactivates a workflow (its trigger's `delete()` runs; asynchronously on 2.x). */
	async deactivateWorkflow(id: string): Promise<N8nWorkflow> {
		return await this.request<N8nWorkflow>('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`);
	}

	/** Lists executions, newest first, optionally of one workflow. */
	async listExecutions(workflowId?: string): Promise<N8nExecutionSummary[]> {
		const query = workflowId ? `?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}` : '';
		const page = await this.request<{ results: N8nExecutionSummary[] }>('GET', `/rest/executions${query}`);
		return page.results;
	}

	/** Reads one execution with its run data. */
	async getExecution(id: string): Promise<N8nExecution> {
		const execution = await this.request<N8nExecution & { data: unknown }>('GET', `/rest/executions/${encodeURIComponent(id)}`);
		const data = typeof execution.data === 'string' ? parseFlatted(execution.data) : execution.data;
		return { ...execution, data: data as N8nExecution['data'] };
	}

	/** Polls until the workflow has at least `count` finished executions; returns them newest first. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<N8nExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let finished: N8nExecutionSummary[] = [];
		while (Date.now() < deadline) {
			const executions = await this.listExecutions(workflowId);
			finished = executions.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
			if (finished.length >= count) return finished;
			await delay(300);
		}
		throw new Error(`workflow ${workflowId}: ${finished.length} of ${count} executions after ${timeoutMs} ms`);
	}

	/** Stores a credential in the owner's personal project (n8n encrypts `data`). */
	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<N8nCredential> {
		return await this.request<N8nCredential>('POST', '/rest/credentials', { name, type, data });
	}

	/** Runs the credential type's `test` through `POST /rest/credentials/test`; the credential must be stored. */
	async testCredential(credentials: N8nCredentialForTest): Promise<N8nCredentialTestResult> {
		return await this.request<N8nCredentialTestResult>('POST', '/rest/credentials/test', {
			credentials: { name: '', ...credentials },
		});
	}

	/** Every node type description the instance loaded (`GET /types/nodes.json`). */
	async nodeTypes(): Promise<N8nNodeType[]> {
		return await this.typesFile<N8nNodeType[]>('/types/nodes.json');
	}

	/** Every credential type the instance loaded (`GET /types/credentials.json`), once per type name n8n kept. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		return await this.typesFile<Array<{ name: string; displayName: string }>>('/types/credentials.json');
	}

	/**
	 * A `/types/*.json` file. n8n rewrites these files after a community package is installed and
	 * serves them from disk, so a read during the rewrite can return a truncated file: read again
	 * until it parses (a few seconds at most), rather than fail on the half-written copy.
	 */
	private async typesFile<T>(path: string): Promise<T> {
		const attempts = 40;
		for (let attempt = 1; ; attempt++) {
			const text = await (await this.send('GET', path)).text();
			try {
				return JSON.parse(text) as T;
			} catch (error) {
				if (attempt === attempts) throw error;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	/** Sends a request to n8n and unwraps the `{ data }` envelope of `/rest` answers. */
	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.send(method, path, body);
		const text = await response.text();
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	private async send(method: string, path: string, body?: unknown): Promise<Response> {
		const headers: Record<string, string> = {
			// The auth cookie is bound to the browser id it was issued with.
			'browser-id': 'n8n-nodes-instantly-ai-e2e',
		};
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		if (!response.ok) throw new N8nRestError(method, path, response.status, await response.text());
		return response;
	}
}
