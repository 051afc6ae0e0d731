import type { INode, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid, UUID_IN_TEXT, UUID_PATTERN } from './validation';

const UUID_IN_LINK = new RegExp(UUID_IN_TEXT);

/**
 * The modes every Instantly picker offers: a searchable list, a UUID, an app.instantly.ai link, or
 * a name resolved when the workflow runs (so a workflow copied to another workspace finds that
 * workspace's record of the same name).
 */
export function locatorModes(
	what: string,
	searchListMethod: string,
	urlExample: string,
): Pick<INodeProperties, 'type' | 'default' | 'modes'> {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			...listAndIdModes(what, searchListMethod).modes,
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: urlExample,
				extractValue: { type: 'regex', regex: UUID_IN_TEXT },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `https?://app\\.instantly\\.ai/.*${UUID_IN_TEXT}.*`,
							errorMessage: `Not an Instantly ${what.toLowerCase()} link`,
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: BY_NAME,
				type: 'string',
				placeholder: 'e.g. Q3 Outbound',
			},
		],
	};
}

/** The two modes every picker has: a searchable list and a UUID checked as it is typed. */
export function listAndIdModes(what: string, searchListMethod: string): { modes: INodePropertyMode[] } {
	return {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
				validation: [
					{
						type: 'regex',
						properties: { regex: UUID_PATTERN, errorMessage: `Not a valid ${what.toLowerCase()} ID (a UUID)` },
					},
				],
			},
		],
	};
}

/** The By Name mode, resolved only where the action node runs (readResourceId). */
export const BY_NAME = 'name';

/** A campaign picker: searchable list, UUID, app link, or name. */
export function campaignLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Campaign',
		name: 'campaignId',
		description: 'The Instantly campaign',
		...locatorModes('Campaign', 'searchCampaigns', 'https://app.instantly.ai/app/campaign/<ID>/analytics'),
		...overrides,
	};
}

/** A lead list picker: searchable list, UUID, app link, or name. */
export function leadListLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Lead List',
		name: 'listId',
		description: 'The Instantly lead list',
		...locatorModes('Lead List', 'searchLeadLists', 'https://app.instantly.ai/app/lead-list/<ID>'),
		...overrides,
	};
}

/** A resource locator's value (as stored, not extracted), with the label and item an error names. */
export interface LocatorRead {
	node: INode;
	value: unknown;
	label: string;
	itemIndex?: number;
}

/**
 * The UUID a resource locator value names (From List / By ID / By URL, or a plain string from an
 * expression); `undefined` when it is empty and `required` is false. Throws an error naming the
 * field when the value is no Instantly ID, or is empty and required. Both nodes resolve their
 * pickers with it.
 */
export function resourceId(read: LocatorRead & { required?: true }): string;
export function resourceId(read: LocatorRead & { required: false }): string | undefined;
export function resourceId({
	node,
	value,
	label,
	itemIndex,
	required = true,
}: LocatorRead & { required?: boolean }): string | undefined {
	const { mode, text } = locatorParts(value);
	if (text === '') {
		if (!required) return undefined;
		throw new NodeOperationError(node, `${label} is required`, {
			description: `Pick a ${label.toLowerCase()} from the list, or give its ID (a UUID) or its Instantly URL.`,
			itemIndex,
		});
	}
	const id = mode === 'url' ? UUID_IN_LINK.exec(text)?.[0] : text;
	if (id === undefined || !isUuid(id)) {
		throw new NodeOperationError(node, `${label}: "${text}" is not a valid Instantly ${mode === 'url' ? 'URL' : 'ID'}`, {
			description: `Expected a UUID such as 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70${
				mode === 'url' ? ' inside an app.instantly.ai link' : ''
			}.`,
			itemIndex,
		});
	}
	return id;
}

/** A plain string (from an expression) is an ID; a locator object says its mode. */
export function locatorParts(value: unknown): { mode: unknown; text: string } {
	if (typeof value !== 'object' || value === null) return { mode: 'id', text: typeof value === 'string' ? value.trim() : '' };
	const mode = 'mode' in value ? value.mode : undefined;
	const text = 'value' in value ? String(value.value ?? '').trim() : '';
	return { mode, text };
}

/** The error for a well-formed campaign ID that Instantly does not know. */
export function campaignNotFound(node: INode, id: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `Campaign: campaign ${id} not found in this workspace`, {
		description:
			'The ID is well formed, but the Instantly workspace of this credential has no such campaign: it may have been deleted, or belong to another workspace.',
		itemIndex,
	});
}
