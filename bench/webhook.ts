/*
 * Webhook intake in a real n8n 2.41.1 (the e2e install; `scripts/e2e/install-n8n.sh 2.41.1`):
 * activation time with every event selected, events/s and p50/p99 for the Instantly Trigger next to
 * n8n's own Webhook node, a 1,000-delivery burst with executions counted, 1,000 forged or malformed
 * deliveries, and a search for the secret in n8n's log and execution data.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { importCredentials, importWorkflow } from '../scripts/e2e/lib/cli';
import { buildAndPack, writeCredentialsFile, writeWorkflowsFile, type WorkflowFile } from '../scripts/e2e/lib/instantly';
import { installN8n, N8N_VERSIONS, startN8n, type N8nHandle } from '../scripts/e2e/lib/n8n';
import { installPackageTarball } from '../scripts/e2e/lib/packages';
import { stopAllProcesses } from '../scripts/e2e/lib/processes';
import { N8nRestClient } from '../scripts/e2e/lib/rest';
import { LATENCY_MS } from './lib/measure';
import { SimProcess } from './lib/sim';
import type { Bench } from './lib/types';

const REPO = resolve(__dirname, '..');
const USER_FOLDER = join(REPO, '.e2e', 'bench-webhook');
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5790);
const API_KEY = 'bench-webhook-key';
const SECRET_HEADER = 'x-n8n-instantly-secret';
const ALL_19 = [
	'all_events', 'email_sent', 'email_opened', 'email_link_clicked', 'reply_received', 'email_bounced', 'lead_unsubscribed',
	'campaign_completed', 'account_error', 'lead_neutral', 'lead_interested', 'lead_not_interested', 'lead_meeting_booked',
	'lead_meeting_completed', 'lead_closed', 'lead_out_of_office', 'lead_wrong_person', 'lead_no_show', 'supersearch_enrichment_completed',
];
const DELIVERIES = 1000;
const CONCURRENCY = 20;

const noOp = (x: number) => ({ id: `noop-${x}`, name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0] as [number, number], parameters: {} });

function triggerWorkflow(id: string, webhookId: string, events: string[]): WorkflowFile {
	return {
		id,
		name: `Bench trigger ${id}`,
		active: false,
		nodes: [
			{ id: `trig-${id}`, name: 'Instantly Trigger', type: 'n8n-nodes-instantly-ai.instantlyTrigger', typeVersion: 1, position: [0, 0], webhookId, parameters: { events, campaign: { __rl: true, mode: 'list', value: '' }, options: {} }, credentials: { instantlyApi: { id: 'benchInstantly', name: 'Instantly (bench)' } } },
			noOp(1),
		],
		connections: { 'Instantly Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const plainWorkflow: WorkflowFile = {
	id: 'benchPlainHook1',
	name: 'Bench plain Webhook',
	active: false,
	nodes: [
		{ id: 'plain-1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '0b1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e999', parameters: { httpMethod: 'POST', path: 'bench-plain', options: {} } },
		noOp(2),
	],
	connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

const TRIGGER_19 = triggerWorkflow('benchTrigger19', '7a1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e419', ALL_19);
const TRIGGER_18 = triggerWorkflow('benchTrigger18', '7a1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e418', ALL_19.slice(1));
const TRIGGER_ONE = triggerWorkflow('benchTriggerOne', '7a1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e401', ['lead_interested']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 25): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await check();
		if (value !== undefined) return value;
		await sleep(everyMs);
	}
	throw new Error(`timed out waiting for ${what}`);
}

async function executionCount(rest: N8nRestClient, workflowId: string): Promise<number> {
	const page = await rest.request<{ count: number; results: Array<{ status: string }> }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=1`);
	return page.count;
}

/** Waits until the execution count of a workflow stops moving (or reaches `expected`). */
async function settledCount(rest: N8nRestClient, workflowId: string, expected: number, timeoutMs = 120_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	while (Date.now() < deadline) {
		const count = await executionCount(rest, workflowId);
		if (count >= expected) return count;
		if (count !== last) [last, stableSince] = [count, Date.now()];
		else if (Date.now() - stableSince > 10_000) return count;
		await sleep(500);
	}
	return last;
}

