import type { INodeProperties } from 'n8n-workflow';

export const enrichmentOption: INodeProperties = {
	displayName: 'Enrich New Leads',
	name: 'hasEnrichmentTask',
	type: 'boolean',
	default: false,
	description: 'Whether Instantly runs its enrichment on every lead added to the list (uses enrichment credits)',
};

export const ownerOption: INodeProperties = {
	displayName: 'Owner User ID',
	name: 'ownedBy',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
	description: 'ID of the workspace user who owns the list; defaults to the key’s user',
};
