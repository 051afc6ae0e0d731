import type { INodeProperties } from 'n8n-workflow';

export const leadIdProperty: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
	description: 'The ID (UUID) of the lead, as returned by Create or Get Many',
};
