import { nowIso, uuidv7 } from '../ids';
import type { ApiObject, WorkspaceState } from '../state';
import { applyPatch, containsText, deleteOr404, getOr404, listPage } from './crud';
import { isValidEmail } from './leadRecords';
import type { HandlerTable } from './types';

const ENTRY = 'Block list entry';
const DOMAIN_PATTERN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export const isValidBlockValue = (value: string): boolean => isValidEmail(value) || DOMAIN_PATTERN.test(value);

function blockValueFields(value: string) {
	const trimmed = value.trim();
	return { bl_value: trimmed, is_domain: !trimmed.includes('@') };
}

export function addBlockListEntry(workspace: WorkspaceState, value: string): ApiObject {
	const fields = blockValueFields(value);
	const existing = [...workspace.blockListEntries.values()].find((entry) => entry.bl_value === fields.bl_value);
	if (existing) return existing;
	const entry = { id: uuidv7(), timestamp_created: nowIso(), organization_id: workspace.id, ...fields };
	workspace.blockListEntries.set(entry.id, entry);
	return entry;
}

function matching(query: Record<string, unknown>) {
	return (entry: ApiObject) => (!query.domains_only || entry.is_domain === true) && containsText(entry.bl_value, query.search);
}

export const blockListHandlers: HandlerTable = {
	'POST /api/v2/block-lists-entries': ({ workspace, body }) => addBlockListEntry(workspace, body.bl_value),
	'GET /api/v2/block-lists-entries': ({ workspace, query }) => listPage(workspace.blockListEntries, query, matching(query)),
	'GET /api/v2/block-lists-entries/{id}': ({ workspace, params }) => getOr404(workspace.blockListEntries, params.id, ENTRY),
	'PATCH /api/v2/block-lists-entries/{id}': ({ workspace, params, body }) =>
		applyPatch(getOr404(workspace.blockListEntries, params.id, ENTRY), body.bl_value === undefined ? {} : blockValueFields(body.bl_value)),
	'DELETE /api/v2/block-lists-entries/{id}': ({ workspace, params }) => deleteOr404(workspace.blockListEntries, params.id, ENTRY),
	'POST /api/v2/block-lists-entries/bulk-create': ({ workspace, body }) => {
		const values = (body.bl_values as string[]).map((value) => value.trim());
		const valid = values.filter(isValidBlockValue);
		return { items: valid.map((value) => addBlockListEntry(workspace, value)), valid_count: valid.length, invalid_count: values.length - valid.length };
	},
	'POST /api/v2/block-lists-entries/bulk-delete': ({ workspace, body }) =>
		(body.ids as string[]).flatMap((id) => {
			const entry = workspace.blockListEntries.get(id);
			if (!entry) return [];
			workspace.blockListEntries.delete(id);
			return [entry];
		}),
	'DELETE /api/v2/block-lists-entries': ({ workspace, query }) => {
		const doomed = [...workspace.blockListEntries.values()].filter(matching(query));
		for (const entry of doomed) workspace.blockListEntries.delete(entry.id);
		return doomed;
	},
};
