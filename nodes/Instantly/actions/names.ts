import type { IExecuteFunctions } from 'n8n-workflow';

import { BY_NAME, locatorParts, resourceId } from '../helpers/locator';
import type { ParameterRead } from '../helpers/validation';
import type { NamedRecords } from '../transport/names';
import { idByName } from '../transport/names';
import { itemWorkspace } from '../transport/workspace';

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
	if (mode === BY_NAME && text !== '') {
		const workspace = itemWorkspace(context, itemIndex);
		return await idByName(context, { records, name: text, label, workspace, request: { itemIndex } });
	}
	const read = { node: context.getNode(), value, label, itemIndex };
	return required ? resourceId(read) : resourceId({ ...read, required: false });
}
