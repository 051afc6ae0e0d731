/**
 * The package inside a real n8n, against the Instantly simulator, with no clicks:
 * simulator (demo workspace) → package tarball installed into a fresh user folder → credential
 * and example workflows imported (CLI) → n8n started → node types, credential tests, activation
 * (webhooks registered in the simulator), events → executions → simulator state, forged
 * deliveries refused, action workflows, optional editor check, restart, deactivation → every
 * process stopped. Each assertion is a named check; the results go to a JSON file.
 *
 * `--queue` (2.x only) runs the same checks in n8n queue mode: Redis on a free port, `n8n start`
 * (main: REST, activation), `n8n webhook` (deliveries; `WEBHOOK_URL` points at it) and
 * `n8n worker` (executions) sharing one user folder, ports `--port` (main), +2 (webhook), +4
 * (worker health); plus checks that main serves no production webhooks, that every execution was
 * enqueued by the webhook process and run by the worker, and that every process stopped.
 *
 * Usage: tsx scripts/e2e/scenario.ts --version 2.41.1|1.123.81 [--browser] [--queue] [--port N]
 *        [--tarball path.tgz] [--out results.json]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { startSimulator, seedDemoWorkspace, type Simulator } from '../../simulator';
import { importCredentials, importWorkflow } from './lib/cli';
import {
	buildAndPack,
	byId,
	DEMO_CREDENTIAL,
	loadExamples,
	PACKAGE_NAME,
	REPO_ROOT,
	SECRET_HEADER,
	SimulatorControl,
	triggerEvents,
	triggerUrl,
	webhookVariant,
	wireInterestedTable,
	fillDailyImport,
	setParameter,
	setTypeVersion,
	writeCredentialsFile,
	writeWorkflowsFile,
	type DataTableRef,
	type SimulatorState,
	type WorkflowFile,
} from './lib/instantly';
import { installN8n, isLegacyN8n, N8N_VERSIONS, startN8n, type N8nHandle, type N8nInstanceOptions } from './lib/n8n';
import { installPackageTarball } from './lib/packages';
import { delay, stopAllProcesses } from './lib/processes';
import { freePort, processGroupAlive, startQueueCluster, startRedis, type QueueCluster, type RedisHandle } from './lib/queue';
import { N8nRestClient, type N8nExecution, type N8nExecutionSummary } from './lib/rest';
import { postJson, postRaw } from './lib/webhook';
import { browserCheck } from './browser-check';
import { assert, Checks, type LineResult } from './lib/checks';

const ARTIFACTS = join(REPO_ROOT, '.e2e');
const DEMO_KEY = 'demo-key';
const ACTIONS_FIXTURE = join(__dirname, 'fixtures', 'actions.workflow.json');
/** The fault drills' Webhook → Instantly workflows, the campaign-filtered trigger and n8n's own Webhook as a body echo. */
const DRILLS_FIXTURE = join(__dirname, 'fixtures', 'drills.workflows.json');
const DEFAULT_PORTS: Record<string, number> = { [N8N_VERSIONS.current]: 5731, [N8N_VERSIONS.legacy]: 5741 };
/** Main's port in queue mode; the webhook process gets +2, the worker's health server +4. */
const DEFAULT_QUEUE_PORT = 5811;
const IDS = {
	reply: 'instReplyIntrst1',
	bounce: 'instBounceBlock1',
	table: 'instInterestTbl1',
	daily: 'instDailyImport1',
	dailyHook: 'instDailyImpHook',
	actions: 'instE2eActions01',
	faultGet: 'instE2eFaultGet1',
	faultReply: 'instE2eFaultRep1',
	deliveries: 'instE2eDeliver01',
	bodyProbe: 'instE2eBodyProbe',
} as const;
const DAILY_HOOK_PATH = 'e2e-daily-import';
const ACTIONS_PATH = 'e2e-actions';
const FAULT_GET_PATH = 'e2e-fault-get';
const FAULT_REPLY_PATH = 'e2e-fault-reply';
const BODY_PROBE_PATH = 'e2e-body-probe';
/** What the transport says when a write's answer was lost (nodes/Instantly/transport/request.ts). */
const MAYBE_APPLIED = 'may or may not have been applied';

interface Context {
	version: string;
	/** Main (the only process in single mode): REST, activation. */
	n8n: N8nHandle;
	/** Base URL production webhooks are delivered to: main, or the webhook process in queue mode. */
	webhookBase: string;
	/** Queue mode only. */
	cluster?: QueueCluster;
	rest: N8nRestClient;
	simulator: Simulator;
	control: SimulatorControl;
	workspaceId: string;
	workflows: Record<keyof typeof IDS, WorkflowFile>;
	seen: Map<string, Set<string>>;
	table?: DataTableRef;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const result = await runLine(args);
	mkdirSync(dirname(args.out), { recursive: true });
	writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
	const failed = result.checks.filter((check) => check.status === 'failed');
	console.log(
		`[scenario ${args.label}] ${result.checks.length - failed.length} passed, ${failed.length} failed` +
			(result.runtimeError ? `, runtime error: ${result.runtimeError}` : '') +
			`; timings ${JSON.stringify(result.timings)}; results in ${args.out}`,
	);
	if (failed.length > 0 || result.runtimeError) process.exitCode = 1;
}

