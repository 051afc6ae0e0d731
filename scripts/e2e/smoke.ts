/**
 * Proves the e2e infrastructure with n8n's own nodes only:
 * install (cached) → import + activate a Webhook workflow → start → owner → deliver → execution
 * seen via REST → restart → deliver again → deactivate → stop. Optional editor screenshots.
 *
 * Usage: tsx scripts/e2e/smoke.ts [--version 2.41.1|1.123.81|all] [--port 5701] [--screenshot]
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launchBrowser, loginInBrowser, openNodePanel, openWorkflow, screenshot, searchNodeCreator } from './lib/browser';
import { assert } from './lib/checks';
import { activateWorkflow, importWorkflow } from './lib/cli';
import { installN8n, N8N_VERSIONS, startN8n, type N8nHandle, type N8nInstanceOptions } from './lib/n8n';
import { installPackageTarball, packPackage } from './lib/packages';
import { stopAllProcesses } from './lib/processes';
import { N8nRestClient } from './lib/rest';
import { deliverWhenRegistered, waitUntilUnregistered } from './lib/webhook';

const REPO_ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO_ROOT, '.e2e');
const FIXTURE = join(__dirname, 'fixtures', 'smoke-webhook.workflow.json');
const WORKFLOW_ID = 'e2eSmokeWebhook1';
// n8n's Webhook node is `isFullPath`: its URL is /webhook/<path>, without the webhookId that
// other trigger nodes (ours included) get as a prefix: /webhook/<webhookId>/<path>.
const WEBHOOK_PATH = 'smoke';
const PROBE_PACKAGE = join(__dirname, 'fixtures', 'probe-package');
const PROBE_NODE_TYPE = 'n8n-nodes-e2e-probe.e2eProbe';
const DEFAULT_PORTS: Record<string, number> = { [N8N_VERSIONS.current]: 5701, [N8N_VERSIONS.legacy]: 5711 };

interface Timings {
	version: string;
	installMs: number;
	cliImportMs: number;
	firstStartMs: number;
	restartMs: number;
	browserMs?: number;
	totalMs: number;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const results: Timings[] = [];
	for (const version of args.versions) {
		results.push(await smoke(version, args.port ?? DEFAULT_PORTS[version] ?? 5721, args.screenshot));
	}
	console.table(results.map(formatTimings));
}

async function smoke(version: string, port: number, withScreenshot: boolean): Promise<Timings> {
	const runStarted = Date.now();
	log(version, `install (cache: reused when complete)`);
	const installMs = await installN8n(version);

	const userFolder = join(ARTIFACTS, `smoke-${version}`);
	rmSync(userFolder, { recursive: true, force: true });
	const options: N8nInstanceOptions = { version, port, userFolder };

	const probe = installPackageTarball(userFolder, packPackage(PROBE_PACKAGE, join(ARTIFACTS, 'packs')));
	log(version, `installed ${probe.name}@${probe.version} into ${userFolder}/.n8n/nodes`);

	log(version, 'import + activate the workflow through the CLI');
	const cliStarted = Date.now();
	await importWorkflow(options, FIXTURE);
	await activateWorkflow(options, WORKFLOW_ID);
	const cliImportMs = Date.now() - cliStarted;

	let n8n: N8nHandle | undefined;
	try {
		let started = Date.now();
		n8n = await startN8n(options);
		const firstStartMs = Date.now() - started;
		log(version, `ready in ${firstStartMs} ms at ${n8n.baseUrl} (log: ${n8n.logFile})`);

		const rest = new N8nRestClient(n8n.baseUrl);
		await rest.ensureOwnerAndLogin();
		const workflow = await rest.getWorkflow(WORKFLOW_ID);
		assert(workflow.active, `workflow ${WORKFLOW_ID} is not active after the CLI activation`);
		await checkNodeTypesAndCredentialTest(n8n, rest, version);

		await deliverAndCheck(n8n, rest, version, 1);

		log(version, 'restart');
		await n8n.stop();
		started = Date.now();
		n8n = await startN8n(options);
		const restartMs = Date.now() - started;
		await rest.login();
		await deliverAndCheck(n8n, rest, version, 2);

		let browserMs: number | undefined;
		if (withScreenshot) browserMs = await screenshots(n8n, version);

		log(version, 'deactivate');
		const deactivated = await rest.deactivateWorkflow(WORKFLOW_ID);
		assert(!deactivated.active, 'workflow still active after deactivate');
		await waitUntilUnregistered(n8n.webhookUrl(WEBHOOK_PATH));

		await n8n.stop();
		const totalMs = Date.now() - runStarted;
		log(version, `green in ${totalMs} ms`);
		return { version, installMs, cliImportMs, firstStartMs, restartMs, browserMs, totalMs };
	} finally {
		await n8n?.stop();
	}
}

async function deliverAndCheck(n8n: N8nHandle, rest: N8nRestClient, version: string, expectedCount: number): Promise<void> {
	const marker = `delivery-${expectedCount}`;
	const delivery = await deliverWhenRegistered(n8n.webhookUrl(WEBHOOK_PATH), { marker });
	assert(delivery.status === 200, `webhook answered ${delivery.status}: ${delivery.body}`);
	const [latest] = await rest.waitForExecutions(WORKFLOW_ID, expectedCount);
	const execution = await rest.getExecution(latest.id);
	assert(execution.status === 'success', `execution ${latest.id} is ${execution.status}`);
	const webhookOutput = execution.data.resultData.runData.Webhook?.[0]?.data?.main?.[0]?.[0]?.json;
	const body = webhookOutput?.body as { marker?: string } | undefined;
	assert(body?.marker === marker, `execution ${latest.id} carries ${JSON.stringify(webhookOutput)}`);
	assert(execution.data.resultData.runData.Done !== undefined, `execution ${latest.id} did not reach Done`);
	log(version, `delivery ${expectedCount}: HTTP ${delivery.status}, execution ${latest.id} ${execution.status}`);
}

async function checkNodeTypesAndCredentialTest(n8n: N8nHandle, rest: N8nRestClient, version: string): Promise<void> {
	const types = new Set((await rest.nodeTypes()).map((type) => type.name));
	assert(types.has('n8n-nodes-base.webhook'), 'nodes.json lacks n8n-nodes-base.webhook');
	assert(types.has(PROBE_NODE_TYPE), `nodes.json lacks ${PROBE_NODE_TYPE}: the packed package did not load`);
	// n8n's own n8nApi credential has the same shape as ours (apiKey, baseUrl) and a test request.
	const data = { apiKey: 'not-a-key', baseUrl: `${n8n.baseUrl}/api/v1` };
	const credential = await rest.createCredential('E2E n8n API', 'n8nApi', data);
	const result = await rest.testCredential({ id: credential.id, type: 'n8nApi', data });
	assert(
		result.status === 'Error' && /401|authori[sz]/i.test(result.message),
		`credential test with a wrong key answered ${JSON.stringify(result)}`,
	);
	log(version, `nodes.json has ${types.size} types incl. ${PROBE_NODE_TYPE}; credential test: ${result.status} (${result.message})`);
}

async function screenshots(n8n: N8nHandle, version: string): Promise<number> {
	const started = Date.now();
	const browser = await launchBrowser();
	try {
		await loginInBrowser(browser.context, n8n.baseUrl);
		await openWorkflow(browser.page, n8n.baseUrl, WORKFLOW_ID);
		const canvasPng = join(ARTIFACTS, 'screenshots', `smoke-${version}-canvas.png`);
		await screenshot(browser.page, canvasPng);
		await openNodePanel(browser.page, 'Webhook');
		const panelPng = join(ARTIFACTS, 'screenshots', `smoke-${version}-webhook-panel.png`);
		await screenshot(browser.page, panelPng);
		await browser.page.keyboard.press('Escape');
		const found = await searchNodeCreator(browser.page, 'Webhook');
		const creatorPng = join(ARTIFACTS, 'screenshots', `smoke-${version}-node-creator.png`);
		await screenshot(browser.page, creatorPng);
		assert(found, 'the node creator found no "Webhook" node');
		const missing = await searchNodeCreator(browser.page, 'zzNoSuchNodeZz');
		assert(!missing, 'the node creator lists a result for a nonsense term');
		log(version, `screenshots: ${canvasPng}, ${panelPng}, ${creatorPng}`);
	} finally {
		await browser.close();
	}
	return Date.now() - started;
}

function parseArgs(argv: string[]): { versions: string[]; port?: number; screenshot: boolean } {
	const value = (flag: string) => {
		const index = argv.indexOf(flag);
		return index === -1 ? undefined : argv[index + 1];
	};
	const version = value('--version') ?? 'all';
	const port = value('--port');
	return {
		versions: version === 'all' ? [N8N_VERSIONS.current, N8N_VERSIONS.legacy] : [version],
		port: port ? Number(port) : undefined,
		screenshot: argv.includes('--screenshot'),
	};
}

function formatTimings(timings: Timings): Record<string, string> {
	const seconds = (ms?: number) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);
	return {
		version: timings.version,
		install: seconds(timings.installMs),
		'cli import+activate': seconds(timings.cliImportMs),
		'start→ready': seconds(timings.firstStartMs),
		'restart→ready': seconds(timings.restartMs),
		browser: seconds(timings.browserMs),
		'whole run': seconds(timings.totalMs),
	};
}

function log(version: string, message: string): void {
	console.log(`[smoke ${version}] ${message}`);
}

main()
	.catch(async (error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => await stopAllProcesses());
