import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runInBatches } from '../../helpers/bulk';
import type { BlockListEntry, BulkCreateBlockListSummary } from '../../helpers/interfaces';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { readBlockValue, valueProperty } from './common';

/** `bulk-create` takes at most 1,000 values per request. */
export const BATCH_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		...valueProperty,
		default: '={{ $json.email }}',
		description:
			'The email address or domain to block, read from each input item; all items are sent in batches of up to 1,000',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['createMany'] } },
	properties,
);

/** One output item per input: `status: 'blocked'` with the entry, or `'rejected'` if Instantly refused the value. */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runInBatches(this, items, {
		batchSize: BATCH_SIZE,
		read: (itemIndex) => readBlockValue(this, itemIndex),
		send: async (values, firstItemIndex) =>
			(await instantlyApiRequest.call(this, endpoints.createBlockListEntries, {
				body: { bl_values: values },
				itemIndex: firstItemIndex,
			})) as BulkCreateBlockListSummary,
		describe: (entries, response, batch) => {
			const byValue = new Map<string, BlockListEntry>(
				(response.items ?? []).map((entry) => [entry.bl_value.toLowerCase(), entry]),
			);
			return entries.map(({ value }): IDataObject => {
				const entry = byValue.get(value.toLowerCase());
				return entry
					? { status: 'blocked', ...entry }
					: {
							status: 'rejected',
							bl_value: value,
							batch,
							batchSummary: { valid_count: response.valid_count, invalid_count: response.invalid_count },
						};
			});
		},
	});
}
