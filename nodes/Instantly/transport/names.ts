import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { foldName, listedNames } from '../helpers/locator';
import { PerRunCache } from '../helpers/perRun';
import type { InstantlyContext } from './context';
import type { Endpoint } from './endpoints';
import { endpoints } from './endpoints';
import { paginate } from './pagination';
import type { WorkspaceOfRequest, WorkspaceRef } from './workspace';
import { workspaceKey } from './workspace';

/** The record types a picker can name, with the list that holds them and the field their name is in. */
const NAMED_RECORDS = {
	campaigns: { endpoint: endpoints.listCampaigns, singular: 'campaign', nameField: 'name' },
	leadLists: { endpoint: endpoints.listLeadLists, singular: 'lead list', nameField: 'name' },
	leadLabels: { endpoint: endpoints.listLeadLabels, singular: 'lead label', nameField: 'label' },
} as const satisfies Record<string, { endpoint: Endpoint; singular: string; nameField: string }>;

export type NamedRecords = keyof typeof NAMED_RECORDS;

/** Every record of a list by folded name: the name as Instantly spells it and the IDs that carry it. */
type IdsByName = Map<string, { name: string; ids: string[] }>;

/**
 * Listings per execution, keyed by workspace and record type: however many items name records,
 * each workspace's list is read once.
 */
const listings = new PerRunCache<IdsByName>();

/** What a By Name value says, the field it was given in, and the workspace to look in. */
interface NameRead {
	records: NamedRecords;
	name: string;
	label: string;
	/** The workspace the lookup is for, as the parameters give it (undefined: the key's own). */
	workspace: WorkspaceRef | undefined;
	/** How the listing requests say where they act: the item they are for, or the trigger's workspace. */
	request: WorkspaceOfRequest;
}

/**
 * The ID of the one record of `records` called `name` in `workspace`. Throws an error naming the
 * field, the name and the workspace (and the names there) when there is none, and listing the
 * candidates' IDs when there are several.
 */
export async function idByName(context: InstantlyContext, { records, name, label, workspace, request }: NameRead): Promise<string> {
	const { itemIndex } = request;
	const listed = await listings.get(context, `${workspaceKey(workspace)} ${records}`, () => listIdsByName(context, records, request));
	const ids = listed.get(foldName(name))?.ids ?? [];
	const where = workspaceNamed(workspace);
	const { singular } = NAMED_RECORDS[records];
	if (ids.length === 1) return ids[0];
	if (ids.length === 0) {
		throw new NodeOperationError(context.getNode(), `${label}: no ${singular} named "${name.trim()}" in ${where}`, {
			description: `Names are compared ignoring case and surrounding spaces. ${namesThere(singular, [...listed.values()])}`,
			itemIndex,
		});
	}
	throw new NodeOperationError(
		context.getNode(),
		`${label}: ${ids.length} ${singular}s are named "${name.trim()}" in ${where}: ${ids.join(', ')}`,
		{ description: `Give one of them by ID, or rename the others in Instantly.`, itemIndex },
	);
}

function workspaceNamed(workspace: WorkspaceRef | undefined): string {
	if (workspace === undefined) return "the API key's own workspace";
	return 'id' in workspace ? `client workspace ${workspace.id}` : `client workspace "${workspace.name.trim()}"`;
}

function namesThere(singular: string, named: Array<{ name: string; ids: string[] }>): string {
	if (named.length === 0) return `That workspace has no ${singular}s.`;
	return `Its ${singular}s are ${listedNames(named.map(({ name }) => name))}.`;
}

/**
 * Every record of the list by folded name. The whole list is read rather than Instantly's `search`
 * per name: one listing then serves every name the execution's items give.
 */
async function listIdsByName(context: InstantlyContext, records: NamedRecords, request: WorkspaceOfRequest): Promise<IdsByName> {
	const { endpoint, nameField } = NAMED_RECORDS[records];
	const named: IdsByName = new Map();
	for await (const record of paginate.call(context, endpoint, request) as AsyncGenerator<IDataObject>) {
		const name = record[nameField];
		if (typeof name !== 'string' || typeof record.id !== 'string') continue;
		const folded = foldName(name);
		const known = named.get(folded);
		if (known) known.ids.push(record.id);
		else named.set(folded, { name, ids: [record.id] });
	}
	return named;
}

