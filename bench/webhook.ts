/*
 * Webhook intake in a real n8n (the e2e installs; `scripts/e2e/install-n8n.sh <version>`): activation
 * time with every event selected, events/s and p50/p99 for the Instantly Trigger next to n8n's own
 * Webhook node, a 1,000-delivery burst with executions counted, 1,000 forged or malformed deliveries,
 * and a search for the secret in n8n's log and execution data. One case per n8n line and setting:
 * n8n 2.x's default expression engine builds an isolate per request for every webhook start node but
 * its own Webhook node, which is what the settings cases isolate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowFile } from '../scripts/e2e/lib/instantly';
import { N8N_VERSIONS } from '../scripts/e2e/lib/n8n';
import { stopAllProcesses } from '../scripts/e2e/lib/processes';
import type { N8nRestClient } from '../scripts/e2e/lib/rest';
import { LATENCY_MS } from './lib/measure';
import { BENCH_CREDENTIAL, REPO, sleep, startBenchN8n, waitFor, type BenchN8n } from './lib/n8nHost';
import { SimProcess } from './lib/sim';
import type { Bench, BenchCase } from './lib/types';

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

function triggerWorkflow(id: string, webhookId: string, events: string[], typeVersion = 2): WorkflowFile {
	return {
		id,
		name: `Bench trigger ${id}`,
		active: false,
		nodes: [
			{ id: `trig-${id}`, name: 'Instantly Trigger', type: 'n8n-nodes-instantly-ai.instantlyTrigger', typeVersion, position: [0, 0], webhookId, parameters: { events, campaign: { __rl: true, mode: 'list', value: '' }, options: {} }, credentials: { instantlyAiApi: BENCH_CREDENTIAL } },
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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

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

interface IntakeSetting {
	id: string;
	label: string;
	version: string;
	/** n8n settings on top of the e2e defaults (the 1.x line always runs the legacy engine). */
	extraEnv?: Record<string, string>;
	/** The intake trigger's typeVersion; 2 (what new workflows get) unless set. */
	triggerVersion?: number;
}

async function run(setting: IntakeSetting) {
	const intakeTrigger = triggerWorkflow('benchTriggerOne', '7a1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e401', ['lead_interested'], setting.triggerVersion);
	const sim = await SimProcess.start({ latencyMs: LATENCY_MS });
	let host: BenchN8n | undefined;
	try {
		await sim.call('createWorkspace', { apiKey: API_KEY });
		host = await startBenchN8n({
			version: setting.version,
			name: `webhook-${setting.id}`,
			port: PORT,
			apiKey: API_KEY,
			simulatorUrl: sim.url,
			workflows: [TRIGGER_19, TRIGGER_18, intakeTrigger, plainWorkflow],
			extraEnv: setting.extraEnv,
		});
		const { n8n, rest, userFolder } = host;
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
		await rest.activateWorkflow(intakeTrigger.id);
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
			// Alternate which goes first, so neither always meets a warmer or a busier n8n.
			for (const target of rep % 2 ? (['plain', 'trigger'] as const) : (['trigger', 'plain'] as const)) {
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
		const triggerExecutions = await settledCount(rest, intakeTrigger.id, accepted('trigger') + warmTrigger);
		const plainExecutions = await settledCount(rest, plainWorkflow.id, accepted('plain') + warmPlain);
		const n8nRssMb = host.memoryMb().peakRssMb;

		// --- 1,000 forged or malformed deliveries against the active trigger ---
		const before = await executionCount(rest, intakeTrigger.id);
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
		const after = await executionCount(rest, intakeTrigger.id);
		const stillServing = (await fetch(plainUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"after":"forged"}' })).status;
		const validAfter = (await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret }, body: JSON.stringify(event(1, 'after-forged')) })).status;

		// --- The secret in n8n's log and execution data ---
		const recent = await rest.request<{ results: Array<{ id: string }> }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: intakeTrigger.id }))}&limit=50`);
		let inExecutions = 0;
		for (const { id } of recent.results) {
			const raw = await rest.request('GET', `/rest/executions/${id}`);
			if (JSON.stringify(raw).includes(secret)) inExecutions++;
		}
		const logs = [n8n.logFile, join(userFolder, 'n8n-cli.log'), join(userFolder, '.n8n', 'n8nEventLog.log')].filter(existsSync);
		const inLogs = Object.fromEntries(logs.map((file) => [file.replace(REPO + '/', ''), readFileSync(file, 'utf8').split(secret).length - 1]));

		await rest.deactivateWorkflow(intakeTrigger.id);
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
			n8nVersion: setting.version,
			n8nSettings: setting.extraEnv ?? {},
			triggerVersion: intakeTrigger.nodes[0].typeVersion,
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
		await host?.stop();
		await sim.close();
		await stopAllProcesses();
	}
}

const SETTINGS: IntakeSetting[] = [
	{ id: 'n8n-2.41.1', label: 'n8n 2.41.1, default settings', version: N8N_VERSIONS.current },
	{
		id: 'n8n-2.41.1-lazy-isolate',
		label: 'n8n 2.41.1, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		version: N8N_VERSIONS.current,
		extraEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
	{
		id: 'n8n-2.41.1-lazy-isolate-trigger-v1',
		label: 'n8n 2.41.1, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, trigger at typeVersion 1',
		version: N8N_VERSIONS.current,
		extraEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		triggerVersion: 1,
	},
	{
		id: 'n8n-2.41.1-legacy-engine',
		label: 'n8n 2.41.1, N8N_EXPRESSION_ENGINE=legacy',
		version: N8N_VERSIONS.current,
		extraEnv: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	{ id: 'n8n-1.123.81', label: 'n8n 1.123.81, default settings', version: N8N_VERSIONS.legacy },
];

const bench: Bench = {
	name: 'webhook',
	title: 'Webhook intake and activation in a real n8n',
	cases: SETTINGS.map((setting): BenchCase => ({ id: setting.id, label: `Instantly Trigger vs Webhook node, ${setting.label}`, reps: 1, run: () => run(setting) })),
};
export default bench;
