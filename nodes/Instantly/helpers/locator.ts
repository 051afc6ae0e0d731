import type { IExecuteFunctions, INode, INodeParameterResourceLocator, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID = new RegExp(UUID_PATTERN);
const UUID_IN_TEXT = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** A locator's From List mode (searchable) and By ID mode (a UUID, checked as it is typed). */
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
						properties: { regex: UUID_PATTERN, errorMessage: `Not a valid ${what} ID (a UUID)` },
					},
				],
			},
		],
	};
}

/** Whether a string is an Instantly id (a UUID). */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/**
 * The UUID a resource locator value names (From List / By ID / By URL, or a plain string from an
 * expression); `undefined` when it is empty. Throws an error naming the field when the value is
 * no Instantly ID. Shared by both nodes.
 */
export function locatorId(
	node: INode,
	raw: INodeParameterResourceLocator | string | undefined,
	label: string,
	itemIndex?: number,
): string | undefined {
	const locator = typeof raw === 'string' || raw === undefined ? { mode: 'id', value: raw ?? '' } : raw;
	const text = String(locator.value ?? '').trim();
	if (text === '') return undefined;
	const id = locator.mode === 'url' ? UUID_IN_TEXT.exec(text)?.[0] : text;
	if (id === undefined || !isUuid(id)) {
		throw new NodeOperationError(node, `${label}: "${text}" is not a valid Instantly ${locator.mode === 'url' ? 'URL' : 'ID'}`, {
			description: `Expected a UUID such as 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70${
				locator.mode === 'url' ? ' inside an app.instantly.ai link' : ''
			}.`,
			itemIndex,
		});
	}
	return id;
}

/** The error for a well-formed campaign ID that Instantly does not know. */
export function campaignNotFound(node: INode, id: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `Campaign: campaign ${id} not found in this workspace`, {
		description:
			'The ID is well formed, but the Instantly workspace of this credential has no such campaign: it may have been deleted, or belong to another workspace.',
		itemIndex,
	});
}

/**
 * Reads a resource locator and returns the UUID it names, or throws an error naming the field.
 * `undefined` when empty and not required.
 */
export function getResourceId(
	this: IExecuteFunctions,
	parameterName: string,
	itemIndex: number,
	label: string,
	{ required = true } = {},
): string | undefined {
	const raw = this.getNodeParameter(parameterName, itemIndex, '', { extractValue: false }) as
		| INodeParameterResourceLocator
		| string;
	const id = locatorId(this.getNode(), raw, label, itemIndex);
	if (id === undefined && required) {
		throw new NodeOperationError(this.getNode(), `${label} is required`, {
			description: `Pick a ${label.toLowerCase()} from the list, or give its ID (a UUID) or its Instantly URL.`,
			itemIndex,
		});
	}
	return id;
}
