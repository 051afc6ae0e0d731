import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { versionProperties } from './actions/versionDescription';
import { getInterestStatuses } from './methods/interestStatuses';
import { searchCampaigns, searchClientWorkspaces, searchLeadLabels, searchLeadLists } from './methods/listSearch';

export class Instantly implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instantly',
		name: 'instantly',
		icon: { light: 'file:instantly.svg', dark: 'file:instantly.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage leads, campaigns, block lists, the unibox, sending accounts, webhooks and client workspaces in Instantly.ai (API v2)',
		defaults: { name: 'Instantly' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantlyAiApi', required: true }],
		properties: versionProperties,
	};

	methods = {
		listSearch: { searchCampaigns, searchClientWorkspaces, searchLeadLabels, searchLeadLists },
		loadOptions: { getInterestStatuses },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
