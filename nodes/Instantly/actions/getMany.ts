import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readInteger } from '../helpers/validation';
import type { Endpoint } from '../transport/endpoints';
import type { PaginateRequest } from '../transport/pagination';
import { fetchAll } from '../transport/pagination';

/** How many records Get Many should fetch (its Return All and Limit): undefined means every page. */
export function pageLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return readInteger(context, { name: 'limit', label: 'Limit', itemIndex }, { min: 1, max: Number.MAX_SAFE_INTEGER });
}

/** Get Many: every page of a list endpoint, or as many records as Return All / Limit allow. */
export async function getMany(
	this: IExecuteFunctions,
	endpoint: Endpoint,
	itemIndex: number,
	request: Pick<PaginateRequest, 'qs' | 'body'>,
): Promise<IDataObject[]> {
	return (await fetchAll.call(this, endpoint, { ...request, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}
