/**
 * `npm run dev`: a local n8n 2.41.1 with this package installed from its tarball, the example
 * workflows and a ready credential, against the Instantly simulator's demo workspace, which is also
 * the admin workspace of a demo agency's client workspaces (or, with INSTANTLY_API_KEY set, against
 * the real Instantly API and no simulator). Ctrl+C stops everything.
 *
 * Environment: N8N_PORT (5678), SIMULATOR_PORT (4010), SIMULATOR_API_KEY (demo-key), INSTANTLY_API_KEY.
 * The n8n user folder `.e2e/dev/` is made anew on every start (the examples are re-imported).
 */
import { join } from 'node:path';

import { startSimulator, seedDemoAgency, seedDemoWorkspace, type CreatedAgency, type Simulator } from '../simulator';
import { freshUserFolder, importIntoUserFolder, installN8n, startN8nHost } from './e2e/lib/host';
import {
	AGENCY_EXAMPLES,
	buildAndPack,
	DEMO_CREDENTIAL,
	fillDailyImport,
	fillOnboarding,
	loadExamples,
	REPO_ROOT,
	setTriggerWorkspace,
	SimulatorControl,
	triggerUrl,
	wireDataTable,
} from './e2e/lib/instantly';
import { N8N_VERSIONS } from './e2e/lib/n8n';
import { stopAllProcesses } from './e2e/lib/processes';
import { E2E_OWNER } from './e2e/lib/rest';

const VERSION = N8N_VERSIONS.current;
const REAL_API = 'https://api.instantly.ai';

async function main(): Promise<void> {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const realKey = process.env.INSTANTLY_API_KEY?.trim() || undefined;
	const userFolder = join(REPO_ROOT, '.e2e', 'dev');

	console.log(`[dev] installing n8n ${VERSION} (cached after the first time)`);
	await installN8n(VERSION);
	// `npm run dev` has just built; pack that build.
	const tarball = buildAndPack(join(REPO_ROOT, '.e2e', 'packs'), false);

	let simulator: Simulator | undefined;
	let agency: CreatedAgency | undefined;
	let apiKey: string;
	let baseUrl: string;
	const examples = loadExamples();
	if (realKey) {
		apiKey = realKey;
		baseUrl = REAL_API;
	} else {
		apiKey = process.env.SIMULATOR_API_KEY ?? 'demo-key';
		simulator = await startSimulator({ port: Number(process.env.SIMULATOR_PORT ?? 4010) });
		seedDemoWorkspace(simulator, apiKey);
		agency = seedDemoAgency(simulator, apiKey);
		baseUrl = simulator.url;
		const state = await new SimulatorControl(simulator.url).state(simulator.workspace(apiKey).id);
		const daily = examples.find((workflow) => workflow.id === 'instDailyImport1');
		if (daily) fillDailyImport(daily, state.leadLists[0], state.campaigns[1]);
		// The agency examples' one value each: the first accepted client (the trigger is activated below).
		const client = agency.clients[0];
		for (const workflow of examples) {
			if (workflow.id === AGENCY_EXAMPLES.clientTemplate) setTriggerWorkspace(workflow, client);
			if (workflow.id === AGENCY_EXAMPLES.onboard) fillOnboarding(workflow, client.id);
		}
	}

	const options = { version: VERSION, port, userFolder };
	freshUserFolder(userFolder, [tarball]);
	console.log('[dev] importing the credential and the example workflows');
	await importIntoUserFolder(options, {
		credentials: [{ ...DEMO_CREDENTIAL, name: realKey ? 'Instantly' : DEMO_CREDENTIAL.name, apiKey, baseUrl }],
		workflows: examples,
	});

	console.log('[dev] starting n8n');
	const host = await startN8nHost(options);
	const { main: n8n, rest } = host;
	await wireDataTable(rest, 'instInterestTbl1');
	await wireDataTable(rest, AGENCY_EXAMPLES.report);
	const triggers = examples.filter((workflow) => workflow.nodes.some((node) => node.type.endsWith('.instantlyTrigger')));
	if (simulator) {
		// Against the simulator the triggers can be live at once: their webhooks point at 127.0.0.1.
		for (const workflow of triggers) await rest.activateWorkflow(workflow.id);
	}

	const lines = [
		'',
		`n8n ${VERSION} editor: ${n8n.baseUrl}/home/workflows`,
		`login:             ${E2E_OWNER.email} / ${E2E_OWNER.password}`,
		`credential:        "${realKey ? 'Instantly' : DEMO_CREDENTIAL.name}" (instantlyAiApi) → ${baseUrl}`,
		`examples:          ${examples.map((workflow) => workflow.name).join('; ')}`,
	];
	if (simulator && agency) {
		const lead = (await new SimulatorControl(simulator.url).state(simulator.workspace(apiKey).id)).leads.find(
			(candidate) => candidate.campaign !== null && candidate.lt_interest_status == null,
		);
		const client = agency.clients[0];
		const clientLead = [...simulator.workspace(client.id).leads.values()].find((candidate) => candidate.campaign !== null);
		lines.push(
			`simulator:         ${simulator.url}  (API key: ${apiKey}; control API ${simulator.url}/__simulator/)`,
			`client workspaces: ${agency.clients.map((member) => `${member.id}  ${member.name} (${member.status})`).join('\n                   ')}`,
			'                   (the same credential acts in the accepted ones: Workspace › client, or header x-as-workspace)',
			`active triggers:   ${triggers.map((workflow) => `${workflow.name} → ${triggerUrl(n8n.baseUrl, workflow)}`).join('\n                   ')}`,
			'',
			'Make a demo event happen (a reply: the Slack message is composed and the lead marked Interested):',
			`  curl -s -X POST ${simulator.url}/__simulator/events -H 'content-type: application/json' \\`,
			`    -d '{"apiKey":"${apiKey}","event_type":"reply_received","lead_email":"${lead?.email ?? 'jane.doe0@prospectinc.com'}"}'`,
			'Other event_type values: email_bounced, lead_unsubscribed (→ block list), lead_interested (→ data table).',
			`In a client workspace: "workspaceId":"${client.id}" instead of "apiKey" (${client.name}; a lead of its "Q3 Outbound": ${clientLead?.email}):`,
			`  the agency client template is live there (reply_received → Interested, email_bounced → block list);`,
			`  the agency daily report and onboarding examples run from the editor (onboarding acts in ${client.name}).`,
			`Then open ${n8n.baseUrl}/home/executions`,
		);
	} else {
		lines.push('', 'Real Instantly API: the trigger workflows were imported but not activated (Instantly cannot reach 127.0.0.1).');
	}
	lines.push('', 'Ctrl+C stops n8n' + (simulator ? ' and the simulator.' : '.'), '');
	console.log(lines.join('\n'));

	await new Promise<void>((resolve) => {
		n8n.process.once('exit', () => resolve());
		let stopping = false;
		const stop = () => {
			if (stopping) return;
			stopping = true;
			console.log('\n[dev] stopping');
			void host
				.stop()
				.then(async () => await simulator?.close())
				.finally(() => resolve());
		};
		// `on`: Ctrl+C arrives twice (terminal + tsx relay); a second one without a listener kills us.
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await simulator?.close();
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => {
		await stopAllProcesses();
		process.exit();
	});
