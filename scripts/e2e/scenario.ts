/**
 * The package inside a real n8n, against the Instantly simulator, with no clicks:
 * simulator (demo workspace, whose key is also an agency's admin key) → package tarball installed
 * into a fresh user folder → credential and example workflows imported (CLI) → n8n started → node
 * types, credential tests, activation (webhooks registered in the simulator), events → executions
 * → simulator state, forged deliveries refused, action workflows, the agency examples across client
 * workspaces, optional editor check, restart, deactivation → every process stopped. Each assertion is a named check; the results go to a JSON file.
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
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { startSimulator, seedDemoAgency, seedDemoWorkspace, type Simulator } from '../../simulator';
import { browserCheck } from './browser-check';
import { Checks, type LineResult } from './lib/checks';
import { freshUserFolder, importIntoUserFolder, installN8n, startN8nHost, startQueueHost, type N8nHost, type QueueHost } from './lib/host';
import { buildAndPack, REPO_ROOT, SimulatorControl, type SimulatorState } from './lib/instantly';
import { isLegacyN8n, N8N_VERSIONS, type N8nInstanceOptions } from './lib/n8n';
import { stopAllProcesses } from './lib/processes';
import { freePort, startRedis } from './lib/queue';
import { actionSteps } from './steps/actions';
import { agencySteps } from './steps/agency';
import { DEMO_KEY, IDS, log, type Context, type ScenarioWorkflows } from './steps/context';
import { createCredentialWorkspaces, scenarioCredentials } from './steps/credentials';
import { deliveryChecks } from './steps/deliveries';
import { faultDrills } from './steps/drills';
import { eventChecks } from './steps/events';
import { activationSteps, deactivationSteps, restartCheck } from './steps/lifecycle';
import { duplicateFilterStep, everythingStoppedStep, webhookProcessOnlyStep, withDuplicateWindow, workerRanEverythingStep } from './steps/queue';
import { secretSteps } from './steps/secrets';
import { prepareAgencyWorkflows, prepareWorkflows } from './steps/workflows';

const ARTIFACTS = join(REPO_ROOT, '.e2e');
const DEFAULT_PORTS: Record<string, number> = { [N8N_VERSIONS.current]: 5731, [N8N_VERSIONS.legacy]: 5741 };
/** Main's port in queue mode; the webhook process gets +2, the worker's health server +4. */
const DEFAULT_QUEUE_PORT = 5811;

/** How one pass starts n8n and which checks it runs, in order. */
interface Pass<Host extends N8nHost> {
	workflows(state: SimulatorState): ScenarioWorkflows;
	start(options: N8nInstanceOptions, ctx: Pick<Context, 'label' | 'time'>): Promise<Host>;
	checks(ctx: Context<Host>, checks: Checks, args: Args): Promise<void>;
	/** Checks that need n8n and the simulator stopped. */
	afterStop(ctx: Context<Host>, checks: Checks): Promise<void>;
}

const singleProcessPass: Pass<N8nHost> = {
	workflows: prepareWorkflows,
	start: async (options, { time }) => await time('startMs', async () => await startN8nHost(options)),
	async checks(ctx, checks, args) {
		await activationSteps(ctx, checks);
		await eventChecks(ctx, checks, 'first start');
		await deliveryChecks(ctx, checks);
		await secretSteps(ctx, checks);
		await actionSteps(ctx, checks);
		await faultDrills(ctx, checks);
		await agencySteps(ctx, checks);
		if (args.browser) {
			await ctx.time('browserMs', async () =>
				await checks.run('browser: editor shows our nodes and panels without issues', async () =>
					await browserCheck(
						ctx.host.main.baseUrl,
						{ workflowId: IDS.reply, triggerNode: 'Instantly Trigger', actionNode: 'Mark Lead Interested' },
						args.screenshots ?? join(ARTIFACTS, `screenshots-${args.label}`),
					),
				),
			);
		}
		await restartCheck(ctx, checks);
		await eventChecks(ctx, checks, 'after restart');
		await deactivationSteps(ctx, checks);
	},
	afterStop: async () => undefined,
};