async function runLine(args: Args): Promise<LineResult> {
	const { version, label } = args;
	const checks = new Checks(label);
	const timings: Record<string, number> = {};
	const started = Date.now();
	let simulator: Simulator | undefined;
	let n8n: N8nHandle | undefined;
	let cluster: QueueCluster | undefined;
	let redis: RedisHandle | undefined;
	const time = async <T>(key: string, body: () => Promise<T> | T): Promise<T> => {
		const at = Date.now();
		try {
			return await body();
		} finally {
			timings[key] = Date.now() - at;
		}
	};
	try {
		if (args.queue && isLegacyN8n(version)) throw new Error('--queue is proven on the 2.x line only');
		await time('installMs', async () => await installN8n(version));
		const tarball = args.tarball ?? (await time('buildPackMs', () => buildAndPack(join(ARTIFACTS, 'packs'))));

		simulator = await startSimulator({ rateLimits: false });
		const demo = seedDemoWorkspace(simulator, DEMO_KEY);
		const control = new SimulatorControl(simulator.url);
		const state = await control.state(demo.id);
		log(label, `simulator at ${simulator.url}, demo workspace ${demo.id}`);

		const userFolder = join(ARTIFACTS, `scenario-${label}`);
		rmSync(userFolder, { recursive: true, force: true });
		const options: N8nInstanceOptions = { version, port: args.port, userFolder };
		const installed = installPackageTarball(userFolder, tarball);
		log(label, `installed ${installed.name}@${installed.version} (tarball ${tarball}) into ${userFolder}/.n8n/nodes`);

		// Workspaces for the credential test's error answers (the control API, as any client would).
		await control.createWorkspace({ apiKey: 'unpaid-key', paid: false, name: 'Unpaid (e2e)' });
		await control.createWorkspace({ apiKey: 'leads-only-key', scopes: ['leads:all'], name: 'Leads-only key (e2e)' });

		const workflows = prepareWorkflows(state, args.queue);
		// The CLI imports run without the queue settings (they only write the shared database).
		if (args.queue) {
			redis = await time('redisStartMs', async () => await startRedis(join(userFolder, 'redis'), await freePort()));
			log(label, `redis-server on 127.0.0.1:${redis.port} (log ${redis.logFile})`);
		}
		await time('cliImportMs', async () => {
			const credentialsFile = join(userFolder, 'import', 'credentials.json');
			writeCredentialsFile(credentialsFile, [
				{ ...DEMO_CREDENTIAL, apiKey: DEMO_KEY, baseUrl: simulator!.url },
				{ id: 'instantlyWrong', name: 'Instantly (wrong key)', apiKey: 'not-a-key', baseUrl: simulator!.url },
				{ id: 'instantlyUnpaid', name: 'Instantly (unpaid)', apiKey: 'unpaid-key', baseUrl: simulator!.url },
				{ id: 'instantlyNoScope', name: 'Instantly (leads only)', apiKey: 'leads-only-key', baseUrl: simulator!.url },
			]);
			await importCredentials(options, credentialsFile);
			const workflowsFile = join(userFolder, 'import', 'workflows.json');
			writeWorkflowsFile(workflowsFile, Object.values(workflows));
			await importWorkflow(options, workflowsFile);
		});

		if (args.queue) {
			const ports = { main: args.port, webhook: args.port + 2, worker: args.port + 4 };
			cluster = await time('startMs', async () => await startQueueCluster(options, ports, redis));
			n8n = cluster.main;
			log(label, `queue mode: main ${cluster.main.baseUrl}, webhook process ${cluster.webhook.baseUrl}, worker health ${cluster.worker.baseUrl}`);
		} else {
			n8n = await time('startMs', async () => await startN8n(options));
		}
		log(label, `n8n ready at ${n8n.baseUrl} (log ${n8n.logFile})`);
		const rest = new N8nRestClient(n8n.baseUrl);
		await rest.ensureOwnerAndLogin();
		const webhookBase = cluster?.webhook.baseUrl ?? n8n.baseUrl;
		const ctx: Context = { version, n8n, webhookBase, cluster, rest, simulator, control, workspaceId: demo.id, workflows, seen: new Map() };

		await checks.run('node types: nodes.json lists instantly and instantlyTrigger', async () => {
			const types = new Set((await rest.nodeTypes()).map((type) => type.name));
			for (const name of [`${PACKAGE_NAME}.instantly`, `${PACKAGE_NAME}.instantlyTrigger`]) {
				assert(types.has(name), `nodes.json lacks ${name}`);
			}
		});
		await credentialChecks(ctx, checks, simulator.url);

		await checks.run('data table "Interested leads" created and wired into the example', async () => await wireDataTable(ctx));
		await checks.run(
			'activation: every example workflow activates over REST',
			async () => {
				for (const id of Object.values(IDS)) {
					const workflow = await rest.activateWorkflow(id);
					assert(workflow.active !== false, `${id} answered active=${String(workflow.active)}`);
				}
			},
			true,
		);
		await checks.run('activation: simulator holds exactly one webhook per event per trigger, with the secret header', async () =>
			await waitForExpectedWebhooks(ctx),
		);
		if (cluster) {
			await checks.run('queue: production webhooks are served by the webhook process only (main answers 404)', async () =>
				await webhookProcessOnlyCheck(ctx),
			);
		}
		await eventChecks(ctx, checks, 'first start');
		if (!cluster) await deliveryChecks(ctx, checks);
		await checks.run('forged deliveries (no secret, wrong secret) → 401 and no execution', async () => await forgedChecks(ctx));
		await checks.run('secrets: in no stored execution (data, workflow, static data) nor in n8n\'s log', async () => await secretsKeptCheck(ctx));
		if (cluster) {
			await checks.run('queue: duplicate-delivery filter runs in the webhook process (same delivery twice → one execution)', async () =>
				await duplicateFilterCheck(ctx),
			);
		}
		await checks.run('action workflow: campaign created + activated, lead created, block list entry created', async () =>
			await actionsCheck(ctx),
		);
		await checks.run('daily import (webhook variant): list leads added to the campaign', async () => await dailyImportCheck(ctx));
		if (!cluster) {
			await checks.run('fault drill: Campaign › Get whose first connection drops → retried, execution succeeds, 2 requests', async () =>
				await droppedReadDrill(ctx),
			);
			await checks.run(`fault drill: Email › Reply applied, then its answer lost → execution fails "${MAYBE_APPLIED}", one reply sent`, async () =>
				await lostReplyDrill(ctx),
			);
		}

		if (args.browser && !args.queue) {
			const at = Date.now();
			await checks.run('browser: editor shows our nodes and panels without issues', async () =>
				await browserCheck(
					n8n!.baseUrl,
					{ workflowId: IDS.reply, triggerNode: 'Instantly Trigger', actionNode: 'Mark Lead Interested' },
					args.screenshots ?? join(ARTIFACTS, `screenshots-${label}`),
				),
			);
			timings.browserMs = Date.now() - at;
		}

		const before = await control.state(demo.id);
		if (cluster) {
			// Main is the process that activates; the webhook process and the worker keep running.
			n8n = await time('restartMs', async () => await cluster!.restartMain());
		} else {
			await n8n.stop();
			n8n = await time('restartMs', async () => await startN8n(options));
		}
		ctx.n8n = n8n;
		await rest.login();
		await checks.run('restart: no duplicate webhooks, same registrations as before', async () => {
			// 1.x runs checkExists (and create if missing) after start; give it time to do so.
			await delay(3_000);
			await waitForExpectedWebhooks(ctx);
			const after = await control.state(demo.id);
			const ids = (s: SimulatorState) => s.webhooks.map((hook) => hook.id).sort();
			assert(JSON.stringify(ids(after)) === JSON.stringify(ids(before)), `webhook ids changed: ${ids(before)} → ${ids(after)}`);
		});
		await eventChecks(ctx, checks, 'after restart');
		if (cluster) {
			await checks.run('queue: every execution was enqueued by the webhook process and run by the worker', async () =>
				await workerRanEverythingCheck(ctx),
			);
		}

		await checks.run('deactivation: every workflow deactivates, zero webhooks left in the simulator', async () => {
			for (const id of Object.values(IDS)) await rest.deactivateWorkflow(id);
			await waitFor('no webhooks in the simulator', async () => (await control.state(demo.id)).webhooks.length === 0, 30_000);
		});
		await checks.run('OpenAPI: zero requests failed the simulator validation', async () => {
			const invalid = await control.invalidRequests();
			assert(invalid.length === 0, `${invalid.length} invalid requests: ${JSON.stringify(invalid).slice(0, 1500)}`);
		});

		if (cluster) {
			const children = cluster.children();
			const simulatorUrl = simulator.url;
			await cluster.stop();
			await simulator.close();
			cluster = undefined;
			n8n = undefined;
			simulator = undefined;
			await checks.run('queue: redis, main, webhook process, worker and simulator all stopped', async () => {
				await waitFor('every process group gone', async () => children.every((child) => !processGroupAlive(child)), 10_000).catch(() => {
					const alive = children.filter(processGroupAlive).map((child) => `${child.spawnfile} (pid ${child.pid})`);
					throw new Error(`still running: ${alive.join(', ')}`);
				});
				const answer = await fetch(`${simulatorUrl}/__simulator/requests`).then((response) => response.status, () => 'refused');
				assert(answer === 'refused', `the simulator still answers (${answer})`);
			});
		} else {
			await n8n.stop();
			n8n = undefined;
			await simulator.close();
			simulator = undefined;
		}
		timings.totalMs = Date.now() - started;
		return { version, checks: checks.results, timings };
	} catch (error) {
		console.error(error);
		timings.totalMs = Date.now() - started;
		return { version, checks: checks.results, timings, runtimeError: error instanceof Error ? error.message : String(error) };
	} finally {
		await cluster?.stop();
		await n8n?.stop();
		await redis?.stop();
		await simulator?.close();
		await stopAllProcesses();
	}
}

