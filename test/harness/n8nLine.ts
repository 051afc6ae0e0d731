import type {
	IExecuteFunctions,
	INode,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

/**
 * The n8n release line the tests drive the nodes through: `N8N_LINE=1` is n8n 1.123.81
 * (n8n-core 1.122.48, n8n-workflow 1.120.31), anything else n8n 2.41.1 (n8n-core 2.41.1,
 * n8n-workflow 2.41.0). jest.config.js maps `n8n-workflow` and `@n8n/di` to that line's copies,
 * so the nodes, n8n-core and these helpers share one n8n-workflow, as inside n8n.
 */
export const n8nLine: '1' | '2' = process.env.N8N_LINE === '1' ? '1' : '2';

const coreUtils = `n8n-core-v${n8nLine}/dist/execution-engine/node-execution-context/utils`;

type RequestHelpers = Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;

interface LineCore {
	/** n8n-core's factory of `this.helpers.http*`, as every node context gets them. */
	getRequestHelperFunctions(
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
	): RequestHelpers;
	/** n8n-core's `getNodeParameter(..., { extractValue: true })` step. */
	extractValue(value: unknown, parameterName: string, node: INode, nodeType: INodeType, itemIndex?: number): unknown;
}

// Loaded by name at run time: only the selected line is required, so the other line's n8n-core
// never meets this line's n8n-workflow.
const load = (path: string): unknown => require(path);

export const lineCore: LineCore = {
	getRequestHelperFunctions: (load(`${coreUtils}/request-helper-functions`) as Pick<LineCore, 'getRequestHelperFunctions'>)
		.getRequestHelperFunctions,
	extractValue: (load(`${coreUtils}/extract-value`) as Pick<LineCore, 'extractValue'>).extractValue,
};
