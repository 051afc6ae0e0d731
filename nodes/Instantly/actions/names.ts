import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Endpoint } from '../transport/endpoints';
import { endpoints } from '../transport/endpoints';
import { paginate } from '../transport/pagination';
import { itemWorkspaceId } from '../transport/workspace';
import { BY_NAME, locatorParts, resourceId } from '../helpers/locator';
import { PerRunCache } from '../helpers/perRun';
import type { ParameterRead } from '../helpers/validation';

/** The record types a picker can name, with the list that holds them. */
export const NAMED_RECORDS = {
	campaigns: { endpoint: endpoints.listCampaigns, singular: 'campaign' },
	leadLists: { endpoint: endpoints.listLeadLists, singular: 'lead list' },
} as const satisfies Record<string, { endpoint: Endpoint; singular: string }>;

export type NamedRecords = keyof typeof NAMED_RECORDS;

/** Names compare after trimming and case folding, so a template's "Q3 outbound " finds "Q3 Outbound". */
export function foldName(name: string): string {
	return name.trim().toLocaleLowerCase('en-US');
}

type IdsByName = Map<string, string[]>;

/**
 * Listings per execution, keyed by workspace and record type: however many items name records,
 * each workspace's list is read once.
 */
const listings = new PerRunCache<IdsByName>();

/** What a By Name value says, and where it is read. */
export interface NameRead {
	records: NamedRecords;
	name: string;
	label: string;
	itemIndex: number;
}

/**
 * The ID of the one record of `records` called `name` in the workspace item `itemIndex` acts in.
 * Throws an error naming the field, the name and the workspace when there is none, and listing the
 * candidates' IDs when there are several.
 */
export async function idByName(context: IExecuteFunctions, { records, name, label, itemIndex }: NameRead): Promise<string> {
	const workspaceId = itemWorkspaceId(context, itemIndex);
	const ids = (await listing(context, records, workspaceId, itemIndex)).get(foldName(name)) ?? [];
	const workspace = workspaceId === undefined ? "the API key's own workspace" : `client workspace ${workspaceId}`;
	const { singular } = NAMED_RECORDS[records];
	if (ids.length === 1) return ids[0];
	if (ids.length === 0) {
		throw new NodeOperationError(context.getNode(), `${label}: no ${singular} named "${name.trim()}" in ${workspace}`, {
			description: `Names are compared ignoring case and surrounding spaces. Check the name, or pick the ${singular} from the list.`,
			itemIndex,
		});
	}
	throw new NodeOperationError(
		context.getNode(),
		`${label}: ${ids.length} ${singular}s are named "${name.trim()}" in ${workspace}: ${ids.join(', ')}`,
		{ description: `Give one of them by ID, or rename the others in Instantly.`, itemIndex },
	);
}

function listing(
	context: IExecuteFunctions,
	records: NamedRecords,
	workspaceId: string | undefined,
	itemIndex: number,
): Promise<IdsByName> {
	const key = `${workspaceId?.toLowerCase() ?? ''} ${records}`;
	return listings.get(context, key, () => listIdsByName(context, NAMED_RECORDS[records].endpoint, itemIndex));
}

/**
 * Every record of the list by folded name. The whole list is read rather than Instantly's `search`
 * per name: one listing then serves every name the execution's items give.
 */
async function listIdsByName(context: IExecuteFunctions, endpoint: Endpoint, itemIndex: number): Promise<IdsByName> {
	const ids: IdsByName = new Map();
	for await (const record of paginate.call(context, endpoint, { itemIndex }) as AsyncGenerator<IDataObject>) {
		if (typeof record.name !== 'string' || typeof record.id !== 'string') continue;
		const name = foldName(record.name);
		ids.set(name, [...(ids.get(name) ?? []), record.id]);
	}
	return ids;
}

/**
 * Reads a resource locator parameter of the action node and returns the UUID it names (see
 * resourceId); a By Name value is looked up among the `records` of the item's workspace.
 */
export async function readResourceId(
	context: IExecuteFunctions,
	records: NamedRecords,
	parameter: ParameterRead,
): Promise<string>;
export async function readResourceId(
	context: IExecuteFunctions,
	records: NamedRecords,
	parameter: ParameterRead,
	options: { required: false },
): Promise<string | undefined>;
export async function readResourceId(
	context: IExecuteFunctions,
	records: NamedRecords,
	{ name, label, itemIndex }: ParameterRead,
	{ required = true }: { required?: boolean } = {},
): Promise<string | undefined> {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: false });
	const { mode, text } = locatorParts(value);
	if (mode === BY_NAME && text !== '') return await idByName(context, { records, name: text, label, itemIndex });
	const read = { node: context.getNode(), value, label, itemIndex };
	return required ? resourceId(read) : resourceId({ ...read, required: false });
}
