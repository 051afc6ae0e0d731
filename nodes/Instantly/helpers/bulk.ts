import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemWorkspace, workspaceKey } from '../transport/workspace';
import { errorItem } from './answers';
import { chunk, groupBy } from './lists';

export interface BulkEntry<T> {
	itemIndex: number;
	value: T;
	/** The workspace the item acts in, as workspaceKey gives it. */
	workspace: string;
}

/** What a bulk operation does with its items: named, so that no two callbacks can be swapped. */
export interface BatchRun<T, R> {
	/** The API's limit of values per request. */
	batchSize: number;
	/** Reads and checks one item's value; what it throws makes that item invalid. */
	read: (itemIndex: number) => T;
	/** Sends one batch; `firstItemIndex` is the item its error is reported on. */
	send: (values: T[], firstItemIndex: number) => Promise<R>;
	/** One output per entry of a sent batch, from the API's answer; `batchNumber` counts from 1. */
	describe: (entries: Array<BulkEntry<T>>, response: R, batchNumber: number) => IDataObject[];
	/** How to finish after a failed batch without applying the earlier ones twice. */
	recovery?: string;
}

/**
 * Reads one value per input item (all of them before any request), sends them in batches and
 * returns one output item per input, paired to it. With continueOnFail an invalid item, or every
 * item of a failed batch, becomes an error item while the other batches still go through.
 * Without it, a failed batch stops the node, and the error says which batches were already
 * applied (and `recovery`, how to finish without doing them twice).
 */
export async function runInBatches<T, R>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	{ batchSize, read, send, describe, recovery }: BatchRun<T, R>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = new Array(items.length);
	const valid: Array<BulkEntry<T>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const entry = readEntry(context, read, itemIndex);
		if ('value' in entry) valid.push(entry);
		else if (context.continueOnFail()) output[itemIndex] = { json: errorItem(entry.error), pairedItem: { item: itemIndex } };
		// Already a NodeOperationError naming the field and the item; nothing has been sent yet.
		else throw entry.error;
	}
	let appliedItems = 0;
	for (const [batchIndex, batch] of batchesPerWorkspace(valid, batchSize).entries()) {
		let response: R;
		try {
			response = await send(
				batch.map((entry) => entry.value),
				batch[0].itemIndex,
			);
		} catch (error) {
			if (!context.continueOnFail()) throw withAppliedBatches(context, error as Error, batchIndex, appliedItems, recovery);
			for (const entry of batch) {
				output[entry.itemIndex] = { json: errorItem(error as Error), pairedItem: { item: entry.itemIndex } };
			}
			continue;
		}
		appliedItems += batch.length;
		const results = describe(batch, response, batchIndex + 1);
		batch.forEach((entry, position) => {
			output[entry.itemIndex] = { json: results[position], pairedItem: { item: entry.itemIndex } };
		});
	}
	return output;
}

function readEntry<T>(
	context: IExecuteFunctions,
	read: (itemIndex: number) => T,
	itemIndex: number,
): BulkEntry<T> | { error: Error } {
	try {
		return { itemIndex, value: read(itemIndex), workspace: workspaceKey(itemWorkspace(context, itemIndex)) };
	} catch (error) {
		return { error: error as Error };
	}
}

/** A batch is sent in the workspace of its first item, so items of different client workspaces never share one. */
function batchesPerWorkspace<T>(entries: Array<BulkEntry<T>>, batchSize: number): Array<Array<BulkEntry<T>>> {
	const perWorkspace = groupBy(entries, (entry) => entry.workspace);
	return [...perWorkspace.values()].flatMap((group) => chunk(group, batchSize));
}

/** Adds to a batch's error what the batches before it already did in Instantly. */
function withAppliedBatches(
	context: IExecuteFunctions,
	error: Error,
	failedBatchIndex: number,
	appliedItems: number,
	recovery = '',
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error);
	if (failedBatchIndex > 0) {
		const applied = `Batch ${failedBatchIndex + 1} failed; batches 1–${failedBatchIndex} (${appliedItems} items) had already been applied in Instantly.`;
		nodeError.description = [nodeError.description, applied, recovery].filter(Boolean).join(' ');
	}
	return nodeError;
}