/** The examples with the demo workspace's list and campaign, plus the two e2e webhook workflows. */
function prepareWorkflows(state: SimulatorState, queue = false): Record<keyof typeof IDS, WorkflowFile> {
	const examples = new Map(loadExamples().map((workflow) => [workflow.id, workflow]));
	const get = (id: string) => {
		const workflow = examples.get(id);
		if (!workflow) throw new Error(`examples/ has no workflow with id ${id}`);
		return workflow;
	};
	const daily = get(IDS.daily);
	const list = state.leadLists[0];
	const campaign = state.campaigns[1];
	fillDailyImport(daily, list, campaign);
	const actions = JSON.parse(readFileSync(ACTIONS_FIXTURE, 'utf8')) as WorkflowFile;
	const drills = new Map((JSON.parse(readFileSync(DRILLS_FIXTURE, 'utf8')) as WorkflowFile[]).map((workflow) => [workflow.id, workflow]));
	const drill = (id: string) => {
		const workflow = drills.get(id);
		if (!workflow) throw new Error(`${DRILLS_FIXTURE} has no workflow with id ${id}`);
		return workflow;
	};
	// Filtered on the first demo campaign: deliveries for the second one prove the filter.
	setParameter(drill(IDS.deliveries), 'Instantly Trigger', 'campaign', byId(state.campaigns[0].id));
	// Queue mode proves the duplicate filter runs in the webhook process (see duplicateFilterCheck).
	if (queue) setParameter(get(IDS.bounce), 'Instantly Trigger', 'options.duplicateWindowMinutes', 10);
	// Workflows saved before version 2 keep typeVersion 1: the bounce example proves that version here.
	setTypeVersion(get(IDS.bounce), 'Instantly Trigger', 1);
	return {
		reply: get(IDS.reply),
		bounce: get(IDS.bounce),
		table: get(IDS.table),
		daily,
		dailyHook: webhookVariant(daily, IDS.dailyHook, DAILY_HOOK_PATH, '6f1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e406'),
		actions,
		faultGet: drill(IDS.faultGet),
		faultReply: drill(IDS.faultReply),
		deliveries: drill(IDS.deliveries),
		bodyProbe: drill(IDS.bodyProbe),
	};
}

/** The workflows that start with an Instantly Trigger (each registers webhooks). */
function triggerWorkflows(ctx: Context): WorkflowFile[] {
	return [ctx.workflows.reply, ctx.workflows.bounce, ctx.workflows.table, ctx.workflows.deliveries];
}

