import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { toCustomVariables } from '../../helpers/mappers';
import { pairsValue } from '../../helpers/validation';

export const leadIdProperty: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
	description: 'The ID (UUID) of the lead, as returned by Create or Get Many',
};

/** The Custom Variables field of a lead fields collection as `custom_variables`; undefined when none is set. */
export function customVariablesOf({ node, fields, itemIndex }: { node: INode; fields: IDataObject; itemIndex: number }) {
	return toCustomVariables({
		node,
		pairs: pairsValue({ node, value: fields.customVariables, label: 'Custom Variables', itemIndex }, 'variable'),
		itemIndex,
	});
}
