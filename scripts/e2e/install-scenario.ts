/**
 * The path users take: the packed package installed through n8n's own community-package installer
 * (`POST /rest/community-packages`, the call behind Settings → Community Nodes → Install), from a
 * registry served on 127.0.0.1 for the test, into an n8n started without it:
 * install 0.1.0 → node types listed, update to 0.1.1 offered → a Webhook → Instantly (Campaign ›
 * Get) workflow and an Instantly Trigger workflow against the simulator created, activated and run
 * → update to 0.1.1 (`PATCH`, the Update button) → both run again, the trigger on the same webhook
 * → uninstall (`DELETE`) → node types gone → install again → both run again; n8n is never
 * restarted. 0.1.1 is the same tarball re-versioned, as a patch release would be.
 *
 * n8n only lets a licensed instance use a registry other than registry.npmjs.org (both lines:
 * `FeatureNotLicensedError` for `feat:communityNodes:customRegistry`), so n8n runs with
 * `E2E_TESTS=true` and the test turns that one feature on with n8n's own test hook
 * (`PATCH /rest/e2e/feature`); every other step is the one a user's click runs. The registry is
 * also n8n's HTTPS proxy and refuses every tunnel, so the run reaches nothing beyond 127.0.0.1.
 *
 * Usage: tsx scripts/e2e/install-scenario.ts --version 2.41.1|1.123.81 --tarball path.tgz
 *        [--out results.json] [--port 5950]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import { assert, Checks, type LineResult } from './lib/checks';
import { PACKAGE_NAME, REPO_ROOT, SimulatorControl } from './lib/instantly';
import { installN8n, startN8nHost, type N8nHost } from './lib/host';
import type { N8nHandle } from './lib/n8n';
import { delay, stopAllProcesses } from './lib/processes';
import { readPackedVersion, reversion, startLocalRegistry } from './lib/registry';
import type { N8nCredential, N8nRestClient } from './lib/rest';
import { deliverWhenRegistered } from './lib/webhook';

const ARTIFACTS = join(REPO_ROOT, '.e2e');
/** The (install) step's own ports: n8n and, +1, its task-runner broker. */
const DEFAULT_PORT = 5950;
const DEMO_KEY = 'demo-key';
const WORKFLOW_PATH = 'e2e-installed-campaign-get';
const TRIGGER_WEBHOOK_ID = 'b7c1f0a2-0000-4000-8000-0000000000bb';
const NODE_TYPES = [`${PACKAGE_NAME}.instantly`, `${PACKAGE_NAME}.instantlyTrigger`];
const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

/** What `POST`/`PATCH /rest/community-packages` answer. */
interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string }>;
	/** The newer version `npm outdated` found, shown as the Update button. */
	updateAvailable?: string;
}

/** What the workflow helpers drive: n8n over REST, the simulator and its control API. */
interface Context {
	n8n: N8nHandle;
	rest: N8nRestClient;
	simulator: Simulator;
	control: SimulatorControl;
	workspaceId: string;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const result: LineResult = { version: args.version, checks: [], timings: {} };
	const checks = new Checks(args.version, 'install');
	try {
		await runLine(args, checks, result.timings);
	} catch (error) {
		result.runtimeError = error instanceof Error ? error.message : String(error);
		console.error(`[install ${args.version}] stopped: ${result.runtimeError}`);
	} finally {
		await stopAllProcesses();
	}
	result.checks = checks.results;
	mkdirSync(dirname(args.out), { recursive: true });
	writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
	const failed = result.checks.filter((check) => check.status === 'failed').length;
	console.log(`[install ${args.version}] ${result.checks.length - failed} passed, ${failed} failed; timings ${JSON.stringify(result.timings)}`);
	process.exitCode = failed > 0 || result.runtimeError ? 1 : 0;
}