async function credentialChecks(ctx: Context, checks: Checks, baseUrl: string): Promise<void> {
	const test = async (id: string, apiKey: string) =>
		await ctx.rest.testCredential({ id, type: 'instantlyAiApi', data: { apiKey, baseUrl } });
	await checks.run('credential test: demo key → OK', async () => {
		const result = await test(DEMO_CREDENTIAL.id, DEMO_KEY);
		assert(result.status === 'OK', `answered ${JSON.stringify(result)}`);
	});
	const messages: string[] = [];
	// n8n 1.123.81 and 2.41.1 never apply the credential's responseCode rules (the error they catch
	// has no `cause.response`), so the answer is n8n's own message for the status; either is accepted.
	for (const [id, key, code, generic] of [
		['instantlyWrong', 'not-a-key', '401', /authori[sz]ation failed|unauthori[sz]ed/i],
		['instantlyUnpaid', 'unpaid-key', '402', /payment required/i],
		['instantlyNoScope', 'leads-only-key', '403', /forbidden/i],
	] as const) {
		await checks.run(`credential test: ${code} → Error`, async () => {
			const result = await test(id, key);
			assert(
				result.status === 'Error' && (result.message.includes(`(${code})`) || generic.test(result.message)),
				`answered ${JSON.stringify(result)}`,
			);
			log(ctx.cluster ? `${ctx.version}-queue` : ctx.version, `credential test ${code}: ${result.message}`);
			messages.push(result.message);
		});
	}
	await checks.run('credential test: the three error messages differ', async () => {
		assert(messages.length === 3 && new Set(messages).size === 3, `messages: ${JSON.stringify(messages)}`);
	});
}

/** No trigger's secret in what n8n stores with executions (1.x saves static data with each) or logs. */
async function secretsKeptCheck(ctx: Context): Promise<void> {
	const secrets = (await ctx.control.state(ctx.workspaceId)).webhooks
		.map((hook) => hook.headers?.[SECRET_HEADER])
		.filter((secret): secret is string => typeof secret === 'string');
	assert(secrets.length > 0, 'no registered secrets to look for');
	const triggers = triggerWorkflows(ctx);
	let checked = 0;
	for (const workflow of triggers) {
		for (const { id } of await ctx.rest.listExecutions(workflow.id)) {
			const stored = await ctx.rest.request('GET', `/rest/executions/${encodeURIComponent(id)}`);
			const text = JSON.stringify(stored);
			assert(!secrets.some((secret) => text.includes(secret)), `execution ${id} of ${workflow.id} contains a webhook secret`);
			checked++;
		}
	}
	assert(checked > 0, 'no trigger executions to check');
	const processes = ctx.cluster ? [ctx.cluster.main, ctx.cluster.webhook, ctx.cluster.worker] : [ctx.n8n];
	const logs = [...new Set(processes.map((instance) => instance.logFile))].filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'));
	assert(!secrets.some((secret) => logs.some((log) => log.includes(secret))), 'a webhook secret is in an n8n log');
}

async function wireDataTable(ctx: Context): Promise<void> {
	ctx.table = await wireInterestedTable(ctx.rest, IDS.table);
}

async function tableRows(ctx: Context): Promise<Array<Record<string, unknown>>> {
	assert(ctx.table, 'the data table was not created');
	const { tableId, projectId } = ctx.table;
	const page = await ctx.rest.request<{ data: Array<Record<string, unknown>> } | Array<Record<string, unknown>>>(
		'GET',
		`/rest/projects/${projectId}/data-tables/${tableId}/rows?take=100&skip=0`,
	);
	return Array.isArray(page) ? page : page.data;
}

