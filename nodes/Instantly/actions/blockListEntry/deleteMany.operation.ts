import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runInBatches } from '../../helpers/bulk';
import type { BlockListEntry } from '../../helpers/interfaces';
import { readUuid } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { entryIdProperty } from './common';

/** `bulk-delete` takes at most 1,000 ids per request. */
export const BATCH_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		...entryIdProperty,
		default: '={{ $json.id }}',
		description: 'The ID of the entry to delete, read from each input item; all items are sent in batches of up to 1,000',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['blockListEntry'], operation: ['deleteMany'] } },
	properties,
);

/** One output item per input: `deleted: true` with the entry, or `deleted: false` when Instantly had no such entry. */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runInBatches(this, items, {
		batchSize: BATCH_SIZE,
		read: (itemIndex) => readUuid(this, { name: 'entryId', label: 'Entry ID', itemIndex }),
		send: async (ids, firstItemIndex) =>
			(await instantlyApiRequest.call(this, endpoints.deleteBlockListEntries, {
				body: { ids },
				itemIndex: firstItemIndex,
			})) as unknown as BlockListEntry[],
		describe: (entries, response) => {
			const deleted = new Map((Array.isArray(response) ? response : []).map((entry) => [entry.id, entry]));
			return entries.map(({ value }): IDataObject => {
				const entry = deleted.get(value);
				return entry ? { deleted: true, ...entry } : { deleted: false, id: value, reason: 'not_found' };
			});
		},
	});
}