const queuePass: Pass<QueueHost> = {
	workflows: (state) => withDuplicateWindow(prepareWorkflows(state)),
	async start(options, { label, time }) {
		const redis = await time('redisStartMs', async () => await startRedis(join(options.userFolder, 'redis'), await freePort()));
		log(label, `redis-server on 127.0.0.1:${redis.port} (log ${redis.logFile})`);
		const ports = { main: options.port, webhook: options.port + 2, worker: options.port + 4 };
		const host = await time('startMs', async () => await startQueueHost(options, ports, redis));
		log(label, `queue mode: main ${host.main.baseUrl}, webhook process ${host.webhook.baseUrl}, worker health ${host.worker.baseUrl}`);
		return host;
	},
	async checks(ctx, checks) {
		await activationSteps(ctx, checks);
		await webhookProcessOnlyStep(ctx, checks);
		await eventChecks(ctx, checks, 'first start');
		await secretSteps(ctx, checks);
		await duplicateFilterStep(ctx, checks);
		await actionSteps(ctx, checks);
		await agencySteps(ctx, checks);
		await restartCheck(ctx, checks);
		await eventChecks(ctx, checks, 'after restart');
		await workerRanEverythingStep(ctx, checks);
		await deactivationSteps(ctx, checks);
	},
	afterStop: everythingStoppedStep,
};

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const result = args.queue ? await runLine(args, queuePass) : await runLine(args, singleProcessPass);
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

/**
 * Simulator with the demo workspace → the tarball into a fresh user folder → credentials and
 * workflows imported → n8n started as the pass starts it → the pass's checks → everything stopped.
 */
async function runLine<Host extends N8nHost>(args: Args, pass: Pass<Host>): Promise<LineResult> {
	const { version, label } = args;
	const checks = new Checks(label);
	const timings: Record<string, number> = {};
	const started = Date.now();
	let simulator: Simulator | undefined;
	let host: Host | undefined;
	const time = async <T>(key: string, body: () => Promise<T>): Promise<T> => {
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
		const tarball = args.tarball ?? (await time('buildPackMs', async () => buildAndPack(join(ARTIFACTS, 'packs'))));

		simulator = await startSimulator({ rateLimits: false });
		const demo = seedDemoWorkspace(simulator, DEMO_KEY);
		// The demo key is also the agency's admin key, as in `npm run dev`: one credential for both.
		const agency = prepareAgencyWorkflows(seedDemoAgency(simulator, DEMO_KEY));
		const control = new SimulatorControl(simulator.url);
		const state = await control.state(demo.id);
		log(label, `simulator at ${simulator.url}, demo workspace ${demo.id}, agency clients ${agency.clients.map((client) => `${client.name} ${client.id} (${client.status})`).join(', ')}`);

		const userFolder = join(ARTIFACTS, `scenario-${label}`);
		const options: N8nInstanceOptions = { version, port: args.port, userFolder };
		const [installed] = freshUserFolder(userFolder, [tarball]);
		log(label, `installed ${installed.name}@${installed.version} (tarball ${tarball}) into ${userFolder}/.n8n/nodes`);

		await createCredentialWorkspaces(control);
		const workflows = pass.workflows(state);
		const credentials = scenarioCredentials(simulator.url);
		// The CLI imports run without the queue settings (they only write the shared database).
		await time('cliImportMs', async () =>
			await importIntoUserFolder(options, { credentials, workflows: [...Object.values(workflows), ...Object.values(agency.workflows)] }),
		);

		host = await pass.start(options, { label, time });
		log(label, `n8n ready at ${host.main.baseUrl} (log ${host.main.logFile})`);
		const ctx: Context<Host> = { version, label, host, simulator, control, workspaceId: demo.id, workflows, agency, seen: new Map(), time };
		await pass.checks(ctx, checks, args);

		await host.stop();
		await simulator.close();
		host = undefined;
		simulator = undefined;
		await pass.afterStop(ctx, checks);
		timings.totalMs = Date.now() - started;
		return { version, checks: checks.results, timings };
	} catch (error) {
		console.error(error);
		timings.totalMs = Date.now() - started;
		return { version, checks: checks.results, timings, runtimeError: error instanceof Error ? error.message : String(error) };
	} finally {
		await host?.stop();
		await simulator?.close();
		await stopAllProcesses();
	}
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

if (require.main === module) {
	main().catch(async (error) => {
		console.error(error);
		await stopAllProcesses();
		process.exitCode = 1;
	});
}