/** Waits until the simulator's webhooks are exactly one per selected event per trigger workflow. */
async function waitForExpectedWebhooks(ctx: Context): Promise<void> {
	const triggers = triggerWorkflows(ctx);
	const expected = triggers
		.flatMap((workflow) => triggerEvents(workflow).map((event) => `${event} → ${triggerUrl(ctx.webhookBase, workflow)}`))
		.sort();
	let actual: string[] = [];
	let hooks: SimulatorState['webhooks'] = [];
	try {
		await waitFor(
			'the expected webhooks',
			async () => {
				hooks = (await ctx.control.state(ctx.workspaceId)).webhooks;
				actual = hooks.map((hook) => `${hook.event_type} → ${hook.target_hook_url}`).sort();
				return JSON.stringify(actual) === JSON.stringify(expected);
			},
			45_000,
		);
	} catch {
		throw new Error(`simulator webhooks ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
	}
	for (const hook of hooks) {
		const secret = hook.headers?.[SECRET_HEADER];
		assert(typeof secret === 'string' && secret.length >= 16, `webhook ${hook.id} has no ${SECRET_HEADER} header: ${JSON.stringify(hook.headers)}`);
	}
}

/** Fires events in the simulator and checks executions and the state the downstream nodes changed. */
async function eventChecks(ctx: Context, checks: Checks, phase: string): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const campaignOf = (lead: { campaign: string | null }) => state.campaigns.find((campaign) => campaign.id === lead.campaign)!;
	const pick = () => unusedCampaignLead(ctx, state);

	await checks.run(`${phase}: reply_received → execution with the payload, Slack text composed, lead marked Interested`, async () => {
		const lead = pick();
		const campaign = campaignOf(lead);
		await ctx.control.event(DEMO_KEY, { event_type: 'reply_received', campaign_id: campaign.id, lead_email: lead.email });
		const execution = await waitForExecutionWith(ctx, IDS.reply, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		const trigger = output(execution, 'Instantly Trigger');
		assert(trigger?.event_type === 'reply_received' && trigger.campaign_id === campaign.id, `trigger output ${JSON.stringify(trigger)}`);
		const message = output(execution, 'Compose Slack Message');
		assert(String(message?.text).includes(lead.email), `message ${JSON.stringify(message)}`);
		assert(output(execution, 'Mark Lead Interested'), 'Mark Lead Interested has no output');
		await waitFor(`${lead.email} interest status 1`, async () => {
			const now = await ctx.control.state(ctx.workspaceId);
			return now.leads.some((candidate) => candidate.email === lead.email && candidate.campaign === campaign.id && candidate.lt_interest_status === 1);
		});
		// Instantly (and the simulator) announce the change as lead_interested: the table workflow gets it.
		await waitForExecutionWith(ctx, IDS.table, 'Instantly Trigger', (json) => json.lead_email === lead.email && json.event_type === 'lead_interested');
	});

	for (const eventType of ['email_bounced', 'lead_unsubscribed']) {
		await checks.run(`${phase}: ${eventType} → execution, block list entry for the lead`, async () => {
			const lead = pick();
			await ctx.control.event(DEMO_KEY, { event_type: eventType, campaign_id: campaignOf(lead).id, lead_email: lead.email });
			const execution = await waitForExecutionWith(ctx, IDS.bounce, 'Instantly Trigger', (json) => json.lead_email === lead.email);
			assert(output(execution, 'Instantly Trigger')?.event_type === eventType, 'wrong event in the trigger output');
			const entry = output(execution, 'Add to Block List');
			assert(entry?.bl_value === lead.email, `block list node output ${JSON.stringify(entry)}`);
			const now = await ctx.control.state(ctx.workspaceId);
			assert(now.blockListEntries.some((candidate) => candidate.bl_value === lead.email), `${lead.email} not in the block list`);
		});
	}

	await checks.run(`${phase}: lead_interested → execution, row written to the data table`, async () => {
		const lead = pick();
		const campaign = campaignOf(lead);
		await ctx.control.event(DEMO_KEY, { event_type: 'lead_interested', campaign_id: campaign.id, lead_email: lead.email });
		const execution = await waitForExecutionWith(ctx, IDS.table, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		assert(output(execution, 'Save to Data Table'), 'Save to Data Table has no output');
		const rows = await tableRows(ctx);
		const row = rows.find((candidate) => candidate.email === lead.email);
		assert(row && row.campaign === campaign.name && row.first_name === lead.first_name, `rows ${JSON.stringify(rows).slice(0, 800)}`);
	});
}

/** A campaign lead with no interest status yet, never handed out before in this run. */
function unusedCampaignLead(ctx: Context, state: SimulatorState): SimulatorState['leads'][number] {
	const used = ctx.seen.get('leads') ?? new Set<string>();
	ctx.seen.set('leads', used);
	const lead = state.leads.find((candidate) => candidate.campaign !== null && candidate.lt_interest_status == null && !used.has(candidate.email));
	assert(lead, 'no unused campaign lead left');
	used.add(lead.email);
	return lead;
}

/** A reply_received body shaped like Instantly's (REFERENCE §2.5), without `email_id` as older deliveries. */
function realShapedReply(ctx: Context, campaign: { id: string; name: string }, leadEmail: string): Record<string, unknown> {
	return {
		timestamp: new Date().toISOString(),
		event_type: 'reply_received',
		workspace: ctx.workspaceId,
		campaign_id: campaign.id,
		campaign_name: campaign.name,
		email_account: 'alex@getacme-mail.com',
		unibox_url: `https://app.instantly.ai/app/unibox?thread_search=thread:e2e&selected_wks=${ctx.workspaceId}`,
		lead_email: leadEmail,
		email: leadEmail,
		firstName: 'Dana',
		companyName: 'Prospect Inc',
		step: 1,
		variant: 1,
		is_first: true,
		reply_subject: 'Re: quick question',
		reply_text_snippet: 'Sounds good, let us talk',
		reply_text: 'Sounds good, let us talk\n\nOn Monday you wrote: …',
		reply_html: '<div>Sounds good, let us talk</div>',
	};
}

/** The secret header Instantly would send to a trigger workflow's URL, read from its registered webhook. */
async function signedHeaders(ctx: Context, workflow: WorkflowFile): Promise<Record<string, string>> {
	const url = triggerUrl(ctx.webhookBase, workflow);
	const hook = (await ctx.control.state(ctx.workspaceId)).webhooks.find((candidate) => candidate.target_hook_url === url);
	const secret = hook?.headers?.[SECRET_HEADER];
	assert(secret, `no registered webhook with a secret for ${url}`);
	return { [SECRET_HEADER]: secret };
}

/** Ids of the finished executions of a workflow whose trigger output carries this lead. */
async function executionsWithLead(ctx: Context, workflowId: string, leadEmail: string): Promise<string[]> {
	const ids: string[] = [];
	for (const summary of await ctx.rest.listExecutions(workflowId)) {
		const execution = await ctx.rest.getExecution(summary.id);
		if (output(execution, 'Instantly Trigger')?.lead_email === leadEmail) ids.push(summary.id);
	}
	return ids;
}

/**
 * Correctly signed deliveries to a trigger filtered on the first demo campaign: the JSON object
 * as application/json (the control), as text/plain, with no Content-Type and as a JSON string,
 * each must start exactly one execution; one for the second campaign must be answered 200 and
 * start none; a real-shaped reply_received without email_id must run the reply example through.
 * For each body shape n8n's own Webhook node gets the same POST, so the log shows what n8n parsed
 * the body into (what our webhook() gets from getBodyData()).
 */
async function deliveryChecks(ctx: Context, checks: Checks): Promise<void> {
	const workflow = ctx.workflows.deliveries;
	const url = triggerUrl(ctx.webhookBase, workflow);
	const state = await ctx.control.state(ctx.workspaceId);
	const [filtered, other] = state.campaigns;
	const stamp = Date.now();
	const shapes: Array<[label: string, contentType: string | undefined, encode: (payload: unknown) => string]> = [
		['application/json (control)', 'application/json', (payload) => JSON.stringify(payload)],
		['text/plain', 'text/plain', (payload) => JSON.stringify(payload)],
		['no Content-Type', undefined, (payload) => JSON.stringify(payload)],
		['a JSON string (application/json)', 'application/json', (payload) => JSON.stringify(JSON.stringify(payload))],
	];
	for (const [index, [label, contentType, encode]] of shapes.entries()) {
		await checks.run(`delivery shape: signed JSON object sent as ${label} → 200, one execution with the event`, async () => {
			const payload = realShapedReply(ctx, filtered, `shape${index}.${stamp}@example.com`);
			const typeHeader: Record<string, string> = contentType ? { 'content-type': contentType } : {};
			const body = encode(payload);
			const answer = await postRaw(url, body, { ...typeHeader, ...(await signedHeaders(ctx, workflow)) });
			const echo = await postRaw(`${ctx.webhookBase}/webhook/${BODY_PROBE_PATH}`, body, typeHeader);
			const parsed = describeEchoedBody(echo.body);
			log(ctx.version, `delivery as ${label}: trigger answered ${answer.status} ${answer.body.slice(0, 200)}; n8n parsed the body into ${parsed}`);
			assert(answer.status === 200, `the trigger answered ${answer.status} ${answer.body.slice(0, 300)}; n8n hands webhooks this body: ${parsed}`);
			await waitForExecutionWith(ctx, IDS.deliveries, 'Instantly Trigger', (json) => json.lead_email === payload.lead_email);
			const runs = await executionsWithLead(ctx, IDS.deliveries, String(payload.lead_email));
			assert(runs.length === 1, `${runs.length} executions for one delivery: ${runs.join(', ')}`);
		});
	}

	await checks.run('delivery for another campaign than the trigger\'s filter (right secret) → 200, no execution', async () => {
		const headers = await signedHeaders(ctx, workflow);
		const foreign = realShapedReply(ctx, other, `other.campaign.${stamp}@example.com`);
		const answer = await postJson(url, foreign, headers);
		assert(answer.status === 200, `answered ${answer.status} ${answer.body.slice(0, 300)}`);
		// A delivery for the filtered campaign sent after it: once its execution is finished, one
		// for the foreign delivery would be listed as well.
		const marker = realShapedReply(ctx, filtered, `after.other.${stamp}@example.com`);
		const markerAnswer = await postJson(url, marker, headers);
		assert(markerAnswer.status === 200, `the following delivery was answered ${markerAnswer.status} ${markerAnswer.body.slice(0, 300)}`);
		await waitForExecutionWith(ctx, IDS.deliveries, 'Instantly Trigger', (json) => json.lead_email === marker.lead_email);
		const runs = await executionsWithLead(ctx, IDS.deliveries, String(foreign.lead_email));
		assert(runs.length === 0, `the delivery for campaign ${other.id} started executions ${runs.join(', ')} (answer: ${answer.body.slice(0, 200)})`);
	});

	await checks.run('reply_received without email_id (older deliveries) → the reply example runs through', async () => {
		const lead = unusedCampaignLead(ctx, state);
		const campaign = state.campaigns.find((candidate) => candidate.id === lead.campaign)!;
		const payload = realShapedReply(ctx, campaign, lead.email);
		const answer = await postJson(triggerUrl(ctx.webhookBase, ctx.workflows.reply), payload, await signedHeaders(ctx, ctx.workflows.reply));
		assert(answer.status === 200, `answered ${answer.status} ${answer.body.slice(0, 300)}`);
		const execution = await waitForExecutionWith(ctx, IDS.reply, 'Instantly Trigger', (json) => json.lead_email === lead.email);
		assert(output(execution, 'Mark Lead Interested'), `Mark Lead Interested has no output (last node ${execution.data.resultData.lastNodeExecuted})`);
	});
}

/** `typeof body` and its start, from the answer of n8n's own Webhook node (responseData firstEntryJson). */
function describeEchoedBody(answer: string): string {
	try {
		const { body } = JSON.parse(answer) as { body?: unknown };
		return `${Array.isArray(body) ? 'array' : typeof body} ${JSON.stringify(body)?.slice(0, 120)}`;
	} catch {
		return `(echo answered ${answer.slice(0, 120)})`;
	}
}

/**
 * Campaign › Get while the simulator drops the first connection: the transport retries the read
 * (a GET cannot apply twice), the execution succeeds, the simulator saw exactly two requests.
 */
async function droppedReadDrill(ctx: Context): Promise<void> {
	const campaign = (await ctx.control.state(ctx.workspaceId)).campaigns[0];
	const path = `/api/v2/campaigns/${campaign.id}`;
	const before = lastSequence(await ctx.control.requests());
	await ctx.control.injectFault({ method: 'GET', path, kind: 'drop', count: 1 });
	try {
		const answer = await postJson(`${ctx.webhookBase}/webhook/${FAULT_GET_PATH}`, { campaign_id: campaign.id });
		const attempts = (await ctx.control.requests()).filter((request) => request.sequence > before && request.method === 'GET' && request.path === path);
		const seen = `the simulator saw ${attempts.length} GET ${path} (${attempts.map((request) => (request.dropped ? 'dropped' : request.status)).join(', ')})`;
		if (answer.status !== 200) throw new Error(`execution failed (${answer.status}): ${await executionError(ctx, IDS.faultGet)}; ${seen}`);
		assert((JSON.parse(answer.body) as { id?: string }).id === campaign.id, `answered ${answer.body.slice(0, 300)}`);
		assert(attempts.length === 2 && attempts[0].dropped === true && attempts[1].status === 200, seen);
	} finally {
		await ctx.control.clearFaults();
	}
}

/**
 * Email › Reply while the simulator applies the reply and then drops the connection: the
 * transport must not send it again (Instantly has no idempotency keys), the execution fails with
 * the "may or may not have been applied" message, and exactly one reply exists.
 */
async function lostReplyDrill(ctx: Context): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const received = state.emails.filter((email) => email.ue_type === 2).at(-1);
	assert(received, 'the demo workspace has no received email to reply to');
	const subject = `E2E drill reply ${ctx.version} ${Date.now()}`;
	const before = lastSequence(await ctx.control.requests());
	await ctx.control.injectFault({ method: 'POST', path: '/api/v2/emails/reply', kind: 'applyThenDrop', count: 1 });
	try {
		const answer = await postJson(`${ctx.webhookBase}/webhook/${FAULT_REPLY_PATH}`, {
			reply_to_uuid: received.id,
			eaccount: received.eaccount,
			subject,
			text: 'Thursday works, talk then.',
		});
		const sent = (await ctx.control.state(ctx.workspaceId)).emails.filter((email) => email.subject === subject);
		const attempts = (await ctx.control.requests()).filter((request) => request.sequence > before && request.path === '/api/v2/emails/reply');
		assert(answer.status !== 200, `the execution succeeded although the answer was lost: ${answer.body.slice(0, 300)}`);
		const error = await executionError(ctx, IDS.faultReply);
		assert(sent.length === 1, `${sent.length} replies with the subject in the simulator (${attempts.length} POSTs); error: ${error}`);
		assert(attempts.length === 1, `${attempts.length} POST /api/v2/emails/reply for one reply`);
		assert(error.includes(MAYBE_APPLIED), `the execution's error lacks "${MAYBE_APPLIED}": ${error}`);
	} finally {
		await ctx.control.clearFaults();
	}
}

