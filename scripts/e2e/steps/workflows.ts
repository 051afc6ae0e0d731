/** The workflows the scenario imports: the examples filled with the demo workspace's ids, and the e2e fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	byId,
	fillDailyImport,
	loadExamples,
	setParameter,
	setTypeVersion,
	webhookVariant,
	type SimulatorState,
	type WorkflowFile,
} from '../lib/instantly';
import { IDS, WEBHOOK_PATHS, type ScenarioWorkflows } from './context';

const ACTIONS_FIXTURE = join(__dirname, '..', 'fixtures', 'actions.workflow.json');
/** The fault drills' Webhook → Instantly workflows, the campaign-filtered trigger and n8n's own Webhook as a body echo. */
const DRILLS_FIXTURE = join(__dirname, '..', 'fixtures', 'drills.workflows.json');

/** The examples with the demo workspace's list and campaign, plus the e2e's own webhook workflows. */
export function prepareWorkflows(state: SimulatorState): ScenarioWorkflows {
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
