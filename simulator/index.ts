/**
 * The simulator's one public entry: tests, the e2e run, the benchmarks and the demo import from
 * here and nothing else.
 */
import { seedDemoWorkspace } from './seed';
import { simulatorRequestHandler } from './server';
import { Simulator, type SimulatorOptions } from './simulator';

export const DEMO_API_KEY = 'demo-key';

/** Starts the Instantly API v2 simulator on 127.0.0.1 (random port unless `port` is given). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const simulator = new Simulator(options);
	await simulator.listen(simulatorRequestHandler(simulator));
	if (options.seedDemo) seedDemoWorkspace(simulator, typeof options.seedDemo === 'object' ? options.seedDemo.apiKey : DEMO_API_KEY);
	return simulator;
}

export { Simulator, seedDemoWorkspace };
export type {
	CreateWorkspaceOptions,
	CreatedWorkspace,
	InvalidRequest,
	RecordedRequest,
	ResponseViolation,
	SimulatorOptions,
} from './simulator';
export type { Fault, FaultKind, FaultPlan, FaultSpec } from './faults';
export { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rateLimit';
export { OPENAPI_PATH } from './openapi';
export type { EventInput } from './resources/types';
export type { NewAccount } from './resources/accounts';
export type { NewEmail } from './resources/emailRecords';
export type { Account, Activity, ApiObject, BackgroundJob, Campaign, DeliveryResult, Email, Lead, LeadLabel, Webhook, WorkspaceState } from './state';
export { deliveredEventType, standardEventTypes } from './events';
export { CONTROL_PREFIX } from './control';
export { ManualClock, systemClock, type Clock } from './clock';

// Agencies: an admin workspace acting in its accepted client sub-workspaces with `x-as-workspace`.
export { seedDemoAgency, AGENCY_CAMPAIGN_NAMES } from './seedAgency';
export { AS_WORKSPACE_HEADER } from './auth';
export { MEMBER_STATUSES, type MemberStatus, type WorkspaceGroupMember } from './workspaceGroups';
export type { AgencyClient, AgencyClientOptions, CreateAgencyOptions, CreatedAgency } from './simulator';