function lastSequence(requests: Array<{ sequence: number }>): number {
	return requests.reduce((highest, request) => Math.max(highest, request.sequence), 0);
}

/** The error (message and description) of the workflow's newest finished execution, which must have failed. */
async function executionError(ctx: Context, workflowId: string): Promise<string> {
	// Each drill workflow runs once per line, so the newest finished execution is the drill's.
	const [newest] = await ctx.rest.waitForExecutions(workflowId, 1);
	const execution = await ctx.rest.getExecution(newest.id);
	const error = execution.data.resultData.error;
	assert(execution.status !== 'success' && error, `execution ${newest.id} is ${execution.status} without an error`);
	// The whole stored error (how n8n wrapped what the transport threw) is what a transport fix needs.
	const { stack, ...stored } = error as Record<string, unknown>;
	log(ctx.version, `execution ${newest.id} of ${workflowId} failed with ${JSON.stringify(stored).slice(0, 1500)}; ${String(stack).split('\n').slice(0, 3).join(' | ')}`);
	return [error.message, error.description].filter(Boolean).join(' — ');
}

async function forgedChecks(ctx: Context): Promise<void> {
	const url = triggerUrl(ctx.webhookBase, ctx.workflows.reply);
	const before = (await ctx.rest.listExecutions(IDS.reply)).length;
	const payload = { event_type: 'reply_received', lead_email: 'forged@example.com', timestamp: new Date().toISOString() };
	const none = await postJson(url, payload);
	const wrong = await postJson(url, payload, { [SECRET_HEADER]: 'not-the-secret' });
	assert(none.status === 401, `no secret → ${none.status} ${none.body}`);
	assert(wrong.status === 401, `wrong secret → ${wrong.status} ${wrong.body}`);
	await delay(2_000);
	const after = (await ctx.rest.listExecutions(IDS.reply)).length;
	assert(after === before, `executions ${before} → ${after}`);
}