async function runLine(args: Args, checks: Checks, timings: Record<string, number>): Promise<void> {
	await installN8n(args.version);
	const packed = readPackedVersion(args.tarball);
	const previous = packed.manifest.version;
	const next = nextPatch(previous);
	const registry = await startLocalRegistry([packed, reversion(packed, next)]);
	const simulator = await startSimulator({ seedDemo: { apiKey: DEMO_KEY } });
	const userFolder = join(ARTIFACTS, `install-${args.version}`);
	rmSync(userFolder, { recursive: true, force: true });
	// The list's Update button comes from `npm outdated` in .n8n/nodes, which both lines run without
	// --registry (1.x even with an environment of PATH and NODE_PATH only): npm reads the registry
	// from that folder's .npmrc, as a user of a custom registry has to set it.
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(join(nodesFolder, '.npmrc'), `registry=${registry.url}/\n`);
	let host: N8nHost | undefined;
	try {
		let started = Date.now();
		host = await startN8nHost({
			version: args.version,
			port: args.port,
			userFolder,
			extraEnv: {
				E2E_TESTS: 'true',
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
				N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
				N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
				// npm's own cache stays in the user folder, so no earlier run's tarball is reused.
				npm_config_cache: join(userFolder, 'npm-cache'),
				npm_config_update_notifier: 'false',
				HTTPS_PROXY: registry.url,
				NO_PROXY: '127.0.0.1,localhost',
			},
		});
		timings.startMs = Date.now() - started;
		const { main: n8n, rest } = host;
		const control = new SimulatorControl(simulator.url);
		const workspaceId = simulator.workspace(DEMO_KEY).id;
		const ctx: Context = { n8n, rest, simulator, control, workspaceId };

		await checks.run('before install: nodes.json lists no Instantly node', async () => {
			const types = await nodeTypeNames(rest);
			assert(!NODE_TYPES.some((type) => types.has(type)), 'an Instantly node type is loaded before the install');
		});
		await rest.request('PATCH', '/rest/e2e/feature', { feature: CUSTOM_REGISTRY_FEATURE, enabled: true });

		started = Date.now();
		await checks.run(
			`install ${PACKAGE_NAME}@${previous} through POST /rest/community-packages`,
			async () => await expectInstalled(await rest.request<InstalledPackage>('POST', '/rest/community-packages', { name: PACKAGE_NAME, version: previous }), previous),
			true,
		);
		timings.installMs = Date.now() - started;
		await checks.run('after install: nodes.json lists instantly and instantlyTrigger (no restart)', async () => await expectNodeTypes(rest, true));
		await checks.run(`GET /rest/community-packages offers the update to ${next}`, async () => {
			const listed = await rest.request<InstalledPackage[]>('GET', '/rest/community-packages');
			const ours = listed.find((entry) => entry.packageName === PACKAGE_NAME);
			assert(ours?.installedVersion === previous && ours.updateAvailable === next, `listed: ${JSON.stringify(listed)}`);
		});
		const credential = await checks.run('credential created with the type the loaded node names', async () => await createCredential(ctx), true);
		assert(credential, 'no credential');
		const workflowId = await checks.run('workflow Webhook → Instantly (Campaign › Get) created and activated', async () => await createWorkflow(ctx, credential), true);
		assert(workflowId, 'no workflow');
		await checks.run(`the workflow runs on ${previous}`, async () => await runWorkflow(ctx));
		const triggerId = await checks.run('workflow Instantly Trigger (lead_interested) activated: one webhook in Instantly', async () => await createTriggerWorkflow(ctx, credential), true);
		assert(triggerId, 'no trigger workflow');
		const [hookBefore] = await triggerHooks(ctx);
		await checks.run(`the trigger workflow runs on ${previous}`, async () => await deliverEvent(ctx, triggerId, 1));

		started = Date.now();
		await checks.run(
			`update to ${next} through PATCH /rest/community-packages`,
			async () => await expectInstalled(await rest.request<InstalledPackage>('PATCH', '/rest/community-packages', { name: PACKAGE_NAME, version: next }), next),
			true,
		);
		timings.updateMs = Date.now() - started;
		await checks.run(`GET /rest/community-packages lists ${next}`, async () => await expectListed(rest, next));
		await checks.run(`after the update: the workflow is still active and runs on ${next} (no restart)`, async () => {
			assert((await rest.getWorkflow(workflowId)).active, 'the workflow was deactivated by the update');
			await runWorkflow(ctx);
		});
		await checks.run(`after the update: the trigger's webhook in Instantly is the same one, and the trigger runs on ${next}`, async () => {
			assert((await rest.getWorkflow(triggerId)).active, 'the trigger workflow was deactivated by the update');
			const hooks = await triggerHooks(ctx);
			assert(hooks.length === 1 && hooks[0].id === hookBefore?.id, `webhooks before ${JSON.stringify(hookBefore)}, after ${JSON.stringify(hooks)}`);
			await deliverEvent(ctx, triggerId, 2);
		});

		started = Date.now();
		await checks.run('uninstall through DELETE /rest/community-packages', async () => {
			await rest.request('DELETE', `/rest/community-packages?name=${encodeURIComponent(PACKAGE_NAME)}`);
			const listed = await rest.request<InstalledPackage[]>('GET', '/rest/community-packages');
			assert(!listed.some((entry) => entry.packageName === PACKAGE_NAME), `still listed: ${JSON.stringify(listed)}`);
		});
		timings.uninstallMs = Date.now() - started;
		await checks.run('after uninstall: nodes.json lists no Instantly node (no restart)', async () => await expectNodeTypes(rest, false));

		started = Date.now();
		await checks.run(
			`reinstall (latest, ${next}) through POST /rest/community-packages`,
			async () => await expectInstalled(await rest.request<InstalledPackage>('POST', '/rest/community-packages', { name: PACKAGE_NAME }), next),
			true,
		);
		timings.reinstallMs = Date.now() - started;
		await checks.run('after reinstall: nodes.json lists instantly and instantlyTrigger', async () => await expectNodeTypes(rest, true));
		await checks.run('after reinstall: the existing workflow runs again (no restart)', async () => {
			assert((await rest.getWorkflow(workflowId)).active, 'the workflow was deactivated by the uninstall');
			await runWorkflow(ctx);
		});
		await checks.run('after reinstall: the trigger workflow runs again, still on one webhook in Instantly (no restart)', async () => {
			assert((await rest.getWorkflow(triggerId)).active, 'the trigger workflow was deactivated by the uninstall');
			const hooks = await triggerHooks(ctx);
			assert(hooks.length === 1, `webhooks in Instantly: ${JSON.stringify(hooks)}`);
			await deliverEvent(ctx, triggerId, 3);
		});
		await checks.run('the registry was asked for nothing but our package', async () => {
			const gets = registry.requests.filter((request) => request.method !== 'CONNECT');
			const foreign = gets.filter((request) => !request.url.startsWith(`/${PACKAGE_NAME}`));
			assert(foreign.length === 0, `other requests: ${JSON.stringify(foreign)}`);
			assert(gets.length > 0, 'n8n never asked the local registry');
		});
		const refused = [...new Set(registry.requests.filter((request) => request.method === 'CONNECT').map((request) => request.url))];
		console.log(`[install ${args.version}] outbound HTTPS refused by the test proxy: ${refused.join(', ') || 'none'}`);
	} finally {
		await host?.stop();
		await simulator.close();
		await registry.close();
	}
}

