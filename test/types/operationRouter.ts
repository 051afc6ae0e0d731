/**
 * Checked by `tsc --noEmit -p tsconfig.json` (npm run typecheck), not run by jest. Each
 * `@ts-expect-error` line must fail to compile: should the router or a resource index stop
 * catching that mistake, the directive is unused and tsc fails.
 */
import * as lead from '../../nodes/Instantly/actions/lead';
import type { OperationOption, OperationsListedIn, ResourceOperations } from '../../nodes/Instantly/actions/node.type';
import { resources } from '../../nodes/Instantly/actions/router';

const { move: _removedModule, ...leadWithoutMove } = lead.operations;
// @ts-expect-error "move" is an operation of lead, but no module is given for it.
export const missingOperation = { ...resources, lead: leadWithoutMove } satisfies ResourceOperations;

// @ts-expect-error "archive" is not an operation of lead.
export const inventedOperation = { ...resources, lead: { ...lead.operations, archive: lead.operations.get } } satisfies ResourceOperations;

const { webhook: _removedResource, ...withoutWebhook } = resources;
// @ts-expect-error Every resource needs its operations.
export const missingResource = withoutWebhook satisfies ResourceOperations;

// @ts-expect-error "project" is not a resource.
export const inventedResource = { ...resources, project: lead.operations } satisfies ResourceOperations;

export const inventedOption = [
	{ name: 'Get', value: 'get', action: 'Get a lead' },
	// @ts-expect-error An Operation option whose value is not an operation of lead.
	{ name: 'Archive', value: 'archive', action: 'Archive a lead' },
] satisfies Array<OperationOption<'lead'>>;

export const getOnly = [{ name: 'Get', value: 'get', action: 'Get a lead' }] satisfies Array<OperationOption<'lead'>>;
// @ts-expect-error "create" has a module but no Operation option, so users could never choose it.
export const unlistedModule = { get: lead.operations.get, create: lead.operations.create } satisfies OperationsListedIn<
	typeof getOnly
>;

export const getAndCreate = [
	{ name: 'Create', value: 'create', action: 'Create a lead' },
	{ name: 'Get', value: 'get', action: 'Get a lead' },
] satisfies Array<OperationOption<'lead'>>;
// @ts-expect-error "create" is an Operation option, but no module runs it.
export const listedWithoutModule = { get: lead.operations.get } satisfies OperationsListedIn<typeof getAndCreate>;