/** Queue mode: main has production webhooks off, so Instantly's deliveries can only reach the webhook process. */
async function webhookProcessOnlyCheck(ctx: Context): Promise<void> {
	const payload = { event_type: 'reply_received', lead_email: 'probe@example.com' };
	const onMain = await postJson(triggerUrl(ctx.n8n.baseUrl, ctx.workflows.reply), payload);
	assert(onMain.status === 404, `main answered ${onMain.status} for a production webhook: ${onMain.body.slice(0, 300)}`);
	// Known to the webhook process: the trigger itself answers (401 without the secret), not n8n's 404.
	const onWebhook = await postJson(triggerUrl(ctx.webhookBase, ctx.workflows.reply), payload);
	assert(onWebhook.status === 401, `the webhook process answered ${onWebhook.status}: ${onWebhook.body.slice(0, 300)}`);
}

/**
 * Queue mode: the bounce trigger drops duplicates within 10 minutes. The same signed delivery is
 * posted twice to the webhook process: the first starts one execution (on the worker), the second
 * is answered `ignored: duplicate delivery` by the webhook process and starts none. The filter
 * is in memory, so it holds per webhook process (two webhook processes would each let one through).
 */
async function duplicateFilterCheck(ctx: Context): Promise<void> {
	const url = triggerUrl(ctx.webhookBase, ctx.workflows.bounce);
	const hook = (await ctx.control.state(ctx.workspaceId)).webhooks.find((candidate) => candidate.target_hook_url === url);
	const secret = hook?.headers?.[SECRET_HEADER];
	assert(secret, `no registered webhook with a secret for ${url}`);
	const email = `duplicate.${Date.now()}@example.com`;
	const payload = { event_type: 'email_bounced', lead_email: email, timestamp: new Date().toISOString(), step: 1, variant: 1 };
	const first = await postJson(url, payload, { [SECRET_HEADER]: secret });
	const second = await postJson(url, payload, { [SECRET_HEADER]: secret });
	assert(first.status === 200 && !first.body.includes('duplicate'), `first delivery → ${first.status} ${first.body.slice(0, 300)}`);
	assert(second.status === 200 && second.body.includes('duplicate delivery'), `second delivery → ${second.status} ${second.body.slice(0, 300)}`);
	await waitForExecutionWith(ctx, IDS.bounce, 'Instantly Trigger', (json) => json.lead_email === email);
	await delay(2_000);
	const runs = [];
	for (const summary of await ctx.rest.listExecutions(IDS.bounce)) {
		const execution = await ctx.rest.getExecution(summary.id);
		if (output(execution, 'Instantly Trigger')?.lead_email === email) runs.push(summary.id);
	}
	assert(runs.length === 1, `${runs.length} executions for the delivery sent twice: ${runs.join(', ')}`);
}

/**
 * Queue mode: every execution of the run (trigger deliveries, chained lead_interested deliveries,
 * the action and daily-import webhooks) is in the worker's log as started and finished; those
 * started by a webhook were enqueued by the webhook process, and main enqueued none of them.
 */
async function workerRanEverythingCheck(ctx: Context): Promise<void> {
	const cluster = ctx.cluster!;
	const page = await ctx.rest.request<{ results: N8nExecutionSummary[] }>('GET', '/rest/executions?limit=100');
	const executions = page.results;
	const matched = [...ctx.seen.entries()].filter(([key]) => key !== 'leads').flatMap(([, ids]) => [...ids]);
	assert(matched.length >= 8, `only ${matched.length} executions were matched by the event checks`);
	const listed = new Set(executions.map((execution) => execution.id));
	const unlisted = matched.filter((id) => !listed.has(id));
	assert(unlisted.length === 0, `matched executions missing from the list: ${unlisted.join(', ')}`);
	const byWorkflow = (id: string) => executions.filter((execution) => execution.workflowId === id).length;
	const fromWebhooks = executions.filter((execution) => execution.mode === 'webhook').length;
	assert(fromWebhooks >= matched.length + 2, `${fromWebhooks} webhook-mode executions for ${matched.length} matched + 2 action runs`);
	assert(byWorkflow(IDS.actions) >= 1 && byWorkflow(IDS.dailyHook) >= 1, 'the action or daily-import executions are missing');
	const problems: string[] = [];
	await waitFor(
		'the worker log to show every execution finished',
		async () => {
			const read = (handle: N8nHandle) => readFileSync(handle.logFile, 'utf8');
			const [worker, webhook, main] = [read(cluster.worker), read(cluster.webhook), read(ctx.n8n)];
			problems.length = 0;
			for (const execution of executions) {
				const id = execution.id;
				if (execution.status !== 'success') problems.push(`${id} (${execution.workflowId}) is ${execution.status}`);
				if (!new RegExp(`Worker started execution ${id} \\(job`).test(worker)) problems.push(`worker log lacks "started execution ${id}"`);
				if (!new RegExp(`Worker finished execution ${id} \\(job`).test(worker)) problems.push(`worker log lacks "finished execution ${id}"`);
				const enqueuedHere = new RegExp(`Enqueued execution ${id} \\(job`);
				if (execution.mode === 'webhook' && !enqueuedHere.test(webhook)) problems.push(`webhook log lacks "Enqueued execution ${id}"`);
				if (execution.mode === 'webhook' && enqueuedHere.test(main)) problems.push(`main enqueued ${id}`);
			}
			for (const [name, text] of [['main', main], ['webhook', webhook]] as const) {
				if (/Worker (started|finished) execution/.test(text)) problems.push(`the ${name} log shows a worker execution`);
			}
			return problems.length === 0;
		},
		15_000,
	).catch(() => {
		throw new Error(`${problems.length} problems over ${executions.length} executions: ${problems.slice(0, 12).join('; ')}`);
	});
	log(`${ctx.version}-queue`, `${executions.length} executions (${matched.length} matched by the checks) enqueued by the webhook process and run by the worker`);
}

