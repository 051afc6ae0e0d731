/** The workflows the scenario imports: the examples filled with the demo workspace's ids, and the e2e fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CreatedAgency } from '../../../simulator';
import {
	AGENCY_EXAMPLES,
	byId,
	clientTemplateCopy,
	fillDailyImport,
	fillOnboarding,
	loadExamples,
	setParameter,
	setTypeVersion,
	webhookVariant,
	type SimulatorState,
	type WorkflowFile,
} from '../lib/instantly';
import { AGENCY_IDS, IDS, WEBHOOK_PATHS, type AgencyRun, type ScenarioWorkflows } from './context';

const ACTIONS_FIXTURE = join(__dirname, '..', 'fixtures', 'actions.workflow.json');
/** The fault drills' Webhook → Instantly workflows, the campaign-filtered trigger and n8n's own Webhook as a body echo. */
const DRILLS_FIXTURE = join(__dirname, '..', 'fixtures', 'drills.workflows.json');

/** The examples with the demo workspace's list and campaign, plus the e2e's own webhook workflows. */
export function prepareWorkflows(state: SimulatorState): ScenarioWorkflows {
	const get = examplesById();
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
	// Workflows saved before version 2 keep typeVersion 1: the bounce example proves that version here.
	setTypeVersion(get(IDS.bounce), 'Instantly Trigger', 1);
	return {
		reply: get(IDS.reply),
		bounce: get(IDS.bounce),
		table: get(IDS.table),
		daily,
		dailyHook: webhookVariant(daily, IDS.dailyHook, WEBHOOK_PATHS.dailyHook, '6f1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e406'),
		actions,
		faultGet: drill(IDS.faultGet),
		faultReply: drill(IDS.faultReply),
		deliveries: drill(IDS.deliveries),
		bodyProbe: drill(IDS.bodyProbe),
	};
}

/**
 * The agency examples for the seeded agency: the client template copied for the first two accepted
 * clients, the daily report and the onboarding (for the third) each started by a Webhook node.
 */
export function prepareAgencyWorkflows(agency: CreatedAgency): AgencyRun {
	const get = examplesById();
	const [a, b, onboarded] = agency.clients.filter((client) => client.status === 'accepted');
	if (!onboarded) throw new Error('the agency needs three accepted clients');
	const template = get(AGENCY_EXAMPLES.clientTemplate);
	const onboarding = get(AGENCY_EXAMPLES.onboard);
	fillOnboarding(onboarding, onboarded.id);
	return {
		...agency,
		roles: { a, b, onboarded },
		workflows: {
			clientA: clientTemplateCopy(template, a, AGENCY_IDS.clientA),
			clientB: clientTemplateCopy(template, b, AGENCY_IDS.clientB),
			report: webhookVariant(get(AGENCY_EXAMPLES.report), AGENCY_IDS.report, WEBHOOK_PATHS.agencyReport, '6f1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e422'),
			onboard: webhookVariant(onboarding, AGENCY_IDS.onboard, WEBHOOK_PATHS.agencyOnboard, '6f1e2a9c-1d2b-4c3d-8e4f-a0b1c2d3e423'),
		},
	};
}

/** Looks an example up by its workflow id (each call reads `examples/` afresh, so callers may change what they get). */
function examplesById(): (id: string) => WorkflowFile {
	const examples = new Map(loadExamples().map((workflow) => [workflow.id, workflow]));
	return (id) => {
		const workflow = examples.get(id);
		if (!workflow) throw new Error(`examples/ has no workflow with id ${id}`);
		return workflow;
	};
}
