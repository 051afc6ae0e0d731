import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['backgroundJob'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a background job (lead moves, warmup changes), optionally once it is done',
				action: 'Get a background job',
			},
		],
		default: 'get',
	},
	...get.description,
];
