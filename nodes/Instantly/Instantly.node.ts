import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { getInterestStatuses } from './methods/interestStatuses';
import { searchCampaigns, searchLeadLists } from './methods/listSearch';

export class Instantly implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = {
		listSearch: { searchCampaigns, searchLeadLists },
		loadOptions: { getInterestStatuses },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