async function actionsCheck(ctx: Context): Promise<void> {
	const stamp = Date.now();
	const body = {
		campaign_name: `E2E campaign ${ctx.version} ${stamp}`,
		lead_email: `e2e.lead.${stamp}@example.com`,
		first_name: 'Erin',
		block_value: `blocked-${stamp}.example`,
	};
	const response = await postJson(`${ctx.webhookBase}/webhook/${ACTIONS_PATH}`, body);
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	const state = await ctx.control.state(ctx.workspaceId);
	const campaign = state.campaigns.find((candidate) => candidate.name === body.campaign_name);
	assert(campaign, `no campaign named ${body.campaign_name}`);
	assert(campaign.status === 1, `campaign status ${campaign.status}, expected 1 (active)`);
	const lead = state.leads.find((candidate) => candidate.email === body.lead_email);
	assert(lead && lead.campaign === campaign.id && lead.first_name === 'Erin', `lead ${JSON.stringify(lead)}`);
	assert(state.blockListEntries.some((entry) => entry.bl_value === body.block_value), `${body.block_value} not blocked`);
}

async function dailyImportCheck(ctx: Context): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const list = state.leadLists[0];
	const campaign = state.campaigns[1];
	const listEmails = state.leads.filter((lead) => lead.list_id === list.id).map((lead) => lead.email);
	assert(listEmails.length > 0, 'the demo list is empty');
	const response = await postJson(`${ctx.webhookBase}/webhook/${DAILY_HOOK_PATH}`, {});
	assert(response.status === 200, `webhook answered ${response.status}: ${response.body.slice(0, 800)}`);
	const items = JSON.parse(response.body) as Array<{ status?: string; email?: string }>;
	assert(items.length === listEmails.length, `${items.length} output items for ${listEmails.length} list leads`);
	const after = await ctx.control.state(ctx.workspaceId);
	const inCampaign = new Set(after.leads.filter((lead) => lead.campaign === campaign.id).map((lead) => lead.email));
	const missing = listEmails.filter((email) => !inCampaign.has(email));
	assert(missing.length === 0, `not in the campaign: ${missing.join(', ')}; node output ${response.body.slice(0, 500)}`);
}

/** Waits for a successful execution (not seen before) whose `nodeName` output matches. */
async function waitForExecutionWith(
	ctx: Context,
	workflowId: string,
	nodeName: string,
	matches: (json: Record<string, unknown>) => boolean,
	timeoutMs = 30_000,
): Promise<N8nExecution> {
	const seen = ctx.seen.get(workflowId) ?? new Set<string>();
	ctx.seen.set(workflowId, seen);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const summary of await ctx.rest.listExecutions(workflowId)) {
			if (seen.has(summary.id) || ['new', 'running', 'waiting'].includes(summary.status)) continue;
			const execution = await ctx.rest.getExecution(summary.id);
			const json = output(execution, nodeName);
			if (!json || !matches(json)) continue;
			seen.add(summary.id);
			if (execution.status !== 'success') {
				throw new Error(`execution ${summary.id} of ${workflowId} is ${execution.status}: ${execution.data.resultData.error?.message ?? ''}`);
			}
			return execution;
		}
		await delay(300);
	}
	throw new Error(`no matching execution of ${workflowId} within ${timeoutMs} ms`);
}

function output(execution: N8nExecution, nodeName: string): Record<string, unknown> | undefined {
	return execution.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await delay(300);
	}
	throw new Error(`timed out waiting for ${what}`);
}

interface Args {
	version: string;
	/** `<version>` or `<version>-queue`: names the checks, the user folder and the default result file. */
	label: string;
	port: number;
	browser: boolean;
	/** Where the browser check writes its PNGs; default `.e2e/screenshots-<label>/` (`npm run screenshots`: docs/screenshots). */
	screenshots?: string;
	queue: boolean;
	tarball?: string;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const value = (flag: string) => {
		const index = argv.indexOf(flag);
		return index === -1 ? undefined : argv[index + 1];
	};
	const version = value('--version') ?? N8N_VERSIONS.current;
	const port = value('--port');
	const screenshots = value('--screenshots');
	const queue = argv.includes('--queue');
	const label = queue ? `${version}-queue` : version;
	return {
		version,
		label,
		port: port ? Number(port) : queue ? DEFAULT_QUEUE_PORT : (DEFAULT_PORTS[version] ?? 5751),
		browser: argv.includes('--browser'),
		screenshots: screenshots === undefined ? undefined : resolve(screenshots),
		queue,
		tarball: value('--tarball'),
		out: value('--out') ?? join(ARTIFACTS, `scenario-${label}.json`),
	};
}

function log(version: string, message: string): void {
	console.log(`[scenario ${version}] ${message}`);
}

if (require.main === module) {
	main().catch(async (error) => {
		console.error(error);
		await stopAllProcesses();
		process.exitCode = 1;
	});
}
