import type { INode, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid, UUID_IN_TEXT, UUID_PATTERN } from './validation';

const URL_MODE = 'url';

const UUID_IN_LINK = new RegExp(UUID_IN_TEXT);

/**
 * The modes an Instantly record's picker offers: a searchable list, a UUID, an app.instantly.ai link
 * (for records that have a page there), or a name resolved when the workflow runs (so a workflow
 * copied to another workspace finds that workspace's record of the same name).
 */
export function locatorModes(
	what: string,
	searchListMethod: string,
	examples: { name: string; url?: string },
): Pick<INodeProperties, 'type' | 'default' | 'modes'> {
	const locator = {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			...listAndIdModes(what, searchListMethod).modes,
			{
				displayName: 'By URL',
				name: URL_MODE,
				type: 'string',
				placeholder: examples.url,
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
				placeholder: `e.g. ${examples.name}`,
			},
		],
	} satisfies Pick<INodeProperties, 'type' | 'default' | 'modes'>;
	if (examples.url !== undefined) return locator;
	return { ...locator, modes: locator.modes.filter((mode) => mode.name !== URL_MODE) };
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

/** The By Name mode, resolved when the workflow runs, in the workspace it acts in. */
export const BY_NAME = 'name';

/** Names compare after trimming and case folding, so a template's "Q3 outbound " finds "Q3 Outbound". */
export function foldName(name: string): string {
	return name.trim().toLocaleLowerCase('en-US');
}

/** How many names an error lists before saying how many more there are. */
const LISTED_NAMES = 10;

/** `"A", "B", "C" and 12 more`: the names a By Name error offers instead. */
export function listedNames(names: string[]): string {
	const listed = names.slice(0, LISTED_NAMES).map((name) => `"${name}"`).join(', ');
	return names.length > LISTED_NAMES ? `${listed} and ${names.length - LISTED_NAMES} more` : listed;
}

/** A campaign picker: searchable list, UUID, app link, or name. */
export function campaignLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Campaign',
		name: 'campaignId',
		description: 'The Instantly campaign',
		...locatorModes('Campaign', 'searchCampaigns', {
			name: 'Q3 Outbound',
			url: 'https://app.instantly.ai/app/campaign/<ID>/analytics',
		}),
		...overrides,
	};
}

/** A lead list picker: searchable list, UUID, app link, or name. */
export function leadListLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Lead List',
		name: 'listId',
		description: 'The Instantly lead list',
		...locatorModes('Lead List', 'searchLeadLists', { name: 'Webinar Signups', url: 'https://app.instantly.ai/app/lead-list/<ID>' }),
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
	const id = mode === URL_MODE ? UUID_IN_LINK.exec(text)?.[0] : text;
	if (id === undefined || !isUuid(id)) {
		throw new NodeOperationError(node, `${label}: "${text}" is not a valid Instantly ${mode === URL_MODE ? 'URL' : 'ID'}`, {
			description: `Expected a UUID such as 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70${
				mode === URL_MODE ? ' inside an app.instantly.ai link' : ''
			}.`,
			itemIndex,
		});
	}
	return id;
}

/** A lead label picker: searchable list, UUID, or name (a label has no page of its own in the app). */
export function leadLabelLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Lead Label',
		name: 'labelId',
		description: 'The Instantly lead label (custom interest status)',
		...locatorModes('Lead Label', 'searchLeadLabels', { name: 'Meeting Booked' }),
		...overrides,
	};
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