async function expectInstalled(installed: InstalledPackage, version: string): Promise<void> {
	assert(installed.packageName === PACKAGE_NAME, `installed ${installed.packageName}`);
	assert(installed.installedVersion === version, `installed version ${installed.installedVersion}, expected ${version}`);
	const types = new Set(installed.installedNodes.map((node) => node.type));
	for (const type of NODE_TYPES) assert(types.has(type), `${type} missing from installedNodes ${JSON.stringify(installed.installedNodes)}`);
}

async function expectListed(rest: N8nRestClient, version: string): Promise<void> {
	const listed = await rest.request<InstalledPackage[]>('GET', '/rest/community-packages');
	const ours = listed.find((entry) => entry.packageName === PACKAGE_NAME);
	assert(ours?.installedVersion === version, `listed: ${JSON.stringify(listed)}`);
}

async function nodeTypeNames(rest: N8nRestClient): Promise<Set<string>> {
	return new Set((await rest.nodeTypes()).map((type) => type.name));
}

async function expectNodeTypes(rest: N8nRestClient, present: boolean): Promise<void> {
	const types = await nodeTypeNames(rest);
	for (const type of NODE_TYPES) assert(types.has(type) === present, `nodes.json ${present ? 'lacks' : 'still lists'} ${type}`);
}

/**
 * Creates the credential (its type name read from the loaded node, as the editor does) and a
 * Webhook → Instantly Campaign › Get workflow answering with the campaign, then activates it.
 */
async function createCredential({ rest, simulator }: Context): Promise<N8nCredential> {
	const nodes = await rest.nodeTypes();
	const credentialType = nodes.find((node) => node.name === NODE_TYPES[0])?.credentials?.[0]?.name;
	assert(credentialType, `no credential type on ${NODE_TYPES[0]} in nodes.json`);
	return await rest.createCredential('Instantly (installed)', credentialType, { apiKey: DEMO_KEY, baseUrl: simulator.url });
}