async function blast(url: string, bodies: Array<{ body: string | Buffer; headers: Record<string, string> }>, concurrency = CONCURRENCY) {
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < bodies.length) {
				const { body, headers } = bodies[next++];
				const t0 = performance.now();
				let status = 'error';
				try {
					const response = await fetch(url, { method: 'POST', headers, body });
					await response.arrayBuffer();
					status = String(response.status);
				} catch (error) {
					status = `error ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
				}
				latencies.push(performance.now() - t0);
				statuses[status] = (statuses[status] ?? 0) + 1;
			}
		}),
	);
	const wallMs = performance.now() - started;
	const sorted = [...latencies].sort((a, b) => a - b);
	return { count: bodies.length, wallMs: Math.round(wallMs), eventsPerSec: round(bodies.length / (wallMs / 1000)), p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), statuses };
}

function event(i: number, tag: string) {
	return {
		timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
		event_type: 'lead_interested',
		workspace: 'bench',
		campaign_id: null,
		campaign_name: null,
		lead_email: `${tag}-${i}@example.com`,
		email_account: 'alex@getacme-mail.com',
		step: 1,
		variant: 1,
		is_first: true,
		email_id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
	};
}

function vmHwmMb(pid: number | undefined): number | undefined {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Math.round(Number(match[1]) / 1024) : undefined;
	} catch {
		return undefined;
	}
}

async function run() {
	await installN8n(N8N_VERSIONS.current);
	const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
	let n8n: N8nHandle | undefined;
	try {
		await sim.call('createWorkspace', { apiKey: API_KEY });
		rmSync(USER_FOLDER, { recursive: true, force: true });
		installPackageTarball(USER_FOLDER, buildAndPack(join(REPO, '.e2e', 'packs')));
		const options = { version: N8N_VERSIONS.current, port: PORT, userFolder: USER_FOLDER };
		const credentialsFile = join(USER_FOLDER, 'import', 'credentials.json');
		const workflowsFile = join(USER_FOLDER, 'import', 'workflows.json');
		writeCredentialsFile(credentialsFile, [{ id: 'benchInstantly', name: 'Instantly (bench)', apiKey: API_KEY, baseUrl: sim.url }]);
		writeWorkflowsFile(workflowsFile, [TRIGGER_19, TRIGGER_18, TRIGGER_ONE, plainWorkflow]);
		await importCredentials(options, credentialsFile);
		await importWorkflow(options, workflowsFile);
		n8n = await startN8n(options);
		const rest = new N8nRestClient(n8n.baseUrl);
		await rest.ensureOwnerAndLogin();
		const webhooks = () => sim.call<Array<{ id: string; event_type?: string | null; target_hook_url: string; headers: Record<string, string> | null }>>('webhooks', API_KEY);

		// --- Activation: activate → every webhook registered in the simulator (3 times each) ---
		const activation: Record<string, unknown> = {};
		for (const [workflow, expected] of [[TRIGGER_19, 1], [TRIGGER_18, 18]] as const) {
			const times: number[] = [];
			let registered = 0;
			let duplicates = 0;
			for (let rep = 0; rep < 3; rep++) {
				const started = performance.now();
				await rest.activateWorkflow(workflow.id);
				const list = await waitFor('registration', async () => {
					const current = await webhooks();
					return current.length >= expected ? current : undefined;
				});
				times.push(performance.now() - started);
				await sleep(1000);
				const settled = await webhooks();
				registered = Math.max(list.length, settled.length);
				duplicates = Math.max(duplicates, settled.length - new Set(settled.map((w) => w.event_type ?? 'custom')).size);
				await rest.deactivateWorkflow(workflow.id);
				await waitFor('unregistration', async () => ((await webhooks()).length === 0 ? true : undefined));
			}
			const sorted = [...times].sort((a, b) => a - b);
			activation[workflow.id] = { events: workflow.nodes[0].parameters.events, webhooksRegistered: registered, duplicates, activationMs: sorted.map(Math.round), medianMs: Math.round(sorted[1]) };
		}

		// --- Intake: Instantly Trigger (1 event) vs the plain Webhook node ---
		await rest.activateWorkflow(TRIGGER_ONE.id);
		await rest.activateWorkflow(plainWorkflow.id);
		const [hook] = await waitFor('trigger webhook', async () => {
			const current = await webhooks();
			return current.length >= 1 ? current : undefined;
		});
		const secret = hook.headers?.[SECRET_HEADER] ?? '';
		const triggerUrl = hook.target_hook_url;
		const plainUrl = n8n.webhookUrl('bench-plain');
		await waitFor('plain webhook', async () => ((await fetch(plainUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 200 ? true : undefined), 30_000, 250);
		await waitFor('trigger answers', async () => ((await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret }, body: JSON.stringify(event(0, 'warm')) })).status === 200 ? true : undefined), 30_000, 250);
		const warmPlain = 1;
		const warmTrigger = 1;

		const rounds: Array<Record<string, unknown>> = [];
		for (let rep = 1; rep <= 3; rep++) {
			for (const target of ['plain', 'trigger'] as const) {
				const bodies = Array.from({ length: DELIVERIES }, (_, i) => ({
					body: JSON.stringify(event(i, `${target}-r${rep}`)),
					headers: { 'content-type': 'application/json', ...(target === 'trigger' ? { [SECRET_HEADER]: secret, 'user-agent': 'axios/0.21.4' } : {}) },
				}));
				const result = await blast(target === 'plain' ? plainUrl : triggerUrl, bodies);
				rounds.push({ target, rep, ...result });
				console.log(`[webhook] ${target} rep ${rep}: ${JSON.stringify(result)}`);
				await sleep(2000);
			}
		}
		const accepted = (target: string) => rounds.filter((r) => r.target === target).reduce((sum, r) => sum + ((r.statuses as Record<string, number>)['200'] ?? 0), 0);
		const triggerExecutions = await settledCount(rest, TRIGGER_ONE.id, accepted('trigger') + warmTrigger);
		const plainExecutions = await settledCount(rest, plainWorkflow.id, accepted('plain') + warmPlain);
		const n8nRssMb = vmHwmMb(n8n.process.pid);

		// --- 1,000 forged or malformed deliveries against the active trigger ---
		const before = await executionCount(rest, TRIGGER_ONE.id);
		const huge = Buffer.alloc(256 * 1024, 'a').toString();
		const kinds: Array<[string, (i: number) => { body: string | Buffer; headers: Record<string, string> }]> = [
			['no secret', (i) => ({ body: JSON.stringify(event(i, 'forged-nosecret')), headers: { 'content-type': 'application/json' } })],
			['wrong secret', (i) => ({ body: JSON.stringify(event(i, 'forged-wrong')), headers: { 'content-type': 'application/json', [SECRET_HEADER]: 'f'.repeat(64) } })],
			['broken JSON (right secret)', (i) => ({ body: `{"event_type":"lead_interested","lead_email":"broken-${i}@example.com"`, headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret } })],
			['huge body 256 KB, no secret', (i) => ({ body: JSON.stringify({ ...event(i, 'huge'), pad: huge }), headers: { 'content-type': 'application/json' } })],
			['text/plain body (right secret)', (i) => ({ body: `event_type=lead_interested&lead_email=plain-${i}@example.com`, headers: { 'content-type': 'text/plain', [SECRET_HEADER]: secret } })],
			['JSON without event_type (right secret)', (i) => ({ body: JSON.stringify({ lead_email: `noevent-${i}@example.com` }), headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret } })],
			['form-urlencoded, wrong secret', (i) => ({ body: `event_type=lead_interested&i=${i}`, headers: { 'content-type': 'application/x-www-form-urlencoded', [SECRET_HEADER]: 'wrong' } })],
		];
		const forged: Record<string, unknown> = {};
		const perKind = Math.ceil(1000 / kinds.length);
		let forgedSent = 0;
		for (const [name, make] of kinds) {
			const count = Math.min(perKind, 1000 - forgedSent);
			forgedSent += count;
			const result = await blast(triggerUrl, Array.from({ length: count }, (_, i) => make(i)), 10);
			forged[name] = { count, statuses: result.statuses };
		}
		await sleep(5000);
		const after = await executionCount(rest, TRIGGER_ONE.id);
		const stillServing = (await fetch(plainUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"after":"forged"}' })).status;
		const validAfter = (await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret }, body: JSON.stringify(event(1, 'after-forged')) })).status;

		// --- The secret in n8n's log and execution data ---
		const recent = await rest.request<{ results: Array<{ id: string }> }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_ONE.id }))}&limit=50`);
		let inExecutions = 0;
		for (const { id } of recent.results) {
			const raw = await rest.request('GET', `/rest/executions/${id}`);
			if (JSON.stringify(raw).includes(secret)) inExecutions++;
		}
		const logs = [n8n.logFile, join(USER_FOLDER, 'n8n-cli.log'), join(USER_FOLDER, '.n8n', 'n8nEventLog.log')].filter(existsSync);
		const inLogs = Object.fromEntries(logs.map((file) => [file.replace(REPO + '/', ''), readFileSync(file, 'utf8').split(secret).length - 1]));

		await rest.deactivateWorkflow(TRIGGER_ONE.id);
		await rest.deactivateWorkflow(plainWorkflow.id);

		const summarize = (target: string) => {
			const rs = rounds.filter((r) => r.target === target);
			const stat = (key: string) => {
				const v = rs.map((r) => r[key] as number).sort((a, b) => a - b);
				return { median: v[1], min: v[0], max: v[2] };
			};
			return { eventsPerSec: stat('eventsPerSec'), p50Ms: stat('p50Ms'), p99Ms: stat('p99Ms') };
		};
		const plain = summarize('plain');
		const trigger = summarize('trigger');
		return {
			n8nVersion: N8N_VERSIONS.current,
			concurrency: CONCURRENCY,
			activation,
			rounds,
			plain,
			trigger,
			intakeRatio: round(trigger.eventsPerSec.median / plain.eventsPerSec.median, 2),
			deliveriesAccepted: { trigger: accepted('trigger'), plain: accepted('plain') },
			executionsRecorded: { trigger: triggerExecutions - warmTrigger, plain: plainExecutions - warmPlain },
			n8nPeakRssMb: n8nRssMb,
			forged,
			forgedExecutions: after - before,
			afterForged: { plainWebhookStatus: stillServing, validTriggerDeliveryStatus: validAfter },
			secretFound: { executionsChecked: recent.results.length, executionsContainingSecret: inExecutions, logOccurrences: inLogs },
		};
	} finally {
		await n8n?.stop();
		await sim.close();
		await stopAllProcesses();
	}
}

const bench: Bench = {
	name: 'webhook',
	title: 'Webhook intake and activation in a real n8n 2.41.1',
	cases: [{ id: 'n8n-2.41.1', label: 'Instantly Trigger vs Webhook node, n8n 2.41.1', reps: 1, run }],
};
export default bench;
