import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { answerJson, errorItem } from '../helpers/answers';
import { groupBy } from '../helpers/lists';
import { readNumber } from '../helpers/validation';
import { itemWorkspace, workspaceKey } from '../transport/workspace';
import * as account from './account';
import * as backgroundJob from './backgroundJob';
import * as blockListEntry from './blockListEntry';
import * as campaign from './campaign';
import * as email from './email';
import * as emailVerification from './emailVerification';
import * as lead from './lead';
import * as leadLabel from './leadLabel';
import * as leadList from './leadList';
import type { InstantlyOperation, InstantlyType, ResourceOperations } from './node.type';
import * as webhook from './webhook';
import * as workspace from './workspace';

/** The upper bound of the Parallel Requests field. */
export const MAX_PARALLEL_REQUESTS = 25;

/** Every resource's operations, checked against the Resource and Operation options at compile time. */
export const resources = {
	lead: lead.operations,
	campaign: campaign.operations,
	blockListEntry: blockListEntry.operations,
	email: email.operations,
	account: account.operations,
	leadList: leadList.operations,
	leadLabel: leadLabel.operations,
	backgroundJob: backgroundJob.operations,
	emailVerification: emailVerification.operations,
	webhook: webhook.operations,
	workspace: workspace.operations,
} satisfies ResourceOperations;

/** Runs the chosen operation for every input item, pairing each output with its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as InstantlyType['resource'];
	// Own properties only: a resource or operation named "constructor" or "toString" is not one.
	const operations: Partial<Record<string, InstantlyOperation>> | undefined = Object.hasOwn(resources, resource)
		? resources[resource]
		: undefined;
	// n8n keeps only the Operation shown for a known resource, so for an unknown one there is none to read.
	if (!operations) throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not supported`);
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	// Bulk operations batch all items into as few requests as the API allows and pair their output themselves.
	if ('executeAll' in handler) return [await handler.executeAll.call(this, items)];

	const concurrency = readNumber(
		this,
		{ name: 'parallelRequests', label: 'Parallel Requests', itemIndex: 0, fallback: 1 },
		{ integer: true, min: 1, max: MAX_PARALLEL_REQUESTS },
	);
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, Error>();

	// Each lane's workers take its items in turn; each output lands at its input's index, so order and pairing hold.
	const laneWorkers = (lane: number[]) => {
		let next = 0;
		const worker = async () => {
			while (next < lane.length && (failures.size === 0 || this.continueOnFail())) {
				const itemIndex = lane[next++];
				try {
					const data = await handler.execute.call(this, itemIndex);
					outputs[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(answerJson(data)), {
						itemData: { item: itemIndex },
					});
				} catch (error) {
					if (this.continueOnFail()) outputs[itemIndex] = [{ json: errorItem(error), pairedItem: { item: itemIndex } }];
					else failures.set(itemIndex, error);
				}
			}
		};
		return Array.from({ length: Math.min(concurrency, lane.length) }, worker);
	};
	await Promise.all([...workspaceLanes(this, items.length).values()].flatMap(laneWorkers));

	if (failures.size > 0) {
		const firstFailed = Math.min(...failures.keys());
		const error = withItemIndex(this, failures.get(firstFailed)!, firstFailed);
		const applied = outputs.flatMap((output, itemIndex) => (output === undefined ? [] : [itemIndex + 1]));
		if (applied.length > 0) {
			error.description = [
				error.description,
				`Item ${firstFailed + 1} failed; ${applied.length === 1 ? 'item' : 'items'} ${itemRanges(applied)} had already been sent and applied in Instantly, and no item was sent after the failure. Remove the applied items before running again, or they are sent twice.`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw error;
	}
	return [outputs.flat()];
}

const UNREADABLE_WORKSPACE_LANE = 'unreadable';

/**
 * Item indexes in input order, grouped by the workspace each item acts in, so Parallel Requests
 * applies per workspace as Instantly's rate limits do (a client given by name and by ID gets two
 * lanes; pacing, done per workspace ID, still holds them to one workspace's limits). Items whose
 * workspace cannot be read share a lane, where their operation refuses them at their turn.
 */
function workspaceLanes(context: IExecuteFunctions, itemCount: number): Map<string, number[]> {
	const itemIndexes = Array.from({ length: itemCount }, (_, itemIndex) => itemIndex);
	return groupBy(itemIndexes, (itemIndex) => {
		try {
			return workspaceKey(itemWorkspace(context, itemIndex));
		} catch {
			return UNREADABLE_WORKSPACE_LANE;
		}
	});
}

function withItemIndex(context: IExecuteFunctions, error: Error, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

/** `1, 2, 3, 5` → `1–3, 5`, so thousands of applied items still read as a short list. */
function itemRanges(numbers: number[]): string {
	const ranges: Array<[number, number]> = [];
	for (const number of numbers) {
		const last = ranges[ranges.length - 1];
		if (last !== undefined && last[1] === number - 1) last[1] = number;
		else ranges.push([number, number]);
	}
	return ranges.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`)).join(', ');
}