/** A Webhook → Instantly Campaign › Get workflow answering with the campaign, activated. */
async function createWorkflow({ rest }: Context, credential: N8nCredential): Promise<string> {
	const workflow = await rest.request<{ id: string }>('POST', '/rest/workflows', {
		name: 'Installed package: Campaign › Get',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'b7c1f0a2-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b7c1f0a2-0000-4000-8000-0000000000aa',
				parameters: { httpMethod: 'POST', path: WORKFLOW_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: 'b7c1f0a2-0000-4000-8000-000000000002',
				name: 'Get Campaign',
				type: NODE_TYPES[0],
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'campaign',
					operation: 'get',
					campaignId: { __rl: true, mode: 'id', value: '={{ $json.body.campaign_id }}' },
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Get Campaign', type: 'main', index: 0 }]] } },
	});
	const activated = await rest.activateWorkflow(workflow.id);
	assert(activated.active !== false, `activation answered active=${String(activated.active)}`);
	return workflow.id;
}

/** An Instantly Trigger workflow on `lead_interested`, activated; resolves once Instantly holds its webhook. */
async function createTriggerWorkflow(ctx: Context, credential: N8nCredential): Promise<string> {
	const workflow = await ctx.rest.request<{ id: string }>('POST', '/rest/workflows', {
		name: 'Installed package: Instantly Trigger',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'b7c1f0a2-0000-4000-8000-000000000003',
				name: 'Instantly Trigger',
				type: NODE_TYPES[1],
				typeVersion: 2,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['lead_interested'], campaign: { __rl: true, mode: 'list', value: '' }, options: {} },
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
	});
	await ctx.rest.activateWorkflow(workflow.id);
	// 2.x finishes a trigger's activation after answering.
	const deadline = Date.now() + 30_000;
	while ((await triggerHooks(ctx)).length === 0) {
		assert(Date.now() < deadline, 'no webhook in Instantly 30 s after the activation');
		await delay(300);
	}
	const hooks = await triggerHooks(ctx);
	assert(hooks.length === 1, `webhooks in Instantly: ${JSON.stringify(hooks)}`);
	return workflow.id;
}

/** The webhooks in the simulator's workspace that point at the trigger workflow. */
async function triggerHooks(ctx: Context): Promise<Array<{ id: string; target_hook_url: string }>> {
	return (await ctx.control.state(ctx.workspaceId)).webhooks.filter((hook) => hook.target_hook_url.includes(TRIGGER_WEBHOOK_ID));
}

/** Fires `lead_interested` for a lead of a campaign; expects the trigger workflow's execution number `count`, for that lead. */
async function deliverEvent(ctx: Context, workflowId: string, count: number): Promise<void> {
	const lead = (await ctx.control.state(ctx.workspaceId)).leads.find((candidate) => candidate.campaign);
	assert(lead?.campaign, 'the simulator has no lead in a campaign');
	await ctx.control.event(DEMO_KEY, { event_type: 'lead_interested', campaign_id: lead.campaign, lead_email: lead.email });
	const [newest] = await ctx.rest.waitForExecutions(workflowId, count);
	const execution = await ctx.rest.getExecution(newest.id);
	const output = execution.data.resultData.runData['Instantly Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
	assert(execution.status === 'success' && output?.lead_email === lead.email, `execution ${newest.id} is ${execution.status}: ${JSON.stringify(output)}`);
}

/** Delivers to the workflow's webhook and expects the simulator's first campaign back. */
async function runWorkflow(ctx: Context): Promise<void> {
	const campaigns = await fetch(`${ctx.simulator.url}/api/v2/campaigns?limit=1`, { headers: { authorization: `Bearer ${DEMO_KEY}` } });
	const { items } = (await campaigns.json()) as { items: Array<{ id: string; name: string }> };
	const campaign = items[0];
	assert(campaign, 'the simulator has no campaign');
	const delivery = await deliverWhenRegistered(ctx.n8n.webhookUrl(WORKFLOW_PATH), { campaign_id: campaign.id });
	assert(delivery.status === 200, `webhook answered ${delivery.status}: ${delivery.body.slice(0, 300)}`);
	const answered = JSON.parse(delivery.body) as Array<{ id?: string; name?: string }>;
	assert(answered[0]?.id === campaign.id, `the workflow answered ${delivery.body.slice(0, 300)}`);
}

/** 1.2.3 → 1.2.4. */
function nextPatch(version: string): string {
	const [major, minor, patch] = version.split(/[.-]/);
	return `${major}.${minor}.${Number(patch) + 1}`;
}

interface Args {
	version: string;
	tarball: string;
	out: string;
	port: number;
}

function parseArgs(argv: string[]): Args {
	const value = (flag: string) => {
		const index = argv.indexOf(flag);
		return index === -1 ? undefined : argv[index + 1];
	};
	const version = value('--version');
	const tarball = value('--tarball');
	if (!version || !tarball) throw new Error('usage: install-scenario.ts --version <n8n version> --tarball <path.tgz> [--out file] [--port N]');
	return {
		version,
		tarball: resolve(tarball),
		out: resolve(value('--out') ?? join(ARTIFACTS, `result-${version}-install.json`)),
		port: Number(value('--port') ?? DEFAULT_PORT),
	};
}

void main();
